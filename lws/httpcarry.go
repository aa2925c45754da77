package lws

import (
	"bufio"
	"bytes"
	"errors"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"sync"
)

// maxResponseHead bounds the response head golws collects before it is
// complete: a response that never ends its head is a bug in the caller.
const maxResponseHead = 64 << 10

// errBadResponseHead: the response did not begin with a head golws can
// give net/http.
var errBadResponseHead = errors.New("lws: the response does not start with a valid HTTP head")

// carry is the net/http side of a transaction the wsi answers through its
// send buffer: on the request's goroutine it writes what the wsi queues,
// and returns when the transaction is over. body says the request has a
// body, which it hands to the wsi meanwhile (httpbody.go).
func (w *Wsi) carry(rw http.ResponseWriter, r *http.Request, body bool) {
	out := &httpOut{rw: rw, req: r}
	defer out.release()
	defer w.tx.release()
	if body {
		stop := w.startBody(r)
		defer stop()
	}
	for {
		select {
		case <-w.http.kick:
		case <-r.Context().Done():
			// The client went away; net/http closes the connection
			// once the handler returns, and the wsi ends then.
			return
		case <-w.ctx.dying:
			return
		}
		switch w.drainHTTP(out) {
		case carryDone:
			w.ctx.post(w.transactionOut)
			return
		case carryClose:
			w.abort(rw)
			return
		}
	}
}

// carryState is how far drainHTTP got.
type carryState int

const (
	carryOn    carryState = iota // the transaction goes on
	carryDone                    // the transaction is over, the connection stays
	carryClose                   // the connection closes
)

// drainHTTP writes every queued frame, until the send buffer is empty and
// the writer released (the next write wakes the carrier again), then
// flushes, unless a WRITEABLE is already on its way to add to what is
// written: a response written in pieces then costs net/http's buffering,
// not a system call a piece, and what is written still goes out as soon
// as its producer pauses (producerPaused kicks the carrier). A close among
// the frames outranks the transaction's end.
func (w *Wsi) drainHTTP(out *httpOut) carryState {
	st := carryOn
	for {
		batch, failed, ok := w.tx.take(w)
		if !ok {
			if st == carryOn && w.tx.more.Load() {
				return st
			}
			if err := out.flush(); err != nil {
				return carryClose
			}
			return st
		}
		var err error
		if !failed {
			for _, f := range batch.frames {
				switch {
				case f.close != nil:
					st = carryClose
				case f.end:
					st = max(st, carryDone)
				case err == nil:
					err = out.write(batch.buf[f.off : f.off+f.n])
				}
			}
			if err != nil {
				// A write that failed means the client is gone or the
				// response was refused: the connection cannot go on.
				if errors.Is(err, errBadResponseHead) {
					Err("lws_write: %s: %v", w.protocol.Name, err)
				}
				st = carryClose
			}
		}
		w.tx.taken(w, batch, err)
	}
}

// abort closes the connection after what was written went out, without
// letting net/http go on with it, and reports the end to the wsi.
func (w *Wsi) abort(rw http.ResponseWriter) {
	if c, _, err := http.NewResponseController(rw).Hijack(); err == nil {
		_ = c.Close()
	} else if w.nc != nil {
		_ = w.nc.Close()
	}
	w.ctx.post(func() { w.ended(nil) })
}

// dropped answers nothing and closes the connection: the request was
// refused, or the context is going away.
func (w *Wsi) dropped(rw http.ResponseWriter) {
	w.abort(rw)
}

// httpOut turns the bytes of a response, as lws would put them on the
// wire, into net/http's response: the head, collected until its blank
// line, becomes the status and headers, the rest the body.
//
// The body is gathered in pend, up to pendMax bytes, and handed to
// net/http at the flush: a response written in pieces a WRITEABLE then
// reaches the socket in a few large writes, not a system call per 4 KB
// of net/http's own buffer.
type httpOut struct {
	rw      http.ResponseWriter
	req     *http.Request
	head    []byte
	started bool
	pend    *[]byte // from pendPool while the body is gathered
}

// pendMax bounds what a carrier gathers before it writes.
const pendMax = 32 << 10

var pendPool = sync.Pool{New: func() any { b := make([]byte, 0, pendMax); return &b }}

func (o *httpOut) write(p []byte) error {
	if !o.started {
		o.head = append(o.head, p...)
		end := bytes.Index(o.head, []byte("\r\n\r\n"))
		if end < 0 {
			if len(o.head) > maxResponseHead {
				return errBadResponseHead
			}
			return nil
		}
		if err := o.startResponse(o.head[:end+4]); err != nil {
			return err
		}
		o.started = true
		p, o.head = o.head[end+4:], nil
	}
	if len(p) == 0 {
		return nil
	}
	if o.pend == nil {
		o.pend = pendPool.Get().(*[]byte)
	}
	if len(*o.pend)+len(p) > pendMax {
		if err := o.writePending(); err != nil {
			return err
		}
		if len(p) >= pendMax {
			_, err := o.rw.Write(p)
			return err
		}
	}
	*o.pend = append(*o.pend, p...)
	return nil
}

// writePending hands what was gathered to net/http.
func (o *httpOut) writePending() error {
	if o.pend == nil || len(*o.pend) == 0 {
		return nil
	}
	_, err := o.rw.Write(*o.pend)
	*o.pend = (*o.pend)[:0]
	return err
}

func (o *httpOut) flush() error {
	if !o.started {
		return nil
	}
	if err := o.writePending(); err != nil {
		return err
	}
	return http.NewResponseController(o.rw).Flush()
}

// release gives the gathering buffer back; the transaction is over.
func (o *httpOut) release() {
	if o.pend != nil {
		*o.pend = (*o.pend)[:0]
		pendPool.Put(o.pend)
		o.pend = nil
	}
}

// startResponse gives net/http the status and headers of head. net/http
// then frames the body itself: by the content-length given, else chunked
// on a kept-alive HTTP/1.1 connection, else until the connection closes,
// which with "connection: close" and no length is what lws does too.
func (o *httpOut) startResponse(head []byte) error {
	// A reader no larger than the head: bufio's default 4 KB would be
	// allocated for every response.
	tp := textproto.NewReader(bufio.NewReaderSize(bytes.NewReader(head), len(head)))
	line, err := tp.ReadLine()
	if err != nil {
		return errBadResponseHead
	}
	proto, status, _ := strings.Cut(line, " ")
	status, _, _ = strings.Cut(status, " ")
	code, err := strconv.Atoi(status)
	if !strings.HasPrefix(proto, "HTTP/") || err != nil || code < 100 || code > 999 {
		return errBadResponseHead
	}
	fields, err := tp.ReadMIMEHeader()
	if err != nil {
		return errBadResponseHead
	}
	h := o.rw.Header()
	for k, vs := range fields {
		h[k] = vs
	}
	// net/http would add a Date and sniff a Content-Type; lws sends
	// neither unless told to.
	if _, ok := fields["Date"]; !ok {
		h["Date"] = nil
	}
	if _, ok := fields["Content-Type"]; !ok {
		h["Content-Type"] = nil
	}
	// net/http chunks by itself where it must; a head that promises
	// chunks leaves the framing to it.
	if strings.EqualFold(fields.Get("Transfer-Encoding"), "chunked") {
		h.Del("Transfer-Encoding")
	}
	if fields.Get("Content-Length") == "" && headerHasToken(h, "Connection", "close") {
		// No length and the connection ends the body, as lws sends it:
		// "identity" keeps net/http from chunking, and it drops the
		// header itself.
		h.Set("Transfer-Encoding", "identity")
	}
	o.rw.WriteHeader(code)
	return nil
}
