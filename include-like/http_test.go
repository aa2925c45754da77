package lwsc_test

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golws/golws/lws"

	. "github.com/golws/golws/include-like"
)

// waitBound bounds every wait here; reaching it fails the test.
const waitBound = 10 * time.Second

// serve runs a context made from info on a free loopback port until the
// test ends, and returns the port.
func serve(t *testing.T, info Lws_context_creation_info) int {
	t.Helper()
	info.Port, info.Iface = 0, "127.0.0.1"
	c := Lws_create_context(&info)
	if c == nil {
		t.Fatal("lws init failed")
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = c.Run(ctx)
		Lws_context_destroy(c)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(waitBound):
			t.Error("context did not stop")
		}
	})
	return Lws_get_vhost_listen_port(Lws_get_vhost_by_name(c, "default"))
}

// get sends a raw HTTP/1.1 request for path and returns the response with
// its body read.
func get(t *testing.T, port int, path string, headers ...string) (*http.Response, string) {
	t.Helper()
	c, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(port), waitBound)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(waitBound))
	req := "GET " + path + " HTTP/1.1\r\nHost: h\r\n" + strings.Join(headers, "") + "\r\n"
	if _, err := io.WriteString(c, req); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: body: %v", path, err)
	}
	return resp, string(body)
}

// logLines collects log lines until the test ends.
type logLines struct {
	mu    sync.Mutex
	lines []string
}

func captureLogs(t *testing.T) *logLines {
	l := &logLines{}
	Lws_set_log_level(LLL_ERR|LLL_WARN|LLL_NOTICE, func(level int, line string) {
		l.mu.Lock()
		l.lines = append(l.lines, strings.TrimSuffix(line, "\n"))
		l.mu.Unlock()
	})
	t.Cleanup(func() { Lws_set_log_level(lws.LogDefault, nil) })
	return l
}

func (l *logLines) has(suffix string) bool {
	for _, s := range l.snapshot() {
		if strings.HasSuffix(s, suffix) {
			return true
		}
	}
	return false
}

func (l *logLines) snapshot() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.lines...)
}

// ctimeRE matches the ctime_r text in the dynamic page.
var ctimeRE = regexp.MustCompile(`Time: [A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9]\d \d\d:\d\d:\d\d \d{4}\n`)

// The port of minimal-http-server-dynamic answers /dyn/3 with the very
// bytes lws's own build of the example sent (testdata/dynamic-3.body,
// taken from it), the time aside: one head, then four pieces of content
// built with the cursor idiom, the last one LWS_WRITE_HTTP_FINAL; and no
// content length, so the connection closes after it.
func TestDynamicExampleMatchesLws(t *testing.T) {
	logs := captureLogs(t)
	port := serve(t, Lws_context_creation_info{
		Protocols: dynamicProtocols(),
		Mounts:    dynamicMounts(),
		Options:   LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE,
	})
	want, err := os.ReadFile("testdata/dynamic-3.body")
	if err != nil {
		t.Fatal(err)
	}
	resp, body := get(t, port, "/dyn/3?x=hi")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/html" || !resp.Close ||
		resp.Header.Get("X-Frame-Options") != "deny" {
		t.Errorf("head: %d %v close=%v", resp.StatusCode, resp.Header, resp.Close)
	}
	if !ctimeRE.MatchString(body) {
		t.Errorf("no time in %.300q", body)
	}
	const stamp = "Time: <ctime>"
	if g, w := ctimeRE.ReplaceAllString(body, stamp), ctimeRE.ReplaceAllString(string(want), stamp); g != w {
		t.Errorf("body (%d bytes) differs from lws's (%d):\ngot  %.400q\nwant %.400q", len(g), len(w), g, w)
	}
	for _, line := range []string{"callback_dynamic_http: HTTP: connection 127.0.0.1, path /3", "x=hi"} {
		if !logs.has("N: " + line) {
			t.Errorf("no notice %q in %q", line, logs.snapshot())
		}
	}
	// The rest of the URL space is the file mount.
	if resp, body := get(t, port, "/"); resp.StatusCode != 200 || body != "<p>static</p>" {
		t.Errorf("GET /: %d %q", resp.StatusCode, body)
	}
}
