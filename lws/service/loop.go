package service

import (
	"context"
	"errors"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// ErrStopped is returned by RunOnce once Stop has been called.
var ErrStopped = errors.New("service: loop stopped")

// Loop runs posted functions, due timers and a wake hook on the goroutine
// that drives it with Run or RunOnce. Only one goroutine may drive a Loop at
// a time. A Loop must be created with New.
type Loop struct {
	// Shared with other goroutines.
	mu    sync.Mutex
	posts []func() // guarded by mu

	// notify holds a token whenever posts, a wake or Stop may have arrived
	// since the current round drained it. Capacity 1 is what makes wakeups
	// coalesce: producers only send on the empty->non-empty edge and never
	// block. Stop uses it too, rather than a closed channel, so that the idle
	// wait is a plain receive instead of a multi-way select.
	notify  chan struct{}
	stopped atomic.Bool // set under mu so that Post observes Stop atomically
	woken   atomic.Bool
	inRound atomic.Bool
	owner   atomic.Int64 // goroutine id of the last round; only kept when track
	track   bool         // record owner and enforce AssertOnLoop

	// Loop goroutine only.
	spare   []func() // last drained batch, reused so Post does not allocate
	hook    func()
	epoch   time.Time
	heap    []*Timer
	seq     uint64
	tm      *time.Timer
	armedAt int64 // deadline tm is armed for, or never
	rounds  uint64
}

// New returns a Loop ready to run. Ownership checks (see AssertOnLoop) are
// enabled in race builds, or when GOLWS_DEBUG=1 is set in the environment at
// the time New is called.
func New() *Loop {
	return &Loop{
		notify:  make(chan struct{}, 1),
		track:   raceBuild || os.Getenv("GOLWS_DEBUG") == "1",
		epoch:   time.Now(),
		armedAt: never,
	}
}

// Post queues fn to run on the loop goroutine, after everything posted before
// it. It is safe from any goroutine, including the loop itself (fn then runs
// in the next round). It returns false, and fn will never run, once the loop
// is stopped. Posts accepted but not yet run when Stop is called are
// discarded.
func (l *Loop) Post(fn func()) bool {
	if fn == nil {
		panic("service: Post of nil func")
	}
	l.mu.Lock()
	if l.stopped.Load() {
		l.mu.Unlock()
		return false
	}
	first := len(l.posts) == 0
	l.posts = append(l.posts, fn)
	l.mu.Unlock()
	// Only the first post of a batch needs to wake the loop: the round takes
	// the whole queue.
	if first {
		l.signal()
	}
	return true
}

// signal leaves a token in notify unless one is already there.
func (l *Loop) signal() {
	select {
	case l.notify <- struct{}{}:
	default:
	}
}

// Stop makes a running Run or RunOnce return once its current round, if any,
// ends; later Posts return false and later RunOnce calls return ErrStopped.
// It is safe from any goroutine, including the loop, and idempotent.
func (l *Loop) Stop() {
	l.mu.Lock()
	if l.stopped.Load() {
		l.mu.Unlock()
		return
	}
	l.stopped.Store(true)
	l.posts = nil // nothing will run them; let them be collected
	l.mu.Unlock()
	// Every wait checks stopped first and every round ends in a wait, so a
	// token consumed by a round in progress is not lost.
	l.signal()
}

// Stopped reports whether Stop has been called.
func (l *Loop) Stopped() bool { return l.stopped.Load() }

// RunOnce waits up to timeout for work (timeout < 0: without limit; 0: not at
// all), then runs one round on the calling goroutine: the posts queued so far
// in order, then the wake hook if Wake was called, then every timer due when
// the round began, in deadline order (ties in scheduling order). Work added
// during the round waits for the next one. It returns ErrStopped, without
// running a round, if the loop was stopped before or during the wait.
//
// A panic in a callback propagates to the caller; the loop stays usable and
// posts the panicking one was batched with run in the next round.
func (l *Loop) RunOnce(timeout time.Duration) error {
	if l.wait(nil, timeout) == waitStopped {
		return ErrStopped
	}
	l.round()
	return nil
}

// Run runs rounds on the calling goroutine until Stop is called, returning
// nil, or ctx is done, returning ctx.Err(). It blocks without spinning while
// there is nothing to do.
func (l *Loop) Run(ctx context.Context) error {
	done := ctx.Done()
	for {
		switch l.wait(done, -1) {
		case waitStopped:
			return nil
		case waitDone:
			return ctx.Err()
		}
		l.round()
	}
}

// maxSpare is the batch capacity always kept for reuse. A larger one is kept
// only while batches still fill a quarter of it, so a sustained flood stays
// allocation-free but one burst does not pin its array for the loop's life.
const maxSpare = 4096

const (
	waitWork = iota
	waitStopped
	waitDone
)

// wait blocks until there may be work, timeout passes, the loop is stopped
// or done is closed. It is checked before every round, not only when idle, so
// that a loop kept busy by self-posting callbacks still sees Stop and ctx.
func (l *Loop) wait(done <-chan struct{}, timeout time.Duration) int {
	if l.stopped.Load() {
		return waitStopped
	}
	if done != nil {
		select {
		case <-done:
			return waitDone
		default:
		}
	}
	if len(l.heap) == 0 && l.armedAt != never {
		// Disarm as soon as the last timer goes, even if work is waiting, so
		// no runtime timer outlives the loop's need for it.
		l.arm(never, 0)
	}
	select {
	case <-l.notify:
		return waitWork
	default:
	}
	if timeout == 0 {
		return waitWork
	}
	target := never
	var now int64
	if len(l.heap) > 0 || timeout > 0 {
		now = l.now()
	}
	if len(l.heap) > 0 {
		if l.heap[0].when <= now {
			return waitWork
		}
		target = l.heap[0].when
	}
	if timeout > 0 {
		if t := addClamped(now, timeout); target == never || t < target {
			target = t
		}
	}
	l.arm(target, now)
	switch {
	case target == never && done == nil:
		<-l.notify // the common idle case: one channel, no select
	case target == never:
		select {
		case <-l.notify:
		case <-done:
			return waitDone
		}
	default:
		select {
		case <-l.notify:
		case <-l.tm.C:
			l.armedAt = never
		case <-done:
			return waitDone
		}
	}
	if l.stopped.Load() {
		return waitStopped
	}
	return waitWork
}

// arm points the single runtime timer at target (never: disarmed). It only
// touches the timer when the target changes, which for Run means when the
// head of the timer heap changes.
func (l *Loop) arm(target, now int64) {
	if target == l.armedAt {
		return
	}
	l.armedAt = target
	if target == never {
		l.tm.Stop() // tm exists: armedAt was set by an earlier arm
		return
	}
	d := time.Duration(target - now)
	if l.tm == nil {
		l.tm = time.NewTimer(d)
		return
	}
	// Since Go 1.23 Reset discards a value the timer may already have sent,
	// so no drain is needed.
	l.tm.Reset(d)
}

// round runs one round; see RunOnce.
func (l *Loop) round() {
	l.enterRound()
	defer l.inRound.Store(false)
	l.rounds++
	// Snapshot the clock and the schedule sequence first: timers armed by
	// this round's callbacks, even with d <= 0, must wait for the next round
	// or a self-rearming timer could starve everything else.
	now, limit := never, l.seq
	if len(l.heap) > 0 {
		now = l.now() // no clock read for rounds that cannot fire a timer
	}
	l.runPosts()
	if l.woken.Swap(false) && l.hook != nil {
		l.hook()
	}
	l.runTimers(now, limit)
}

// runPosts runs the batch queued so far. The token is drained before the
// swap, never after: a Post landing between the two then leaves a fresh token,
// costing at most one empty round instead of a lost wakeup.
func (l *Loop) runPosts() {
	select {
	case <-l.notify:
	default:
	}
	l.mu.Lock()
	batch := l.posts
	l.posts = l.spare
	l.mu.Unlock()
	l.spare = nil
	if len(batch) == 0 {
		l.spare = batch
		return
	}
	i := 0
	defer func() {
		if i < len(batch) {
			l.requeue(batch[i:]) // a callback panicked
			return
		}
		if cap(batch) <= maxSpare || len(batch) >= cap(batch)/4 {
			l.spare = batch[:0]
		}
	}()
	for i < len(batch) {
		fn := batch[i]
		batch[i] = nil // the slice is reused; don't pin closures
		i++
		fn()
	}
}

// requeue puts the unrun tail of a batch back in front of the queue so that a
// panicking callback neither loses nor reorders the posts behind it.
func (l *Loop) requeue(rest []func()) {
	l.mu.Lock()
	if !l.stopped.Load() {
		l.posts = append(append(make([]func(), 0, len(rest)+len(l.posts)), rest...), l.posts...)
	}
	l.mu.Unlock()
	l.signal()
}
