package minimalthreadpool

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/golws/golws/lws"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const waitBound = 30 * time.Second

// example is Main running in-process on a free loopback port, with its
// log lines and its task hooks observed.
type example struct {
	t         *testing.T
	url       string
	interrupt chan os.Signal
	exit      chan int

	mu       sync.Mutex
	lines    []string
	enqueued int
	cleanups map[*taskData]int
	changed  chan struct{}
	stopOnce sync.Once
}

// startExample runs Main with the task's sleep set to step. The hooks and
// the sleep are package state, so these tests do not run in parallel.
func startExample(t *testing.T, step time.Duration, args ...string) *example {
	t.Helper()
	e := &example{t: t, interrupt: make(chan os.Signal, 1), exit: make(chan int, 1),
		cleanups: map[*taskData]int{}, changed: make(chan struct{}, 1)}
	stepDelay = step
	onEnqueued = func(*taskData) { e.update(func() { e.enqueued++ }) }
	onCleanup = func(p *taskData) { e.update(func() { e.cleanups[p]++ }) }
	lws.SetLogLevel(lws.LogDefault, func(_ int, line string) { e.update(func() { e.lines = append(e.lines, line) }) })
	t.Cleanup(func() {
		e.stop()
		stepDelay = 100 * time.Millisecond
		onEnqueued, onCleanup = nil, nil
		lws.SetLogLevel(lws.LogDefault, nil)
		lws.LogToSlog(nil) // back to stderr
	})
	ready := make(chan int, 1)
	go func() {
		e.exit <- Main(append([]string{"--port", "0", "--iface", "127.0.0.1"}, args...), io.Discard, e.interrupt, ready)
	}()
	select {
	case port := <-ready:
		e.url = fmt.Sprintf("ws://127.0.0.1:%d/", port)
	case code := <-e.exit:
		t.Fatalf("Main exited %d before serving", code)
	case <-time.After(waitBound):
		t.Fatal("Main did not start")
	}
	return e
}

func (e *example) update(f func()) {
	e.mu.Lock()
	f()
	e.mu.Unlock()
	select {
	case e.changed <- struct{}{}:
	default:
	}
}

// waitFor blocks until cond holds on the observed state.
func (e *example) waitFor(what string, cond func() bool) {
	e.t.Helper()
	deadline := time.After(waitBound)
	for {
		e.mu.Lock()
		ok := cond()
		e.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-e.changed:
		case <-deadline:
			e.t.Fatalf("timed out waiting for %s", what)
		}
	}
}

func (e *example) hasLine(letter, text string) bool {
	for _, l := range e.lines {
		if strings.HasSuffix(strings.TrimSuffix(l, "\n"), "] "+letter+": "+text) {
			return true
		}
	}
	return false
}

// stop sends SIGINT's stand-in and returns Main's exit code and how long
// Main took to return.
func (e *example) stop() (int, time.Duration) {
	var code int
	var took time.Duration
	e.stopOnce.Do(func() {
		start := time.Now()
		e.interrupt <- os.Interrupt
		select {
		case code = <-e.exit:
			took = time.Since(start)
		case <-time.After(waitBound):
			e.t.Fatal("Main did not exit")
		}
	})
	return code, took
}

// client is one WebSocket connection that records what it receives.
type client struct {
	conn *websocket.Conn
	mu   sync.Mutex
	msgs []string
	at   []time.Time
	end  error
	endT time.Time
	done chan struct{}
	got  chan struct{}
}

// dial connects and, when wait is set, returns only after the server has
// queued the connection's task, so that clients reach the queue in order.
func (e *example) dial(wait bool) *client {
	e.t.Helper()
	e.mu.Lock()
	before := e.enqueued
	e.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), waitBound)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, e.url, &websocket.DialOptions{Subprotocols: []string{"lws-minimal"}})
	if err != nil {
		e.t.Fatalf("dial: %v", err)
	}
	c := &client{conn: conn, done: make(chan struct{}), got: make(chan struct{}, 1)}
	go c.read()
	e.t.Cleanup(func() { conn.CloseNow(); <-c.done })
	if wait {
		e.waitFor("task queued", func() bool { return e.enqueued > before })
	}
	return c
}

func (c *client) read() {
	defer close(c.done)
	for {
		_, b, err := c.conn.Read(context.Background())
		c.mu.Lock()
		if err != nil {
			c.end, c.endT = err, time.Now()
			c.mu.Unlock()
			return
		}
		c.msgs = append(c.msgs, string(b))
		c.at = append(c.at, time.Now())
		c.mu.Unlock()
		select {
		case c.got <- struct{}{}:
		default:
		}
	}
}

// waitMsgs blocks until the client has n messages.
func (c *client) waitMsgs(t *testing.T, n int) {
	t.Helper()
	deadline := time.After(waitBound)
	for {
		c.mu.Lock()
		have := len(c.msgs)
		c.mu.Unlock()
		if have >= n {
			return
		}
		select {
		case <-c.got:
		case <-c.done:
			c.mu.Lock()
			defer c.mu.Unlock()
			t.Fatalf("connection ended after %d of %d messages: %v", len(c.msgs), n, c.end)
		case <-deadline:
			t.Fatalf("timed out waiting for %d messages", n)
		}
	}
}

func (c *client) waitEnd(t *testing.T) {
	t.Helper()
	select {
	case <-c.done:
	case <-time.After(waitBound):
		t.Fatal("connection did not end")
	}
}

func wantPositions() []string {
	var s []string
	for i := 1; i <= 10; i++ {
		s = append(s, fmt.Sprintf("pos %d", i*1000000))
	}
	return s
}
