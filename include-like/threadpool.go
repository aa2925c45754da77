package lwsc

import "github.com/golws/golws/lws/threadpool"

// lws-threadpool.h. Every name below is an alias of, or a one-line call
// into, package lws/threadpool; see its documentation for the behaviour
// and for where golws differs from C.

// Types. C has both `enum lws_threadpool_task_status` and a function
// lws_threadpool_task_status; Go has one namespace, so the function keeps
// the plain name and the enum is spelled Enum_lws_threadpool_task_status.
type (
	Lws_threadpool                  = threadpool.Threadpool // struct lws_threadpool
	Lws_threadpool_task             = threadpool.Task       // struct lws_threadpool_task
	Lws_threadpool_create_args      = threadpool.CreateArgs // struct lws_threadpool_create_args
	Lws_threadpool_task_args        = threadpool.TaskArgs   // struct lws_threadpool_task_args
	Enum_lws_threadpool_task_status = threadpool.TaskStatus // enum lws_threadpool_task_status
	Lws_threadpool_task_return      = threadpool.TaskReturn // enum lws_threadpool_task_return
)

// enum lws_threadpool_task_status
const (
	LWS_TP_STATUS_QUEUED   = threadpool.StatusQueued
	LWS_TP_STATUS_RUNNING  = threadpool.StatusRunning
	LWS_TP_STATUS_SYNCING  = threadpool.StatusSyncing
	LWS_TP_STATUS_STOPPING = threadpool.StatusStopping
	LWS_TP_STATUS_FINISHED = threadpool.StatusFinished
	LWS_TP_STATUS_STOPPED  = threadpool.StatusStopped
)

// enum lws_threadpool_task_return
const (
	LWS_TP_RETURN_CHECKING_IN  = threadpool.ReturnCheckingIn
	LWS_TP_RETURN_SYNC         = threadpool.ReturnSync
	LWS_TP_RETURN_FINISHED     = threadpool.ReturnFinished
	LWS_TP_RETURN_STOPPED      = threadpool.ReturnStopped
	LWS_TP_RETURN_FLAG_OUTLIVE = threadpool.ReturnFlagOutlive
)

// Lws_threadpool_create is threadpool.Create.
func Lws_threadpool_create(context *Lws_context, args *Lws_threadpool_create_args, format string, a ...any) *Lws_threadpool {
	return threadpool.Create(context, args, format, a...)
}

// Lws_threadpool_finish is (*threadpool.Threadpool).Finish.
func Lws_threadpool_finish(tp *Lws_threadpool) { tp.Finish() }

// Lws_threadpool_destroy is (*threadpool.Threadpool).Destroy.
func Lws_threadpool_destroy(tp *Lws_threadpool) { tp.Destroy() }

// Lws_threadpool_enqueue is (*threadpool.Threadpool).Enqueue.
func Lws_threadpool_enqueue(tp *Lws_threadpool, args *Lws_threadpool_task_args, format string, a ...any) *Lws_threadpool_task {
	return tp.Enqueue(args, format, a...)
}

// Lws_threadpool_dequeue_task is threadpool.DequeueTask.
func Lws_threadpool_dequeue_task(task *Lws_threadpool_task) int { return threadpool.DequeueTask(task) }

// Lws_threadpool_dequeue is threadpool.Dequeue.
//
// Deprecated: as in C; use Lws_threadpool_dequeue_task.
func Lws_threadpool_dequeue(wsi *Lws) int { return threadpool.Dequeue(wsi) }

// Lws_threadpool_task_status is (*threadpool.Task).Status, with C's
// out-parameter for the user pointer (nil is allowed).
func Lws_threadpool_task_status(task *Lws_threadpool_task, user *any) Enum_lws_threadpool_task_status {
	st, u := task.Status()
	if user != nil {
		*user = u
	}
	return st
}

// Lws_threadpool_task_status_noreap is (*threadpool.Task).StatusNoreap.
func Lws_threadpool_task_status_noreap(task *Lws_threadpool_task) Enum_lws_threadpool_task_status {
	return task.StatusNoreap()
}

// Lws_threadpool_task_status_wsi is threadpool.TaskStatusWsi with C's
// out-parameters (nil is allowed); *task is only set when wsi has one.
//
// Deprecated: as in C; use Lws_threadpool_task_status with
// Lws_threadpool_get_task_wsi.
func Lws_threadpool_task_status_wsi(wsi *Lws, task **Lws_threadpool_task, user *any) Enum_lws_threadpool_task_status {
	t, u, st := threadpool.TaskStatusWsi(wsi)
	if t != nil && task != nil {
		*task = t
	}
	if t != nil && user != nil {
		*user = u
	}
	return st
}

// Lws_threadpool_task_sync is threadpool.TaskSync.
func Lws_threadpool_task_sync(task *Lws_threadpool_task, stop int) { threadpool.TaskSync(task, stop) }

// Lws_threadpool_dump is (*threadpool.Threadpool).Dump.
func Lws_threadpool_dump(tp *Lws_threadpool) { tp.Dump() }

// Lws_threadpool_diagnose is (*threadpool.Threadpool).Diagnose with C's
// out-parameters, each of which may be nil.
func Lws_threadpool_diagnose(tp *Lws_threadpool, ongoing, possible, queue_depth *int) {
	r, p, q := tp.Diagnose()
	for _, o := range [...]struct {
		dst *int
		v   int
	}{{ongoing, r}, {possible, p}, {queue_depth, q}} {
		if o.dst != nil {
			*o.dst = o.v
		}
	}
}

// Lws_threadpool_get_task_wsi is threadpool.GetTaskWsi.
func Lws_threadpool_get_task_wsi(wsi *Lws) *Lws_threadpool_task {
	return threadpool.GetTaskWsi(wsi)
}

// Lws_threadpool_foreach_task_wsi is threadpool.ForeachTaskWsi.
func Lws_threadpool_foreach_task_wsi(wsi *Lws, user any, cb func(task *Lws_threadpool_task, user any) int) int {
	return threadpool.ForeachTaskWsi(wsi, user, cb)
}
