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

// dial connects offering the given subprotocols (none: lws picks
// protocol 0, which is the echo protocol too); the connection is dropped at
// the end of the test.
func dial(t *testing.T, s *server, subprotocols ...string) *websocket.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitBound)
	defer cancel()
	c, resp, err := websocket.Dial(ctx, s.url, &websocket.DialOptions{Subprotocols: subprotocols})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	want := ""
	if len(subprotocols) > 0 {
		want = subprotocols[0]
	}
	if got := resp.Header.Get("Sec-WebSocket-Protocol"); got != want {
		t.Fatalf("subprotocol %q, want %q", got, want)
	}
	c.SetReadLimit(-1)
	t.Cleanup(func() { _ = c.CloseNow() })
	return c
}
