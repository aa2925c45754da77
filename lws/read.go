package lws

import (
	"context"
	"errors"
	"io"

	"github.com/coder/websocket"
)

// readLoop runs on the connection's own goroutine for the life of
// the connection: it reads the next chunk, hands it to the service
// goroutine and waits for a token before reading again, so a wsi under rx
// flow control is not read at all, as in lws. Its last act is to report
// the end.
//
// A chunk is what one read of the message gives: at most RxBufferSize
// bytes, never more than one frame's. It goes to RECEIVE as soon as it is
// read; the frame tap says whether it ends its frame and its message.
func (w *Wsi) readLoop() {
	var err error
	defer func() {
		if errors.Is(err, errCloseReasonNotUTF8) {
			// RFC 6455 §8.1: fail the connection with 1007. The close
			// handshake's own read fails at once on the tap's error.
			Notice("lws: %s: close reason is not UTF-8, failing the connection", w.protocol.Name)
			_ = w.conn.Close(websocket.StatusInvalidFramePayloadData, "")
		}
		// Only coder/websocket's own close clears the finalizer it puts
		// on the Conn, which sits on a reference cycle: without it the
		// Conn and its buffers are never collected.
		_ = w.conn.CloseNow()
		if !w.ctx.post(func() { w.ended(err) }) {
			w.kill()
		}
	}()
	if !w.waitToken() {
		return
	}
	// The chunk buffer comes with the first message: a connection that
	// never sends anything does not hold it.
	var buf []byte
	validate := w.vh.options&ServerOptionValidateUTF8 != 0
	poisoned := false // invalid UTF-8 seen: the close is under way
	for {
		var typ websocket.MessageType
		var r io.Reader
		typ, r, err = w.conn.Reader(context.Background())
		if err != nil {
			return
		}
		if buf == nil {
			buf = make([]byte, w.protocol.rxBufferSize())
		}
		var text utf8Check
		for first, final := true, false; !final; {
			n, rerr := r.Read(buf)
			if rerr == io.EOF && w.wire.readFailed.Load() {
				// The socket failed while this message still needed
				// bytes: it is truncated, not complete.
				rerr = io.ErrUnexpectedEOF
			}
			if rerr != nil && rerr != io.EOF {
				err = rerr
				return
			}
			var left int64
			if n > 0 {
				final, left = w.wire.tap.took(n)
			}
			if rerr == io.EOF {
				// The message ended in an empty final frame, or the
				// tap lost track: coder/websocket's end is the end.
				w.wire.tap.ended()
				final = true
			} else if n == 0 {
				continue
			}
			if validate && typ == websocket.MessageText && !poisoned && !text.ok(buf[:n], final) {
				// As lws with VALIDATE_UTF8: close 1007, deliver
				// nothing more, read on until the peer answers.
				poisoned = true
				w.ctx.post(w.invalidPayload)
			}
			if poisoned {
				continue
			}
			chunk, isFirst, isFinal := buf[:n], first, final
			first = false
			if !w.ctx.post(func() { w.deliver(chunk, typ == websocket.MessageBinary, isFirst, isFinal, int(left)) }) {
				return
			}
			if !w.waitToken() {
				return
			}
		}
	}
}

// invalidPayload closes a connection that sent text which is not UTF-8.
func (w *Wsi) invalidPayload() {
	if w.state != stateEstablished {
		return
	}
	Notice("lws: %s: invalid UTF-8 in a text message, closing", w.protocol.Name)
	w.closeStatus, w.closeReason = CloseStatusInvalidPayload, nil
	w.closeGraceful()
}

// waitToken blocks until the service goroutine lets the reader go on. It
// reports false when the context is being destroyed.
func (w *Wsi) waitToken() bool {
	select {
	case <-w.rxGate:
		return true
	case <-w.ctx.dying:
		return false
	}
}

// deliver runs CallbackReceive for one chunk, then lets the reader go on
// unless rx flow control was turned off meanwhile.
func (w *Wsi) deliver(chunk []byte, binary, first, final bool, left int) {
	if w.state != stateEstablished {
		w.release()
		return
	}
	w.rxFirst, w.rxFinal, w.rxBinary, w.rxLeft = first, final, binary, left
	w.callUser(w.role(CallbackReceive, CallbackClientReceive), chunk, len(chunk))
	w.rxLeft = 0
	if w.rxPaused && w.state == stateEstablished {
		w.rxHeld = true
		return
	}
	w.release()
}

func (w *Wsi) release() {
	w.rxHeld = false
	select {
	case w.rxGate <- struct{}{}:
	default:
	}
}

// RxFlowControl turns reading from the peer off (enable 0) or on again
// (enable 1) (lws_rx_flow_control). While it is off, no CallbackReceive
// comes and the peer's data waits in the kernel, pushing back on the peer.
func (w *Wsi) RxFlowControl(enable int) int {
	w.assertOnLoop("lws_rx_flow_control")
	if w.state != stateEstablished {
		return -1
	}
	w.rxPaused = enable == 0
	if !w.rxPaused && w.rxHeld {
		w.release()
	}
	return 0
}

// RxFlowAllowAllProtocol turns rx flow control back on for every
// connection bound to a protocol named like prot
// (lws_rx_flow_allow_all_protocol).
func (c *Context) RxFlowAllowAllProtocol(prot *Protocol) {
	c.loop.AssertOnLoop("lws_rx_flow_allow_all_protocol")
	for w := range c.vhost.live {
		if w.protocol == prot || (prot != nil && w.protocol.Name == prot.Name) {
			w.RxFlowControl(1)
		}
	}
}
