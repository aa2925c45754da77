package lws

import (
	"context"
	"time"

	"github.com/coder/websocket"
)

// frame is one queued write; its payload is buf[off:off+n] of the batch it
// belongs to. A frame with close set ends the connection after everything
// queued before it went out; on an HTTP connection a frame with end set
// ends the transaction the same way.
type frame struct {
	off, n int
	proto  WriteProtocol // without WriteNoFin
	fin    bool
	end    bool
	close  *closeFrame
}

// closeFrame is how the writer ends a connection once its queue drained:
// with a close frame when there is a status, else by closing the socket,
// as lws does for a callback that returned non-zero without a close reason.
type closeFrame struct {
	status CloseStatus
	reason string
}

// Write sends buf (lws_write) and returns len(buf), or -1 if the wsi
// cannot take it. On a WebSocket it is one frame of kind proto; on an HTTP
// connection in a transaction, proto is WriteHTTP, WriteHTTPFinal,
// WriteHTTPHeaders or WriteHTTPHeadersContinuation and buf is the next
// bytes of the response, the head first (see AddHTTPHeaderStatus). The
// bytes are copied, so buf may be reused at once, as in C. Write never
// blocks: they join the connection's send buffer, which a writer
// goroutine flushes.
//
// A write made from the wsi's own WRITEABLE callback is always taken
// whole, as lws takes it (lws buffers what the socket refuses and holds
// the next WRITEABLE back until it drained; golws holds it back until the
// send buffer is below its low-water mark). A write made anywhere else is
// refused past ContextCreationInfo.SendBufferLimit queued bytes (a write
// into an empty buffer is always taken): Write returns -1 and closes the
// wsi, logging at ERR. So the memory a peer that stops reading can hold
// is bounded by the rules: what one WRITEABLE writes, or the limit.
//
// Ports pass buf[LWS_PRE:] (or buf[LWS_PRE:LWS_PRE+n]) exactly as in C.
func (w *Wsi) Write(buf []byte, proto WriteProtocol) int {
	w.assertOnLoop("lws_write")
	kind := proto &^ WriteNoFin
	switch {
	case w.state == stateEstablished:
		switch kind {
		case WriteText, WriteBinary, WriteContinuation, WritePing:
		case WritePong:
			Err("lws_write: LWS_WRITE_PONG is not supported: pongs are sent by golws itself")
			return -1
		default:
			Err("lws_write: write protocol %d is not supported on a ws connection", int(proto))
			return -1
		}
	case w.state.inTransaction():
		switch kind {
		case WriteHTTP, WriteHTTPFinal, WriteHTTPHeaders, WriteHTTPHeadersContinuation:
		default:
			Err("lws_write: write protocol %d is not supported on an http connection", int(proto))
			return -1
		}
	default:
		return -1
	}
	if !w.enqueue(buf, frame{proto: kind, fin: proto&WriteNoFin == 0}, !w.inWriteable) {
		Err("lws_write: %s: send buffer limit %d exceeded, closing", w.protocol.Name, w.ctx.sendLimit)
		w.closeHard()
		return -1
	}
	if w.http != nil && w.state.inTransaction() {
		w.http.wrote = true
	}
	return len(buf)
}

// enqueue appends f with payload p to the send buffer and makes sure a
// writer runs. When bounded, it refuses f if the buffer would pass the
// limit. Once Destroy has begun no writer may start: the connection is cut
// instead.
func (w *Wsi) enqueue(p []byte, f frame, bounded bool) bool {
	q := &w.tx
	q.mu.Lock()
	if bounded && q.queued > 0 && q.queued+len(p) > w.ctx.sendLimit {
		q.mu.Unlock()
		return false
	}
	q.pooledPend()
	f.off, f.n = len(q.pend.buf), len(p)
	q.pend.buf = append(q.pend.buf, p...)
	q.pend.frames = append(q.pend.frames, f)
	q.queued += len(p)
	start := !q.running
	q.running = true
	q.mu.Unlock()
	switch {
	case w.inWriteable && q.kick != nil:
		// An HTTP response written a piece a WRITEABLE wakes its
		// carrier when the producer pauses (producerPaused), not per
		// piece: a goroutine switch a piece costs more than the piece.
		w.kickHeld = w.kickHeld || start
	case start || w.kickHeld:
		w.kickHeld = false
		w.startWriter()
	}
	return true
}

// startWriter makes sure something drains the send buffer: on an HTTP
// connection the goroutine carrying the transaction, woken; on a
// WebSocket a writer goroutine, started for the burst.
func (w *Wsi) startWriter() {
	if k := w.tx.kick; k != nil {
		select {
		case k <- struct{}{}:
		default:
		}
		return
	}
	if !w.ctx.goBackground(w.writeLoop) {
		w.kill()
	}
}

// writeLoop takes the whole send buffer at a time and writes it corked, so
// a batch of frames costs one system call. It exits when the buffer is
// empty: an idle connection has no writer goroutine.
func (w *Wsi) writeLoop() {
	for {
		batch, failed, ok := w.tx.take(w)
		if !ok {
			return
		}
		var err error
		if !failed {
			err = w.sendBatch(&batch)
		}
		w.tx.taken(w, batch, err)
	}
}

// sendBatch writes a batch through the cork. Only the writer calls it.
func (w *Wsi) sendBatch(b *txBatch) error {
	cc := w.wire
	if cc != nil {
		cc.cork()
	}
	var err error
	for _, f := range b.frames {
		if f.close != nil || f.proto == WritePing {
			// These wait for the peer: what is corked must go first.
			if cc != nil {
				if err = cc.uncork(); err != nil {
					return err
				}
			}
		}
		if err = w.send(f, b.buf[f.off:f.off+f.n]); err != nil {
			break
		}
	}
	if cc != nil {
		if uerr := cc.uncork(); err == nil {
			err = uerr
		}
	}
	return err
}

// send puts one frame on the wire. Only the writer goroutine calls it.
func (w *Wsi) send(f frame, p []byte) error {
	ctx := context.Background()
	q := &w.tx
	switch {
	case f.close != nil:
		return w.sendClose(f.close)
	case f.proto == WritePing:
		// Ping waits for the pong, which the reader sees; bound it so a
		// silent peer cannot hold the writer.
		pctx, cancel := context.WithTimeout(ctx, time.Duration(w.ctx.timeoutSecs)*time.Second)
		defer cancel()
		_ = w.conn.Ping(pctx)
		return nil
	case q.msg == nil && f.fin && f.proto != WriteContinuation:
		return w.conn.Write(ctx, messageType(f.proto), p)
	}
	if q.msg == nil {
		if f.proto == WriteContinuation {
			Err("lws_write: CONTINUATION without a message in progress")
			return nil
		}
		mw, err := w.conn.Writer(ctx, messageType(f.proto))
		if err != nil {
			return err
		}
		q.msg = mw
	}
	if _, err := q.msg.Write(p); err != nil {
		return err
	}
	if f.fin {
		err := q.msg.Close()
		q.msg = nil
		return err
	}
	return nil
}

func messageType(p WriteProtocol) websocket.MessageType {
	if p == WriteBinary {
		return websocket.MessageBinary
	}
	return websocket.MessageText
}

// CallbackOnWritable asks for one CallbackServerWriteable (or
// CallbackClientWriteable) once the connection's send buffer has room
// (lws_callback_on_writable): POLLOUT, emulated. Many requests before the
// callback give one callback; a request made in the callback gives
// another in a later round. It returns 0, or -1 if the wsi is closing.
func (w *Wsi) CallbackOnWritable() int {
	w.assertOnLoop("lws_callback_on_writable")
	if !w.writable() {
		return -1
	}
	w.writeRequested = true
	w.scheduleWriteable()
	return 0
}

func (w *Wsi) scheduleWriteable() {
	if !w.writeRequested || w.writeableScheduled || !w.tx.hasRoom(w.ctx.sendLow()) {
		return
	}
	w.writeableScheduled = true
	w.tx.more.Store(true)
	w.ctx.post(w.writeableFn)
}

// serviceWriteable runs on the loop in a later round than the request, and
// only while the send buffer has room.
func (w *Wsi) serviceWriteable() {
	w.writeableScheduled = false
	defer w.producerPaused()
	if !w.writable() || !w.writeRequested {
		return
	}
	if !w.tx.hasRoom(w.ctx.sendLow()) {
		return // the writer reports when there is room
	}
	w.writeRequested = false
	w.inWriteable = true
	reason := CallbackHTTPWriteable
	if w.state == stateEstablished {
		reason = w.role(CallbackServerWriteable, CallbackClientWriteable)
	}
	w.callUser(reason, nil, 0)
	w.inWriteable = false
}

// producerPaused tells an HTTP carrier that no WRITEABLE is coming now:
// it takes what was queued, if it was not woken for it yet, and flushes.
// A WRITEABLE is only scheduled while the send buffer is below its
// low-water mark, so what is held back is bounded by that mark plus one
// WRITEABLE's writes.
func (w *Wsi) producerPaused() {
	if w.writeableScheduled || w.tx.kick == nil {
		return
	}
	more := w.tx.more.Swap(false)
	if !more && !w.kickHeld {
		return
	}
	w.kickHeld = false
	select {
	case w.tx.kick <- struct{}{}:
	default:
	}
}

// writable reports whether the wsi may write: an established WebSocket,
// or an HTTP transaction under way.
func (w *Wsi) writable() bool { return w.state == stateEstablished || w.state.inTransaction() }

// txDrained is the writer's report that the send buffer has room again.
func (w *Wsi) txDrained() { w.scheduleWriteable() }

// CallbackOnWritableAllProtocol asks for a WRITEABLE on every connection
// of the context bound to a protocol named like prot
// (lws_callback_on_writable_all_protocol).
func (c *Context) CallbackOnWritableAllProtocol(prot *Protocol) {
	c.loop.AssertOnLoop("lws_callback_on_writable_all_protocol")
	for w := range c.vhost.live {
		if w.protocol == prot || (prot != nil && w.protocol.Name == prot.Name) {
			w.CallbackOnWritable()
		}
	}
}

// CallbackAllProtocol calls every connection bound to a protocol named
// like prot with reason (lws_callback_all_protocol); a connection whose
// callback returns non-zero is closed.
func (c *Context) CallbackAllProtocol(prot *Protocol, reason CallbackReason) {
	c.loop.AssertOnLoop("lws_callback_all_protocol")
	for w := range c.vhost.live {
		if w.protocol == prot || (prot != nil && w.protocol.Name == prot.Name) {
			w.callUser(reason, nil, 0)
		}
	}
}

// CallbackVhostProtocols calls every protocol of the wsi's vhost with
// reason, in and len, through stand-in wsis (lws_callback_vhost_protocols).
func (w *Wsi) CallbackVhostProtocols(reason CallbackReason, in any, n int) {
	w.assertOnLoop("lws_callback_vhost_protocols")
	w.vh.broadcast(reason, in, n)
}
