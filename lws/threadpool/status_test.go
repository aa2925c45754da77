package threadpool

import (
	"slices"
	"testing"

	"github.com/golws/golws/lws"
)

// Rule 5: an ended task with a wsi waits on the done list until
// Task.Status reaps it; StatusNoreap only reads.
func TestStatusReapsNoreapDoesNot(t *testing.T) {
	h := newHarness().start(t, true, &CreateArgs{Threads: 1, MaxQueueDepth: 4})
	_, w := h.dial(t)
	p := newProbe(ReturnFinished)
	task := h.tp.Enqueue(p.args(w), "done")
	eventually(t, "task on the done list", func() bool { return onDoneList(task) })
	for i := 0; i < 3; i++ {
		if st := task.StatusNoreap(); st != StatusFinished {
			t.Fatalf("StatusNoreap = %s", st)
		}
	}
	if p.cleanups.Load() != 0 || !onDoneList(task) {
		t.Fatal("StatusNoreap reaped the task")
	}
	if GetTaskWsi(w) != task {
		t.Fatal("done task not bound to its wsi")
	}
	var st TaskStatus
	var user any
	h.onService(t, func() { st, user = task.Status() })
	if st != StatusFinished || user != p {
		t.Errorf("Status = %s, %v", st, user)
	}
	if p.cleanups.Load() != 1 || p.cleanWsi.Load() != w || p.cleanGoid.Load() != h.serviceGoid.Load() {
		t.Error("Status did not reap on the service goroutine with the wsi")
	}
	if GetTaskWsi(w) != nil || onDoneList(task) {
		t.Error("reaped task still listed")
	}
	// Like waitpid on a reaped child: no second cleanup.
	if st, _ := task.Status(); st != StatusFinished {
		t.Errorf("Status of a reaped task = %s", st)
	}
	if st, u := (*Task)(nil).Status(); st != StatusFinished || u != nil {
		t.Errorf("nil task Status = %s %v", st, u)
	}
	p.check(t)
	h.tp.Destroy()
}

// The deprecated wsi form reaps the wsi's task, or reports FINISHED with
// a NOTICE when there is none.
func TestTaskStatusWsi(t *testing.T) {
	lc := captureLogs(t, lws.LogDefault)
	h := newHarness().start(t, true, &CreateArgs{Threads: 1, MaxQueueDepth: 4})
	_, w := h.dial(t)
	if task, user, st := TaskStatusWsi(w); task != nil || user != nil || st != StatusFinished {
		t.Errorf("no task: got %v %v %s", task, user, st)
	}
	if len(lc.matching("N", "lws_threadpool_task_status_wsi")) != 1 {
		t.Error("no NOTICE for a wsi without a task")
	}
	p := newProbe(ReturnStopped)
	want := h.tp.Enqueue(p.args(w), "x")
	eventually(t, "task on the done list", func() bool { return onDoneList(want) })
	task, user, st := TaskStatusWsi(w)
	if task != want || user != p || st != StatusStopped {
		t.Errorf("got %v %v %s", task, user, st)
	}
	p.check(t)
	h.tp.Destroy()
}

// A wsi may own several tasks, in several pools: GetTaskWsi gives the
// oldest, ForeachTaskWsi visits them oldest first, stops on non-zero, and
// its callback may call back into the package.
func TestGetTaskWsiAndForeach(t *testing.T) {
	h := newHarness().start(t, true, &CreateArgs{Threads: 1, MaxQueueDepth: 4})
	var tp2 *Threadpool
	h.onService(t, func() { tp2 = Create(h.ctx, &CreateArgs{Threads: 1, MaxQueueDepth: 4}, "second") })
	_, w := h.dial(t)
	if GetTaskWsi(w) != nil || GetTaskWsi(nil) != nil {
		t.Fatal("task found on a fresh wsi")
	}
	var ps []*probe
	var tasks []*Task
	for i, tp := range []*Threadpool{h.tp, tp2, h.tp, tp2} {
		p := newProbe().held().looping()
		ps = append(ps, p)
		tasks = append(tasks, tp.Enqueue(p.args(w), "t%d", i))
	}
	if got := GetTaskWsi(w); got != tasks[0] {
		t.Errorf("GetTaskWsi = %v, want the oldest", got.name)
	}
	var visited []*Task
	if r := ForeachTaskWsi(w, "u", func(task *Task, u any) int {
		if u != "u" {
			t.Errorf("user %v", u)
		}
		visited = append(visited, task)
		return 0
	}); r != 0 {
		t.Errorf("ForeachTaskWsi = %d, want 0", r)
	}
	if !slices.Equal(visited, tasks) {
		t.Error("ForeachTaskWsi did not visit oldest first across pools")
	}
	visited = nil
	if r := ForeachTaskWsi(w, nil, func(task *Task, _ any) int {
		visited = append(visited, task)
		return len(visited) / 2
	}); r != 1 || len(visited) != 2 {
		t.Errorf("stopping callback: returned %d after %d calls", r, len(visited))
	}
	// Dequeue everything from inside the callback (deadlocks in C).
	ForeachTaskWsi(w, nil, func(task *Task, _ any) int {
		DequeueTask(task)
		return 0
	})
	if GetTaskWsi(w) != nil {
		t.Error("tasks left after dequeueing all")
	}
	for _, p := range ps {
		p.release()
	}
	for _, p := range ps {
		p.waitCleaned(t)
		p.check(t)
	}
	tp2.Destroy()
	h.tp.Destroy()
}

// Rule 7: wsi close detaches every task of the wsi without stopping it by
// itself; a running task sees STOPPING at its next call, a queued one at
// its first, and a done one, which nobody can reap any more, is reaped at
// once with a nil wsi on the service goroutine.
func TestWsiCloseDetaches(t *testing.T) {
	h := newHarness().start(t, true, &CreateArgs{Threads: 1, MaxQueueDepth: 4})
	c, w := h.dial(t)
	done := newProbe(ReturnFinished)
	doneTask := h.tp.Enqueue(done.args(w), "done")
	eventually(t, "task on the done list", func() bool { return onDoneList(doneTask) })
	running := newProbe().held().looping()
	runTask := h.tp.Enqueue(running.args(w), "running")
	running.next(t)
	queued := newProbe().looping()
	h.tp.Enqueue(queued.args(w), "queued")

	h.closeClient(t, c, w)
	if GetTaskWsi(w) != nil {
		t.Error("tasks still bound to a closed wsi")
	}
	if st := runTask.StatusNoreap(); st != StatusRunning {
		t.Errorf("running task is %s right after the close; no stop request expected", st)
	}
	done.waitCleaned(t)
	if done.cleanWsi.Load() != nil || done.cleanGoid.Load() != h.serviceGoid.Load() {
		t.Error("orphaned done task not reaped on the service goroutine with a nil wsi")
	}
	running.step <- struct{}{}
	if s := running.next(t); s != StatusStopping {
		t.Errorf("running task's next call saw %s", s)
	}
	running.release()
	running.waitCleaned(t)
	queued.waitCleaned(t)
	if got := queued.seen(); !slices.Equal(got, []TaskStatus{StatusStopping}) {
		t.Errorf("queued task of a closed wsi saw %v", got)
	}
	for _, p := range []*probe{done, running, queued} {
		p.check(t)
	}
	h.tp.Destroy()
}
