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

// closeSendSecs is how long lws lets a close frame take to go out.
const closeSendSecs = 5

// callUser runs the wsi's protocol callback and closes the wsi when it
// returns non-zero, as lws's service does.
func (w *Wsi) callUser(reason CallbackReason, in any, n int) int {
	r := w.call(w.protocol, reason, w.user, in, n)
	if r != 0 && w.state == stateEstablished {
		w.closeGraceful()
	}
	return r
}

// closeGraceful is lws_close_free_wsi for a live connection: DROP_PROTOCOL
// now, then, after the frames already queued have gone out, a close frame
// if CloseReason gave a status, else a plain socket close.
func (w *Wsi) closeGraceful() {
	if !w.beginClose() {
		return
	}
	cf := &closeFrame{status: w.closeStatus, reason: string(w.closeReason)}
	// A close must finish even if the peer stopped reading; lws gives it
	// closeSendSecs (PENDING_TIMEOUT_CLOSE_SEND).
	w.setTimeout(PendingTimeoutCloseSend, closeSendSecs)
	w.enqueue(nil, frame{close: cf}, false)
}

// closeHard drops the connection now, without a close frame and without
// flushing (an expired timeout, a full send buffer).
func (w *Wsi) closeHard() {
	w.beginClose()
	w.kill()
}

// beginClose moves an open wsi to stateClosing and delivers
// WS_SERVER_DROP_PROTOCOL. It reports false if the wsi was not open.
func (w *Wsi) beginClose() bool {
	switch w.state {
	case stateHandshake, stateEstablished:
	default:
		return false
	}
	w.state = stateClosing
	w.writeRequested = false
	w.dropProtocol("__lws_close_free_wsi")
	return true
}

func (w *Wsi) dropProtocol(by string) {
	if w.toldDrop {
		return
	}
	w.toldDrop = true
	w.call(w.protocol, w.role(CallbackWSServerDropProtocol, CallbackWSClientDropProtocol), w.user, by, len(by))
}

// kill cuts the TCP connection; the reader sees it and reports the end.
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

// ended is the reader's last report: the connection is gone. It finishes
// the close in lws's order: PEER_INITIATED_CLOSE (if the peer sent a close
// frame), DROP_PROTOCOL (if not yet), the hooks (the threadpool detaches
// the wsi's tasks), CLOSED, WSI_DESTROY.
func (w *Wsi) ended(err error) {
	if w.state == stateClosed || w.state == stateNone {
		return
	}
	if w.client && w.state == stateHandshake {
		w.connectionError("closed before established")
		return
	}
	wasOpen := w.state == stateEstablished || w.state == stateClosing
	if w.state == stateEstablished {
		if ce := (websocket.CloseError{}); errors.As(err, &ce) {
			payload := closePayload(CloseStatus(ce.Code), ce.Reason)
			w.call(w.protocol, CallbackWSPeerInitiatedClose, w.user, payload, len(payload))
		}
	}
	w.state = stateClosing
	w.writeRequested = false
	w.ctx.loop.Cancel(&w.timeout)
	w.ctx.loop.Cancel(&w.timer)
	if wasOpen {
		w.dropProtocol("__lws_close_free_wsi")
		for _, h := range w.ctx.hooks {
			if h.WsiClosing != nil {
				h.WsiClosing(w)
			}
		}
		w.call(w.protocol, w.role(CallbackClosed, CallbackClientClosed), w.user, nil, 0)
	}
	w.clearPwsi()
	// coder/websocket closes its socket only after a close handshake: a
	// reader that stopped on an error (TCP close, protocol violation)
	// would leave it open for the life of the process. A wsi whose
	// handshake failed has no WebSocket: net/http still owes the client
	// its HTTP error answer and keeps the socket.
	if w.conn != nil {
		w.kill()
	}
	delete(w.vh.live, w)
	w.state = stateClosed
	p0 := &w.vh.protocols[0]
	w.call(p0, CallbackWSIDestroy, w.user, nil, 0)
}

func closePayload(status CloseStatus, reason string) []byte {
	if status == CloseStatusNoStatusRcvd {
		return nil
	}
	b := make([]byte, 2, 2+len(reason))
	b[0], b[1] = byte(status>>8), byte(status)
	return append(b, reason...)
}

// Close closes the wsi as a callback returning -1 after CloseReason would
// (a Go addition, for code that decides outside a callback of this wsi,
// such as the threadpool when a task panicked). Service goroutine only.
func (w *Wsi) Close(status CloseStatus, reason []byte) {
	w.assertOnLoop("lws_wsi_close")
	if w.state != stateEstablished {
		return
	}
	w.CloseReason(status, reason)
	w.closeGraceful()
}
