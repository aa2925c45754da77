package main

import (
	"time"

	. "github.com/golws/golws/include-like"
)

// perSessionData is C's struct pss. lws gives it to one HTTP transaction,
// which here is the whole event stream.
type perSessionData struct {
	established int64 // C's time_t
}

// SECS_REPORT is the period of the events, in seconds.
const SECS_REPORT = 3

// callbackSSE serves the event streams. LWS_CALLBACK_HTTP sends the head
// and turns the transaction into a stream; then each WRITEABLE sends one
// event and sets the wsi's timer, whose LWS_CALLBACK_TIMER asks for the
// next WRITEABLE. Every stream runs on its own timer and count.
func callbackSSE(wsi *Lws, reason Lws_callback_reasons, user, in any, length int) int {
	pss, _ := user.(*perSessionData)
	var buf [LWS_PRE + LWS_RECOMMENDED_MIN_HEADER_SPACE]byte
	start := Lws_ptr_to(buf[:], LWS_PRE)
	p, end := start, Lws_ptr_to(buf[:], len(buf)-1)

	switch reason {
	case LWS_CALLBACK_HTTP:
		// in is the URI after "/sse" ("/page" for the page's stream).
		// Every stream sends the same here; a real server could pick
		// what to send by it.
		Lwsl_notice("%s: LWS_CALLBACK_HTTP: '%s'", "callback_sse", in)

		pss.established = time.Now().Unix()

		// An EventSource accepts only text/event-stream. The stream
		// has no end, so no length: on HTTP/1.x the head says
		// "connection: close".
		if Lws_add_http_common_headers(wsi, HTTP_STATUS_OK,
			"text/event-stream",
			LWS_ILLEGAL_HTTP_CONTENT_LEN,
			&p, end) != 0 {
			return 1
		}

		if Lws_finalize_write_http_header(wsi, start, &p, end) != 0 {
			return 1
		}

		// Without this the transaction would be timed out for never
		// ending; marked, only a timeout the callback sets itself
		// applies. The first event goes at the first WRITEABLE.
		Lws_http_mark_sse(wsi)
		Lws_callback_on_writable(wsi)

		return 0

	case LWS_CALLBACK_HTTP_WRITEABLE:
		Lwsl_notice("%s: LWS_CALLBACK_HTTP_WRITEABLE", "callback_sse")

		if pss == nil {
			break
		}

		// The event's data is the seconds since this stream began;
		// the blank line ends the event.
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
