// Package minimalthreadpool is the Go port of lws's
// minimal-ws-server-threadpool: each WebSocket connection gets a task on a
// threadpool of three workers; the task counts, and every million it SYNCs
// so that the connection's WRITEABLE callback sends "pos N" and lets it go
// on. The binary is cmd/minimal-ws-server-threadpool.
package minimalthreadpool

import (
	"strconv"
	"time"

	. "github.com/golws/golws/include-like"
)

// perVhostDataMinimal is the protocol's per-vhost state
// (struct per_vhost_data__minimal).
type perVhostDataMinimal struct {
	tp      *Lws_threadpool
	context *Lws_context
	sul     Lws_sorted_usec_list_t
	config  string

	// msgs > 0 selects the perf variant (Go addition, pvo "msgs"): no
	// sleep, one message per SYNC, msgs messages per task.
	msgs uint64
}

// taskData belongs to the task from enqueue on, and its cleanup frees it
// (struct task_data).
type taskData struct {
	result [64]byte
	n      int // length of the text at result[LWS_PRE:]

	pos, end uint64
}

// stepDelay is the task's sleep per step (C: usleep(100000)). Tests of
// this package shorten it; nothing else may change it.
var stepDelay = 100 * time.Millisecond

// Test hooks, set by this package's tests before the context exists and
// nil otherwise: onEnqueued sees every task queued (on the service
// goroutine), onCleanup every cleanup, so that the tests can order their
// clients and prove each cleanup ran exactly once.
var (
	onEnqueued func(priv *taskData)
	onCleanup  func(priv *taskData)
)

func createTaskPrivateData() *taskData { return new(taskData) }

func cleanupTaskPrivateData(wsi *Lws, user any) {
	// Go's collector frees the data; this is where C's free() marks the
	// end of the task's ownership.
	if onCleanup != nil {
		onCleanup(user.(*taskData))
	}
}

// perfTaskFunction is the perf variant's task: one "pos N" per SYNC, as
// fast as the connection takes them.
func perfTaskFunction(user any, s Enum_lws_threadpool_task_status) Lws_threadpool_task_return {
	priv := user.(*taskData)

	if priv.pos == priv.end {
		return LWS_TP_RETURN_FINISHED
	}
	priv.pos++
	priv.n = len(strconv.AppendUint(append(priv.result[LWS_PRE:LWS_PRE], "pos "...), priv.pos, 10))

	return LWS_TP_RETURN_SYNC
}

// taskFunction runs on a pool worker, one step per call.
func taskFunction(user any, s Enum_lws_threadpool_task_status) Lws_threadpool_task_return {
	priv := user.(*taskData)
	budget := 100 * 1000

	if priv.pos == priv.end {
		return LWS_TP_RETURN_FINISHED
	}

	// A real task would do ~100ms of work here and check in, so that it
	// notices quickly when it is asked to stop.
	for ; budget > 0; budget-- {
		priv.pos++
	}

	time.Sleep(stepDelay)

	if priv.pos%(1000*1000) == 0 {
		priv.n = Lws_snprintf(priv.result[LWS_PRE:], len(priv.result)-LWS_PRE, "pos %llu", priv.pos)
		return LWS_TP_RETURN_SYNC
	}

	return LWS_TP_RETURN_CHECKING_IN
}

// sulTpDump logs the pool's state once a second.
func sulTpDump(vhd *perVhostDataMinimal) func(*Lws_sorted_usec_list_t) {
	var dump func(*Lws_sorted_usec_list_t)
	dump = func(sul *Lws_sorted_usec_list_t) {
		var ongoing, possible, queueDepth int

		// in debug mode (-d with 2048), dump the threadpool to the logs
		Lws_threadpool_dump(vhd.tp)

		Lws_threadpool_diagnose(vhd.tp, &ongoing, &possible, &queueDepth)
		Lwsl_user("DIAG: ongoing: %d, possible: %d, queue: %d",
			ongoing, possible, queueDepth)

		Lws_sul_schedule(vhd.context, 0, &vhd.sul, dump, LWS_US_PER_SEC)
	}
	return dump
}

func callbackMinimal(wsi *Lws, reason Lws_callback_reasons, user, in any, len int) int {
	vhd := Lws_protocol_vh_priv_get[perVhostDataMinimal](Lws_get_vhost(wsi), Lws_get_protocol(wsi))

	switch reason {
	case LWS_CALLBACK_PROTOCOL_INIT:
		// create our per-vhost struct
		vhd = Lws_protocol_vh_priv_zalloc[perVhostDataMinimal](Lws_get_vhost(wsi), Lws_get_protocol(wsi))
		if vhd == nil {
			return 1
		}

		vhd.context = Lws_get_context(wsi)

		// the pvo "config" the vhost was created with
		pvo := Lws_pvo_search(in.(*Lws_protocol_vhost_options), "config")
		if pvo == nil || pvo.Value == "" {
			Lwsl_err("%s: Can't find \"config\" pvo", "callback_minimal")
			return 1
		}
		vhd.config = pvo.Value

		cargs := Lws_threadpool_create_args{
			MaxQueueDepth: 8,
			Threads:       3,
		}
		// Go additions for the perf variant: pool size, queue depth and
		// messages per task, from the pvo like "config".
		cargs.Threads = pvoInt(in, "threads", cargs.Threads)
		cargs.MaxQueueDepth = pvoInt(in, "max-queue-depth", cargs.MaxQueueDepth)
		vhd.msgs = uint64(pvoInt(in, "msgs", 0))
		vhd.tp = Lws_threadpool_create(Lws_get_context(wsi), &cargs, "%s",
			Lws_get_vhost_name(Lws_get_vhost(wsi)))
		if vhd.tp == nil {
			return 1
		}

		Lws_sul_schedule(vhd.context, 0, &vhd.sul, sulTpDump(vhd), LWS_US_PER_SEC)

	case LWS_CALLBACK_PROTOCOL_DESTROY:
		if vhd == nil {
			break
		}
		Lws_threadpool_finish(vhd.tp)
		Lws_threadpool_destroy(vhd.tp)
		Lws_sul_cancel(vhd.context, &vhd.sul)

	case LWS_CALLBACK_ESTABLISHED:
		priv := createTaskPrivateData()
		priv.pos = 0
		priv.end = 10 * 1000 * 1000

		// the task owns priv from here: its cleanup frees it
		args := Lws_threadpool_task_args{
			Wsi:     wsi,
			User:    priv,
			Task:    taskFunction,
			Cleanup: cleanupTaskPrivateData,
		}
		if vhd.msgs > 0 {
			priv.end = vhd.msgs
			args.Task = perfTaskFunction
		}

		name := Lws_get_peer_simple(wsi, nil)

		if Lws_threadpool_enqueue(vhd.tp, &args, "ws %s", name) == nil {
			Lwsl_user("%s: Couldn't enqueue task", "callback_minimal")
			cleanupTaskPrivateData(wsi, priv)
			return 1
		}

		if onEnqueued != nil {
			onEnqueued(priv)
		}

		Lws_set_timeout(wsi, PENDING_TIMEOUT_THREADPOOL, 30)

		// the worker tells us the next step by causing
		// LWS_CALLBACK_SERVER_WRITEABLE

	case LWS_CALLBACK_CLOSED:

	case LWS_CALLBACK_WS_SERVER_DROP_PROTOCOL:
		Lwsl_debug("LWS_CALLBACK_WS_SERVER_DROP_PROTOCOL: %p", wsi)
		Lws_threadpool_dequeue_task(Lws_threadpool_get_task_wsi(wsi))

	case LWS_CALLBACK_SERVER_WRITEABLE:
		// Done tasks wait until we ask for their status, which may reap
		// them and run their cleanup: take what we need from the task
		// data first.
		task := Lws_threadpool_get_task_wsi(wsi)
		if task == nil {
			break
		}
		var taskUser any
		n := Lws_threadpool_task_status(task, &taskUser)
		Lwsl_debug("%s: LWS_CALLBACK_SERVER_WRITEABLE: status %d", "callback_minimal", int(n))
		switch n {
		case LWS_TP_STATUS_FINISHED, LWS_TP_STATUS_STOPPED,
			LWS_TP_STATUS_QUEUED, LWS_TP_STATUS_RUNNING,
			LWS_TP_STATUS_STOPPING:
			return 0

		case LWS_TP_STATUS_SYNCING:
			// the task has paused for us to do something

		default:
			return -1
		}

		priv := taskUser.(*taskData)

		Lws_set_timeout(wsi, PENDING_TIMEOUT_THREADPOOL_TASK, 5)

		m := Lws_write(wsi, priv.result[LWS_PRE:], priv.n, LWS_WRITE_TEXT)
		if m < priv.n {
			Lwsl_err("ERROR %d writing to ws socket", m)
			Lws_threadpool_task_sync(task, 1)
			return -1
		}

		// we are done with what the task produced: it may go on
		Lws_threadpool_task_sync(task, 0)
	}

	return 0
}

// pvoInt reads an integer pvo of the protocol's option list, or def.
func pvoInt(in any, name string, def int) int {
	pvo := Lws_pvo_search(in.(*Lws_protocol_vhost_options), name)
	if pvo == nil {
		return def
	}
	n, err := strconv.Atoi(pvo.Value)
	if err != nil || n < 0 {
		Lwsl_err("%s: pvo %s=%q is not a count", "callback_minimal", name, pvo.Value)
		return def
	}
	return n
}

// Protocols is the vhost's protocol list: "http" first, as in C, then
// lws-minimal.
func Protocols() []Lws_protocols {
	return []Lws_protocols{
		{Name: "http", Callback: Lws_callback_http_dummy},
		{Name: "lws-minimal", Callback: callbackMinimal, RxBufferSize: 128},
	}
}
