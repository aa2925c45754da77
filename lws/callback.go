package lws

import "runtime/debug"

// call runs protocol p's callback for w. Unless the context was created
// with NoPanicRecovery, a panic in it is logged at ERR with its stack and
// turned into a -1 return; a connection whose callback panicked is closed
// with 1011 (LWS_CLOSE_STATUS_UNEXPECTED_CONDITION), and the server goes
// on serving the others. C would crash; see DEVIATIONS.
func (w *Wsi) call(p *Protocol, reason CallbackReason, user, in any, n int) (r int) {
	if w.ctx.noRecover {
		return p.Callback(w, reason, user, in, n)
	}
	defer func() {
		if v := recover(); v != nil {
			Err("lws: panic in protocol %q callback %s: %v\n%s", p.Name, reason, v, debug.Stack())
			if w.state == stateEstablished {
				w.closeStatus, w.closeReason = CloseStatusUnexpectedCondition, nil
			}
			r = -1
		}
	}()
	return p.Callback(w, reason, user, in, n)
}
