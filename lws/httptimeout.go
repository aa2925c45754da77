package lws

import (
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// contentTimeout is lws's PENDING_TIMEOUT_HTTP_CONTENT on a connection
// whose HTTP transaction net/http carries: armed when a request's headers
// are in, moved on by every read that brings bytes and every write that
// sends some, and when it expires the connection is closed, without an
// answer if none went out yet. The bound is on progress, not on the
// transaction: a download that keeps moving is never cut, a body that
// keeps coming is read to its end. The keep-alive timeout takes over once
// the transaction is over (Vhost.connState stops this one), as in lws.
type contentTimeout struct {
	armed  atomic.Bool // checked on every read and write of the connection
	mu     sync.Mutex
	t      *time.Timer // made on first use: a connection that only upgrades has none
	d      time.Duration
	expire func()
}

// arm starts the timeout: when d passes without progress, expire runs.
func (ct *contentTimeout) arm(d time.Duration, expire func()) {
	ct.mu.Lock()
	defer ct.mu.Unlock()
	ct.d, ct.expire = d, expire
	if ct.t == nil {
		ct.t = time.AfterFunc(d, ct.fire)
	} else {
		ct.t.Reset(d)
	}
	ct.armed.Store(true)
}

// progress moves an armed timeout on.
func (ct *contentTimeout) progress() {
	if !ct.armed.Load() {
		return
	}
	ct.mu.Lock()
	defer ct.mu.Unlock()
	if ct.armed.Load() {
		ct.t.Reset(ct.d)
	}
}

func (ct *contentTimeout) stop() {
	if !ct.armed.Swap(false) {
		return
	}
	ct.mu.Lock()
	defer ct.mu.Unlock()
	ct.t.Stop()
}

func (ct *contentTimeout) fire() {
	ct.mu.Lock()
	expire := ct.expire
	fired := ct.armed.Swap(false)
	ct.mu.Unlock()
	if fired {
		expire()
	}
}

// contentExpired closes the connection, as lws closes a wsi whose pending
// timeout expired.
func (c *wireConn) contentExpired() {
	Info("%s: TIMEDOUT WAITING %d (HTTP content), closing", c.RemoteAddr(), int(PendingTimeoutHTTPContent))
	_ = c.Close()
}

// headTimedOut logs what lws logs when a connection waited too long for
// a request: net/http's read deadline (ReadHeaderTimeout, or IdleTimeout
// after a response) ended the read, and net/http closes the connection.
// lws's reason is HOLDING_AH while a request's head is awaited, and
// KEEPALIVE_IDLE when nothing of the next one came after a response.
func (c *wireConn) headTimedOut() {
	why, reason := "HTTP headers", PendingTimeoutHoldingAH
	if c.answered.Load() && !c.ah.held {
		why, reason = "keep-alive idle", PendingTimeoutHTTPKeepaliveIdle
	}
	Info("%s: TIMEDOUT WAITING %d (%s), closing", c.RemoteAddr(), int(reason), why)
}

// startTransaction arms the content timeout of r's connection. A request
// with a body is answered without first waiting for the body, as lws
// answers it; what the handler leaves unread is drained after the answer,
// under the same timeout.
func (c *Context) startTransaction(rw http.ResponseWriter, r *http.Request) {
	wc, ok := r.Context().Value(netConnKey{}).(*wireConn)
	if !ok {
		return
	}
	wc.content.arm(time.Duration(c.timeoutSecs)*time.Second, wc.contentExpired)
	if r.ContentLength != 0 {
		_ = http.NewResponseController(rw).EnableFullDuplex()
	}
}
