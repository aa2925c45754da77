package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"syscall"
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
	url  string
	host string
	log  *logSink
	stop func() int // sends SIGINT and returns run's exit code
}

func startServer(t *testing.T, args ...string) *server {
	t.Helper()
	ready := make(chan int, 1)
	interrupt := make(chan os.Signal, 1)
	exit := make(chan int, 1)
	s := &server{log: newLogSink()}
	args = append([]string{"--port", "0", "--iface", "127.0.0.1", "-d", "1031"}, args...)
	go func() { exit <- run(args, s.log, interrupt, ready) }()
	select {
	case port := <-ready:
		s.host = fmt.Sprintf("127.0.0.1:%d", port)
		s.url = "ws://" + s.host + "/"
	case code := <-exit:
		t.Fatalf("run exited early with %d; log:\n%s", code, s.log)
	case <-time.After(waitBound):
		t.Fatal("server did not start")
	}
	var once sync.Once
	code := -1
	s.stop = func() int {
		once.Do(func() {
			interrupt <- os.Interrupt
			select {
			case code = <-exit:
			case <-time.After(waitBound):
				t.Errorf("run did not return after SIGINT")
			}
		})
		return code
	}
	t.Cleanup(func() { s.stop() })
	return s
}

// client is a real WebSocket client; once reading, every message it gets
// is kept in order.
type client struct {
	conn   *websocket.Conn
	mu     sync.Mutex
	msgs   []string
	err    error // why reading stopped
	notify chan struct{}
	done   chan struct{} // closed when the reader goroutine ends

	reading bool // startReading was called; test goroutine only
}

type dialOpt func(*websocket.DialOptions)

// smallRcvBuf dials with a tiny kernel receive buffer, so that a client
// that stops reading backs up into the server after a few messages.
func smallRcvBuf(o *websocket.DialOptions) {
	d := &net.Dialer{Control: func(_, _ string, rc syscall.RawConn) error {
		var serr error
		err := rc.Control(func(fd uintptr) {
			serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096)
		})
		if err != nil {
			return err
		}
		return serr
	}}
	o.HTTPClient = &http.Client{Transport: &http.Transport{DialContext: d.DialContext}}
}

// dial connects with subprotocol lws-minimal; the connection is dropped
// at the end of the test.
func dial(t *testing.T, s *server, opts ...dialOpt) *client {
	t.Helper()
	o := &websocket.DialOptions{Subprotocols: []string{"lws-minimal"}}
	for _, f := range opts {
		f(o)
	}
	ctx, cancel := context.WithTimeout(context.Background(), waitBound)
	defer cancel()
	c, resp, err := websocket.Dial(ctx, s.url, o)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	if got := resp.Header.Get("Sec-WebSocket-Protocol"); got != "lws-minimal" {
		t.Fatalf("subprotocol %q, want lws-minimal", got)
	}
	cl := &client{conn: c, notify: make(chan struct{}, 1), done: make(chan struct{})}
	t.Cleanup(func() {
		cl.stop(t)
		if o.HTTPClient != nil {
			o.HTTPClient.CloseIdleConnections()
		}
	})
	return cl
}

// startReading starts the goroutine that keeps every message.
func (cl *client) startReading() {
	cl.reading = true
	go func() {
		defer close(cl.done)
		for {
			_, data, err := cl.conn.Read(context.Background())
			cl.mu.Lock()
			if err != nil {
				cl.err = err
			} else {
				cl.msgs = append(cl.msgs, string(data))
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
	}()
}

// stop drops the connection and waits for the reader, if it was started.
func (cl *client) stop(t *testing.T) {
	_ = cl.conn.CloseNow()
	if !cl.reading {
		return
	}
	select {
	case <-cl.done:
	case <-time.After(waitBound):
		t.Errorf("client reader did not end")
	}
}

// received returns a copy of the messages so far and the read error.
func (cl *client) received() ([]string, error) {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	return append([]string(nil), cl.msgs...), cl.err
}

// waitCount blocks until the client holds n messages.
func (cl *client) waitCount(t *testing.T, n int) []string {
	t.Helper()
	deadline := time.After(waitBound)
	for {
		msgs, err := cl.received()
		if len(msgs) >= n {
			return msgs
		}
		if err != nil {
			t.Fatalf("reading stopped after %d of %d messages: %v", len(msgs), n, err)
		}
		select {
		case <-cl.notify:
		case <-deadline:
			t.Fatalf("timed out with %d of %d messages", len(msgs), n)
		}
	}
}

// waitEnd blocks until reading stops and returns what arrived.
func (cl *client) waitEnd(t *testing.T) ([]string, error) {
	t.Helper()
	select {
	case <-cl.done:
	case <-time.After(waitBound):
		t.Fatal("connection was not closed")
	}
	return cl.received()
}

func (cl *client) send(t *testing.T, text string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitBound)
	defer cancel()
	if err := cl.conn.Write(ctx, websocket.MessageText, []byte(text)); err != nil {
		t.Fatalf("write: %v", err)
	}
}
