package threadpool

import (
	"runtime/debug"
	"slices"
	"sync/atomic"
	"time"

	"github.com/golws/golws/lws"
)

// TaskArgs says what to run (struct lws_threadpool_task_args).
type TaskArgs struct {
	// Wsi is the connection the task works for. Its WRITEABLE handler
	// consumes the task's output (StatusSyncing) and reaps it
	// (Task.Status). nil, a Go addition, makes a free-standing task: it
	// never waits in SYNC and is reaped by its worker when it ends.
	Wsi *lws.Wsi
	// User is handed to Task and Cleanup. It belongs to the task, not to
	// the wsi: the wsi may close long before the task ends.
	User any
	// Name describes the task when Enqueue's format is empty.
	Name string
	// Async is C's async_task: the task may shrug off the loss of its wsi
	// and run to completion. It outlives its wsi from the start (as if it
	// had returned ReturnFlagOutlive) and, once detached, is not stopped
	// for that: it keeps seeing StatusRunning, its SYNCs are skipped and
	// its worker reaps it.
	Async bool
	// Task does the work, a slice at a time, on a worker goroutine. It is
	// called with StatusRunning, or StatusStopping once when it must wind
	// down, and says what next with its return.
	Task func(user any, s TaskStatus) TaskReturn
	// Cleanup, if not nil, is called exactly once per enqueued task, when
	// the task is reaped, to free User. wsi is nil if the task is no
	// longer bound to one. See the package documentation for the
	// goroutine it runs on.
	Cleanup func(wsi *lws.Wsi, user any)
}

// Task is one enqueued piece of work (struct lws_threadpool_task). It stays
// valid (as a Go value) after it is reaped; functions given a reaped task
// report its last state and do nothing else.
type Task struct {
	tp      *Threadpool
	name    string
	seq     uint64 // enqueue order across all pools
	user    any
	fn      func(user any, s TaskStatus) TaskReturn
	cleanup func(wsi *lws.Wsi, user any)
	async   bool

	// Guarded by tp.mu.
	wsi     *lws.Wsi
	status  TaskStatus
	outlive bool // may outlive its wsi (ReturnFlagOutlive or Async)
	lost    bool // was bound to a wsi and is no longer
	worker  int  // index of the worker running it, -1 if none
	// wake ends a SYNC wait early; one token at most. Made at the first
	// SYNC: most tasks never need it.
	wake   chan struct{}
	inDone bool // on tp.done
	reaped bool // taken off every list; Cleanup called or being called
	// panicked: the task function panicked; its wsi is to be closed with
	// 1011 by the service goroutine, which sets panicClosed when it does.
	panicked, panicClosed bool
	// serviceFn is t.service, made once: posting it must not allocate.
	serviceFn func()

	created, acquired, ended, entered time.Time
	accRun, accSync                   time.Duration
	lateSyncs                         int // SYNC waits that timed out
}

var taskSeq atomic.Uint64

// Enqueue queues a task for the next free worker (lws_threadpool_enqueue)
// and returns it, in StatusQueued. The name is formatted printf-style from
// format and a (TaskArgs.Name if format is ""), 31 bytes at most.
//
// It returns nil when the pool is finishing, when MaxQueueDepth tasks are
// already waiting for a worker (running tasks do not count), logging
// NOTICE "lws_threadpool_enqueue: queue reached limit N", or when args is
// unusable (no Task, or a Wsi of another context; ERR line). On nil the
// caller still owns args.User: Cleanup will not be called.
//
// A wsi may own several tasks, in one pool or several. Goroutine-safe.
func (tp *Threadpool) Enqueue(args *TaskArgs, format string, a ...any) *Task {
	if args == nil || args.Task == nil {
		lws.Err("lws_threadpool_enqueue: %s: no task function", tp.name)
		return nil
	}
	if args.Wsi != nil && args.Wsi.Context() != tp.ctx {
		lws.Err("lws_threadpool_enqueue: %s: wsi belongs to another context", tp.name)
		return nil
	}
	name := cutName(args.Name)
	if format != "" {
		name = formatName(format, a)
	}
	now := time.Now()
	t := &Task{
		tp:      tp,
		name:    name,
		user:    args.User,
		fn:      args.Task,
		cleanup: args.Cleanup,
		async:   args.Async,
		wsi:     args.Wsi,
		status:  StatusQueued,
		outlive: args.Async,
		worker:  -1,
		created: now,
		entered: now,
	}

	tp.mu.Lock()
	if tp.finishing {
		tp.mu.Unlock()
		return nil
	}
	if len(tp.queue) >= tp.maxQueue {
		tp.mu.Unlock()
		lws.Notice("lws_threadpool_enqueue: queue reached limit %d", tp.maxQueue)
		return nil
	}
	t.seq = taskSeq.Add(1)
	t.serviceFn = t.service
	tp.queue = append(tp.queue, t)
	if t.wsi != nil {
		tp.byWsi[t.wsi] = append(tp.byWsi[t.wsi], t)
	}
	depth := len(tp.queue)
	tp.idle.Signal()
	tp.mu.Unlock()

	if tracing() {
		lws.Thread("lws_threadpool_enqueue: %s: queued task %s, %d waiting", tp.name, name, depth)
	}
	return t
}

// askService asks the service goroutine to look at the task (service).
// Any goroutine, tp.mu not held.
func (t *Task) askService() { lwsImpl.Post(t.tp.ctx, t.serviceFn) }

// service runs on the service goroutine: a task waiting in SYNC, or ended
// and waiting to be reaped, gets a WRITEABLE on its own wsi; a task whose
// function panicked gets its wsi closed with 1011. A task that lost its
// wsi meanwhile needs nothing.
func (t *Task) service() {
	tp := t.tp
	tp.mu.Lock()
	w := t.wsi
	closeIt := w != nil && t.panicked && !t.panicClosed
	if closeIt {
		t.panicClosed = true
	}
	want := w != nil && (t.status == StatusSyncing || t.inDone)
	tp.mu.Unlock()
	// Outside the lock: the pool lock is never held across a call into
	// lws.
	switch {
	case closeIt:
		lwsImpl.CloseWsi(w, int(lws.CloseStatusUnexpectedCondition))
	case want:
		tp.writable(w)
	}
}

// setStatus changes state and notes when, for Dump. tp.mu held.
func (t *Task) setStatus(s TaskStatus) {
	t.status = s
	t.entered = time.Now()
}

// wakeLocked ends the task's SYNC wait, if it is in one, so its worker
// looks at the task again. tp.mu held.
func (t *Task) wakeLocked() {
	if t.worker < 0 || t.wake == nil {
		return
	}
	select {
	case t.wake <- struct{}{}:
	default:
	}
}

// drainWake drops a wake token meant for an earlier wait. tp.mu held.
func (t *Task) drainWake() {
	if t.wake == nil {
		return
	}
	select {
	case <-t.wake:
	default:
	}
}

// stopQueuedLocked ends a task taken off the queue as StatusStopped. A task
// with a wsi goes on the done list for its WRITEABLE handler to reap; one
// without is reaped now and true is returned: the caller must run its
// Cleanup after releasing tp.mu.
func (t *Task) stopQueuedLocked() bool {
	tp := t.tp
	t.setStatus(StatusStopped)
	t.ended = t.entered
	if t.wsi != nil {
		t.inDone = true
		tp.done = append(tp.done, t)
		return false
	}
	t.reaped = true
	return true
}

// takeQueuedLocked removes t from the queue. tp.mu held.
func (tp *Threadpool) takeQueuedLocked(t *Task) bool {
	i := slices.Index(tp.queue, t)
	if i < 0 {
		return false
	}
	tp.queue = slices.Delete(tp.queue, i, i+1)
	return true
}

// reapDoneLocked takes t off the done list and marks it reaped; the caller
// runs its Cleanup after releasing tp.mu. t.wsi is kept for that call.
func (tp *Threadpool) reapDoneLocked(t *Task) {
	if i := slices.Index(tp.done, t); i >= 0 {
		tp.done = slices.Delete(tp.done, i, i+1)
	}
	t.inDone = false
	t.reaped = true
	tp.unbindLocked(t)
}

// runCleanup calls t's Cleanup. Never under tp.mu: a Cleanup may call
// back into the pool.
func runCleanup(t *Task) {
	if t.cleanup == nil {
		return
	}
	if t.tp.recovers {
		defer func() {
			if v := recover(); v != nil {
				lws.Err("lws_threadpool: %s: panic in cleanup of task %s: %v\n%s", t.tp.name, t.name, v, debug.Stack())
			}
		}()
	}
	t.cleanup(t.wsi, t.user)
}

func runCleanups(ts []*Task) {
	for _, t := range ts {
		runCleanup(t)
	}
}
