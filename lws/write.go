package lws

import (
	"context"
	"io"
	"time"

	"github.com/coder/websocket"
)

// frame is one queued write. A frame with close set ends the connection
// after everything queued before it went out.
type frame struct {
	data  []byte
	proto WriteProtocol // without WriteNoFin
	fin   bool
	close *closeFrame
}

// closeFrame is how the writer ends a connection once its queue drained:
// with a close frame when there is a status, else by closing the socket,
// as lws does for a callback that returned non-zero without a close reason.
type closeFrame struct {
	status CloseStatus
	reason string
}

// fragmentWriter carries a message sent in several Writes (WriteNoFin).
type fragmentWriter struct {
	w io.WriteCloser
}

// Write sends buf as one WebSocket frame of kind proto (lws_write) and
// returns len(buf), or -1 if the wsi cannot take it. The frame is copied,
// so buf may be reused at once, as in C. It never blocks: the frame goes to
// the connection's writer; a frame queued behind others counts against the
// context's SendBufferLimit, and past it Write returns -1 and closes the
// wsi, logging at ERR, so a peer that stops reading cannot grow memory.
//
// Ports pass buf[LWS_PRE:] (or buf[LWS_PRE:LWS_PRE+n]) exactly as in C.
func (w *Wsi) Write(buf []byte, proto WriteProtocol) int {
	w.assertOnLoop("lws_write")
	if w.state != stateEstablished {
		return -1
	}
	kind := proto &^ WriteNoFin
	switch kind {
	case WriteText, WriteBinary, WriteContinuation, WritePing:
	case WritePong:
		Err("lws_write: LWS_WRITE_PONG is not supported: pongs are sent by golws itself")
		return -1
	default:
		Err("lws_write: write protocol %d is not supported on a ws connection", int(proto))
		return -1
	}
	f := frame{data: append([]byte(nil), buf...), proto: kind, fin: proto&WriteNoFin == 0}
	if !w.enqueue(f) {
		Err("lws_write: %s: send buffer limit %d exceeded, closing", w.protocol.Name, w.ctx.sendLimit)
		w.closeHard()
		return -1
	}
	return len(buf)
}

// enqueue hands f to the writer goroutine, starting one if none runs. It
// refuses f when the frames already waiting exceed the send buffer limit;
// the first frame behind an idle writer is always taken.
func (w *Wsi) enqueue(f frame) bool {
	q := &w.tx
	q.mu.Lock()
	if len(q.frames) > 0 && q.bytes+len(f.data) > w.ctx.sendLimit {
		q.mu.Unlock()
		return false
	}
	q.frames = append(q.frames, f)
	q.bytes += len(f.data)
	start := !q.running
	q.running = true
	q.mu.Unlock()
	w.txQueued++
	if start && !w.ctx.goBackground(w.writeLoop) {
		q.mu.Lock()
		q.running = false
		q.mu.Unlock()
	}
	return true
}

// writeLoop drains the queue and exits when it is empty, so an idle
// connection costs no writer goroutine. When it exits it tells the service
// goroutine how many frames are done, which is what makes the wsi
// writeable again.
func (w *Wsi) writeLoop() {
	q := &w.tx
	for {
		q.mu.Lock()
		if len(q.frames) == 0 {
			q.running = false
			done := q.written
			q.mu.Unlock()
			w.ctx.post(func() { w.txDrained(done) })
			return
		}
		f := q.frames[0]
		q.frames[0] = frame{}
		q.frames = q.frames[1:]
		q.bytes -= len(f.data)
		failed := q.failed
		q.mu.Unlock()

		var err error
		if !failed {
			err = w.send(f)
		}
		q.mu.Lock()
		q.written++
		if err != nil {
			q.failed = true
		}
		q.mu.Unlock()
	}
}

// send puts one frame on the wire. Only the writer goroutine calls it.
func (w *Wsi) send(f frame) error {
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
		return w.conn.Write(ctx, messageType(f.proto), f.data)
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
		q.msg = &fragmentWriter{w: mw}
	}
	if _, err := q.msg.w.Write(f.data); err != nil {
		return err
	}
	if f.fin {
		err := q.msg.w.Close()
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

// CallbackOnWritable asks for one CallbackServerWriteable once nothing
// written earlier is still on its way to the kernel
// (lws_callback_on_writable). Many requests before the callback give one
// callback. It returns 0, or -1 if the wsi is closing.
func (w *Wsi) CallbackOnWritable() int {
	w.assertOnLoop("lws_callback_on_writable")
	if w.state != stateEstablished {
		return -1
	}
	w.writeRequested = true
	w.scheduleWriteable()
	return 0
}

func (w *Wsi) scheduleWriteable() {
	if !w.writeRequested || w.writeableScheduled || w.txQueued != w.txDone {
		return
	}
	w.writeableScheduled = true
	w.ctx.post(w.serviceWriteable)
}

// serviceWriteable is POLLOUT, emulated: it runs on the loop in a later
// round than the request, and only while the writer is idle.
func (w *Wsi) serviceWriteable() {
	w.writeableScheduled = false
	if w.state != stateEstablished || !w.writeRequested || w.txQueued != w.txDone {
		return
	}
	w.writeRequested = false
	w.callUser(w.role(CallbackServerWriteable, CallbackClientWriteable), nil, 0)
}

func (w *Wsi) txDrained(done uint64) {
	if done > w.txDone {
		w.txDone = done
	}
	w.scheduleWriteable()
}

// CallbackOnWritableAllProtocol asks for CallbackServerWriteable on every
// connection of the context bound to a protocol named like prot
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
