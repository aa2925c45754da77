package main

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// interval is the timer period the tests run the server with.
const interval = 50 * time.Millisecond

func startTimerServer(t *testing.T) *exampletest.Example {
	return exampletest.Serve(t, run, "--interval", interval.String())
}

// ticks is a condition: at least n messages.
func ticks(n int) func([]exampletest.Message) bool {
	return func(msgs []exampletest.Message) bool { return len(msgs) >= n }
}

func TestTicksArriveOnSchedule(t *testing.T) {
	s := startTimerServer(t)
	start := time.Now()
	cl := dial(t, s)

	const n = 10
	msgs := cl.WaitFor(t, "10 ticks", ticks(n))
	for i, m := range msgs[:n] {
		if want := fmt.Sprintf("tick %d", i+1); m.Text != want {
			t.Fatalf("message %d is %q, want %q", i, m.Text, want)
		}
	}
	// A timer never fires early, and each TIMER arms the next: n ticks
	// take at least n intervals after the connection was made (minus a
	// little, for the handshake). How late they come is up to the host;
	// the bound is generous.
	took := msgs[n-1].At.Sub(start)
	if floor := n * interval * 9 / 10; took < floor {
		t.Fatalf("%d ticks in %v, faster than one per %v", n, took, interval)
	}
	if ceiling := 5 * time.Second; took > ceiling {
		t.Fatalf("%d ticks took %v", n, took)
	}
	t.Logf("%d ticks in %v", n, took)
}

// timerLog records, from timerHook, the TIMER callbacks that came for a
// connection already closed.
type timerLog struct {
	mu          sync.Mutex
	fired       int
	afterClosed int
}

func hookTimer(t *testing.T) *timerLog {
	l := &timerLog{}
	timerHook = func(pss *perSessionData) {
		l.mu.Lock()
		defer l.mu.Unlock()
		l.fired++
		if pss.closed {
			l.afterClosed++
		}
	}
	t.Cleanup(func() { timerHook = nil })
	return l
}

func (l *timerLog) get() (fired, afterClosed int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.fired, l.afterClosed
}

func TestTimerStopsWhenConnectionCloses(t *testing.T) {
	timers := hookTimer(t) // before the server, which reads it
	s := startTimerServer(t)
	a, b := dial(t, s), dial(t, s)
	a.WaitFor(t, "2 ticks", ticks(2))
	b.WaitFor(t, "2 ticks", ticks(2))

	a.Close(t)
	s.Log.WaitFor(t, "LWS_CALLBACK_CLOSED", 1)
	firedAtClose, _ := timers.get()

	// a's timer ran at the same rate as b's: while b gets five more
	// ticks, a's would have fired about five times too.
	had, _ := b.Received()
	msgs := b.WaitFor(t, "5 more ticks", ticks(len(had)+5))
	if fired, after := timers.get(); after != 0 {
		t.Fatalf("%d TIMER callbacks for the closed connection", after)
	} else if fired-firedAtClose > len(msgs)-len(had)+1 {
		t.Fatalf("%d TIMER callbacks while b got %d ticks: a's timer still runs", fired-firedAtClose, len(msgs)-len(had))
	}
	for i := 1; i < len(msgs); i++ {
		if want := fmt.Sprintf("tick %d", i+1); msgs[i].Text != want {
			t.Fatalf("b's message %d is %q, want %q", i, msgs[i].Text, want)
		}
	}
}

func TestIntervalMustBeUnderTimeout(t *testing.T) {
	for _, bad := range []string{"0s", "60s", "90s", "500us"} {
		var out strings.Builder
		if code := run([]string{"--interval", bad}, &out, nil, nil); code != 1 {
			t.Fatalf("--interval %s: exit %d", bad, code)
		}
	}
}

func TestInterruptExitsCleanly(t *testing.T) {
	s := startTimerServer(t)
	cl := dial(t, s)
	cl.WaitFor(t, "a tick", ticks(1))
	if code := s.Stop(t); code != 0 {
		t.Fatalf("exit %d after SIGINT", code)
	}
	select {
	case <-cl.Done():
	case <-time.After(exampletest.WaitBound):
		t.Fatal("connection still open after the server stopped")
	}
	s.Log.WaitFor(t, "LWS_CALLBACK_CLOSED", 1)
}
