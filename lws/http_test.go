package lws

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// The HTTP callback sequences below are lws main's, recorded from a C
// build serving the same mounts with a protocol that logs every reason
// (protocol 0 "http" on lws_callback_http_dummy, a callback mount "/dyn"
// on protocol "dyn" that answers "hello" from HTTP_WRITEABLE).

// httpRecorder records every reason, with in for the ones that carry the
// URI, and falls back to lws's dummy as lws examples do.
func httpRecorder(name string, rec *recorder, h handlers) Protocol {
	return Protocol{
		Name:           name,
		PerSessionData: func() any { return new(int) },
		Callback: func(w *Wsi, reason CallbackReason, user any, in any, n int) int {
			switch reason {
			case CallbackHTTP, CallbackFilterHTTPConnection:
				rec.add("%s %s %s", name, reason, in)
			case CallbackHTTPBody:
				rec.add("%s %s %d", name, reason, n)
			case CallbackEventWaitCancelled, CallbackProtocolInit, CallbackProtocolDestroy:
			default:
				rec.add("%s %s", name, reason)
			}
			if f := h[reason]; f != nil {
				return f(w, user, in)
			}
			return CallbackHTTPDummy(w, reason, user, in, n)
		},
	}
}

// dynHandlers answer with "hello" (content-length 5) from HTTP_WRITEABLE,
// as the C trace server does; a POST is answered the same way.
func dynHandlers() handlers {
	answer := func(w *Wsi, _ any, _ any) int {
		if writeHead(w, HTTPStatusOK, "text/plain", 5) != 0 {
			return 1
		}
		w.CallbackOnWritable()
		return 0
	}
	return handlers{
		CallbackHTTP:     answer,
		CallbackHTTPBody: func(*Wsi, any, any) int { return 0 },
		CallbackHTTPWriteable: func(w *Wsi, _ any, _ any) int {
			if w.Write([]byte("hello"), WriteHTTPFinal) != 5 {
				return 1
			}
			if w.TransactionCompleted() != 0 {
				return -1
			}
			return 0
		},
	}
}

// startHTTPServer serves index.html at / and the protocol "dyn" at /dyn,
// with the rest of info.
func startHTTPServer(t *testing.T, rec *recorder, dyn handlers, info ...ContextCreationInfo) *server {
	t.Helper()
	var ci ContextCreationInfo
	if len(info) > 0 {
		ci = info[0]
	}
	files := fstest.MapFS{"index.html": {Data: []byte("<html>hi</html>\n")}}
	ci.Protocols = []Protocol{httpRecorder("http", rec, nil), httpRecorder("dyn", rec, dyn)}
	ci.Mounts = &HTTPMount{Mountpoint: "/", FS: files, Def: "index.html", OriginProtocol: MountProtoFile,
		MountNext: &HTTPMount{Mountpoint: "/dyn", Protocol: "dyn", OriginProtocol: MountProtoCallback}}
	return startServer(t, ci)
}

// rawHTTP is a client connection that sends requests as written and reads
// responses one by one.
type rawHTTP struct {
	t  *testing.T
	nc net.Conn
	br *bufio.Reader
}

func dialHTTP(t *testing.T, s *server) *rawHTTP {
	t.Helper()
	nc, err := net.DialTimeout("tcp", strings.TrimPrefix(s.url, "ws://"), waitBound)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nc.Close() })
	nc.SetDeadline(time.Now().Add(waitBound))
	return &rawHTTP{t: t, nc: nc, br: bufio.NewReader(nc)}
}

// do sends req and returns the response with its body read.
func (c *rawHTTP) do(req string) (*http.Response, string) {
	c.t.Helper()
	if _, err := io.WriteString(c.nc, req); err != nil {
		c.t.Fatal(err)
	}
	resp, err := http.ReadResponse(c.br, nil)
	if err != nil {
		c.t.Fatalf("%q: %v", req, err)
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatalf("%q: body: %v", req, err)
	}
	return resp, string(b)
}

// closedByServer reads until the server closes the connection.
func (c *rawHTTP) closedByServer() {
	c.t.Helper()
	if b, err := io.ReadAll(c.br); err != nil || len(b) != 0 {
		c.t.Fatalf("want the server to close with nothing more, got %q, %v", b, err)
	}
}

func wantSequence(t *testing.T, rec *recorder, last string, want []string) {
	t.Helper()
	ev := rec.waitEvent(t, last)
	if strings.Join(ev, "\n") != strings.Join(want, "\n") {
		t.Fatalf("callbacks:\n got %q\nwant %q", ev, want)
	}
}

// writeHead writes a response head with lws's common headers, the way a
// port does: a cursor over a buffer with LWS_PRE headroom, then
// FinalizeWriteHTTPHeader. It returns 1 on failure, as a callback would.
func writeHead(w *Wsi, status int, contentType string, length int64) int {
	var buf [Pre + 512]byte
	start := PtrTo(buf[:], Pre)
	p, end := start, PtrTo(buf[:], len(buf)-1)
	if w.AddHTTPCommonHeaders(status, contentType, length, &p, end) != 0 ||
		w.FinalizeWriteHTTPHeader(start, &p, end) != 0 {
		return 1
	}
	return 0
}

var adopted = []string{
	"http LWS_CALLBACK_FILTER_NETWORK_CONNECTION",
	"http LWS_CALLBACK_WSI_CREATE",
	"http LWS_CALLBACK_SERVER_NEW_CLIENT_INSTANTIATED",
}

// A callback mount: the mount's protocol is bound (twice for a GET, as lws
// binds again on its way to HTTP), gets the URI after the mountpoint,
// answers from HTTP_WRITEABLE, and at the transaction's end protocol 0 is
// bound back for the next request.
func TestHTTPCallbackMountSequence(t *testing.T) {
	rec := newRecorder()
	s := startHTTPServer(t, rec, dynHandlers())
	c := dialHTTP(t, s)
	resp, body := c.do("GET /dyn/abc?x=1 HTTP/1.1\r\nHost: x\r\n\r\n")
	if resp.StatusCode != 200 || body != "hello" || resp.ContentLength != 5 {
		t.Fatalf("got %d %q (length %d)", resp.StatusCode, body, resp.ContentLength)
	}
	for _, h := range []string{"Date", "Connection"} {
		if resp.Header.Get(h) != "" {
			t.Errorf("%s: %q, which lws does not send", h, resp.Header.Get(h))
		}
	}
	c.nc.Close()
	wantSequence(t, rec, "http LWS_CALLBACK_WSI_DESTROY", append(append([]string{}, adopted...),
		"http LWS_CALLBACK_FILTER_HTTP_CONNECTION /dyn/abc",
		"dyn LWS_CALLBACK_HTTP_BIND_PROTOCOL",
		"dyn LWS_CALLBACK_CHECK_ACCESS_RIGHTS",
		"dyn LWS_CALLBACK_HTTP_DROP_PROTOCOL",
		"dyn LWS_CALLBACK_HTTP_BIND_PROTOCOL",
		"dyn LWS_CALLBACK_HTTP /abc",
		"dyn LWS_CALLBACK_HTTP_WRITEABLE",
		"dyn LWS_CALLBACK_HTTP_DROP_PROTOCOL",
		"http LWS_CALLBACK_HTTP_BIND_PROTOCOL",
		"http LWS_CALLBACK_HTTP_DROP_PROTOCOL",
		"http LWS_CALLBACK_CLOSED_HTTP",
		"http LWS_CALLBACK_WSI_DESTROY",
	))
}

// Two transactions on one kept-alive connection: a served file, then a
// callback mount, each with its own sequence.
func TestHTTPKeepAliveSequence(t *testing.T) {
	rec := newRecorder()
	s := startHTTPServer(t, rec, dynHandlers())
	c := dialHTTP(t, s)
	if resp, body := c.do("GET / HTTP/1.1\r\nHost: x\r\n\r\n"); resp.StatusCode != 200 || body != "<html>hi</html>\n" {
		t.Fatalf("GET /: %d %q", resp.StatusCode, body)
	}
	if resp, body := c.do("GET /dyn/a HTTP/1.1\r\nHost: x\r\n\r\n"); resp.StatusCode != 200 || body != "hello" {
		t.Fatalf("GET /dyn/a: %d %q", resp.StatusCode, body)
	}
	c.nc.Close()
	wantSequence(t, rec, "http LWS_CALLBACK_WSI_DESTROY", append(append([]string{}, adopted...),
		"http LWS_CALLBACK_FILTER_HTTP_CONNECTION /",
		"http LWS_CALLBACK_HTTP_FILE_COMPLETION",
		"http LWS_CALLBACK_HTTP_BIND_PROTOCOL",
		"http LWS_CALLBACK_FILTER_HTTP_CONNECTION /dyn/a",
		"http LWS_CALLBACK_HTTP_DROP_PROTOCOL",
		"dyn LWS_CALLBACK_HTTP_BIND_PROTOCOL",
		"dyn LWS_CALLBACK_CHECK_ACCESS_RIGHTS",
		"dyn LWS_CALLBACK_HTTP_DROP_PROTOCOL",
		"dyn LWS_CALLBACK_HTTP_BIND_PROTOCOL",
		"dyn LWS_CALLBACK_HTTP /a",
		"dyn LWS_CALLBACK_HTTP_WRITEABLE",
		"dyn LWS_CALLBACK_HTTP_DROP_PROTOCOL",
		"http LWS_CALLBACK_HTTP_BIND_PROTOCOL",
		"http LWS_CALLBACK_HTTP_DROP_PROTOCOL",
		"http LWS_CALLBACK_CLOSED_HTTP",
		"http LWS_CALLBACK_WSI_DESTROY",
	))
}

// A POST's body arrives as HTTP_BODY after HTTP, in the pieces it came in,
// then HTTP_BODY_COMPLETION; a POST binds the mount's protocol once.
func TestHTTPPostBodySequence(t *testing.T) {
	rec := newRecorder()
	gotBody := make(chan struct{})
	dyn := dynHandlers()
	answer := dyn[CallbackHTTP]
	dyn[CallbackHTTP] = func(*Wsi, any, any) int { return 0 }
	dyn[CallbackHTTPBody] = func(w *Wsi, _ any, in any) int {
		if len(in.([]byte)) == 3 {
			close(gotBody)
		}
		return 0
	}
	dyn[CallbackHTTPBodyCompletion] = answer
	s := startHTTPServer(t, rec, dyn)
	c := dialHTTP(t, s)
	io.WriteString(c.nc, "POST /dyn/form HTTP/1.1\r\nHost: x\r\nContent-Length: 7\r\n\r\nabc")
	select {
	case <-gotBody:
	case <-time.After(waitBound):
		t.Fatal("the first piece of the body was not delivered")
	}
	resp, body := c.do("defg")
	if resp.StatusCode != 200 || body != "hello" {
		t.Fatalf("got %d %q", resp.StatusCode, body)
	}
	c.nc.Close()
	wantSequence(t, rec, "http LWS_CALLBACK_WSI_DESTROY", append(append([]string{}, adopted...),
		"http LWS_CALLBACK_FILTER_HTTP_CONNECTION /dyn/form",
		"dyn LWS_CALLBACK_HTTP_BIND_PROTOCOL",
		"dyn LWS_CALLBACK_CHECK_ACCESS_RIGHTS",
		"dyn LWS_CALLBACK_HTTP /form",
		"dyn LWS_CALLBACK_HTTP_BODY 3",
		"dyn LWS_CALLBACK_HTTP_BODY 4",
		"dyn LWS_CALLBACK_HTTP_BODY_COMPLETION",
		"dyn LWS_CALLBACK_HTTP_WRITEABLE",
		"dyn LWS_CALLBACK_HTTP_DROP_PROTOCOL",
		"http LWS_CALLBACK_HTTP_BIND_PROTOCOL",
		"http LWS_CALLBACK_HTTP_DROP_PROTOCOL",
		"http LWS_CALLBACK_CLOSED_HTTP",
		"http LWS_CALLBACK_WSI_DESTROY",
	))
}

// An explicitly empty POST still gets HTTP_BODY (in a nil []byte, len 0)
// and HTTP_BODY_COMPLETION, as in lws, so that a port's lws_spa_process(
// pss.spa, in.([]byte), len) holds for it too.
func TestHTTPEmptyPost(t *testing.T) {
	rec := newRecorder()
	dyn := dynHandlers()
	answer := dyn[CallbackHTTP]
	dyn[CallbackHTTP] = func(*Wsi, any, any) int { return 0 }
	dyn[CallbackHTTPBody] = func(w *Wsi, _ any, in any) int {
		b, ok := in.([]byte)
		rec.add("body in nil: %v", ok && b == nil)
		return 0
	}
	dyn[CallbackHTTPBodyCompletion] = answer
	s := startHTTPServer(t, rec, dyn)
	c := dialHTTP(t, s)
	if resp, body := c.do("POST /dyn/x HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"); resp.StatusCode != 200 || body != "hello" {
		t.Fatalf("got %d %q", resp.StatusCode, body)
	}
	ev := rec.waitEvent(t, "dyn LWS_CALLBACK_HTTP_WRITEABLE")
	i := slices.Index(ev, "dyn LWS_CALLBACK_HTTP /x")
	if i < 0 || len(ev) < i+5 {
		t.Fatalf("callbacks: %q", ev)
	}
	if got := strings.Join(ev[i:i+5], ","); got != "dyn LWS_CALLBACK_HTTP /x,dyn LWS_CALLBACK_HTTP_BODY 0,body in nil: true,dyn LWS_CALLBACK_HTTP_BODY_COMPLETION,dyn LWS_CALLBACK_HTTP_WRITEABLE" {
		t.Fatalf("callbacks from HTTP on: %s", got)
	}
}

// No mount: protocol 0 gets the whole URI, and lws_callback_http_dummy
// answers with lws's 404 page, byte for byte.
func TestHTTPNoMountGetsDummy404(t *testing.T) {
	rec := newRecorder()
	s := startServer(t, ContextCreationInfo{Protocols: []Protocol{httpRecorder("http", rec, nil)}})
	c := dialHTTP(t, s)
	resp, body := c.do("GET /nope.html HTTP/1.1\r\nHost: x\r\n\r\n")
	const page = `<html><head><meta charset=utf-8 http-equiv="Content-Language" content="en"/>` +
		`<link rel="stylesheet" type="text/css" href="/error.css"/></head><body><h1>404</h1></body></html>`
	if resp.StatusCode != 404 || body != page || resp.Header.Get("Content-Type") != "text/html" {
		t.Fatalf("got %d %q %q", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	c.nc.Close()
	// No mount at all: lws_http_action binds protocol 0 ("no mount hit")
	// before HTTP, and the transaction's end binds it again.
	wantSequence(t, rec, "http LWS_CALLBACK_WSI_DESTROY", append(append([]string{}, adopted...),
		"http LWS_CALLBACK_FILTER_HTTP_CONNECTION /nope.html",
		"http LWS_CALLBACK_HTTP_BIND_PROTOCOL",
		"http LWS_CALLBACK_HTTP /nope.html",
		"http LWS_CALLBACK_HTTP_DROP_PROTOCOL",
		"http LWS_CALLBACK_HTTP_BIND_PROTOCOL",
		"http LWS_CALLBACK_HTTP_DROP_PROTOCOL",
		"http LWS_CALLBACK_CLOSED_HTTP",
		"http LWS_CALLBACK_WSI_DESTROY",
	))
}

// HTTP/1.0 without keep-alive: an HTTP/1.0 status line, and the
// transaction's end closes the connection (TransactionCompleted says so)
// with the mount's protocol still bound.
func TestHTTP10ClosesAfterTheTransaction(t *testing.T) {
	rec := newRecorder()
	s := startHTTPServer(t, rec, dynHandlers())
	c := dialHTTP(t, s)
	resp, body := c.do("GET /dyn/x HTTP/1.0\r\n\r\n")
	if resp.Proto != "HTTP/1.0" || resp.StatusCode != 200 || body != "hello" {
		t.Fatalf("got %s %d %q", resp.Proto, resp.StatusCode, body)
	}
	c.closedByServer()
	ev := rec.waitEvent(t, "dyn LWS_CALLBACK_WSI_DESTROY")
	tail := strings.Join(ev[len(ev)-4:], ",")
	if tail != "dyn LWS_CALLBACK_HTTP_WRITEABLE,dyn LWS_CALLBACK_HTTP_DROP_PROTOCOL,dyn LWS_CALLBACK_CLOSED_HTTP,dyn LWS_CALLBACK_WSI_DESTROY" {
		t.Fatalf("callbacks end with %s", tail)
	}
}

// Once the transaction is over nothing more can be written into it: the
// next request on the connection is another transaction's.
func TestHTTPWriteAfterTransactionRefused(t *testing.T) {
	rec := newRecorder()
	dyn := dynHandlers()
	done := dyn[CallbackHTTPWriteable]
	dyn[CallbackHTTPWriteable] = func(w *Wsi, user any, in any) int {
		r := done(w, user, in)
		rec.add("late write %d", w.Write([]byte("x"), WriteHTTP))
		return r
	}
	s := startHTTPServer(t, rec, dyn)
	c := dialHTTP(t, s)
	if resp, body := c.do("GET /dyn/x HTTP/1.1\r\nHost: x\r\n\r\n"); body != "hello" {
		t.Fatalf("got %d %q", resp.StatusCode, body)
	}
	rec.waitEvent(t, "late write -1")
}

// HTTP_WRITEABLE follows the WebSocket rules: a client that stops reading
// stops getting it once the send buffer is at its low-water mark, and the
// buffer never holds more than its limit, however long the response.
func TestHTTPWriteableStallsWithTheClient(t *testing.T) {
	rec := newRecorder()
	const limit = 64 << 10
	chunk := make([]byte, 4<<10)
	writes, lastTick := 0, -1
	dyn := handlers{
		CallbackHTTP: func(w *Wsi, _ any, _ any) int {
			if writeHead(w, HTTPStatusOK, "application/octet-stream", IllegalHTTPContentLen) != 0 {
				return 1
			}
			w.CallbackOnWritable()
			w.SetTimerUsecs(300_000)
			return 0
		},
		CallbackHTTPWriteable: func(w *Wsi, _ any, _ any) int {
			writes++
			w.Write(chunk, WriteHTTP)
			w.CallbackOnWritable()
			return 0
		},
		CallbackTimer: func(w *Wsi, _ any, _ any) int {
			w.tx.mu.Lock()
			queued := w.tx.queued
			w.tx.mu.Unlock()
			if queued > limit {
				rec.add("send buffer over its limit: %d", queued)
			}
			if writes == lastTick && queued >= limit/4 {
				rec.add("stalled")
				return 0
			}
			lastTick = writes
			w.SetTimerUsecs(300_000)
			return 0
		},
	}
	s := startHTTPServer(t, rec, dyn, ContextCreationInfo{SendBufferLimit: limit})
	c := dialHTTP(t, s)
	io.WriteString(c.nc, "GET /dyn/stream HTTP/1.1\r\nHost: x\r\n\r\n") // and never read
	ev := rec.waitEvent(t, "stalled")
	for _, e := range ev {
		if strings.HasPrefix(e, "send buffer over") {
			t.Fatal(e)
		}
	}
}

// A response marked as server-sent events outlives the content timeout:
// MarkSSE takes the transaction off it, as lws_http_mark_sse does.
func TestHTTPMarkSSEOutlivesTheContentTimeout(t *testing.T) {
	rec := newRecorder()
	sent := 0
	dyn := handlers{
		CallbackHTTP: func(w *Wsi, _ any, _ any) int {
			if writeHead(w, HTTPStatusOK, "text/event-stream", IllegalHTTPContentLen) != 0 {
				return 1
			}
			w.MarkSSE()
			w.CallbackOnWritable()
			return 0
		},
		CallbackHTTPWriteable: func(w *Wsi, _ any, _ any) int {
			sent++
			w.Write([]byte(Snprintf("data: %d\r\n\r\n", sent)), WriteHTTP)
			w.SetTimerUsecs(700_000) // slower than the 1 s content timeout, twice
			return 0
		},
		CallbackTimer: func(w *Wsi, _ any, _ any) int {
			w.CallbackOnWritable()
			return 0
		},
	}
	s := startHTTPServer(t, rec, dyn, ContextCreationInfo{TimeoutSecs: 1})
	c := dialHTTP(t, s)
	io.WriteString(c.nc, "GET /dyn/events HTTP/1.1\r\nHost: x\r\n\r\n")
	resp, err := http.ReadResponse(c.br, nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Header.Get("Content-Type") != "text/event-stream" || !resp.Close || resp.ContentLength != -1 {
		t.Fatalf("head: %v", resp.Header)
	}
	br := bufio.NewReader(resp.Body)
	for i := 1; i <= 4; i++ { // 2.1 s at least: past two content timeouts
		line, err := br.ReadString('\n')
		if err != nil || line != Snprintf("data: %d\r\n", i) {
			t.Fatalf("event %d: %q %v", i, line, err)
		}
		br.ReadString('\n')
	}
}

// A response written a piece per WRITEABLE, far past the send buffer's
// low-water mark, then ended by the callback's -1 without a final write:
// every piece reaches the client, in order, before the connection closes.
// The carrier is woken when the producer pauses, not per piece; this
// holds it to delivering everything all the same.
func TestHTTPPiecesThenCallbackClose(t *testing.T) {
	rec := newRecorder()
	const pieces, size = 300, 2 << 10
	sent := 0
	dyn := handlers{
		CallbackHTTP: func(w *Wsi, _ any, _ any) int {
			if writeHead(w, HTTPStatusOK, "application/octet-stream", IllegalHTTPContentLen) != 0 {
				return 1
			}
			w.CallbackOnWritable()
			return 0
		},
		CallbackHTTPWriteable: func(w *Wsi, _ any, _ any) int {
			if sent == pieces {
				return -1
			}
			piece := []byte(strings.Repeat(string(rune('a'+sent%26)), size))
			if w.Write(piece, WriteHTTP) != size {
				return -1
			}
			sent++
			w.CallbackOnWritable()
			return 0
		},
	}
	s := startHTTPServer(t, rec, dyn, ContextCreationInfo{SendBufferLimit: 64 << 10})
	c := dialHTTP(t, s)
	resp, body := c.do("GET /dyn/pieces HTTP/1.1\r\nHost: x\r\n\r\n")
	if resp.StatusCode != 200 || len(body) != pieces*size {
		t.Fatalf("status %d, %d bytes, want %d", resp.StatusCode, len(body), pieces*size)
	}
	for i := range pieces {
		if want := byte('a' + i%26); body[i*size] != want || body[(i+1)*size-1] != want {
			t.Fatalf("piece %d damaged or out of order", i)
		}
	}
	rec.waitEvent(t, "dyn LWS_CALLBACK_WSI_DESTROY")
}

// A POST answered from LWS_CALLBACK_HTTP, its body left to the dummy:
// lws_callback_http_dummy sees the response already sent and completes
// the transaction at BODY_COMPLETION instead of answering a second time,
// so the next request on the connection gets its own answer.
func TestHTTPDummyCompletesAnAnsweredPost(t *testing.T) {
	rec := newRecorder()
	dyn := handlers{
		CallbackHTTP: func(w *Wsi, _ any, _ any) int {
			if w.req.Method != http.MethodPost {
				return dynHandlers()[CallbackHTTP](w, nil, nil)
			}
			var buf [Pre + 512]byte
			p, end := PtrTo(buf[:], Pre), PtrTo(buf[:], len(buf)-1)
			if w.HTTPRedirect(HTTPStatusSeeOther, "/after.html", &p, end) < 0 {
				return -1
			}
			return 0
		},
		CallbackHTTPWriteable: dynHandlers()[CallbackHTTPWriteable],
	}
	s := startHTTPServer(t, rec, dyn)
	c := dialHTTP(t, s)
	resp, body := c.do("POST /dyn/form HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\n\r\ntext=hi")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/after.html" || body != "" {
		t.Fatalf("POST: %d %q %q", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	if resp, body := c.do("GET /dyn/x HTTP/1.1\r\nHost: x\r\n\r\n"); resp.StatusCode != 200 || body != "hello" {
		t.Fatalf("next request: %d %q", resp.StatusCode, body)
	}
}
