package main

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// spamMsg is a parsed producer message.
type spamMsg struct {
	tid, index int
	at         time.Time
}

func parse(t *testing.T, msgs []exampletest.Message) []spamMsg {
	t.Helper()
	out := make([]spamMsg, 0, len(msgs))
	for _, m := range msgs {
		var p spamMsg
		if _, err := fmt.Sscanf(m.Text, "myconfig: tid: %d, msg: %d", &p.tid, &p.index); err != nil {
			t.Fatalf("unexpected message %q: %v", m.Text, err)
		}
		p.at = m.At
		out = append(out, p)
	}
	return out
}

// byTid splits the messages by producer, keeping their order.
func byTid(msgs []spamMsg) map[int][]spamMsg {
	m := map[int][]spamMsg{}
	for _, p := range msgs {
		m[p.tid] = append(m[p.tid], p)
	}
	return m
}

// atLeast is a condition: n messages from each of the two producers.
func atLeast(t *testing.T, n int) func([]exampletest.Message) bool {
	return func(msgs []exampletest.Message) bool {
		per := byTid(parse(t, msgs))
		return len(per[1]) >= n && len(per[2]) >= n
	}
}

func TestProducersReachEveryClient(t *testing.T) {
	s := exampletest.Serve(t, run)
	a, b := dial(t, s), dial(t, s)

	const n = 10
	for name, cl := range map[string]*exampletest.Client{"a": a, "b": b} {
		msgs := parse(t, cl.WaitFor(t, "10 messages from each producer", atLeast(t, n)))
		for tid, ms := range byTid(msgs) {
			if tid != 1 && tid != 2 {
				t.Fatalf("client %s: message from producer %d", name, tid)
			}
			// In order, none lost: the ring has room to spare for
			// clients that keep reading.
			for i := 1; i < len(ms); i++ {
				if ms[i].index != ms[i-1].index+1 {
					t.Fatalf("client %s, producer %d: message %d after %d", name, tid, ms[i].index, ms[i-1].index)
				}
			}
			// About ten a second: the producer waits 100 ms after
			// each message, so n of them span at least (n-1) waits
			// when made. Seen by a client, the first may come late
			// and the span shrink by that much: the floor allows
			// half of it, which still fails a producer that does not
			// wait. The upper bound is the wait bound.
			span := ms[n-1].at.Sub(ms[0].at)
			if floor := time.Duration(n-1) * spamInterval / 2; span < floor {
				t.Fatalf("client %s, producer %d: %d messages in %v, faster than 10 Hz", name, tid, n, span)
			}
		}
	}

	// Both see one stream: where they overlap, it is the same.
	ma, _ := a.Received()
	mb, _ := b.Received()
	k := 0
	for k < len(ma) && ma[k].Text != mb[0].Text {
		k++
	}
	for i := 0; k+i < len(ma) && i < len(mb); i++ {
		if ma[k+i].Text != mb[i].Text {
			t.Fatalf("clients diverge: %q vs %q", ma[k+i].Text, mb[i].Text)
		}
	}
	if k == len(ma) {
		t.Fatalf("b's first message %q never reached a", mb[0].Text)
	}
}

// idleCounter counts, per producer, the attempts made with nobody
// connected, and the others, from spamHook.
type idleCounter struct {
	mu     sync.Mutex
	idle   map[int]int
	made   map[int]int // attempts with somebody connected: at most the last index made
	notify chan struct{}
}

func hookSpam(t *testing.T) *idleCounter {
	c := &idleCounter{idle: map[int]int{}, made: map[int]int{}, notify: make(chan struct{}, 1)}
	spamHook = func(whoami int, made bool) {
		c.mu.Lock()
		if made {
			c.made[whoami]++
			c.mu.Unlock()
			return
		}
		c.idle[whoami]++
		c.mu.Unlock()
		exampletest.Notify(c.notify)
	}
	t.Cleanup(func() { spamHook = nil })
	return c
}

// waitIdle waits until each producer has skipped n more attempts than in
// from.
func (c *idleCounter) waitIdle(t *testing.T, from map[int]int, n int) {
	t.Helper()
	if !exampletest.Await(c.notify, exampletest.WaitBound, func() bool {
		c.mu.Lock()
		defer c.mu.Unlock()
		return c.idle[1]-from[1] >= n && c.idle[2]-from[2] >= n
	}) {
		t.Fatalf("producers did not idle %d times", n)
	}
}

func (c *idleCounter) snapshot() map[int]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return map[int]int{1: c.idle[1], 2: c.idle[2]}
}

// With nobody connected the producers make nothing, so a client that
// comes back finds the numbering where it left it.
func TestNothingMadeWhileNobodyConnected(t *testing.T) {
	idle := hookSpam(t) // before the server: its producers read the hook
	s := exampletest.Serve(t, run)

	a := dial(t, s)
	per := byTid(parse(t, a.WaitFor(t, "3 messages from each producer", atLeast(t, 3))))
	last := map[int]int{1: per[1][len(per[1])-1].index, 2: per[2][len(per[2])-1].index}
	a.Close(t)

	const skipped = 5
	idle.waitIdle(t, idle.snapshot(), skipped)
	// Messages made for a after the last it read (as many as the server
	// took to see it go: a loaded machine may take a while) are counted
	// here; none are made while nobody is connected.
	idle.mu.Lock()
	made := map[int]int{1: idle.made[1], 2: idle.made[2]}
	idle.mu.Unlock()

	b := dial(t, s)
	per = byTid(parse(t, b.WaitFor(t, "a message from each producer", atLeast(t, 1))))
	for tid := 1; tid <= 2; tid++ {
		if got := per[tid][0].index; got <= last[tid] || got > made[tid]+1 {
			t.Fatalf("producer %d: b starts at %d, a stopped at %d, %d were made before %d attempts were skipped",
				tid, got, last[tid], made[tid], skipped)
		}
		if made[tid] > last[tid]+3 {
			t.Logf("producer %d made %d messages after a's last before it saw a go", tid, made[tid]-last[tid])
		}
	}
}

// Destroy stops and joins both producers: run returns with no goroutine
// of the example left.
func TestProducersJoinedAtDestroy(t *testing.T) {
	s := exampletest.Serve(t, run)
	a := dial(t, s)
	a.WaitFor(t, "a message from each producer", atLeast(t, 1))

	if code := s.Stop(t); code != 0 {
		t.Fatalf("exit %d after SIGINT", code)
	}
	for _, line := range []string{"thread_spam 1 exiting", "thread_spam 2 exiting"} {
		if s.Log.Count(line) != 1 {
			t.Fatalf("no %q before run returned; log:\n%s", line, s.Log)
		}
	}
	// The server closed the connection, which ends the client's reader.
	select {
	case <-a.Done():
	case <-time.After(exampletest.WaitBound):
		t.Fatal("connection still open after the server stopped")
	}
	goleak.VerifyNone(t)
}
