package lws

import (
	"strings"
	"testing"
)

// lws main's bound on a request body (max_http_body_size): a
// Content-Length past the vhost's or the mount's is answered 413 with a
// WARN line and the connection closes; a body without a length closes the
// connection once it passes the bound, before BODY_COMPLETION.
func TestHTTPBodySizeLimits(t *testing.T) {
	lc := captureLogs(t, LogDefault)
	rec := newRecorder()
	dyn := dynHandlers()
	dyn[CallbackHTTPBodyCompletion] = dyn[CallbackHTTP]
	dyn[CallbackHTTP] = func(*Wsi, any, any) int { return 0 } // the body follows
	s := startHTTPServer(t, rec, dyn, ContextCreationInfo{MaxHTTPBodySize: 100})
	post := func(path string, n int) string {
		return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + itoa(n) + "\r\n\r\n" + strings.Repeat("b", n)
	}

	c := dialHTTP(t, s)
	if resp, body := c.do(post("/dyn/x", 100)); resp.StatusCode != 200 || body != "hello" {
		t.Fatalf("a body at the bound: %d %q", resp.StatusCode, body)
	}
	if resp, _ := c.do(post("/dyn/x", 101)); resp.StatusCode != HTTPStatusReqEntityTooLarge {
		t.Fatalf("a body past the bound: %d", resp.StatusCode)
	}
	c.closedByServer()
	lc.waitLine(t, "W", "lws_http_action: rejected Content-Length 101 > max 100")

	// The mount's own bound takes the vhost's place.
	limited := func() (*server, *recorder) {
		rec := newRecorder()
		return startServer(t, ContextCreationInfo{MaxHTTPBodySize: 100,
			Protocols: []Protocol{httpRecorder("http", rec, nil), httpRecorder("dyn", rec, dyn)},
			Mounts:    &HTTPMount{Mountpoint: "/dyn", Protocol: "dyn", OriginProtocol: MountProtoCallback, MaxHTTPBodySize: 10}}), rec
	}
	s, _ = limited()
	c = dialHTTP(t, s)
	if resp, _ := c.do(post("/dyn/x", 11)); resp.StatusCode != HTTPStatusReqEntityTooLarge {
		t.Fatalf("a body past the mount's bound: %d", resp.StatusCode)
	}
	c.closedByServer()
	lc.waitLine(t, "W", "lws_http_action: mount rejected Content-Length 11 > max 10")

	// Chunked, without a length: counted as it comes.
	s, rec = limited()
	c = dialHTTP(t, s)
	if _, err := c.nc.Write([]byte("POST /dyn/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" +
		"8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	c.closedByServer()
	lc.waitLine(t, "W", "127.0.0.1: request body passed its max 10, closing")
	for _, e := range rec.waitEvent(t, "dyn LWS_CALLBACK_WSI_DESTROY") {
		if strings.Contains(e, "BODY_COMPLETION") {
			t.Fatalf("BODY_COMPLETION for a body past its bound: %q", e)
		}
	}
}
