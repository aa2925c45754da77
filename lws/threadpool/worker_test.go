package threadpool

import (
	"slices"
	"testing"
)

// Rule 3: the task is called until it ends, only ever with RUNNING or
// STOPPING; a task without a wsi is reaped by its worker (rule 5).
func TestStatusSequenceSeenByTask(t *testing.T) {
	h := newHarness().start(t, false, &CreateArgs{Threads: 1, MaxQueueDepth: 4})
	p := newProbe(ReturnCheckingIn, ReturnCheckingIn, ReturnCheckingIn, ReturnFinished)
	task := h.tp.Enqueue(p.args(nil), "seq")
	p.waitCleaned(t)
	want := []TaskStatus{StatusRunning, StatusRunning, StatusRunning, StatusRunning}
	if got := p.seen(); !slices.Equal(got, want) {
		t.Errorf("task saw %v, want %v", got, want)
	}
	if st := task.StatusNoreap(); st != StatusFinished {
		t.Errorf("final status %s", st)
	}
	if p.cleanWsi.Load() != nil || p.cleanGoid.Load() != p.taskGoid.Load() {
		t.Error("a task without a wsi must be cleaned up by its worker with a nil wsi")
	}
	p.check(t)

	// Finish: a running task gets one STOPPING call, whatever it returns.
	q := newProbe().held().looping()
	task = h.tp.Enqueue(q.args(nil), "stopping")
	q.next(t)
	h.tp.Finish()
	q.step <- struct{}{} // its RUNNING call returns CHECKING_IN
	if s := q.next(t); s != StatusStopping {
		t.Fatalf("after Finish the task was called with %s", s)
	}
	q.release() // the STOPPING call returns CHECKING_IN: it still ends
	q.waitCleaned(t)
	if got := q.seen(); !slices.Equal(got, []TaskStatus{StatusRunning, StatusStopping}) {
		t.Errorf("task saw %v", got)
	}
	if st := task.StatusNoreap(); st != StatusStopped {
		t.Errorf("final status %s, want STOPPED", st)
	}
	q.check(t)
	h.tp.Destroy()
}

// Rule 3: FINISHED and STOPPED end the task with that status; a kind
// other than the four is treated as CHECKING_IN.
func TestReturnKinds(t *testing.T) {
	h := newHarness().start(t, false, &CreateArgs{Threads: 2, MaxQueueDepth: 4})
	cases := []struct {
		rets []TaskReturn
		want TaskStatus
	}{
		{[]TaskReturn{ReturnFinished}, StatusFinished},
		{[]TaskReturn{ReturnStopped}, StatusStopped},
		{[]TaskReturn{ReturnCheckingIn | ReturnFlagOutlive, ReturnStopped | ReturnFlagOutlive}, StatusStopped},
		{[]TaskReturn{5, 7, ReturnFinished}, StatusFinished},
	}
	for _, c := range cases {
		p := newProbe(c.rets...)
		task := h.tp.Enqueue(p.args(nil), "kinds")
		p.waitCleaned(t)
		if st := task.StatusNoreap(); st != c.want {
			t.Errorf("%v: status %s, want %s", c.rets, st, c.want)
		}
		if len(p.seen()) != len(c.rets) {
			t.Errorf("%v: %d calls", c.rets, len(p.seen()))
		}
		p.check(t)
	}
	h.tp.Destroy()
}

// Rules 3 and 6: OUTLIVE. DequeueTask on a running task that returned
// OUTLIVE only detaches it; it runs on to its next call, which sees
// STOPPING. A task without the flag is stopped and not called again.
func TestOutlive(t *testing.T) {
	h := newHarness().start(t, true, &CreateArgs{Threads: 2, MaxQueueDepth: 4})
	_, w := h.dial(t)

	out := newProbe(ReturnCheckingIn | ReturnFlagOutlive).held().looping()
	outTask := h.tp.Enqueue(out.args(w), "outlive")
	out.next(t)
	out.step <- struct{}{} // first return carries the flag
	out.next(t)            // second call, RUNNING
	if r := DequeueTask(outTask); r != 1 {
		t.Errorf("DequeueTask(outliving running task) = %d, want 1", r)
	}
	if st := outTask.StatusNoreap(); st != StatusRunning {
		t.Errorf("outliving task is %s after DequeueTask, want RUNNING (only detached)", st)
	}
	if GetTaskWsi(w) != nil {
		t.Error("task still bound to its wsi")
	}
	out.step <- struct{}{}
	if s := out.next(t); s != StatusStopping {
		t.Errorf("next call of the detached task saw %s, want STOPPING", s)
	}
	out.release()
	out.waitCleaned(t)
	if out.cleanWsi.Load() != nil || out.cleanGoid.Load() != out.taskGoid.Load() {
		t.Error("detached task not cleaned by its worker with a nil wsi")
	}
	out.check(t)

	plain := newProbe().held().looping()
	plainTask := h.tp.Enqueue(plain.args(w), "plain")
	plain.next(t)
	if r := DequeueTask(plainTask); r != 1 {
		t.Errorf("DequeueTask(running task) = %d, want 1", r)
	}
	if st := plainTask.StatusNoreap(); st != StatusStopping {
		t.Errorf("running task is %s after DequeueTask, want STOPPING", st)
	}
	plain.release()
	plain.waitCleaned(t)
	if got := plain.seen(); len(got) != 1 {
		t.Errorf("stopped task was called again: %v", got)
	}
	if st := plainTask.StatusNoreap(); st != StatusStopped {
		t.Errorf("final status %s", st)
	}
	plain.check(t)
	h.tp.Destroy()
}

// Async (C's async_task): the task shrugs off the loss of its wsi and runs
// to completion; its SYNCs are skipped once it has no wsi.
func TestAsyncRunsToCompletion(t *testing.T) {
	h := newHarness().start(t, true, &CreateArgs{Threads: 2, MaxQueueDepth: 4})
	c, w := h.dial(t)
	_, w2 := h.dial(t)

	// Lost by wsi close.
	p := newProbe(ReturnCheckingIn, ReturnSync, ReturnCheckingIn, ReturnFinished).held()
	args := p.args(w)
	args.Async = true
	task := h.tp.Enqueue(args, "async")
	p.next(t)
	h.closeClient(t, c, w)
	p.release()
	p.waitCleaned(t)
	want := []TaskStatus{StatusRunning, StatusRunning, StatusRunning, StatusRunning}
	if got := p.seen(); !slices.Equal(got, want) {
		t.Errorf("async task saw %v, want %v", got, want)
	}
	if st := task.StatusNoreap(); st != StatusFinished {
		t.Errorf("async task ended %s, want FINISHED", st)
	}
	if p.cleanWsi.Load() != nil || p.cleanGoid.Load() != p.taskGoid.Load() {
		t.Error("async task not cleaned by its worker with a nil wsi")
	}
	p.check(t)

	// Lost by DequeueTask, while still queued.
	blocker := newProbe().held()
	h.tp.Enqueue(blocker.args(nil), "b1")
	blocker2 := newProbe().held()
	h.tp.Enqueue(blocker2.args(nil), "b2")
	blocker.next(t)
	blocker2.next(t)
	q := newProbe(ReturnCheckingIn, ReturnFinished)
	args = q.args(w2)
	args.Async = true
	qt := h.tp.Enqueue(args, "async queued")
	if r := DequeueTask(qt); r != 1 {
		t.Errorf("DequeueTask(queued async task) = %d, want 1", r)
	}
	if st := qt.StatusNoreap(); st != StatusQueued {
		t.Errorf("queued async task is %s after DequeueTask", st)
	}
	if GetTaskWsi(w2) != nil {
		t.Error("queued async task still bound")
	}
	blocker.release()
	blocker2.release()
	q.waitCleaned(t)
	if got := q.seen(); !slices.Equal(got, []TaskStatus{StatusRunning, StatusRunning}) {
		t.Errorf("detached async task saw %v", got)
	}
	q.check(t)

	h.tp.Destroy()
}
