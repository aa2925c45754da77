package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// waitBound bounds every wait; reaching it fails the test.
const waitBound = 10 * time.Second

// logSink collects lws's log lines so tests can wait on what the server
// reports (it is the io.Writer run logs to).
type logSink struct {
	mu     sync.Mutex
	lines  []string
	notify chan struct{}
}

func newLogSink() *logSink { return &logSink{notify: make(chan struct{}, 1)} }

func (s *logSink) Write(p []byte) (int, error) {
	s.mu.Lock()
	s.lines = append(s.lines, string(p))
	s.mu.Unlock()
	select {
	case s.notify <- struct{}{}:
	default:
	}
	return len(p), nil
}

func (s *logSink) count(substr string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, l := range s.lines {
		if strings.Contains(l, substr) {
			n++
		}
	}
	return n
}

func (s *logSink) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(s.lines, "")
}

// waitFor blocks until at least n lines contain substr.
func (s *logSink) waitFor(t *testing.T, substr string, n int) {
	t.Helper()
	deadline := time.After(waitBound)
	for s.count(substr) < n {
		select {
		case <-s.notify:
		case <-deadline:
			t.Fatalf("timed out waiting for %d log lines with %q; log:\n%s", n, substr, s)
		}
	}
}

// server is run() on a goroutine, bound to a free loopback port.
type server struct {
	url       string
	host      string
	log       *logSink
	interrupt chan os.Signal
	exit      chan int
	code      int
	ended     bool
}

func startServer(t *testing.T, args ...string) *server {
	t.Helper()
	ready := make(chan int, 1)
	s := &server{log: newLogSink(), interrupt: make(chan os.Signal, 1), exit: make(chan int, 1)}
	args = append([]string{"--port", "0", "--iface", "127.0.0.1"}, args...)
	go func() { s.exit <- run(args, s.log, s.interrupt, ready) }()
	select {
	case port := <-ready:
		s.host = fmt.Sprintf("127.0.0.1:%d", port)
		s.url = "ws://" + s.host + "/"
	case code := <-s.exit:
		t.Fatalf("run exited early with %d; log:\n%s", code, s.log)
	case <-time.After(waitBound):
		t.Fatal("server did not start")
	}
	t.Cleanup(func() { s.stop(t) })
	return s
}

// wait waits for run to return and gives its exit code.
func (s *server) wait(t *testing.T) int {
	t.Helper()
	if !s.ended {
		select {
		case s.code = <-s.exit:
			s.ended = true
		case <-time.After(waitBound):
			t.Fatalf("run did not return; log:\n%s", s.log)
		}
	}
	return s.code
}

// stop sends SIGINT, unless run already returned, and waits for it.
func (s *server) stop(t *testing.T) int {
	t.Helper()
	if !s.ended {
		select {
		case s.interrupt <- os.Interrupt:
		default:
		}
	}
	return s.wait(t)
}

// received is one message and when it arrived.
type received struct {
	text string
	at   time.Time
}

// client is a real WebSocket client reading on its own goroutine, which
// keeps every message in order.
type client struct {
	conn   *websocket.Conn
	mu     sync.Mutex
	msgs   []received
	err    error // why reading stopped
	notify chan struct{}
	done   chan struct{} // closed when the reader ends
}

// dial connects with subprotocol timer and starts reading; the
// connection is dropped at the end of the test.
func dial(t *testing.T, s *server) *client {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitBound)
	defer cancel()
	c, resp, err := websocket.Dial(ctx, s.url, &websocket.DialOptions{Subprotocols: []string{"timer"}})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	if got := resp.Header.Get("Sec-WebSocket-Protocol"); got != "timer" {
		t.Fatalf("subprotocol %q, want timer", got)
	}
	cl := &client{conn: c, notify: make(chan struct{}, 1), done: make(chan struct{})}
	go cl.read()
	t.Cleanup(func() { cl.close(t) })
	return cl
}

func (cl *client) read() {
	defer close(cl.done)
	for {
		_, data, err := cl.conn.Read(context.Background())
		now := time.Now()
		cl.mu.Lock()
		if err != nil {
			cl.err = err
		} else {
			cl.msgs = append(cl.msgs, received{string(data), now})
		}
		cl.mu.Unlock()
		select {
		case cl.notify <- struct{}{}:
		default:
		}
		if err != nil {
			return
		}
	}
}

// close drops the connection and waits for the reader to end.
func (cl *client) close(t *testing.T) {
	_ = cl.conn.CloseNow()
	select {
	case <-cl.done:
	case <-time.After(waitBound):
		t.Errorf("client reader did not end")
	}
}

func (cl *client) received() ([]received, error) {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	return append([]received(nil), cl.msgs...), cl.err
}

// waitFor blocks until cond holds on the messages so far.
func (cl *client) waitFor(t *testing.T, what string, cond func([]received) bool) []received {
	t.Helper()
	deadline := time.After(waitBound)
	for {
		msgs, err := cl.received()
		if cond(msgs) {
			return msgs
		}
		if err != nil {
			t.Fatalf("reading stopped before %s: %v", what, err)
		}
		select {
		case <-cl.notify:
		case <-deadline:
			t.Fatalf("timed out waiting for %s; %d messages", what, len(msgs))
		}
	}
}
