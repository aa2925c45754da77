package main

import (
	"strconv"
	"time"

	. "github.com/golws/golws/include-like"
)

// The page a task makes: a head, lines of lineWidth bytes, a foot. Its
// length is known before the first line is made, so the response has a
// content-length and the connection stays for the next request.
const (
	pageHead    = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>made by a task</title></head><body><pre>\n"
	pageFoot    = "</pre></body></html>\n"
	pageHeadLen = len(pageHead)
	pageFootLen = len(pageFoot)
	lineWidth   = 64
)

// Defaults and bounds of the page's URL arguments.
const (
	defaultLines = 100
	maxLines     = 1000000
	defaultDelay = 20 // ms between lines
	maxDelay     = 10000
)

// perVhostData is the protocol's per-vhost state.
type perVhostData struct {
	tp *Lws_threadpool
}

// taskData belongs to the task from enqueue on; its cleanup ends its
// ownership. The worker writes line, the WRITEABLE handler reads it, and
// the SYNC between them hands it over.
type taskData struct {
	line  [LWS_PRE + lineWidth]byte
	n     int // bytes of line at line[LWS_PRE:]
	last  bool
	i     int // lines made
	lines int
	delay time.Duration
}

// pss is the transaction's state: which task makes its page.
type pss struct {
	task *Lws_threadpool_task
}

// Test hooks, set by the tests before the context exists and nil
// otherwise: onLine sees each line a task made, onCleanup each cleanup.
var (
	onLine    func(priv *taskData)
	onCleanup func(priv *taskData)
)

func cleanupTask(wsi *Lws, user any) {
	if onCleanup != nil {
		onCleanup(user.(*taskData))
	}
}

// makePage runs on a pool worker: it makes the next line, then SYNCs so
// that the connection's HTTP_WRITEABLE sends it.
func makePage(user any, s Enum_lws_threadpool_task_status) Lws_threadpool_task_return {
	priv := user.(*taskData)

	if s == LWS_TP_STATUS_STOPPING {
		return LWS_TP_RETURN_STOPPED
	}
	if priv.i == priv.lines {
		return LWS_TP_RETURN_FINISHED
	}

	// the slow part of making a page: a real task would look something up
	time.Sleep(priv.delay)

	priv.i++
	n := Lws_snprintf(priv.line[LWS_PRE:], lineWidth+1, "line %d of %d, made by a threadpool task", priv.i, priv.lines)
	for ; n < lineWidth-1; n++ {
		priv.line[LWS_PRE+n] = '.'
	}
	priv.line[LWS_PRE+lineWidth-1] = '\n'
	priv.n = lineWidth
	priv.last = priv.i == priv.lines
	if onLine != nil {
		onLine(priv)
	}

	return LWS_TP_RETURN_SYNC
}

// urlArgInt reads URL argument name as a number within [0, max], or def.
func urlArgInt(wsi *Lws, name string, def, max int) int {
	var buf [16]byte
	n := Lws_get_urlarg_by_name_safe(wsi, name, buf[:], len(buf))
	if n <= 0 {
		return def
	}
	v, err := strconv.Atoi(string(buf[:n]))
	if err != nil || v < 0 || v > max {
		return def
	}
	return v
}

func callbackThreadpoolHTTP(wsi *Lws, reason Lws_callback_reasons, user, in any, len int) int {
	vhd := Lws_protocol_vh_priv_get[perVhostData](Lws_get_vhost(wsi), Lws_get_protocol(wsi))
	pss, _ := user.(*pss)
	var buf [LWS_PRE + LWS_RECOMMENDED_MIN_HEADER_SPACE]byte
	start := Lws_ptr_to(buf[:], LWS_PRE)
	p, end := start, Lws_ptr_to(buf[:], cap(buf)-1)

	switch reason {
	case LWS_CALLBACK_PROTOCOL_INIT:
		vhd = Lws_protocol_vh_priv_zalloc[perVhostData](Lws_get_vhost(wsi), Lws_get_protocol(wsi))
		cargs := Lws_threadpool_create_args{Threads: 3, MaxQueueDepth: 8}
		vhd.tp = Lws_threadpool_create(Lws_get_context(wsi), &cargs, "%s", Lws_get_vhost_name(Lws_get_vhost(wsi)))
		if vhd.tp == nil {
			return 1
		}

	case LWS_CALLBACK_PROTOCOL_DESTROY:
		if vhd != nil {
			Lws_threadpool_finish(vhd.tp)
			Lws_threadpool_destroy(vhd.tp)
		}

	case LWS_CALLBACK_HTTP:
		priv := &taskData{
			lines: urlArgInt(wsi, "lines=", defaultLines, maxLines),
			delay: time.Duration(urlArgInt(wsi, "delay=", defaultDelay, maxDelay)) * time.Millisecond,
		}
		args := Lws_threadpool_task_args{
			Wsi:     wsi,
			User:    priv,
			Task:    makePage,
			Cleanup: cleanupTask,
		}
		pss.task = Lws_threadpool_enqueue(vhd.tp, &args, "page %s", Lws_get_peer_simple(wsi, nil))
		if pss.task == nil {
			// the pool is busy: say so now, the client may retry
			if Lws_return_http_status(wsi, HTTP_STATUS_SERVICE_UNAVAILABLE, "busy") != 0 {
				return -1
			}
			if Lws_http_transaction_completed(wsi) != 0 {
				return -1
			}
			return 0
		}

		length := Lws_filepos_t(pageHeadLen + priv.lines*lineWidth + pageFootLen)
		if Lws_add_http_common_headers(wsi, HTTP_STATUS_OK, "text/html", length, &p, end) != 0 {
			return 1
		}
		if Lws_finalize_write_http_header(wsi, start, &p, end) != 0 {
			return 1
		}
		if Lws_write(wsi, []byte(pageHead), pageHeadLen, LWS_WRITE_HTTP) != pageHeadLen {
			return 1
		}

		// the task may take a while to start: give it 30s, then each line 5s
		Lws_set_timeout(wsi, PENDING_TIMEOUT_THREADPOOL, 30)

		// from here the task drives the page: each SYNC brings an
		// HTTP_WRITEABLE
		return 0

	case LWS_CALLBACK_HTTP_DROP_PROTOCOL:
		// the transaction is over, or the client went away: a task still
		// making its page stops at its next check-in
		if pss != nil && pss.task != nil {
			Lws_threadpool_dequeue_task(pss.task)
			pss.task = nil
		}

	case LWS_CALLBACK_HTTP_WRITEABLE:
		task := Lws_threadpool_get_task_wsi(wsi)
		if task == nil {
			break
		}
		var taskUser any
		switch Lws_threadpool_task_status(task, &taskUser) {
		case LWS_TP_STATUS_FINISHED:
			// every line went out with its SYNC: end the page
			if Lws_write(wsi, []byte(pageFoot), pageFootLen, LWS_WRITE_HTTP_FINAL) != pageFootLen {
				return -1
			}
			pss.task = nil
			if Lws_http_transaction_completed(wsi) != 0 {
				return -1
			}
			return 0
		case LWS_TP_STATUS_STOPPED:
			return -1
		case LWS_TP_STATUS_SYNCING:
			// the task has made a line for us
		default:
			return 0
		}

		priv := taskUser.(*taskData)
		Lws_set_timeout(wsi, PENDING_TIMEOUT_THREADPOOL_TASK, 5)
		if Lws_write(wsi, priv.line[LWS_PRE:], priv.n, LWS_WRITE_HTTP) != priv.n {
			Lws_threadpool_task_sync(task, 1)
			return -1
		}
		// the line is sent: the task may make the next
		Lws_threadpool_task_sync(task, 0)
		return 0
	}

	return Lws_callback_http_dummy(wsi, reason, user, in, len)
}

// protocols is the vhost's protocol list: "http" first, then the page maker.
func protocols() []Lws_protocols {
	return []Lws_protocols{
		{Name: "http", Callback: Lws_callback_http_dummy},
		{Name: "lws-threadpool-http", Callback: callbackThreadpoolHTTP, PerSessionData: func() any { return new(pss) }},
	}
}
