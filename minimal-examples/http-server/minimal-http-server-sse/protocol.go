package main

import (
	"time"

	. "github.com/golws/golws/include-like"
)

// perSessionData is C's struct pss. HTTP is stateless: it lives for one
// HTTP transaction, here the whole event stream.
type perSessionData struct {
	established int64 // C's time_t
}

// SECS_REPORT is the period of the events, in seconds.
const SECS_REPORT = 3

func callbackSSE(wsi *Lws, reason Lws_callback_reasons, user, in any, length int) int {
	pss, _ := user.(*perSessionData)
	var buf [LWS_PRE + LWS_RECOMMENDED_MIN_HEADER_SPACE]byte
	start := Lws_ptr_to(buf[:], LWS_PRE)
	p, end := start, Lws_ptr_to(buf[:], len(buf)-1)

	switch reason {
	case LWS_CALLBACK_HTTP:
		// in is the URL after the mountpoint /sse, if anything: what
		// to send could be chosen by it and kept in the pss.
		Lwsl_notice("%s: LWS_CALLBACK_HTTP: '%s'", "callback_sse", in)

		pss.established = time.Now().Unix()

		// SSE requires a response with this content-type
		if Lws_add_http_common_headers(wsi, HTTP_STATUS_OK,
			"text/event-stream",
			LWS_ILLEGAL_HTTP_CONTENT_LEN,
			&p, end) != 0 {
			return 1
		}

		if Lws_finalize_write_http_header(wsi, start, &p, end) != 0 {
			return 1
		}

		// From here the transaction is an SSE stream, not a normal
		// HTTP one: "immortal", give or take a timeout set on it later
		// (over HTTP/2 that also keeps the idle timeout off the
		// connection while it lasts).
		Lws_http_mark_sse(wsi)

		// write the body separately
		Lws_callback_on_writable(wsi)

		return 0

	case LWS_CALLBACK_HTTP_WRITEABLE:
		Lwsl_notice("%s: LWS_CALLBACK_HTTP_WRITEABLE", "callback_sse")

		if pss == nil {
			break
		}

		// To keep the demo simple, each client has its own data and
		// timer.
		p = p.Add(Lws_snprintf(p, Lws_ptr_diff_size_t(end, p),
			"data: %llu\x0d\x0a\x0d\x0a",
			uint64(time.Now().Unix()-pss.established)))

		if Lws_write(wsi, start, Lws_ptr_diff_size_t(p, start),
			LWS_WRITE_HTTP) != Lws_ptr_diff(p, start) {
			return 1
		}

		Lws_set_timer_usecs(wsi, SECS_REPORT*LWS_USEC_PER_SEC)

		return 0

	case LWS_CALLBACK_TIMER:
		Lwsl_notice("%s: LWS_CALLBACK_TIMER", "callback_sse")
		Lws_callback_on_writable(wsi)

		return 0
	}

	return Lws_callback_http_dummy(wsi, reason, user, in, length)
}
