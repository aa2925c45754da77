package lws

import (
	"context"
	"io"

	"github.com/coder/websocket"
)

// readLoop runs on the connection's own goroutine for the life of
// the connection: it reads the next chunk, hands it to the service
// goroutine and waits for a token before reading again, so a wsi under rx
// flow control is not read at all, as in lws. Its last act is to report
// the end.
func (w *Wsi) readLoop() {
	var err error
	defer func() {
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
	// The chunk buffers come with the first message: a connection that
	// never sends anything does not hold them.
	var cur, next []byte
	validate := w.vh.options&ServerOptionValidateUTF8 != 0
	poisoned := false // invalid UTF-8 seen: the close is under way
	for {
		var typ websocket.MessageType
		var r io.Reader
		typ, r, err = w.conn.Reader(context.Background())
		if err != nil {
			return
		}
		if cur == nil {
			size := w.protocol.rxBufferSize()
			cur, next = make([]byte, size), make([]byte, size)
		}
		// Read one chunk ahead so that each delivered chunk knows
		// whether it is the message's last.
		n, rerr := fill(r, cur)
		first := true
		var text utf8Check
		for {
			final := rerr != nil
			var m int
			if !final {
				m, rerr = fill(r, next)
				final = m == 0 && rerr != nil
			}
			if rerr == io.EOF && w.cork != nil && w.cork.readFailed.Load() {
				// The socket failed while this message still needed
				// bytes: it is truncated, not complete.
				rerr = io.ErrUnexpectedEOF
			}
			if rerr != nil && rerr != io.EOF {
				err = rerr
				return
			}
			if validate && typ == websocket.MessageText && !poisoned && !text.ok(cur[:n], final) {
				// As lws with VALIDATE_UTF8: close 1007, deliver
				// nothing more, read on until the peer answers.
				poisoned = true
				w.ctx.post(w.invalidPayload)
			}
			if (n > 0 || first) && !poisoned {
				chunk, isFirst, isFinal, left := cur[:n], first, final, m
				if !w.ctx.post(func() { w.deliver(chunk, typ == websocket.MessageBinary, isFirst, isFinal, left) }) {
					return
				}
				if !w.waitToken() {
					return
				}
			}
			if final {
				break
			}
			first = false
			cur, next = next, cur
			n = m
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

// fill reads into buf until it is full or the message ends. The message's
// end is coder/websocket's bare io.EOF; anything else, a wrapped EOF from a
// connection dropped mid-frame included, is an error, so a truncated
// message is never delivered as complete.
func fill(r io.Reader, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		m, err := r.Read(buf[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
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
