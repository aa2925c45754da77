package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
	"github.com/golws/golws/minimal-examples/test-apps/internal/peers"
)

// clientSecs is how long each run of the C client lasts.
const clientSecs = 3

// cClientSummary is what a run of libwebsockets-test-client shows about
// the server it talked to.
type cClientSummary struct {
	dumbUp, mirrorUp bool // both connections established
	numbers          []int
	writes           int      // mirror messages sent
	errors           []string // ERR lines but the final "Exiting"
	exitCode         int
}

var rxLine = regexp.MustCompile(`\] I: rx \d+ '(\d+)'`)

func summarize(run peers.ClientRun) cClientSummary {
	s := cClientSummary{
		dumbUp:   strings.Contains(run.Output, "dumb: LWS_CALLBACK_CLIENT_ESTABLISHED"),
		mirrorUp: strings.Contains(run.Output, "mirror: LWS_CALLBACK_CLIENT_ESTABLISHED"),
		writes:   strings.Count(run.Output, "U: LWS_CALLBACK_CLIENT_WRITEABLE"),
		errors:   peers.ErrorLines(run.Output, "Exiting"),
		exitCode: run.ExitCode,
	}
	for _, m := range rxLine.FindAllStringSubmatch(run.Output, -1) {
		n, _ := strconv.Atoi(m[1])
		s.numbers = append(s.numbers, n)
	}
	return s
}

// check says what is wrong with a run against one server.
func (s cClientSummary) check() []string {
	var bad []string
	if !s.dumbUp || !s.mirrorUp {
		bad = append(bad, "a connection was not established")
	}
	// 20 numbers a second; allow for connecting and a loaded machine.
	if len(s.numbers) < 10 {
		bad = append(bad, "fewer than 10 numbers: "+strconv.Itoa(len(s.numbers)))
	}
	for i, n := range s.numbers {
		if n != i {
			bad = append(bad, "numbers not 0, 1, 2 ...: "+strconv.Itoa(n)+" at "+strconv.Itoa(i))
			break
		}
	}
	if s.writes < 500 {
		bad = append(bad, "the mirror was not flooded: "+strconv.Itoa(s.writes)+" writes")
	}
	if len(s.errors) > 0 {
		bad = append(bad, "error lines: "+strings.Join(s.errors, " | "))
	}
	if s.exitCode != 0 {
		bad = append(bad, "exit code "+strconv.Itoa(s.exitCode))
	}
	return bad
}

// Debian's C client against our server and against Debian's C server: both
// connections come up, the numbers count from 0, the mirror is flooded and
// a third member sees the flood, and nothing logs an error.
func TestCClientAgainstServers(t *testing.T) {
	peers.Require(t)
	goSrv := startGoServer(t)
	cSrv := peers.StartCServer(t)

	type result struct {
		sum     cClientSummary
		circles int64
		others  int64
	}
	results := map[string]*result{}
	for _, srv := range []struct {
		name string
		port int
	}{{"go", goSrv.Port}, {"c", cSrv.Port}} {
		w := peers.WatchMirror(t, srv.port)
		// -d 1039 adds INFO, where the C client logs each number.
		run := peers.RunCClient(t, clientSecs, "127.0.0.1", "--port="+strconv.Itoa(srv.port), "-d", "1039")
		r := &result{sum: summarize(run), circles: w.Circles(), others: w.Others()}
		results[srv.name] = r
		t.Logf("%s server: %d numbers, %d mirror writes, watcher saw %d circles and %d pieces, exit %d",
			srv.name, len(r.sum.numbers), r.sum.writes, r.circles, r.others, r.sum.exitCode)
		if bad := r.sum.check(); len(bad) > 0 {
			t.Errorf("%s server: %s\nclient output (tail):\n%s", srv.name, strings.Join(bad, "; "), exampletest.Tail(run.Output, 40))
		}
		// Only a lower bound: under -race our server may still be fanning
		// out when the client stops. Other messages are not an error: C's
		// mirror sends each RECEIVE chunk as a message, so a circle that
		// reached it in two TCP reads goes out as two pieces.
		if r.circles < 500 {
			t.Errorf("%s server: the watching mirror member got only %d circles", srv.name, r.circles)
		}
	}
	// Both count every 50 ms: about 20 numbers a second from each. The
	// bounds are wide because a loaded machine delays both servers (and
	// the client); comparing the two counts with each other was flaky.
	want := clientSecs * 20
	for _, name := range []string{"go", "c"} {
		if n := len(results[name].sum.numbers); n < want*4/10 || n > want*12/10+2 {
			t.Errorf("%s server: %d numbers in %d s, want about %d", name, n, clientSecs, want)
		}
	}
	if errs := peers.ErrorLines(goSrv.Log.String()); len(errs) > 0 {
		t.Errorf("our server logged errors: %q", errs)
	}
	if errs := peers.ErrorLines(cSrv.Log.String()); len(errs) > 0 {
		t.Errorf("the C server logged errors: %q", errs)
	}
}

// echoClosed is the line a C client run with -e ends with: it sends 1024
// blocks of 12288 pseudo-random bytes as text on lws-mirror-protocol and
// checks the echo.
var echoClosed = regexp.MustCompile(`mirror: LWS_CALLBACK_CLOSED mirror_lifetime=\d+, rxb (\d+), rx_count \d+`)

// echoOutcome is how such a run ended.
func echoOutcome(out string) string {
	m := echoClosed.FindStringSubmatch(out)
	if m == nil {
		return "no close"
	}
	return "closed after " + m[1] + " blocks echoed, all received: " +
		strconv.FormatBool(strings.Contains(out, "Everything received: errs 0"))
}

// The C client's echo mode sends bytes that are not UTF-8 as text. Both
// servers run with LWS_SERVER_OPTION_VALIDATE_UTF8, as test-server.c does,
// so both should close the connection at the first block.
func TestCClientEchoMode(t *testing.T) {
	peers.Require(t)
	goSrv := startGoServer(t)
	cSrv := peers.StartCServer(t)
	c := echoOutcome(peers.RunCClient(t, 5, "127.0.0.1", "--port="+strconv.Itoa(cSrv.Port), "-e").Output)
	g := echoOutcome(peers.RunCClient(t, 5, "127.0.0.1", "--port="+strconv.Itoa(goSrv.Port), "-e").Output)
	if c != "closed after 0 blocks echoed, all received: false" {
		t.Errorf("C server: %s", c)
	}
	if g != c {
		t.Errorf("ours: %s", g)
	}
}
