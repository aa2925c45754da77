package protocols

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
	"go.uber.org/goleak"

	. "github.com/golws/golws/include-like"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const waitBound = 10 * time.Second

// logLines collects lws's log for a test.
type logLines struct {
	mu     sync.Mutex
	b      strings.Builder
	notify chan struct{} // a line arrived (one token is enough)
}

func newLogLines() *logLines { return &logLines{notify: make(chan struct{}, 1)} }

func (l *logLines) add(_ int, line string) {
	l.mu.Lock()
	l.b.WriteString(line)
	l.mu.Unlock()
	select {
	case l.notify <- struct{}{}:
	default:
	}
}

// waitFor blocks until the log holds substr.
func (l *logLines) waitFor(t *testing.T, substr string) {
	t.Helper()
	deadline := time.NewTimer(waitBound)
	defer deadline.Stop()
	for !strings.Contains(l.String(), substr) {
		select {
		case <-l.notify:
		case <-deadline.C:
			t.Fatalf("no %q in the log:\n%s", substr, l)
		}
	}
}

func (l *logLines) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// serve runs the test server's vhost on a loopback port until the test
// ends; dumbOptions is the dumb-increment "options" pvo.
func serve(t *testing.T, dumbOptions uint) (string, *logLines) {
	t.Helper()
	log := newLogLines()
	// INFO shows expiring timeouts.
	Lws_set_log_level(LLL_USER|LLL_ERR|LLL_WARN|LLL_NOTICE|LLL_INFO, log.add)
	info := Lws_context_creation_info{
		Iface:     "127.0.0.1",
		Protocols: ServerProtocols(),
		Pvo:       ServerPvo(dumbOptions),
		Options:   ServerOptions,
	}
	c := Lws_create_context(&info)
	if c == nil {
		t.Fatalf("no context:\n%s", log)
	}
	url := "ws://127.0.0.1:" + Lws_snprintf("%d", Lws_get_vhost_listen_port(c.Vhost())) + "/"
	var stop atomic.Bool
	done := make(chan struct{})
	go func() {
		defer close(done)
		for !stop.Load() && Lws_service(c, 0) >= 0 {
		}
		Lws_context_destroy(c)
	}()
	t.Cleanup(func() {
		stop.Store(true)
		Lws_cancel_service(c)
		select {
		case <-done:
		case <-time.After(waitBound):
			t.Error("server did not stop")
		}
	})
	return url, log
}

// dial connects offering protocol; the connection is closed when the test
// ends.
func dial(t *testing.T, url, protocol string) *websocket.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitBound)
	defer cancel()
	c, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols: []string{protocol}})
	if err != nil {
		t.Fatal(err)
	}
	c.SetReadLimit(-1)
	t.Cleanup(func() { _ = c.CloseNow() })
	return c
}
