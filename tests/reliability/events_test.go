package reliability

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// waitBound bounds every wait on something that has a signal; reaching it
// is a failure, never the expected path.
const waitBound = 10 * time.Second

// events is what the server's callbacks and tasks report, in order, for
// the test goroutine to wait on. Every add wakes every waiter.
type events struct {
	mu      sync.Mutex
	list    []string
	changed chan struct{}
}

func newEvents() *events { return &events{changed: make(chan struct{})} }

func (e *events) add(format string, a ...any) {
	s := fmt.Sprintf(format, a...)
	e.mu.Lock()
	e.list = append(e.list, s)
	close(e.changed)
	e.changed = make(chan struct{})
	e.mu.Unlock()
}

func (e *events) snapshot() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return slices.Clone(e.list)
}

func (e *events) count(ev string) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	n := 0
	for _, x := range e.list {
		if x == ev {
			n++
		}
	}
	return n
}

func (e *events) has(ev string) bool { return e.count(ev) > 0 }

// waitFor blocks until cond holds on the events so far.
func (e *events) waitFor(t testing.TB, what string, cond func(ev []string) bool) []string {
	t.Helper()
	deadline := time.NewTimer(waitBound)
	defer deadline.Stop()
	for {
		e.mu.Lock()
		ev := slices.Clone(e.list)
		ch := e.changed
		e.mu.Unlock()
		if cond(ev) {
			return ev
		}
		select {
		case <-ch:
		case <-deadline.C:
			t.Fatalf("timed out after %v waiting for %s; events:\n  %s", waitBound, what, strings.Join(ev, "\n  "))
		}
	}
}

// waitEvent blocks until ev has been reported (n times, if n is given).
func (e *events) waitEvent(t testing.TB, ev string, n ...int) {
	t.Helper()
	want := 1
	if len(n) > 0 {
		want = n[0]
	}
	e.waitFor(t, fmt.Sprintf("%q x%d", ev, want), func(evs []string) bool {
		c := 0
		for _, x := range evs {
			if x == ev {
				c++
			}
		}
		return c >= want
	})
}

// pollUntil checks cond every tick until it holds or bound has passed, and
// reports whether it held. It is only for conditions nothing signals:
// runtime.NumGoroutine, or a write counter that has stopped moving.
func pollUntil(bound, tick time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(bound)
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		<-t.C
	}
}
