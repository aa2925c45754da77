package main

import (
	"strconv"

	. "github.com/golws/golws/include-like"
)

// keepaliveSecs is the timeout each TIMER pushes back: a connection whose
// timer stopped firing is dropped this long after the last one.
const keepaliveSecs = 60

// perSessionData belongs to one connection.
type perSessionData struct {
	ticks  int  // TIMER callbacks so far
	closed bool // CLOSED came; no TIMER may follow
}

// perVhostData is the protocol's state on one vhost.
type perVhostData struct {
	intervalUs int64 // between TIMER callbacks
}

// timerHook, when a test sets it, sees every TIMER callback, on the
// service goroutine, before the protocol handles it.
var timerHook func(pss *perSessionData)

// protocolTimer is the protocol entry main puts in its list.
var protocolTimer = Lws_protocols{
	Name:           "timer",
	Callback:       callbackProtocol,
	PerSessionData: func() any { return new(perSessionData) },
}

func callbackProtocol(wsi *Lws, reason Lws_callback_reasons, user, in any, len int) int {
	pss, _ := user.(*perSessionData)
	vhd := Lws_protocol_vh_priv_get[perVhostData](Lws_get_vhost(wsi), Lws_get_protocol(wsi))

	switch reason {
	case LWS_CALLBACK_PROTOCOL_INIT:
		vhd = Lws_protocol_vh_priv_zalloc[perVhostData](Lws_get_vhost(wsi), Lws_get_protocol(wsi))
		// C fires every 20 s. The "interval-us" pvo (a Go addition)
		// changes it, so a test need not wait that long.
		vhd.intervalUs = 20 * LWS_US_PER_SEC
		pvoList, _ := in.(*Lws_protocol_vhost_options)
		if pvo := Lws_pvo_search(pvoList, "interval-us"); pvo != nil {
			us, err := strconv.ParseInt(pvo.Value, 10, 64)
			if err != nil || us <= 0 {
				Lwsl_err("%s: bad interval-us pvo %q", "callback_protocol", pvo.Value)
				return 1
			}
			vhd.intervalUs = us
		}

	case LWS_CALLBACK_ESTABLISHED:
		Lwsl_user("LWS_CALLBACK_ESTABLISHED")
		Lws_set_timer_usecs(wsi, vhd.intervalUs)
		// C passes a bare 1 as the reason, which is this one.
		Lws_set_timeout(wsi, PENDING_TIMEOUT_AWAITING_PROXY_RESPONSE, keepaliveSecs)

	case LWS_CALLBACK_TIMER:
		if timerHook != nil {
			timerHook(pss)
		}
		Lwsl_user("LWS_CALLBACK_TIMER")
		pss.ticks++
		// C's timer only keeps the connection alive; this port also
		// tells the browser, so the schedule can be seen.
		Lws_callback_on_writable(wsi)
		Lws_set_timer_usecs(wsi, vhd.intervalUs)
		Lws_set_timeout(wsi, PENDING_TIMEOUT_AWAITING_PROXY_RESPONSE, keepaliveSecs)

	case LWS_CALLBACK_SERVER_WRITEABLE:
		buf := make([]byte, LWS_PRE+128)
		n := Lws_snprintf(buf[LWS_PRE:], 128, "tick %d", pss.ticks)
		if m := Lws_write(wsi, buf[LWS_PRE:], n, LWS_WRITE_TEXT); m < n {
			Lwsl_err("ERROR %d writing to ws socket", m)
			return -1
		}

	case LWS_CALLBACK_CLOSED:
		Lwsl_user("LWS_CALLBACK_CLOSED")
		pss.closed = true
	}

	return 0
}
