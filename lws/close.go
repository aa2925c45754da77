package lws

import (
	"errors"

	"github.com/coder/websocket"
)

// CloseReason sets the close code and text sent when this wsi is closed by
// a callback returning non-zero (lws_close_reason). Without it such a
// close drops the connection without a close frame, as C does. reason is
// cut to the 123 bytes a close frame has room for.
func (w *Wsi) CloseReason(status CloseStatus, reason []byte) {
	w.assertOnLoop("lws_close_reason")
	if len(reason) > 123 {
		reason = reason[:123]
	}
	w.closeStatus = status
	w.closeReason = append([]byte(nil), reason...)
}

// closeSendSecs is how long lws lets a close take to go out.
const closeSendSecs = 5

// callUser runs the wsi's protocol callback and closes the wsi when it
// returns non-zero, as lws's service does.
func (w *Wsi) callUser(reason CallbackReason, in any, n int) int {
	r := w.call(w.protocol, reason, w.user, in, n)
	if r != 0 && w.state.open() {
		w.closeGraceful()
	}
	return r
}

// closeGraceful is lws_close_free_wsi for an open connection: the protocol
// is dropped now and, once what is already queued went out, an
// established WebSocket gets a close frame if CloseReason gave a status,
// an HTTP connection or a WebSocket without a status a plain socket close.
// A connection still being set up is cut at once.
func (w *Wsi) closeGraceful() {
	switch w.state {
	case stateUpgrading, stateConnecting, stateHTTPIdle:
		w.closeHard()
		return
	}
	if !w.beginClose() {
		return
	}
	// A close must finish even if the peer stopped reading; lws gives it
	// closeSendSecs (PENDING_TIMEOUT_CLOSE_SEND).
	w.setTimeout(PendingTimeoutCloseSend, closeSendSecs)
	cf := &closeFrame{status: w.closeStatus, reason: string(w.closeReason)}
	if !w.ws {
		cf = &closeFrame{}
	}
	w.enqueue(nil, frame{close: cf}, false)
}

// closeHTTP closes an HTTP connection from inside its transaction: what
// was written goes out first. The goroutine carrying the transaction does
// the closing (or the one that would have, for a request refused before
// any answer).
func (w *Wsi) closeHTTP() {
	if w.beginClose() {
		w.setTimeout(PendingTimeoutCloseSend, closeSendSecs)
		w.enqueue(nil, frame{close: &closeFrame{}}, false)
	}
}

// refuse closes a connection whose request is answered with nothing: the
// goroutine carrying the request drops it (dropped) and reports the end.
func (w *Wsi) refuse() { w.beginClose() }

// closeHard drops the connection now, without a close frame and without
// flushing (an expired timeout, a full send buffer).
func (w *Wsi) closeHard() {
	w.beginClose()
	w.kill()
}

// beginClose moves an open wsi to stateClosing and drops its protocol
// (WS_SERVER_DROP_PROTOCOL, or HTTP_DROP_PROTOCOL if one was bound). It
// reports false if the wsi was not open.
func (w *Wsi) beginClose() bool {
	if !w.state.open() {
		return false
	}
	w.setState(stateClosing)
	w.writeRequested = false
	w.dropProtocol("__lws_close_free_wsi")
	return true
}

// dropProtocol tells the protocol it is losing the connection, once.
func (w *Wsi) dropProtocol(by string) {
	if w.toldDrop {
		return
	}
	w.toldDrop = true
	if w.ws {
		w.call(w.protocol, w.role(CallbackWSServerDropProtocol, CallbackWSClientDropProtocol), w.user, by, len(by))
		return
	}
	w.dropHTTPProtocol()
}

// kill cuts the TCP connection; its reader (or net/http) sees it and
// reports the end.
func (w *Wsi) kill() {
	if w.nc != nil {
		_ = w.nc.Close()
	}
}

// sendClose runs on the writer goroutine once everything queued before
// the close went out.
func (w *Wsi) sendClose(cf *closeFrame) error {
	if cf.status == CloseStatusNoStatus || cf.status == CloseStatusNoStatusContextDestroy {
		return w.nc.Close()
	}
	// coder/websocket waits for the peer's close frame; the reader
	// goroutine receives it and both return.
	err := w.conn.Close(websocket.StatusCode(cf.status), cf.reason)
	_ = w.nc.Close()
	return err
}

// ended is the last report about a connection: it is gone. It finishes
// the close in lws's order. A WebSocket (a connection bound to a
// WebSocket protocol, established or not): WS_PEER_INITIATED_CLOSE (if the
// peer sent a close frame), the drop (if not yet), the extensions' wsi
// hook (the threadpool detaches the wsi's tasks), CLOSED, WSI_DESTROY. An
// HTTP connection: the drop (if a protocol was bound), the hook,
// CLOSED_HTTP, WSI_DESTROY; one that was upgrading and never got as far
// as the bind gets only WSI_DESTROY, as in lws. WSI_DESTROY goes to the
// protocol bound last.
func (w *Wsi) ended(err error) {
	if w.state == stateClosed || w.state == stateNone {
		return
	}
	if w.client && w.state == stateConnecting {
		w.connectionError("closed before established")
		return
	}
	if w.state == stateEstablished {
		if ce := (websocket.CloseError{}); errors.As(err, &ce) {
			payload := closePayload(CloseStatus(ce.Code), ce.Reason)
			w.call(w.protocol, CallbackWSPeerInitiatedClose, w.user, payload, len(payload))
		}
	}
	upgradeRefused := !w.ws && (w.state == stateUpgrading || w.upgrading)
	if w.state.open() {
		w.setState(stateClosing)
	}
	w.writeRequested = false
	w.ctx.loop.Cancel(&w.timeout)
	w.ctx.loop.Cancel(&w.timer)
	if !upgradeRefused {
		w.dropProtocol("__lws_close_free_wsi")
		w.ctx.exts.wsiClosing(w)
		if w.ws {
			w.call(w.protocol, w.role(CallbackClosed, CallbackClientClosed), w.user, nil, 0)
		} else {
			w.call(w.protocol, CallbackClosedHTTP, w.user, nil, 0)
		}
	}
	w.clearPwsi()
	// coder/websocket closes its socket only after a close handshake: a
	// reader that stopped on an error (TCP close, protocol violation)
	// would leave it open for the life of the process.
	if w.conn != nil {
		w.kill()
	}
	delete(w.vh.live, w)
	w.req = nil
	w.setState(stateClosed)
	w.call(w.protocol, CallbackWSIDestroy, w.user, nil, 0)
}

func closePayload(status CloseStatus, reason string) []byte {
	if status == CloseStatusNoStatusRcvd {
		return nil
	}
	b := make([]byte, 2, 2+len(reason))
	b[0], b[1] = byte(status>>8), byte(status)
	return append(b, reason...)
}
