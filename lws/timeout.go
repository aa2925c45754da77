package lws

import (
	"time"

	"github.com/golws/golws/lws/service"
)

// SetTimeout arms the wsi's one pending timeout (lws_set_timeout): after
// secs seconds the connection is dropped without a close frame, as C does.
// A new call replaces the previous timeout; secs 0 cancels it;
// SetTimeoutSecsAsap (LWS_TO_KILL_ASYNC) closes on the next loop round.
func (w *Wsi) SetTimeout(reason PendingTimeout, secs int) {
	w.assertOnLoop("lws_set_timeout")
	w.setTimeout(reason, secs)
}

func (w *Wsi) setTimeout(reason PendingTimeout, secs int) {
	if w.state == stateClosed || w.state == stateNone {
		return
	}
	if w.wire != nil {
		// A wsi has one pending timeout in lws: setting one replaces the
		// HTTP content timeout the transaction started with.
		w.wire.content.stop()
	}
	if secs == 0 || reason == NoPendingTimeout {
		w.timeoutReason = NoPendingTimeout
		w.ctx.loop.Cancel(&w.timeout)
		return
	}
	d := time.Duration(secs) * time.Second
	if secs == SetTimeoutSecsAsap {
		d = 0
	}
	w.timeoutReason = reason
	w.ctx.loop.Schedule(&w.timeout, d, w.timedOut)
}

func (w *Wsi) timedOut() {
	Info("wsi %s: timeout %d expired, closing", w.peer, int(w.timeoutReason))
	w.timeoutReason = NoPendingTimeout
	w.closeHard()
}

// SetTimerUsecs arranges one CallbackTimer for the wsi after usecs
// microseconds (lws_set_timer_usecs); SetTimerUsecCancel cancels it.
func (w *Wsi) SetTimerUsecs(usecs int64) {
	w.assertOnLoop("lws_set_timer_usecs")
	if usecs == SetTimerUsecCancel || w.state == stateClosed || w.state == stateNone {
		w.ctx.loop.Cancel(&w.timer)
		return
	}
	w.ctx.loop.Schedule(&w.timer, time.Duration(usecs)*time.Microsecond, func() {
		if w.state.open() {
			w.callUser(CallbackTimer, nil, 0)
		}
	})
}

// Sul is an lws_sorted_usec_list_t: a timer owned by the user, usually
// embedded in the user's own struct. The zero value is ready.
type Sul struct {
	t service.Timer
}

// SulSchedule runs cb on the service goroutine after us microseconds
// (lws_sul_schedule). Scheduling a pending Sul moves it.
func (c *Context) SulSchedule(sul *Sul, us int64, cb func(sul *Sul)) {
	c.loop.AssertOnLoop("lws_sul_schedule")
	c.loop.Schedule(&sul.t, time.Duration(us)*time.Microsecond, func() { cb(sul) })
}

// SulCancel disarms sul if it is pending (lws_sul_cancel).
func (c *Context) SulCancel(sul *Sul) {
	c.loop.AssertOnLoop("lws_sul_cancel")
	c.loop.Cancel(&sul.t)
}

// Pending reports whether sul is scheduled.
func (sul *Sul) Pending() bool { return sul.t.Pending() }
