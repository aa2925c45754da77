package httpexample

import (
	"fmt"
	"sync"
	"testing"

	"github.com/golws/golws/minimal-examples/internal/exampletest"

	. "github.com/golws/golws/include-like"
)

// Event is one callback a Recorder saw.
type Event struct {
	Wsi    *Lws
	Reason Lws_callback_reasons
	In     string // in, when it is a string (LWS_CALLBACK_HTTP's URI)
}

func (e Event) String() string { return fmt.Sprintf("%p %v %q", e.Wsi, e.Reason, e.In) }

// Recorder keeps, in order, the callbacks of a protocol whose callback it
// wraps. The wrapper only records and passes the call on: facts leave the
// service goroutine and the test goroutine asserts on them.
type Recorder struct {
	mu      sync.Mutex
	events  []Event
	changed chan struct{}
}

// Record makes *cb a wrapper that records each call and then calls the
// callback that was there, and puts it back when the test ends. Call it
// before the example starts (exampletest.Serve), so that the example is
// stopped, and its callbacks over, before the callback is put back.
func Record(t testing.TB, cb *Lws_callback_function) *Recorder {
	r := &Recorder{changed: make(chan struct{}, 1)}
	orig := *cb
	*cb = func(wsi *Lws, reason Lws_callback_reasons, user, in any, n int) int {
		s, _ := in.(string)
		r.mu.Lock()
		r.events = append(r.events, Event{wsi, reason, s})
		r.mu.Unlock()
		exampletest.Notify(r.changed)
		return orig(wsi, reason, user, in, n)
	}
	t.Cleanup(func() { *cb = orig })
	return r
}

// Events returns a copy of what was recorded so far.
func (r *Recorder) Events() []Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Event(nil), r.events...)
}

// WaitFor blocks until cond holds on the events so far and returns them;
// it fails t after exampletest.WaitBound, what naming the wait.
func (r *Recorder) WaitFor(t testing.TB, what string, cond func([]Event) bool) []Event {
	t.Helper()
	var evs []Event
	if !exampletest.Await(r.changed, exampletest.WaitBound, func() bool {
		evs = r.Events()
		return cond(evs)
	}) {
		t.Fatalf("timed out waiting for %s; callbacks:\n%v", what, evs)
	}
	return evs
}

// Of returns the events of wsi, in order.
func Of(evs []Event, wsi *Lws) []Event {
	var mine []Event
	for _, e := range evs {
		if e.Wsi == wsi {
			mine = append(mine, e)
		}
	}
	return mine
}

// Count returns how many of evs have reason.
func Count(evs []Event, reason Lws_callback_reasons) int {
	n := 0
	for _, e := range evs {
		if e.Reason == reason {
			n++
		}
	}
	return n
}

// First returns the first event with reason, and false if there is none.
func First(evs []Event, reason Lws_callback_reasons) (Event, bool) {
	for _, e := range evs {
		if e.Reason == reason {
			return e, true
		}
	}
	return Event{}, false
}
