package threadpool

import "github.com/golws/golws/lws"

// Status returns the task's state and its User, and, like waitpid, reaps
// a task that has ended (lws_threadpool_task_status): when the state is
// StatusFinished or StatusStopped the task is taken off its pool and its
// Cleanup(wsi, user) runs here, before Status returns. Copy what you need
// from user before calling it on a task that may have ended.
//
// It is meant for the wsi's WRITEABLE handler on the service goroutine
// (the pool asks for WRITEABLE when a task ends), but is goroutine-safe;
// Cleanup runs on the caller's goroutine. A reaped task keeps answering
// with its last state and runs nothing; a nil task reports
// StatusFinished, as C does for a task without a pool.
func (t *Task) Status() (TaskStatus, any) {
	if t == nil {
		return StatusFinished, nil
	}
	tp := t.tp
	tp.mu.Lock()
	st := t.status
	if !t.inDone || !st.ended() {
		tp.mu.Unlock()
		return st, t.user
	}
	tp.reapDoneLocked(t)
	tp.mu.Unlock()
	if tracing() {
		lws.Thread("lws_threadpool_task_status: %s: reaping %s task %s", tp.name, st, t.name)
	}
	runCleanup(t)
	return st, t.user
}

// StatusNoreap returns the task's state without reaping it
// (lws_threadpool_task_status_noreap). Goroutine-safe; nil reports
// StatusFinished.
func (t *Task) StatusNoreap() TaskStatus {
	if t == nil {
		return StatusFinished
	}
	t.tp.mu.Lock()
	defer t.tp.mu.Unlock()
	return t.status
}

// TaskStatusWsi is Task.Status for the first task bound to wsi, which it
// also returns (lws_threadpool_task_status_wsi). A wsi without a task
// gives (nil, nil, StatusFinished) and a NOTICE line.
//
// Deprecated: as in C, use Task.Status with GetTaskWsi, or with
// ForeachTaskWsi when a wsi may own several tasks.
func TaskStatusWsi(wsi *lws.Wsi) (*Task, any, TaskStatus) {
	t := GetTaskWsi(wsi)
	if t == nil {
		lws.Notice("lws_threadpool_task_status_wsi: no task bound to this wsi, reporting FINISHED")
		return nil, nil, StatusFinished
	}
	st, user := t.Status()
	return t, user, st
}
