package main

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/golws/golws/minimal-examples/test-apps/internal/peers"
)

// traceBound bounds one --trace run; it takes well under a second.
const traceBound = 30 * time.Second

// runTrace runs the client's --trace script against the server on port
// and returns its output.
func runTrace(t *testing.T, port int) string {
	t.Helper()
	c := startClient(t, "--trace", "127.0.0.1", "--port="+strconv.Itoa(port))
	if code := waitWithin(t, c, traceBound); code != 0 {
		t.Errorf("--trace exited %d", code)
	}
	return c.Log.String()
}

var (
	// Timing and peer addresses are all the normaliser ignores.
	traceTime = regexp.MustCompile(`time:"\d+"`)
	tracePeer = regexp.MustCompile(`peer:"[^"]*"`)
	// traceUA is masked in the comparison and compared on its own: see
	// TestTraceSameOnBothServers.
	traceUA = regexp.MustCompile(`ua:"[^"]*"`)
)

// normalise keeps the "trace: " lines and masks times and peer addresses.
func normalise(out string) []string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if rest, ok := strings.CutPrefix(l, "trace: "); ok {
			rest = traceTime.ReplaceAllString(rest, "time:<time>")
			rest = tracePeer.ReplaceAllString(rest, "peer:<addr>")
			lines = append(lines, rest)
		}
	}
	return lines
}

// expectedTrace is what lws 4.1.6's test server shows the script, after
// normalise and with the user agents masked.
var expectedTrace = []string{
	`choice: established, subprotocol "lws-mirror-protocol"`,
	`choice: closed`,
	`dumb: established, subprotocol "dumb-increment-protocol"`,
	`dumb: rx 0`, `dumb: rx 1`, `dumb: rx 2`, `dumb: rx 3`, `dumb: rx 4`,
	`dumb: reset, counting again from 0 (numbers before it in order: true)`,
	`dumb: rx 1`, `dumb: rx 2`,
	`dumb: the server closed with 1001 "seeya" (numbers before it in order: true)`,
	`dumb: closed`,
	`mirror a: established, subprotocol "lws-mirror-protocol"`,
	`mirror a: rx "a: hello"`,
	`mirror b: established, subprotocol "lws-mirror-protocol"`,
	`mirror b: rx "b: hello"`,
	`mirror a: rx "b: hello"`,
	`mirror a: rx "a: again"`,
	`mirror b: rx "a: again"`,
	`mirror a: closed`,
	`mirror b: closed`,
	`status 1: established, subprotocol "lws-status"`,
	`status 1: rx status ` + statusShape(1),
	`status 2: established, subprotocol "lws-status"`,
	`status 2: rx status ` + statusShape(2),
	`status 1: rx status ` + statusShape(2),
	`status 2: closed`,
	`status 1: rx status ` + statusShape(1),
	`status 1: closed`,
	`done`,
}

func statusShape(conns int) string {
	entries := make([]string, conns)
	for i := range entries {
		entries[i] = `{peer:<addr> time:<time> ua:<ua> keys:3}`
	}
	return `keys=conns,hostname,version,wsi,wss_over_h2 version=true wss_over_h2="0" ` +
		`hostname-is-local=true wsi=true conns=[` + strings.Join(entries, " ") + `]`
}

// Our client's scripted trace is the same against Debian's C test server
// and against ours: subprotocol choice, the numbers, reset and closeme,
// mirror fan-out to two members, lws-status's JSON on connect and
// disconnect.
func TestTraceSameOnBothServers(t *testing.T) {
	peers.Require(t)
	cSrv := peers.StartCServer(t)
	goPort, _ := startGoServer(t)

	cOut := runTrace(t, cSrv.Port)
	goOut := runTrace(t, goPort)
	c, g := normalise(cOut), normalise(goOut)
	t.Logf("C server trace:\n%s", strings.Join(c, "\n"))

	mask := func(lines []string) string {
		return traceUA.ReplaceAllString(strings.Join(lines, "\n"), "ua:<ua>")
	}
	want := strings.Join(expectedTrace, "\n")
	if mask(c) != want {
		t.Errorf("the C server's trace is not the expected one:\n got:\n%s\nwant:\n%s", mask(c), want)
	}
	if mask(g) != mask(c) {
		t.Errorf("traces differ:\n ours:\n%s\n C:\n%s", mask(g), mask(c))
	}

	checkLiveCount(t, goOut)

	t.Run("user agent", func(t *testing.T) {
		cUA := traceUA.FindAllString(strings.Join(c, "\n"), -1)
		gUA := traceUA.FindAllString(strings.Join(g, "\n"), -1)
		if strings.Join(cUA, " ") != strings.Join(gUA, " ") {
			t.Errorf("lws-status user agents: ours %q, C %q", gUA, cUA)
		}
	})
}

// checkLiveCount: our lws-status's "wsi" is the number of live
// connections, which C's is not (see ../protocols DEVIATIONS).
func checkLiveCount(t *testing.T, out string) {
	t.Helper()
	n := 0
	for _, l := range strings.Split(out, "\n") {
		_, raw, ok := strings.Cut(l, "trace-raw: ")
		if !ok {
			continue
		}
		_, js, _ := strings.Cut(raw, ": ")
		var st struct {
			Wsi   string            `json:"wsi"`
			Conns []json.RawMessage `json:"conns"`
		}
		if err := json.Unmarshal([]byte(js), &st); err != nil {
			t.Errorf("status JSON %q: %v", js, err)
			continue
		}
		if st.Wsi != strconv.Itoa(len(st.Conns)) {
			t.Errorf("wsi %q with %d conns in %s", st.Wsi, len(st.Conns), js)
		}
		n++
	}
	if n != 4 {
		t.Errorf("%d status messages, want 4", n)
	}
}
