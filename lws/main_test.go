package lws

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/golws/golws/lws/internal/logs"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// waitBound bounds every wait in these tests; reaching it is a failure.
const waitBound = 10 * time.Second

// recorder collects what callbacks saw, from the service goroutine, for
// the test goroutine.
type recorder struct {
	mu     sync.Mutex
	events []string
	notify chan struct{}
}

func newRecorder() *recorder { return &recorder{notify: make(chan struct{}, 1)} }

func (r *recorder) add(format string, a ...any) {
	r.mu.Lock()
	r.events = append(r.events, fmt.Sprintf(format, a...))
	r.mu.Unlock()
	select {
	case r.notify <- struct{}{}:
	default:
	}
}

func (r *recorder) snapshot() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.events...)
}

// waitFor blocks until cond holds on the recorded events.
func (r *recorder) waitFor(t *testing.T, what string, cond func([]string) bool) []string {
	t.Helper()
	deadline := time.After(waitBound)
	for {
		ev := r.snapshot()
		if cond(ev) {
			return ev
		}
		select {
		case <-r.notify:
		case <-deadline:
			t.Fatalf("timed out waiting for %s; events: %q", what, ev)
		}
	}
}

func (r *recorder) waitEvent(t *testing.T, ev string) []string {
	t.Helper()
	return r.waitFor(t, ev, func(evs []string) bool { return contains(evs, ev) })
}

func contains(evs []string, ev string) bool {
	for _, e := range evs {
		if e == ev {
			return true
		}
	}
	return false
}

func count(evs []string, ev string) int {
	n := 0
	for _, e := range evs {
		if e == ev {
			n++
		}
	}
	return n
}

// server is a running context on a free loopback port, serviced by its
// own goroutine through Run; stop destroys it on that goroutine.
type server struct {
	ctx  *Context
	url  string
	stop func()
}

func startServer(t *testing.T, info ContextCreationInfo) *server {
	t.Helper()
	info.Port = 0
	info.Iface = "127.0.0.1"
	c, err := CreateContext(&info)
	if err != nil {
		t.Fatalf("CreateContext: %v", err)
	}
	gctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = c.Run(gctx)
		c.Destroy()
	}()
	s := &server{ctx: c, url: fmt.Sprintf("ws://127.0.0.1:%d", c.Vhost().Port())}
	var once sync.Once
	s.stop = func() {
		once.Do(func() {
			cancel()
			select {
			case <-done:
			case <-time.After(waitBound):
				t.Errorf("context did not stop")
			}
		})
	}
	t.Cleanup(s.stop)
	return s
}

func (s *server) httpURL() string { return "http" + strings.TrimPrefix(s.url, "ws") }

func dial(t *testing.T, url string, protocols ...string) *websocket.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitBound)
	defer cancel()
	c, resp, err := websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols: protocols})
	if err != nil {
		t.Fatalf("dial %s %v: %v", url, protocols, err)
	}
	if resp.Body != nil {
		resp.Body.Close()
	}
	return c
}

func readText(t *testing.T, c *websocket.Conn) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitBound)
	defer cancel()
	_, b, err := c.Read(ctx)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return string(b)
}

func writeText(t *testing.T, c *websocket.Conn, s string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitBound)
	defer cancel()
	if err := c.Write(ctx, websocket.MessageText, []byte(s)); err != nil {
		t.Fatalf("write: %v", err)
	}
}

// logCapture collects log lines for the duration of a test.
type logCapture struct {
	mu     sync.Mutex
	lines  []string
	notify chan struct{}
}

func captureLogs(t *testing.T, mask int) *logCapture {
	lc := &logCapture{notify: make(chan struct{}, 1)}
	logs.ResetForTest() // no duplicate history from an earlier test
	SetLogLevel(mask, func(level int, line string) {
		lc.mu.Lock()
		lc.lines = append(lc.lines, line)
		lc.mu.Unlock()
		select {
		case lc.notify <- struct{}{}:
		default:
		}
	})
	t.Cleanup(func() { SetLogLevel(LogDefault, nil); LogToSlog(nil) })
	return lc
}

// has reports whether some line ends with "L: text".
func (lc *logCapture) has(letter, text string) bool {
	lc.mu.Lock()
	defer lc.mu.Unlock()
	for _, l := range lc.lines {
		if strings.HasSuffix(strings.TrimSuffix(l, "\n"), "] "+letter+": "+text) {
			return true
		}
	}
	return false
}

func (lc *logCapture) waitLine(t *testing.T, letter, text string) {
	t.Helper()
	deadline := time.After(waitBound)
	for !lc.has(letter, text) {
		select {
		case <-lc.notify:
		case <-deadline:
			lc.mu.Lock()
			defer lc.mu.Unlock()
			t.Fatalf("no log line %s: %s in %q", letter, text, lc.lines)
		}
	}
}

func httpGet(t *testing.T, url string, hdr map[string]string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}
