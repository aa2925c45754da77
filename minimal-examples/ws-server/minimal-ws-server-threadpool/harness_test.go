package minimalthreadpool

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golws/golws/lws"
	"github.com/golws/golws/minimal-examples/internal/exampletest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const waitBound = 30 * time.Second

// example is Main running in-process on a free loopback port, with its
// log lines and its task hooks observed.
type example struct {
	*exampletest.Example
	t *testing.T

	mu       sync.Mutex
	lines    []string
	enqueued int
	cleanups map[*taskData]int
	changed  chan struct{}
}

// startExample runs Main with the task's sleep set to step. The hooks and
// the sleep are package state, so these tests do not run in parallel.
func startExample(t *testing.T, step time.Duration, args ...string) *example {
	t.Helper()
	e := &example{t: t, cleanups: map[*taskData]int{}, changed: make(chan struct{}, 1)}
	stepDelay = step
	onEnqueued = func(*taskData) { e.update(func() { e.enqueued++ }) }
	onCleanup = func(p *taskData) { e.update(func() { e.cleanups[p]++ }) }
	lws.SetLogLevel(lws.LogDefault, func(_ int, line string) { e.update(func() { e.lines = append(e.lines, line) }) })
	// Cleanups run last first: this one after Main has been stopped.
	t.Cleanup(func() {
		stepDelay = 100 * time.Millisecond
		onEnqueued, onCleanup = nil, nil
		lws.SetLogLevel(lws.LogDefault, nil)
		lws.LogToSlog(nil) // back to stderr
	})
	e.Example = exampletest.Serve(t, Main, args...)
	return e
}

func (e *example) update(f func()) {
	e.mu.Lock()
	f()
	e.mu.Unlock()
	exampletest.Notify(e.changed)
}

// waitFor blocks until cond holds on the observed state.
func (e *example) waitFor(what string, cond func() bool) {
	e.t.Helper()
	if !exampletest.Await(e.changed, waitBound, func() bool {
		e.mu.Lock()
		defer e.mu.Unlock()
		return cond()
	}) {
		e.t.Fatalf("timed out waiting for %s", what)
	}
}

// checkCleanups fails the test unless n tasks were cleaned up, each once.
func (e *example) checkCleanups(n int) {
	e.t.Helper()
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.cleanups) != n {
		e.t.Fatalf("%d tasks cleaned up, want %d", len(e.cleanups), n)
	}
	for _, times := range e.cleanups {
		if times != 1 {
			e.t.Fatalf("a cleanup ran %d times", times)
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
	start := time.Now()
	code := e.Stop(e.t)
	return code, time.Since(start)
}

// dial connects and starts reading; when wait is set, it returns only
// after the server has queued the connection's task, so that clients
// reach the queue in order.
func (e *example) dial(wait bool) *exampletest.Client {
	e.t.Helper()
	e.mu.Lock()
	before := e.enqueued
	e.mu.Unlock()
	c := exampletest.DialClient(e.t, e.URL, nil, "lws-minimal")
	c.Bound = waitBound
	c.StartReading()
	if wait {
		e.waitFor("task queued", func() bool { return e.enqueued > before })
	}
	return c
}

// dialQueued dials n clients one after the other, each once the one
// before it has its task queued.
func (e *example) dialQueued(n int) []*exampletest.Client {
	e.t.Helper()
	cs := make([]*exampletest.Client, n)
	for i := range cs {
		cs[i] = e.dial(true)
	}
	return cs
}

func wantPositions() []string {
	var s []string
	for i := 1; i <= 10; i++ {
		s = append(s, fmt.Sprintf("pos %d", i*1000000))
	}
	return s
}
