package threadpool

import "github.com/golws/golws/lws"

// DequeueTask stops a task and, where it can, destroys it now
// (lws_threadpool_dequeue_task). It returns 0 when the task is gone (its
// Cleanup has been called, here or elsewhere) and 1 when it was asked to
// stop asynchronously and is still on a worker, which reaps it later
// (Cleanup with a nil wsi, on the worker), as the C header promises; C
// itself always returns 0.
//
//   - A queued or running task that outlives its wsi (ReturnFlagOutlive,
//     Async), while the pool is not finishing, is only detached from its
//     wsi and runs on (returns 1).
//   - A queued task is stopped and destroyed: Cleanup(wsi, user) runs
//     here (returns 0).
//   - A done task is destroyed: Cleanup(wsi, user) runs here (returns 0),
//     even if it outlives its wsi (C would leave it to Destroy).
//   - A running or syncing task becomes StatusStopping and is detached;
//     a SYNC wait ends at once (returns 1).
//   - nil or an already reaped task: 0.
//
// The lws example calls it from CallbackWSServerDropProtocol.
// Goroutine-safe.
func DequeueTask(task *Task) int {
	if task == nil {
		return 0
	}
	tp := task.tp
	tp.mu.Lock()
	switch {
	case task.reaped:
		tp.mu.Unlock()
		return 0
	case task.inDone:
		tp.reapDoneLocked(task)
		tp.mu.Unlock()
		if tracing() {
			lws.Thread("lws_threadpool_dequeue_task: %s: destroyed done task %s", tp.name, task.name)
		}
		runCleanup(task)
		return 0
	case task.outlive && !tp.finishing:
		tp.detachLocked(task)
		task.wakeLocked()
		tp.mu.Unlock()
		if tracing() {
			lws.Thread("lws_threadpool_dequeue_task: %s: task %s outlives its wsi", tp.name, task.name)
		}
		return 1
	case task.status == StatusQueued && tp.takeQueuedLocked(task):
		task.setStatus(StatusStopped)
		task.ended = task.entered
		task.reaped = true
		tp.unbindLocked(task)
		tp.mu.Unlock()
		if tracing() {
			lws.Thread("lws_threadpool_dequeue_task: %s: destroyed queued task %s", tp.name, task.name)
		}
		runCleanup(task)
		return 0
	}
	// On a worker.
	if task.status == StatusRunning || task.status == StatusSyncing {
		task.setStatus(StatusStopping)
	}
	tp.detachLocked(task)
	task.wakeLocked()
	tp.mu.Unlock()
	if tracing() {
		lws.Thread("lws_threadpool_dequeue_task: %s: asked running task %s to stop", tp.name, task.name)
	}
	return 1
}

// Dequeue is DequeueTask for the first task bound to wsi
// (lws_threadpool_dequeue). It returns 0 if wsi has none.
//
// Deprecated: as in C, use DequeueTask with GetTaskWsi, or with
// ForeachTaskWsi when a wsi may own several tasks.
func Dequeue(wsi *lws.Wsi) int {
	return DequeueTask(GetTaskWsi(wsi))
}
