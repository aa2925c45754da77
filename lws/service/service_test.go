package service

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// bound is the failure bound for every wait in these tests; it is never used
// to sequence events.
const bound = 5 * time.Second

// start runs l in a goroutine and returns a func that stops it and waits for
// Run to return.
func start(t *testing.T, l *Loop) (stop func()) {
	t.Helper()
	errc := make(chan error, 1)
	go func() { errc <- l.Run(context.Background()) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			l.Stop()
			select {
			case err := <-errc:
				if err != nil {
					t.Errorf("Run returned %v, want nil", err)
				}
			case <-time.After(bound):
				t.Fatal("Run did not return after Stop")
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

// onLoop runs fn on the loop and waits for it.
func onLoop(t *testing.T, l *Loop, fn func()) {
	t.Helper()
	done := make(chan struct{})
	if !l.Post(func() { fn(); close(done) }) {
		t.Fatal("Post refused")
	}
	wait(t, done, "posted func")
}

func wait(t *testing.T, c <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-c:
	case <-time.After(bound):
		t.Fatalf("timed out waiting for %s", what)
	}
}

func TestPostManyProducersFIFO(t *testing.T) {
	const producers, per = 8, 1000
	l := New()
	start(t, l)
	var seen [producers][]int // loop goroutine only
	var wg sync.WaitGroup
	for p := range producers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range per {
				if !l.Post(func() { seen[p] = append(seen[p], i) }) {
					t.Error("Post refused")
					return
				}
			}
		}()
	}
	wg.Wait()
	onLoop(t, l, func() {
		for p := range producers {
			if len(seen[p]) != per {
				t.Errorf("producer %d: %d posts ran, want %d", p, len(seen[p]), per)
				continue
			}
			for i, v := range seen[p] {
				if v != i {
					t.Errorf("producer %d: position %d ran post %d", p, i, v)
					break
				}
			}
		}
	})
}

func TestPostCoalescesIntoOneRound(t *testing.T) {
	l := New()
	n := 0
	for range 1000 {
		l.Post(func() { n++ })
	}
	if len(l.notify) != 1 {
		t.Fatalf("notify holds %d tokens, want 1", len(l.notify))
	}
	if err := l.RunOnce(0); err != nil {
		t.Fatal(err)
	}
	if n != 1000 || l.rounds != 1 {
		t.Fatalf("ran %d posts in %d rounds, want 1000 in 1", n, l.rounds)
	}
	if len(l.notify) != 0 {
		t.Fatal("token left after the round drained the queue")
	}
}

func TestPostDuringRoundRunsNextRound(t *testing.T) {
	l := New()
	var order []string
	l.Post(func() {
		order = append(order, "a")
		l.Post(func() { order = append(order, "c") })
	})
	l.Post(func() { order = append(order, "b") })
	l.RunOnce(0)
	if got := strings.Join(order, ""); got != "ab" {
		t.Fatalf("first round ran %q, want ab", got)
	}
	l.RunOnce(0)
	if got := strings.Join(order, ""); got != "abc" {
		t.Fatalf("after second round %q, want abc", got)
	}
}

func TestPostAfterStop(t *testing.T) {
	l := New()
	ran := false
	l.Post(func() { ran = true })
	l.Stop()
	l.Stop() // idempotent
	if !l.Stopped() {
		t.Fatal("Stopped() = false after Stop")
	}
	if l.Post(func() {}) {
		t.Fatal("Post after Stop returned true")
	}
	if err := l.RunOnce(0); !errors.Is(err, ErrStopped) {
		t.Fatalf("RunOnce after Stop = %v, want ErrStopped", err)
	}
	if err := l.Run(context.Background()); err != nil {
		t.Fatalf("Run after Stop = %v, want nil", err)
	}
	if ran {
		t.Fatal("post queued before Stop ran")
	}
}

func TestStopUnblocksIdleRun(t *testing.T) {
	l := New()
	stop := start(t, l)
	onLoop(t, l, func() {}) // Run is up; it now blocks with nothing to do
	stop()
}

func TestStopUnblocksRunOnce(t *testing.T) {
	l := New()
	errc := make(chan error, 1)
	entered := make(chan struct{})
	l.SetWakeHook(func() { close(entered) })
	l.Wake()
	go func() {
		l.RunOnce(-1) // runs the hook
		errc <- l.RunOnce(-1)
	}()
	wait(t, entered, "first round")
	l.Stop()
	select {
	case err := <-errc:
		if !errors.Is(err, ErrStopped) {
			t.Fatalf("RunOnce = %v, want ErrStopped", err)
		}
	case <-time.After(bound):
		t.Fatal("RunOnce(-1) not unblocked by Stop")
	}
}

func TestRunContextCancel(t *testing.T) {
	l := New()
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- l.Run(ctx) }()
	onLoop(t, l, func() {})
	cancel()
	select {
	case err := <-errc:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Run = %v, want context.Canceled", err)
		}
	case <-time.After(bound):
		t.Fatal("Run not unblocked by ctx cancel")
	}
}

// A loop kept busy by a callback that always posts again must still notice
// Stop and ctx, since it never blocks.
func TestBusyLoopSeesStopAndCancel(t *testing.T) {
	for _, viaCtx := range []bool{false, true} {
		l := New()
		ctx, cancel := context.WithCancel(context.Background())
		var again func()
		again = func() { l.Post(again) }
		l.Post(again)
		errc := make(chan error, 1)
		go func() { errc <- l.Run(ctx) }()
		if viaCtx {
			cancel()
		} else {
			l.Stop()
		}
		select {
		case err := <-errc:
			if viaCtx && !errors.Is(err, context.Canceled) || !viaCtx && err != nil {
				t.Errorf("viaCtx=%v: Run = %v", viaCtx, err)
			}
		case <-time.After(bound):
			t.Fatalf("viaCtx=%v: busy Run did not return", viaCtx)
		}
		cancel()
		l.Stop()
	}
}

// RunOnce(0) does not wait. A loaded machine can stretch any call, so the
// bound is a second: far over a call that does not wait, still failing
// one that waits for work (for ever) or for a timeout of its own.
func TestRunOnceZeroIdle(t *testing.T) {
	const noWaitBound = time.Second
	l := New()
	errc := make(chan error, 1)
	t0 := time.Now()
	go func() { errc <- l.RunOnce(0) }()
	select {
	case err := <-errc:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(bound):
		l.Stop() // ends the wait, and the goroutine
		<-errc
		t.Fatalf("RunOnce(0) still waiting after %v with nothing to do", bound)
	}
	if d := time.Since(t0); d > noWaitBound {
		t.Fatalf("RunOnce(0) took %v with nothing to do", d)
	}
}

func TestRunOnceTimeoutIdle(t *testing.T) {
	l := New()
	const timeout = 30 * time.Millisecond
	t0 := time.Now()
	if err := l.RunOnce(timeout); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(t0); d < timeout || d > bound {
		t.Fatalf("RunOnce(%v) idle returned after %v", timeout, d)
	}
	// A post cuts the wait short.
	l.Post(func() {})
	t0 = time.Now()
	l.RunOnce(time.Hour)
	if d := time.Since(t0); d > bound {
		t.Fatalf("RunOnce with a post pending took %v", d)
	}
}

func TestRunOnceWakesForTimer(t *testing.T) {
	l := New()
	var tm Timer
	fired := false
	l.Schedule(&tm, 10*time.Millisecond, func() { fired = true })
	t0 := time.Now()
	for !fired && time.Since(t0) < bound {
		l.RunOnce(time.Hour) // the timer deadline, not the hour, bounds the wait
	}
	if !fired {
		t.Fatal("timer never fired")
	}
	if d := time.Since(t0); d < 10*time.Millisecond {
		t.Fatalf("timer fired after %v, before its 10ms", d)
	}
}

func TestTimerOrder(t *testing.T) {
	l := New()
	var got []int
	var ts [6]Timer
	base := l.now() - int64(time.Second) // all due already
	rec := func(i int) func() { return func() { got = append(got, i) } }
	// deadlines: 3 -> +30, 0 -> +10, 4 -> +10 (tie, later), 2 -> +20, 1 -> +10 (tie, latest), 5 -> +0
	l.scheduleAt(&ts[3], base+30, rec(3))
	l.scheduleAt(&ts[0], base+10, rec(0))
	l.scheduleAt(&ts[4], base+10, rec(4))
	l.scheduleAt(&ts[2], base+20, rec(2))
	l.scheduleAt(&ts[1], base+10, rec(1))
	l.scheduleAt(&ts[5], base, rec(5))
	if l.Len() != 6 {
		t.Fatalf("Len = %d, want 6", l.Len())
	}
	l.RunOnce(0)
	want := []int{5, 0, 4, 1, 2, 3}
	if !equal(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
	if l.Len() != 0 {
		t.Fatalf("Len = %d after firing all", l.Len())
	}
	for i := range ts {
		if ts[i].Pending() {
			t.Fatalf("timer %d still pending", i)
		}
	}
}

func TestTimerRealDeadlines(t *testing.T) {
	l := New()
	stop := start(t, l)
	done := make(chan struct{})
	var got []int
	var ts [4]Timer
	onLoop(t, l, func() {
		for i, ms := range []int{30, 10, 20, 0} {
			l.Schedule(&ts[i], time.Duration(ms)*time.Millisecond, func() {
				got = append(got, ms)
				if len(got) == 4 {
					close(done)
				}
			})
		}
	})
	wait(t, done, "timers")
	stop()
	if want := []int{0, 10, 20, 30}; !equal(got, want) {
		t.Fatalf("fired %v, want %v", got, want)
	}
}

func TestTimerCancel(t *testing.T) {
	l := New()
	var a, b Timer
	ran := ""
	l.Schedule(&a, 0, func() { ran += "a" })
	l.Schedule(&b, 0, func() { ran += "b" })
	l.Cancel(&a)
	l.Cancel(&a) // no-op
	var never Timer
	l.Cancel(&never) // zero value, no-op
	if a.Pending() || !b.Pending() || l.Len() != 1 {
		t.Fatalf("after Cancel: a=%v b=%v Len=%d", a.Pending(), b.Pending(), l.Len())
	}
	l.RunOnce(0)
	if ran != "b" {
		t.Fatalf("ran %q, want b", ran)
	}
}

func TestTimerCancelFromTimer(t *testing.T) {
	l := New()
	var a, b Timer
	ran := ""
	l.Schedule(&a, 0, func() { ran += "a"; l.Cancel(&b) })
	l.Schedule(&b, 0, func() { ran += "b" })
	l.RunOnce(0)
	l.RunOnce(0)
	if ran != "a" {
		t.Fatalf("ran %q, want a", ran)
	}
}

func TestTimerReschedule(t *testing.T) {
	l := New()
	var a, b Timer
	ran := ""
	l.Schedule(&a, time.Hour, func() { ran += "x" })
	l.Schedule(&b, 0, func() { ran += "b" })
	l.Schedule(&a, 0, func() { ran += "a" }) // moves from +1h to now, replaces fn, after b
	if l.Len() != 2 {
		t.Fatalf("Len = %d, want 2 (re-arm must not duplicate)", l.Len())
	}
	l.RunOnce(0)
	if ran != "ba" {
		t.Fatalf("ran %q, want ba", ran)
	}
	// And moving later: armed now, moved to +1h, does not fire.
	l.Schedule(&a, 0, func() { ran += "!" })
	l.Schedule(&a, time.Hour, func() { ran += "!" })
	l.RunOnce(0)
	if ran != "ba" || !a.Pending() {
		t.Fatalf("ran %q pending=%v; the moved timer must stay pending", ran, a.Pending())
	}
}

func TestTimerSelfRescheduleOncePerRound(t *testing.T) {
	l := New()
	var tm Timer
	n := 0
	var tick func()
	tick = func() { n++; l.Schedule(&tm, 0, tick) }
	l.Schedule(&tm, 0, tick)
	for range 5 {
		l.RunOnce(0)
	}
	if n != 5 {
		t.Fatalf("self-rescheduling timer ran %d times in 5 rounds", n)
	}
}

func TestTimerScheduledByPostRunsNextRound(t *testing.T) {
	l := New()
	var tm Timer
	ran := false
	l.Post(func() { l.Schedule(&tm, 0, func() { ran = true }) })
	l.RunOnce(0)
	if ran {
		t.Fatal("timer armed during a round ran in the same round")
	}
	l.RunOnce(0)
	if !ran {
		t.Fatal("timer did not run in the next round")
	}
}

func TestTimerHeapRandomized(t *testing.T) {
	l := New()
	const n = 500
	ts := make([]Timer, n)
	base := l.now() - int64(time.Hour)
	// Deterministic pseudo-random deadlines, moves and cancels.
	x := uint32(1)
	rnd := func() int64 { x ^= x << 13; x ^= x >> 17; x ^= x << 5; return int64(x % 1000) }
	var got []int64
	for i := range ts {
		l.scheduleAt(&ts[i], base+rnd(), func() {})
	}
	for i := range ts {
		switch rnd() % 3 {
		case 0:
			l.Cancel(&ts[i])
		case 1:
			l.scheduleAt(&ts[i], base+rnd(), func() {})
		}
	}
	want := 0
	for i := range ts {
		if ts[i].Pending() {
			want++
			ti := &ts[i]
			w := ti.when
			ti.fn = func() { got = append(got, w) }
		}
	}
	l.RunOnce(0)
	if len(got) != want {
		t.Fatalf("fired %d, want %d", len(got), want)
	}
	for i := 1; i < len(got); i++ {
		if got[i] < got[i-1] {
			t.Fatalf("out of order at %d: %d after %d", i, got[i], got[i-1])
		}
	}
}

func TestWakeCoalesces(t *testing.T) {
	l := New()
	n := 0
	l.SetWakeHook(func() { n++ })
	for range 100 {
		l.Wake()
	}
	l.RunOnce(0)
	l.RunOnce(0)
	if n != 1 {
		t.Fatalf("hook ran %d times for 100 Wakes, want 1", n)
	}
}

func TestWakeDuringHookRunsAgain(t *testing.T) {
	l := New()
	n := 0
	l.SetWakeHook(func() {
		n++
		if n == 1 {
			l.Wake()
		}
	})
	l.Wake()
	l.RunOnce(0)
	if n != 1 {
		t.Fatalf("hook ran %d times in round 1", n)
	}
	l.RunOnce(0)
	if n != 2 {
		t.Fatalf("Wake from the hook: hook ran %d times, want 2", n)
	}
}

func TestWakeConcurrent(t *testing.T) {
	const goroutines, per = 16, 1000
	l := New()
	n := 0
	l.SetWakeHook(func() { n++ })
	start(t, l)
	var wg sync.WaitGroup
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range per {
				l.Wake()
			}
		}()
	}
	wg.Wait()
	// The round that runs the first post also runs the hook (posts come
	// first), so read the count a round later.
	var before int
	onLoop(t, l, func() {})
	onLoop(t, l, func() { before = n })
	// Every Wake happened before this one; this one must still get a hook run.
	hooked := make(chan struct{})
	onLoop(t, l, func() {
		l.SetWakeHook(func() { n++; close(hooked) })
	})
	l.Wake()
	wait(t, hooked, "hook after the last Wake")
	if before < 1 || before > goroutines*per {
		t.Fatalf("hook ran %d times for %d Wakes", before, goroutines*per)
	}
}

func TestIdleLoopDoesNotSpin(t *testing.T) {
	l := New()
	start(t, l)
	var tm Timer
	var r0, r1 uint64
	onLoop(t, l, func() {
		r0 = l.rounds
		l.Schedule(&tm, time.Hour, func() {}) // an armed, far timer must not cause ticks either
	})
	// Measurement window, not synchronization: nothing should happen in it.
	<-time.After(50 * time.Millisecond)
	onLoop(t, l, func() {
		r1 = l.rounds
		l.Cancel(&tm)
	})
	// r0 was read in round k, r1 in round k+1 at the earliest.
	if extra := r1 - r0 - 1; extra != 0 {
		t.Fatalf("idle loop ran %d extra rounds in 50ms", extra)
	}
	// With no timers left, the wait before the next round disarms the
	// runtime timer.
	armed := true
	onLoop(t, l, func() { armed = l.armedAt != never })
	if armed {
		t.Fatal("runtime timer still armed with no pending timers")
	}
}

func TestStopFromCallback(t *testing.T) {
	l := New()
	ran := false
	l.Post(func() { l.Stop() })
	l.Post(func() { ran = true }) // same batch: the round completes
	if err := l.Run(context.Background()); err != nil {
		t.Fatalf("Run = %v, want nil", err)
	}
	if !ran {
		t.Fatal("round cut short by Stop")
	}
}

func TestTimerOnTwoLoopsPanics(t *testing.T) {
	a, b := New(), New()
	var x, y Timer
	a.Schedule(&y, time.Hour, func() {}) // so x's index is valid in b's heap too
	b.Schedule(&x, time.Hour, func() {})
	defer func() {
		if recover() == nil {
			t.Fatal("re-arming a Timer pending on another Loop did not panic")
		}
	}()
	a.Schedule(&x, time.Hour, func() {})
}

func TestPanicInPostKeepsLoopConsistent(t *testing.T) {
	l := New()
	var order []int
	l.Post(func() { order = append(order, 1) })
	l.Post(func() { panic("boom") })
	l.Post(func() { order = append(order, 3) })
	l.Post(func() { order = append(order, 4) })
	func() {
		defer func() {
			if recover() == nil {
				t.Fatal("panic did not propagate")
			}
		}()
		l.RunOnce(0)
	}()
	if l.InRound() {
		t.Fatal("InRound still true after a panicking round")
	}
	l.Post(func() { order = append(order, 5) })
	if err := l.RunOnce(0); err != nil {
		t.Fatal(err)
	}
	if want := []int{1, 3, 4, 5}; !equal(order, want) {
		t.Fatalf("ran %v, want %v", order, want)
	}
}

func TestPanicInTimerKeepsHeapConsistent(t *testing.T) {
	l := New()
	var a, b Timer
	ran := false
	l.Schedule(&a, 0, func() { panic("boom") })
	l.Schedule(&b, 0, func() { ran = true })
	func() {
		defer func() { recover() }()
		l.RunOnce(0)
	}()
	if a.Pending() || !b.Pending() || l.Len() != 1 {
		t.Fatalf("after panic: a=%v b=%v Len=%d", a.Pending(), b.Pending(), l.Len())
	}
	l.RunOnce(0)
	if !ran {
		t.Fatal("timer behind the panicking one never ran")
	}
}

func TestInRound(t *testing.T) {
	l := New()
	if l.InRound() {
		t.Fatal("InRound before any round")
	}
	in := false
	l.Post(func() { in = l.InRound() })
	l.RunOnce(0)
	if !in || l.InRound() {
		t.Fatalf("InRound during=%v after=%v", in, l.InRound())
	}
}

func TestNestedRunOncePanics(t *testing.T) {
	l := New()
	var msg any
	l.Post(func() {
		defer func() { msg = recover() }()
		l.RunOnce(0)
	})
	l.RunOnce(0)
	if msg == nil {
		t.Fatal("RunOnce from inside a round did not panic")
	}
	if l.InRound() {
		t.Fatal("InRound left set")
	}
}

// assertOffLoop checks that AssertOnLoop (and Schedule) panic off the loop
// goroutine during a round and not on it, nor off it between rounds.
func assertOffLoop(t *testing.T, l *Loop) {
	t.Helper()
	// Drive one round here: this goroutine becomes the owner.
	l.Post(func() { l.AssertOnLoop("on loop") }) // must not panic
	l.RunOnce(0)
	// Another goroutine, outside any round: not checked.
	checked := make(chan any)
	go func() {
		defer func() { checked <- recover() }()
		l.AssertOnLoop("between rounds")
	}()
	if r := <-checked; r != nil {
		t.Fatalf("AssertOnLoop outside a round panicked: %v", r)
	}

	// Now the loop moves to another goroutine, and this one is off it.
	stop := start(t, l)
	onLoop(t, l, func() { l.AssertOnLoop("on loop") })

	inRound, release := make(chan struct{}), make(chan struct{})
	l.Post(func() { close(inRound); <-release })
	wait(t, inRound, "round")
	mustPanic := func(what string, fn func()) {
		defer func() {
			r := recover()
			s, _ := r.(string)
			if want := "golws: " + what + " called off the service goroutine"; s != want {
				t.Errorf("panic %v, want %q", r, want)
			}
		}()
		fn()
	}
	mustPanic("Foo", func() { l.AssertOnLoop("Foo") })
	var tm Timer
	mustPanic("service.Loop.Schedule", func() { l.Schedule(&tm, 0, func() {}) })
	close(release)
	stop()
}

func TestAssertOnLoopDebugEnv(t *testing.T) {
	t.Setenv("GOLWS_DEBUG", "1")
	assertOffLoop(t, New())
}

func TestGoid(t *testing.T) {
	a := goid()
	if a <= 0 {
		t.Fatalf("goid = %d", a)
	}
	c := make(chan int64)
	go func() { c <- goid() }()
	if b := <-c; b == a || b <= 0 {
		t.Fatalf("goid in another goroutine = %d, here %d", b, a)
	}
}

func equal[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
