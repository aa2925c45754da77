package reliability

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/golws/golws/lws"
)

// Destroying a context with HTTP connections in every state, an idle
// kept-alive one, one uploading a body, one being answered in pieces and
// one whose headers are half sent, ends promptly, runs each connection's
// close callbacks once and leaves no goroutine.
func TestHTTPShutdownWithConnectionsInEveryState(t *testing.T) {
	noLeaks(t)
	ev := newEvents()
	cb := func(wsi *lws.Wsi, reason lws.CallbackReason, user, in any, n int) int {
		switch reason {
		case lws.CallbackHTTP:
			if strings.HasPrefix(in.(string), "/upload") {
				ev.add("upload started")
				return 0 // the answer waits for the body, which never ends
			}
			var buf [lws.Pre + 512]byte
			start := lws.PtrTo(buf[:], lws.Pre)
			p, end := start, lws.PtrTo(buf[:], len(buf)-1)
			if wsi.AddHTTPCommonHeaders(lws.HTTPStatusOK, "text/plain", lws.IllegalHTTPContentLen, &p, end) != 0 ||
				wsi.FinalizeWriteHTTPHeader(start, &p, end) != 0 {
				return 1
			}
			wsi.CallbackOnWritable()
			return 0
		case lws.CallbackHTTPBody:
			ev.add("body %d", n)
			return 0
		case lws.CallbackHTTPWriteable:
			wsi.Write([]byte("piece\n"), lws.WriteHTTP)
			wsi.SetTimerUsecs(50_000) // a slow producer
			return 0
		case lws.CallbackTimer:
			wsi.CallbackOnWritable()
			return 0
		case lws.CallbackWSICreate:
			ev.add("create")
		case lws.CallbackWSIDestroy:
			ev.add("destroy")
		}
		return lws.CallbackHTTPDummy(wsi, reason, user, in, n)
	}
	s := startServer(t, lws.ContextCreationInfo{Protocols: []lws.Protocol{{Name: "http", Callback: cb}}})

	streaming := rawDial(t, s.addr, waitBound)
	if err := streaming.send("GET /x HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	if _, err := streaming.br.ReadString('\n'); err != nil { // the piece stream's status line
		t.Fatal(err)
	}
	idle := rawDial(t, s.addr, waitBound)
	if err := idle.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	if resp, err := idle.response(); err != nil || resp.StatusCode != 200 {
		t.Fatalf("the empty POST: %v %v", resp, err)
	}
	upload := rawDial(t, s.addr, waitBound)
	if err := upload.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nabc"); err != nil {
		t.Fatal(err)
	}
	ev.waitEvent(t, "body 3")
	half := rawDial(t, s.addr, waitBound)
	if err := half.send("GET / HTTP/1.1\r\nHo"); err != nil {
		t.Fatal(err)
	}
	ev.waitEvent(t, "create", 4)

	took := s.wantCleanExit(t)
	t.Logf("destroy took %v", took.Round(time.Millisecond))
	if c, d := ev.count("create"), ev.count("destroy"); c != d {
		t.Fatalf("%d WSI_CREATE, %d WSI_DESTROY", c, d)
	}
	for _, c := range []*rawConn{streaming, idle, upload, half} {
		c.nc.SetReadDeadline(time.Now().Add(waitBound))
		if _, err := io.Copy(io.Discard, c.br); err != nil && !isReset(err) {
			t.Fatalf("a connection survived destroy: %v", err)
		}
	}
}
