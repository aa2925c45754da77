package threadpool

import (
	"testing"

	"github.com/golws/golws/lws"
)

// Rule 8 and the first deviation: Finish stops every queued task (C's walk
// can leave some queued), running tasks see STOPPING at their next call,
// and nothing new is accepted.
func TestFinishStopsEveryQueuedTask(t *testing.T) {
	h := newHarness()
	r := newReaper()
	h.onWriteable = r.writeable
	h.start(t, true, &CreateArgs{Threads: 1, MaxQueueDepth: 8})
	_, w := h.dial(t)
	blocker := newProbe().held().looping()
	h.tp.Enqueue(blocker.args(nil), "blocker")
	blocker.next(t)
	var withWsi, without []*probe
	var tasks []*Task
	for i := 0; i < 6; i++ {
		p := newProbe()
		var ww *lws.Wsi
		if i%2 == 0 {
			ww = w
			withWsi = append(withWsi, p)
		} else {
			without = append(without, p)
		}
		tasks = append(tasks, h.tp.Enqueue(p.args(ww), "q%d", i))
	}
	h.tp.Finish()
	if _, _, waiting := h.tp.Diagnose(); waiting != 0 {
		t.Fatalf("%d tasks still queued after Finish", waiting)
	}
	for i, task := range tasks {
		if st := task.StatusNoreap(); st != StatusStopped {
			t.Errorf("queued task %d is %s after Finish", i, st)
		}
	}
	// Without a wsi: reaped inside Finish.
	for _, p := range without {
		if p.cleanups.Load() != 1 || p.cleanWsi.Load() != nil || p.cleanGoid.Load() != goid() {
			t.Error("queued task without a wsi not cleaned up by Finish")
		}
	}
	// With one: reaped by the handler's Task.Status.
	for _, p := range withWsi {
		p.waitCleaned(t)
		if p.cleanWsi.Load() != w || p.cleanGoid.Load() != h.serviceGoid.Load() {
			t.Error("stopped task with a wsi not reaped by its handler")
		}
	}
	if h.tp.Enqueue(newProbe().args(nil), "late") != nil {
		t.Error("Enqueue accepted after Finish")
	}
	blocker.step <- struct{}{}
	if s := blocker.next(t); s != StatusStopping {
		t.Errorf("running task's next call after Finish saw %s", s)
	}
	blocker.release()
	blocker.waitCleaned(t)
	h.tp.Finish() // again: nothing more
	eventually(t, "workers to leave after Finish", func() bool { return h.tp.alive.Load() == 0 })
	h.tp.Destroy()
	for _, p := range append(append(withWsi, without...), blocker) {
		p.check(t)
		if len(p.seen()) > 0 && p != blocker {
			t.Error("a queued task ran after Finish")
		}
	}
}

// TaskSync(task, 1) on a task that is not syncing: a running one ends
// after its current call, a queued one is stopped; stop 0 does nothing.
func TestTaskSyncOutsideSync(t *testing.T) {
	h := newHarness().start(t, false, &CreateArgs{Threads: 1, MaxQueueDepth: 4})
	run := newProbe().held().looping()
	runTask := h.tp.Enqueue(run.args(nil), "run")
	run.next(t)
	q := newProbe()
	qTask := h.tp.Enqueue(q.args(nil), "queued")
	TaskSync(runTask, 0)
	TaskSync(qTask, 0)
	if runTask.StatusNoreap() != StatusRunning || qTask.StatusNoreap() != StatusQueued {
		t.Fatal("TaskSync(0) changed a task that was not syncing")
	}
	TaskSync(qTask, 1)
	if qTask.StatusNoreap() != StatusStopped || q.cleanups.Load() != 1 {
		t.Error("TaskSync(1) did not stop a queued task without a wsi")
	}
	TaskSync(runTask, 1)
	if st := runTask.StatusNoreap(); st != StatusStopping {
		t.Errorf("TaskSync(1) left a running task %s", st)
	}
	run.release()
	run.waitCleaned(t)
	if len(run.seen()) != 1 {
		t.Error("task called again after TaskSync(1)")
	}
	TaskSync(runTask, 1) // reaped: ignored
	TaskSync(nil, 1)
	if runTask.StatusNoreap() != StatusStopped {
		t.Error("TaskSync changed a reaped task")
	}
	run.check(t)
	q.check(t)
	h.tp.Destroy()
}
