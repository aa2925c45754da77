package lws

import (
	"errors"
	"io"
	"net/http"
)

// A request body reaches the wsi as LWS_CALLBACK_HTTP_BODY chunks, then
// LWS_CALLBACK_HTTP_BODY_COMPLETION, each delivered on the service
// goroutine. The body is read on a goroutine of its own, one chunk ahead
// at most: it waits for a token before each delivery, so RxFlowControl(0)
// stops the reading and the client's data waits in the kernel, as in lws.

// startBody starts the body's reader and returns the function that waits
// for it: the reader must be done before net/http gets the request back.
func (w *Wsi) startBody(r *http.Request) (wait func()) {
	done := make(chan struct{})
	if !w.ctx.goBackground(func() {
		defer close(done)
		w.readBody(r.Body, r.ContentLength, w.http.maxBody)
	}) {
		close(done)
	}
	return func() { <-done }
}

// readBody delivers the body (length bytes, -1 if unknown) and returns
// once it was read to its end, the transaction ended, or the client went
// away. A body without a length that passes max closes the connection:
// lws counts such a body down from its max_http_body_size.
func (w *Wsi) readBody(body io.Reader, length int64, max uint64) {
	buf := make([]byte, defaultRxBufferSize)
	var got int64
	for {
		if !w.waitToken() {
			return
		}
		n, err := body.Read(buf)
		got += int64(n)
		if uint64(got) > max {
			Warn("%s: request body passed its max %d, closing", w.peer, max)
			w.ctx.post(w.closeHTTP)
			return
		}
		eof := errors.Is(err, io.EOF)
		if err != nil && !eof {
			// The client went away (or the content timeout cut it):
			// the connection's end tells the wsi.
			Info("%s: request body cut short after %d of %d bytes: %v", w.peer, got, length, err)
			return
		}
		chunk := buf[:n]
		delivered := make(chan bool, 1)
		if !w.ctx.post(func() { delivered <- w.deliverBody(chunk, eof) }) {
			return
		}
		if !<-delivered {
			// The transaction is over: what is left of the body is
			// drained (by net/http, after the handler) or ends the
			// connection.
			return
		}
		if eof {
			return
		}
	}
}

// deliverBody runs HTTP_BODY for a chunk, and HTTP_BODY_COMPLETION after
// the last. It reports whether the transaction still wants the body.
func (w *Wsi) deliverBody(chunk []byte, last bool) bool {
	if w.state != stateHTTPBody {
		return false
	}
	// A nil chunk is lws's HTTP_BODY for an explicitly empty POST (in is
	// NULL there); an empty one is the reader's end and delivers nothing.
	// in is a []byte either way, nil for the empty POST, so that the
	// port's in.([]byte) holds, as C's (char *)in does.
	if len(chunk) > 0 || chunk == nil {
		if w.callUser(CallbackHTTPBody, chunk, len(chunk)) != 0 || w.state != stateHTTPBody {
			return false
		}
	}
	if last {
		w.http.hasBody = false
		w.setState(stateHTTPResponse)
		w.callUser(CallbackHTTPBodyCompletion, nil, 0)
		return false
	}
	if w.rxPaused {
		w.rxHeld = true
	} else {
		w.release()
	}
	return true
}
