package lws

// TransactionCompleted ends the wsi's HTTP transaction once what it wrote
// went out (lws_http_transaction_completed). It returns 0 when the
// connection stays for another request: the wsi is bound back to
// protocol 0 (HTTP_DROP_PROTOCOL, HTTP_BIND_PROTOCOL), and the next
// request starts a fresh sequence of callbacks with fresh session data.
// It returns 1 when the connection cannot carry another (HTTP/1.0 without
// keep-alive, "connection: close", a response without a length): the
// caller then returns -1, as in C, and the connection closes after the
// response.
//
// Whatever the return, the transaction is over: a later Write returns -1,
// and a threadpool task bound to the wsi is detached from it, so it can
// never write into the next request's response.
func (w *Wsi) TransactionCompleted() int {
	w.assertOnLoop("lws_http_transaction_completed")
	if !w.state.inTransaction() {
		return 0
	}
	h := w.http
	w.endTransaction()
	if !h.keepAlive {
		Info("lws_http_transaction_completed: %s: close connection", w.peer)
		return 1
	}
	w.bindProtocol(&w.vh.protocols[0])
	return 0
}

// endTransaction ends the transaction in progress: what was written goes
// out, then the connection waits for its next request.
func (w *Wsi) endTransaction() {
	w.enqueue(nil, frame{end: true}, false)
	w.setState(stateHTTPDone)
	w.req = nil
	w.writeRequested = false
	w.ctx.exts.transactionDone(w)
}

// transactionOut runs on the service goroutine when the goroutine that
// carried a transaction handed the connection back to net/http: the wsi
// waits for the next request.
func (w *Wsi) transactionOut() {
	if w.state == stateHTTPDone {
		w.setState(stateHTTPIdle)
	}
}

// MarkSSE makes the transaction a stream of server-sent events
// (lws_http_mark_sse): the response never ends by itself, so no timeout
// applies to it any more, and the request's headers are let go, as lws
// detaches its header table.
func (w *Wsi) MarkSSE() int {
	w.assertOnLoop("lws_http_mark_sse")
	if !w.state.inTransaction() {
		return -1
	}
	w.http.sse = true
	w.req = nil
	if w.wire != nil {
		w.wire.content.stop()
	}
	w.setTimeout(NoPendingTimeout, 0)
	return 0
}
