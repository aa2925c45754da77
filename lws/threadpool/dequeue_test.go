package threadpool

import (
	"testing"
	"time"

	"github.com/golws/golws/lws"
)

// onDoneList reports whether task waits on its pool's done list.
func onDoneList(task *Task) bool {
	task.tp.mu.Lock()
	defer task.tp.mu.Unlock()
	return task.inDone
}

// Rule 6, in every state, with the return value the header promises.
func TestDequeueTask(t *testing.T) {
	h := newHarness()
	r := newReaper()
	r.answer = func(*lws.Wsi, *Task) {} // SYNCs stay unanswered
	h.onWriteable = r.writeable
	h.start(t, true, &CreateArgs{Threads: 1, MaxQueueDepth: 4,
		SyncTimeout: time.Minute, SyncRetries: 1})
	_, w := h.dial(t)

	t.Run("queued", func(t *testing.T) {
		blocker := newProbe().held()
		h.tp.Enqueue(blocker.args(nil), "blocker")
		blocker.next(t)
		p := newProbe()
		task := h.tp.Enqueue(p.args(w), "queued")
		if r := DequeueTask(task); r != 0 {
			t.Errorf("DequeueTask(queued) = %d, want 0", r)
		}
		// Destroyed inside the call, on the caller's goroutine, with its wsi.
		if p.cleanups.Load() != 1 || p.cleanWsi.Load() != w || p.cleanGoid.Load() != goid() {
			t.Error("queued task not cleaned up by DequeueTask itself with its wsi")
		}
		if _, _, wt := h.tp.Diagnose(); wt != 0 {
			t.Errorf("%d waiting after dequeue", wt)
		}
		if GetTaskWsi(w) != nil {
			t.Error("dequeued task still bound")
		}
		blocker.release()
		blocker.waitCleaned(t)
		if len(p.seen()) != 0 {
			t.Error("dequeued task ran")
		}
		if st := task.StatusNoreap(); st != StatusStopped {
			t.Errorf("status %s", st)
		}
		p.check(t)
	})

	t.Run("running", func(t *testing.T) {
		p := newProbe().held().looping()
		task := h.tp.Enqueue(p.args(w), "running")
		p.next(t)
		if r := DequeueTask(task); r != 1 {
			t.Errorf("DequeueTask(running) = %d, want 1", r)
		}
		if st := task.StatusNoreap(); st != StatusStopping {
			t.Errorf("status %s, want STOPPING", st)
		}
		if p.cleanups.Load() != 0 {
			t.Error("running task cleaned up before it returned")
		}
		p.release()
		p.waitCleaned(t)
		if len(p.seen()) != 1 || p.cleanWsi.Load() != nil || p.cleanGoid.Load() != p.taskGoid.Load() {
			t.Error("stopped running task: called again, or not reaped by its worker with a nil wsi")
		}
		p.check(t)
	})

	t.Run("syncing", func(t *testing.T) {
		p := newProbe(ReturnSync).looping()
		task := h.tp.Enqueue(p.args(w), "syncing")
		r.waitSeen(t, StatusSyncing)
		if r := DequeueTask(task); r != 1 {
			t.Errorf("DequeueTask(syncing) = %d, want 1", r)
		}
		p.waitCleaned(t) // at once: the SYNC wait is a minute
		if len(p.seen()) != 1 || p.cleanWsi.Load() != nil {
			t.Error("stopped syncing task: called again, or cleaned with a wsi")
		}
		if st := task.StatusNoreap(); st != StatusStopped {
			t.Errorf("status %s", st)
		}
		p.check(t)
	})

	t.Run("done", func(t *testing.T) {
		h2 := newHarness().start(t, true, &CreateArgs{Threads: 1, MaxQueueDepth: 4})
		_, w2 := h2.dial(t)
		for _, ret := range []TaskReturn{ReturnFinished, ReturnFinished | ReturnFlagOutlive} {
			p := newProbe(ret)
			task := h2.tp.Enqueue(p.args(w2), "done")
			eventually(t, "task on the done list", func() bool { return onDoneList(task) })
			if r := DequeueTask(task); r != 0 {
				t.Errorf("DequeueTask(done %s) = %d, want 0", ret, r)
			}
			if p.cleanups.Load() != 1 || p.cleanWsi.Load() != w2 {
				t.Errorf("done %s task not destroyed by DequeueTask with its wsi", ret)
			}
			p.check(t)
		}
		h2.tp.Destroy()
	})

	t.Run("outlive finishing", func(t *testing.T) {
		h2 := newHarness().start(t, true, &CreateArgs{Threads: 1, MaxQueueDepth: 4})
		_, w2 := h2.dial(t)
		p := newProbe(ReturnCheckingIn | ReturnFlagOutlive).held().looping()
		task := h2.tp.Enqueue(p.args(w2), "outlive")
		p.next(t)
		p.step <- struct{}{}
		p.next(t)
		h2.tp.Finish()
		// While finishing OUTLIVE does not save it: it is stopped.
		if r := DequeueTask(task); r != 1 {
			t.Errorf("DequeueTask = %d, want 1", r)
		}
		if st := task.StatusNoreap(); st != StatusStopping {
			t.Errorf("status %s, want STOPPING", st)
		}
		p.release()
		p.waitCleaned(t)
		p.check(t)
		h2.tp.Destroy()
	})

	t.Run("reaped and nil", func(t *testing.T) {
		p := newProbe()
		task := h.tp.Enqueue(p.args(nil), "gone")
		p.waitCleaned(t)
		if r := DequeueTask(task); r != 0 {
			t.Errorf("DequeueTask(reaped) = %d", r)
		}
		if r := DequeueTask(nil); r != 0 {
			t.Errorf("DequeueTask(nil) = %d", r)
		}
		p.check(t)
	})

	t.Run("deprecated Dequeue", func(t *testing.T) {
		if r := Dequeue(w); r != 0 {
			t.Errorf("Dequeue(wsi without tasks) = %d", r)
		}
		if r := Dequeue(nil); r != 0 {
			t.Errorf("Dequeue(nil) = %d", r)
		}
		p := newProbe().held().looping()
		h.tp.Enqueue(p.args(w), "first")
		p.next(t)
		q := newProbe()
		h.tp.Enqueue(q.args(w), "second")
		if r := Dequeue(w); r != 1 { // the first, running
			t.Errorf("Dequeue = %d, want 1", r)
		}
		if r := Dequeue(w); r != 0 { // then the second, queued
			t.Errorf("Dequeue = %d, want 0", r)
		}
		if q.cleanups.Load() != 1 {
			t.Error("second task not destroyed")
		}
		p.release()
		p.waitCleaned(t)
		p.check(t)
		q.check(t)
	})
	h.tp.Destroy()
}

// The lws example's pattern: DROP_PROTOCOL calls
// DequeueTask(GetTaskWsi(wsi)). A client closing mid-task has its running
// task stopped at its next check-in (no further call), and the next queued
// task starts on the freed worker.
func TestExamplePatternClientCloses(t *testing.T) {
	h := newHarness()
	dropped := make(chan int, 4)
	h.onDrop = func(w *lws.Wsi) { dropped <- DequeueTask(GetTaskWsi(w)) }
	h.start(t, true, &CreateArgs{Threads: 1, MaxQueueDepth: 4})
	ca, wa := h.dial(t)
	_, wb := h.dial(t)
	a := newProbe().held().looping()
	h.tp.Enqueue(a.args(wa), "ws a")
	a.next(t)
	b := newProbe().held().looping()
	h.tp.Enqueue(b.args(wb), "ws b")

	ca.CloseNow()
	if r := recv(t, dropped, "DROP_PROTOCOL"); r != 1 {
		t.Errorf("DequeueTask in DROP_PROTOCOL = %d, want 1 (running task)", r)
	}
	a.release() // the current check-in returns
	if s := b.next(t); s != StatusRunning {
		t.Errorf("next task started with %s", s)
	}
	a.waitCleaned(t)
	if got := a.seen(); len(got) != 1 {
		t.Errorf("stopped task was called again: %v", got)
	}
	b.release()
	h.stop() // closes b's connection: its DROP_PROTOCOL dequeues b too
	a.check(t)
	b.check(t)
}
