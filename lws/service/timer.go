package service

import (
	"math"
	"time"
)

// never marks "no deadline" for the runtime timer.
const never int64 = -1

// Timer is a one-shot timer run on the loop goroutine, the analogue of an lws
// sul (sorted usec list) entry. Embed it in the struct it belongs to; the zero
// value is ready and scheduling it never allocates. A Timer may be pending on
// at most one Loop at a time, and is only touched on that loop's goroutine.
type Timer struct {
	when int64 // nanoseconds since the loop's epoch
	seq  uint64
	idx  int // 1 + position in the heap; 0 = not pending, so the zero value works
	fn   func()
}

// Pending reports whether t is armed and has not yet run. Loop goroutine only.
func (t *Timer) Pending() bool { return t.idx > 0 }

// Schedule arms t to run fn on the loop goroutine once d has elapsed; with
// d <= 0 it runs in the next round. Re-arming a pending timer moves it (and
// replaces fn). Call it on the loop goroutine, or before the loop first runs.
func (l *Loop) Schedule(t *Timer, d time.Duration, fn func()) {
	if fn == nil {
		panic("service: Schedule of nil func")
	}
	l.AssertOnLoop("service.Loop.Schedule")
	now := l.now()
	if d > 0 {
		now = addClamped(now, d)
	}
	l.scheduleAt(t, now, fn)
}

func (l *Loop) scheduleAt(t *Timer, when int64, fn func()) {
	l.seq++
	t.when, t.seq, t.fn = when, l.seq, fn
	if t.idx > 0 {
		l.checkMine(t)
		l.fix(t.idx - 1)
		return
	}
	l.heap = append(l.heap, t)
	t.idx = len(l.heap)
	l.up(len(l.heap) - 1)
}

// Cancel disarms t; it is a no-op if t is not pending. Loop goroutine only.
func (l *Loop) Cancel(t *Timer) {
	if t.idx == 0 {
		return
	}
	l.AssertOnLoop("service.Loop.Cancel")
	l.checkMine(t)
	l.remove(t)
	t.fn = nil
}

// Len returns the number of pending timers. Loop goroutine only.
func (l *Loop) Len() int { return len(l.heap) }

// runTimers pops and runs the timers that were due at now and scheduled no
// later than seq limit. Each is unlinked before its fn runs, so fn may re-arm
// it and a panic leaves the heap consistent.
func (l *Loop) runTimers(now int64, limit uint64) {
	for len(l.heap) > 0 {
		t := l.heap[0]
		if t.when > now || t.seq > limit {
			// Timers scheduled this round have when >= now, so they sort
			// after every timer that was due at now: stopping here skips none.
			return
		}
		l.remove(t)
		fn := t.fn
		t.fn = nil
		fn()
	}
}

func (l *Loop) now() int64 { return int64(time.Since(l.epoch)) }

func addClamped(now int64, d time.Duration) int64 {
	if int64(d) > math.MaxInt64-now {
		return math.MaxInt64
	}
	return now + int64(d)
}

// checkMine catches a Timer pending on another Loop before it corrupts this
// loop's heap.
func (l *Loop) checkMine(t *Timer) {
	if i := t.idx - 1; i >= len(l.heap) || l.heap[i] != t {
		panic("service: Timer is pending on another Loop")
	}
}

// The heap is hand-written rather than container/heap to avoid interface
// dispatch on every comparison; it is ordered by (when, seq).

func less(a, b *Timer) bool {
	return a.when < b.when || (a.when == b.when && a.seq < b.seq)
}

func (l *Loop) remove(t *Timer) {
	i, last := t.idx-1, len(l.heap)-1
	if i != last {
		moved := l.heap[last]
		l.heap[i] = moved
		moved.idx = i + 1
	}
	l.heap[last] = nil
	l.heap = l.heap[:last]
	t.idx = 0
	if i != last {
		l.fix(i)
	}
}

func (l *Loop) fix(i int) {
	if !l.down(i) {
		l.up(i)
	}
}

func (l *Loop) up(i int) {
	h := l.heap
	t := h[i]
	for i > 0 {
		p := (i - 1) / 2
		if !less(t, h[p]) {
			break
		}
		h[i] = h[p]
		h[i].idx = i + 1
		i = p
	}
	h[i] = t
	t.idx = i + 1
}

// down reports whether the element at i moved.
func (l *Loop) down(i0 int) bool {
	h := l.heap
	n := len(h)
	i := i0
	t := h[i]
	for {
		c := 2*i + 1
		if c >= n {
			break
		}
		if r := c + 1; r < n && less(h[r], h[c]) {
			c = r
		}
		if !less(h[c], t) {
			break
		}
		h[i] = h[c]
		h[i].idx = i + 1
		i = c
	}
	h[i] = t
	t.idx = i + 1
	return i != i0
}
