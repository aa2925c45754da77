package threadpool

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/golws/golws/lws"
)

// reaper is a WRITEABLE handler in the style of the lws example: for each
// task of the wsi it calls Task.Status (reaping ended tasks) and, on
// SYNCING, answers with answer (TaskSync(task, 0) when nil). Every status
// it sees is sent on seen.
type reaper struct {
	seen   chan TaskStatus
	answer func(w *lws.Wsi, task *Task)
}

func newReaper() *reaper { return &reaper{seen: make(chan TaskStatus, 4096)} }

func (r *reaper) writeable(w *lws.Wsi) int {
	ForeachTaskWsi(w, nil, func(task *Task, _ any) int {
		st, _ := task.Status()
		r.seen <- st
		if st == StatusSyncing {
			if r.answer != nil {
				r.answer(w, task)
			} else {
				TaskSync(task, 0)
			}
		}
		return 0
	})
	return 0
}

// waitSeen waits until the handler saw status st.
func (r *reaper) waitSeen(t testing.TB, st TaskStatus) {
	t.Helper()
	for {
		if recv(t, r.seen, "WRITEABLE seeing "+st.String()) == st {
			return
		}
	}
}

// Rule 4: a SYNC round trip over a real connection; rule 5: the ended
// task is reaped by Task.Status in the WRITEABLE handler, which runs its
// Cleanup with the wsi on the service goroutine.
func TestSyncRoundTrip(t *testing.T) {
	h := newHarness()
	r := newReaper()
	h.onWriteable = r.writeable
	h.start(t, true, &CreateArgs{Threads: 1, MaxQueueDepth: 4})
	_, w := h.dial(t)
	p := newProbe(ReturnSync, ReturnSync, ReturnCheckingIn, ReturnSync, ReturnFinished)
	h.tp.Enqueue(p.args(w), "rt")
	p.waitCleaned(t)
	if got := p.seen(); !slices.Equal(got, []TaskStatus{StatusRunning, StatusRunning, StatusRunning, StatusRunning, StatusRunning}) {
		t.Errorf("task saw %v", got)
	}
	syncs := 0
	for done := false; !done; {
		switch recv(t, r.seen, "handler status") {
		case StatusSyncing:
			syncs++
		case StatusFinished:
			done = true
		}
	}
	if syncs != 3 {
		t.Errorf("handler saw SYNCING %d times, want 3", syncs)
	}
	if p.cleanWsi.Load() != w {
		t.Error("cleanup after Task.Status did not get the wsi")
	}
	if p.cleanGoid.Load() != h.serviceGoid.Load() {
		t.Error("cleanup after Task.Status did not run on the service goroutine")
	}
	p.check(t)
	h.tp.Destroy()
}

// Rule 4: a SYNC without a wsi is skipped: no wait at all.
func TestSyncSkippedWithoutWsi(t *testing.T) {
	h := newHarness().start(t, false, &CreateArgs{Threads: 1, MaxQueueDepth: 4,
		SyncTimeout: time.Minute, SyncRetries: 1})
	p := newProbe(ReturnSync, ReturnSync, ReturnSync, ReturnFinished)
	task := h.tp.Enqueue(p.args(nil), "nowsi")
	p.waitCleaned(t) // a wait would take a minute
	if len(p.seen()) != 4 {
		t.Errorf("task called %d times, want 4", len(p.seen()))
	}
	h.tp.mu.Lock()
	synced := task.accSync
	h.tp.mu.Unlock()
	if synced != 0 {
		t.Errorf("task spent %v syncing", synced)
	}
	p.check(t)
	h.tp.Destroy()
}

// Rule 4: an unanswered SYNC is re-asked SyncRetries times, then the task
// is stopped (not called again), detached and reaped by its worker.
func TestSyncTimeoutRetriesThenStop(t *testing.T) {
	lc := captureLogs(t, lws.LogDefault)
	h := newHarness()
	r := newReaper()
	r.answer = func(*lws.Wsi, *Task) {} // never answers
	h.onWriteable = r.writeable
	h.start(t, true, &CreateArgs{Threads: 1, MaxQueueDepth: 4,
		SyncTimeout: 20 * time.Millisecond, SyncRetries: 3})
	_, w := h.dial(t)
	p := newProbe(ReturnSync).looping()
	task := h.tp.Enqueue(p.args(w), "late")
	start := time.Now()
	p.waitCleaned(t)
	if el := time.Since(start); el < 60*time.Millisecond {
		t.Errorf("gave up after %v, before 3 waits of 20ms", el)
	}
	if got := p.seen(); len(got) != 1 {
		t.Errorf("timed-out task was called again: %v", got)
	}
	if st := task.StatusNoreap(); st != StatusStopped {
		t.Errorf("status %s, want STOPPED", st)
	}
	h.tp.mu.Lock()
	late := task.lateSyncs
	h.tp.mu.Unlock()
	if late != 3 {
		t.Errorf("%d late syncs, want 3", late)
	}
	if GetTaskWsi(w) != nil {
		t.Error("timed-out task still bound to its wsi")
	}
	if p.cleanWsi.Load() != nil || p.cleanGoid.Load() != p.taskGoid.Load() {
		t.Error("timed-out task not cleaned by its worker with a nil wsi")
	}
	// The wait asked for WRITEABLE. Not necessarily once per wait: the
	// wakes coalesce when the service goroutine is slower than
	// SyncTimeout (TestSyncTimeoutAsksAgain covers the re-asking).
	n := 0
	for len(r.seen) > 0 {
		if <-r.seen == StatusSyncing {
			n++
		}
	}
	if n < 1 {
		t.Error("handler never saw SYNCING")
	}
	if got := lc.matching("E", "no TaskSync after 3 waits"); len(got) != 1 {
		t.Errorf("ERR lines %q", got)
	}
	p.check(t)
	h.tp.Destroy()
}

// Rule 4: each timed-out wait asks for WRITEABLE again, so a handler that
// let a SYNCING pass (its output had nowhere to go yet) is asked again
// and can still answer. The handler here lets every SYNCING pass until it
// has let one pass and a wait has timed out; the pool makes no other
// WRITEABLE request, so without a re-ask after the timeout the task would
// be stopped after its retries instead of finishing.
func TestSyncTimeoutAsksAgain(t *testing.T) {
	h := newHarness()
	r := newReaper()
	passed := false // service goroutine only
	r.answer = func(_ *lws.Wsi, task *Task) {
		task.tp.mu.Lock()
		late := task.lateSyncs
		task.tp.mu.Unlock()
		if passed && late > 0 {
			TaskSync(task, 0)
		}
		passed = true
	}
	h.onWriteable = r.writeable
	// Retries enough to outlast any coalescing of wakes under load; their
	// total (5 s) stays under waitBound.
	h.start(t, true, &CreateArgs{Threads: 1, MaxQueueDepth: 4,
		SyncTimeout: 20 * time.Millisecond, SyncRetries: 250})
	_, w := h.dial(t)
	p := newProbe(ReturnSync, ReturnFinished)
	task := h.tp.Enqueue(p.args(w), "asked-again")
	// Reaped by the handler once answered, by its worker once stopped.
	p.waitCleaned(t)
	if st := task.StatusNoreap(); st != StatusFinished {
		t.Errorf("status %s, want FINISHED (answered after a re-ask)", st)
	}
	if got := p.seen(); !slices.Equal(got, []TaskStatus{StatusRunning, StatusRunning}) {
		t.Errorf("task saw %v, want RUNNING twice (answered after a re-ask)", got)
	}
	h.tp.mu.Lock()
	late := task.lateSyncs
	h.tp.mu.Unlock()
	if late < 1 {
		t.Errorf("%d late syncs; the first sighting went unanswered, so at least 1", late)
	}
	p.check(t)
	h.tp.Destroy()
}

// Rule 4: the wsi closes while its task waits in SYNC. A normal task is
// stopped and destroyed without another call; an OUTLIVE one gets one
// STOPPING call. Either way at once, not after a SYNC timeout.
func TestWsiCloseWhileSyncing(t *testing.T) {
	for _, outlive := range []bool{false, true} {
		t.Run(fmt.Sprint("outlive=", outlive), func(t *testing.T) {
			h := newHarness()
			r := newReaper()
			r.answer = func(*lws.Wsi, *Task) {}
			h.onWriteable = r.writeable
			h.start(t, true, &CreateArgs{Threads: 1, MaxQueueDepth: 4,
				SyncTimeout: time.Minute, SyncRetries: 1})
			c, w := h.dial(t)
			ret := ReturnSync
			if outlive {
				ret |= ReturnFlagOutlive
			}
			p := newProbe(ret).looping()
			task := h.tp.Enqueue(p.args(w), "closing")
			r.waitSeen(t, StatusSyncing)
			h.closeClient(t, c, w)
			p.waitCleaned(t)
			want := []TaskStatus{StatusRunning}
			if outlive {
				want = append(want, StatusStopping)
			}
			if got := p.seen(); !slices.Equal(got, want) {
				t.Errorf("task saw %v, want %v", got, want)
			}
			if st := task.StatusNoreap(); st != StatusStopped {
				t.Errorf("status %s, want STOPPED", st)
			}
			if p.cleanWsi.Load() != nil || p.cleanGoid.Load() != p.taskGoid.Load() {
				t.Error("not cleaned by its worker with a nil wsi")
			}
			p.check(t)
			h.tp.Destroy()
		})
	}
}

// TaskSync(task, 1) ends a syncing task as STOPPED without another call;
// its wsi's handler then reaps it.
func TestSyncStopAnswer(t *testing.T) {
	h := newHarness()
	r := newReaper()
	// The status right after TaskSync(1), observed on the service
	// goroutine and judged here: a panic there would be recovered by lws.
	after := make(chan TaskStatus, 1)
	r.answer = func(_ *lws.Wsi, task *Task) {
		TaskSync(task, 1)
		st := task.StatusNoreap()
		select {
		case after <- st:
		default: // a second SYNCING: reported by the count below
		}
	}
	h.onWriteable = r.writeable
	h.start(t, true, &CreateArgs{Threads: 1, MaxQueueDepth: 4})
	_, w := h.dial(t)
	p := newProbe(ReturnSync).looping()
	h.tp.Enqueue(p.args(w), "stop")
	// STOPPING until the woken worker ends the task, which it may already
	// have done: both say "no further call".
	if st := recv(t, after, "the status after TaskSync(1)"); st != StatusStopping && st != StatusStopped {
		t.Errorf("TaskSync(1) left %s, want STOPPING or STOPPED", st)
	}
	syncs := 0
	for done := false; !done; {
		switch recv(t, r.seen, "WRITEABLE seeing STOPPED") {
		case StatusSyncing:
			syncs++
		case StatusStopped:
			done = true
		}
	}
	if syncs != 1 {
		t.Errorf("handler saw SYNCING %d times, want 1", syncs)
	}
	p.waitCleaned(t)
	if got := p.seen(); len(got) != 1 {
		t.Errorf("stopped task called again: %v", got)
	}
	if p.cleanWsi.Load() != w || p.cleanGoid.Load() != h.serviceGoid.Load() {
		t.Error("stopped task with a wsi should be reaped by its handler")
	}
	p.check(t)
	h.tp.Destroy()
}

// Finish wakes a task waiting in SYNC at once; its next call sees
// STOPPING (rule 8).
func TestFinishWakesSyncingTask(t *testing.T) {
	h := newHarness()
	r := newReaper()
	r.answer = func(*lws.Wsi, *Task) {}
	h.onWriteable = r.writeable
	h.start(t, true, &CreateArgs{Threads: 1, MaxQueueDepth: 4,
		SyncTimeout: time.Minute, SyncRetries: 1})
	_, w := h.dial(t)
	p := newProbe(ReturnSync).looping()
	h.tp.Enqueue(p.args(w), "finish")
	r.waitSeen(t, StatusSyncing)
	h.tp.Finish()
	if s := p.next(t); s != StatusRunning {
		t.Fatalf("first call %s", s)
	}
	if s := p.next(t); s != StatusStopping {
		t.Fatalf("after Finish the syncing task was called with %s", s)
	}
	r.waitSeen(t, StatusStopped) // reaped by the handler
	p.waitCleaned(t)
	p.check(t)
	h.tp.Destroy()
}

// The main deviation: every SYNC is delivered to the WRITEABLE handler
// exactly once, even though WRITEABLE is asked for again and again (by
// the handler itself, after each write, and by every CancelService wake).
// The handler reads the task's buffer and the task rewrites it after the
// sync, so a second delivery would also be a data race under -race.
func TestNoDuplicateSyncing(t *testing.T) {
	const conns, syncs = 8, 60
	type priv struct {
		pos    int
		result string
	}
	var seenSync sync.Map // *Task -> *atomic.Int32
	h := newHarness()
	h.onWriteable = func(w *lws.Wsi) int {
		task := GetTaskWsi(w)
		if task == nil {
			return 0
		}
		st, u := task.Status()
		switch st {
		case StatusFinished:
			w.Write([]byte("done"), lws.WriteText)
			return 0
		case StatusSyncing:
		default:
			return 0
		}
		n, _ := seenSync.LoadOrStore(task, new(atomic.Int32))
		n.(*atomic.Int32).Add(1)
		pr := u.(*priv)
		if w.Write([]byte(pr.result), lws.WriteText) < 0 {
			TaskSync(task, 1)
			return -1
		}
		TaskSync(task, 0)
		// Extra requests: the C example's pattern plus a pool wake.
		w.CallbackOnWritable()
		w.CallbackOnWritable()
		h.ctx.CancelService()
		return 0
	}
	h.start(t, true, &CreateArgs{Threads: conns, MaxQueueDepth: conns})

	var cleaned atomic.Int32
	clients := make([]*websocket.Conn, conns)
	for i := range clients {
		c, w := h.dial(t)
		clients[i] = c
		pr := &priv{}
		args := &TaskArgs{
			Wsi:  w,
			User: pr,
			Task: func(u any, s TaskStatus) TaskReturn {
				pr := u.(*priv)
				if s == StatusStopping {
					return ReturnStopped
				}
				if pr.pos == syncs {
					return ReturnFinished
				}
				pr.pos++
				pr.result = fmt.Sprintf("pos %d", pr.pos)
				return ReturnSync
			},
			Cleanup: func(*lws.Wsi, any) { cleaned.Add(1) },
		}
		if h.tp.Enqueue(args, "dup %d", i) == nil {
			t.Fatal("enqueue refused")
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, conns)
	for i, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Not readText: t.Fatal belongs to the test goroutine.
			ctx, cancel := context.WithTimeout(context.Background(), waitBound)
			defer cancel()
			for want := 1; ; want++ {
				_, b, err := c.Read(ctx)
				if err != nil {
					errs <- fmt.Sprintf("conn %d: read %d: %v", i, want, err)
					return
				}
				got := string(b)
				if want > syncs {
					if got != "done" {
						errs <- fmt.Sprintf("conn %d: %q after the last message", i, got)
					}
					return
				}
				if got != fmt.Sprintf("pos %d", want) {
					errs <- fmt.Sprintf("conn %d: got %q, want %q", i, got, fmt.Sprintf("pos %d", want))
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	var all []string
	for e := range errs {
		all = append(all, e)
	}
	if len(all) > 0 {
		t.Fatal(strings.Join(all, "\n"))
	}
	seenSync.Range(func(k, v any) bool {
		if n := v.(*atomic.Int32).Load(); n != syncs {
			t.Errorf("task %s: handler saw SYNCING %d times, want %d", k.(*Task).name, n, syncs)
		}
		return true
	})
	if n := cleaned.Load(); n != conns {
		t.Errorf("%d cleanups, want %d", n, conns)
	}
	h.tp.Destroy()
}
