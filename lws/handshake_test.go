package lws

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

func twoProtocols(rec *recorder) []Protocol {
	return []Protocol{
		recordingProtocol("http-only", rec, nil),
		recordingProtocol("a", rec, nil),
		recordingProtocol("b", rec, nil),
	}
}

func TestSubprotocolChoice(t *testing.T) {
	rec := newRecorder()
	s := startServer(t, ContextCreationInfo{Protocols: twoProtocols(rec)})
	cases := []struct {
		offered []string
		want    string // protocol bound, by its ESTABLISHED record
		header  string // Sec-WebSocket-Protocol in the 101
	}{
		{[]string{"b", "a"}, "b", "b"},    // the client's first known one
		{[]string{"nope", "a"}, "a", "a"}, // unknown names are skipped
		{nil, "http-only", ""},            // none offered: protocol 0, silently
		{[]string{"a", "b"}, "a", "a"},
	}
	for _, tc := range cases {
		ctx, cancel := context.WithTimeout(context.Background(), waitBound)
		c, resp, err := websocket.Dial(ctx, s.url, &websocket.DialOptions{Subprotocols: tc.offered})
		cancel()
		if err != nil {
			t.Fatalf("%v: %v", tc.offered, err)
		}
		if got := resp.Header.Get("Sec-WebSocket-Protocol"); got != tc.header {
			t.Errorf("%v: 101 carried protocol %q, want %q", tc.offered, got, tc.header)
		}
		n := count(rec.snapshot(), tc.want+" LWS_CALLBACK_ESTABLISHED")
		rec.waitFor(t, tc.want+" established", func(ev []string) bool {
			return count(ev, tc.want+" LWS_CALLBACK_ESTABLISHED") > n-1 && count(ev, tc.want+" LWS_CALLBACK_ESTABLISHED") >= 1
		})
		c.CloseNow()
	}
}

// rawUpgrade sends a handshake by hand and returns what the server said
// before closing, so that "no response" can be told apart from an error.
func rawUpgrade(t *testing.T, addr string, extra string) string {
	t.Helper()
	nc, err := net.DialTimeout("tcp", addr, waitBound)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	nc.SetDeadline(time.Now().Add(waitBound))
	fmt.Fprintf(nc, "GET / HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
		"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n%s\r\n", addr, extra)
	var sb strings.Builder
	r := bufio.NewReader(nc)
	for {
		line, err := r.ReadString('\n')
		sb.WriteString(line)
		if err != nil || line == "\r\n" {
			return sb.String()
		}
	}
}

func TestUnknownProtocolRejected(t *testing.T) {
	rec := newRecorder()
	logs := captureLogs(t, LogDefault)
	s := startServer(t, ContextCreationInfo{Protocols: twoProtocols(rec)})
	addr := strings.TrimPrefix(s.url, "ws://")
	if got := rawUpgrade(t, addr, "Sec-WebSocket-Protocol: x, y\r\n"); got != "" {
		t.Fatalf("unknown protocols got a response: %q", got)
	}
	logs.waitLine(t, "N", `No supported protocol "x, y"`)
	// As lws main: the connection was adopted as HTTP; refused before any
	// protocol was bound, it gets no close callback but WSI_DESTROY.
	ev := rec.waitEvent(t, "http-only LWS_CALLBACK_WSI_DESTROY")
	want := "http-only LWS_CALLBACK_FILTER_NETWORK_CONNECTION,http-only LWS_CALLBACK_WSI_CREATE," +
		"http-only LWS_CALLBACK_SERVER_NEW_CLIENT_INSTANTIATED,http-only LWS_CALLBACK_HTTP_CONFIRM_UPGRADE," +
		"http-only LWS_CALLBACK_WSI_DESTROY"
	if got := strings.Join(ev[3:], ","); got != want {
		t.Fatalf("callbacks:\n got %s\nwant %s", got, want)
	}
}

func TestFilterDeniesConnection(t *testing.T) {
	rec := newRecorder()
	logs := captureLogs(t, LogDefault)
	deny := handlers{CallbackFilterProtocolConnection: func(_ *Wsi, _ any, in any) int {
		rec.add("filter saw %q", in)
		return 1
	}}
	s := startServer(t, ContextCreationInfo{Protocols: []Protocol{recordingProtocol("p", rec, deny)}})
	addr := strings.TrimPrefix(s.url, "ws://")
	if got := rawUpgrade(t, addr, "Sec-WebSocket-Protocol: p\r\n"); got != "" {
		t.Fatalf("denied connection got a response: %q", got)
	}
	logs.waitLine(t, "W", "User code denied connection: protocol=p, peer=127.0.0.1")
	ev := rec.waitEvent(t, "p LWS_CALLBACK_WSI_DESTROY")
	if !contains(ev, `filter saw "p"`) || contains(ev, "p LWS_CALLBACK_ESTABLISHED") {
		t.Fatalf("events: %q", ev)
	}
}

func TestEstablishedFailure(t *testing.T) {
	rec := newRecorder()
	logs := captureLogs(t, LogDefault)
	fail := handlers{CallbackEstablished: func(w *Wsi, _ any, _ any) int {
		w.Write([]byte("never sent? no: written before the close"), WriteText)
		return -1
	}}
	s := startServer(t, ContextCreationInfo{Protocols: []Protocol{recordingProtocol("p", rec, fail)}})
	c := dial(t, s.url, "p")
	ctx, cancel := context.WithTimeout(context.Background(), waitBound)
	defer cancel()
	// What ESTABLISHED queued is flushed before the socket closes, as lws
	// flushes buffered output before a close.
	if _, b, err := c.Read(ctx); err != nil || !strings.HasPrefix(string(b), "never sent") {
		t.Fatalf("first read: %q %v", b, err)
	}
	if _, _, err := c.Read(ctx); websocket.CloseStatus(err) != -1 {
		t.Fatalf("want a drop without close frame, got %v", err)
	}
	logs.waitLine(t, "N", "lws_process_ws_upgrade2: user ESTABLISHED failed connection")
	ev := rec.waitEvent(t, "p LWS_CALLBACK_WSI_DESTROY")
	tail := strings.Join(ev[len(ev)-3:], ",")
	if tail != "p LWS_CALLBACK_WS_SERVER_DROP_PROTOCOL,p LWS_CALLBACK_CLOSED,p LWS_CALLBACK_WSI_DESTROY" {
		t.Fatalf("close order after failed ESTABLISHED: %q", ev)
	}
}

// Without Sec-WebSocket-Key lws answers nothing and closes, after the
// filter ran, logging NOTICE "hs0405 has failed the connection".
func TestUpgradeWithoutKey(t *testing.T) {
	rec := newRecorder()
	logs := captureLogs(t, LogDefault)
	s := startServer(t, ContextCreationInfo{Protocols: []Protocol{recordingProtocol("p", rec, nil)}})
	addr := strings.TrimPrefix(s.url, "ws://")
	nc, err := net.DialTimeout("tcp", addr, waitBound)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	nc.SetDeadline(time.Now().Add(waitBound))
	fmt.Fprintf(nc, "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n")
	line, _ := bufio.NewReader(nc).ReadString('\n')
	if line != "" {
		t.Fatalf("missing key: got %q, want no response", line)
	}
	logs.waitLine(t, "N", "hs0405 has failed the connection")
	ev := rec.waitEvent(t, "p LWS_CALLBACK_WSI_DESTROY")
	if contains(ev, "p LWS_CALLBACK_ESTABLISHED") {
		t.Fatalf("bad handshake reached ESTABLISHED: %q", ev)
	}
}

// The request's headers and URL arguments are there until ESTABLISHED
// returns, as lws keeps its header table that long.
func TestRequestHeadersAndURLArgs(t *testing.T) {
	rec := newRecorder()
	look := func(w *Wsi, _ any, _ any) int {
		v, ok := w.URLArg("mirror=")
		rec.add("ua=%s uri=%s mirror=%s/%v", w.Header("User-Agent"), w.URI(), v, ok)
		return 0
	}
	h := handlers{
		CallbackFilterProtocolConnection: look,
		CallbackEstablished:              look,
		CallbackReceive:                  look,
	}
	s := startServer(t, ContextCreationInfo{Protocols: []Protocol{recordingProtocol("p", rec, h)}})
	ctx, cancel := context.WithTimeout(context.Background(), waitBound)
	defer cancel()
	c, _, err := websocket.Dial(ctx, s.url+"/some/path?mirror=a%20b&x=1", &websocket.DialOptions{
		Subprotocols: []string{"p"}, HTTPHeader: map[string][]string{"User-Agent": {"probe/1"}}})
	if err != nil {
		t.Fatal(err)
	}
	writeText(t, c, "x")
	// RECEIVE's own look, which the recorder notes after the reason: the
	// request must be gone by then.
	ev := rec.waitFor(t, "RECEIVE's look", func(ev []string) bool {
		return len(ev) > 0 && strings.HasPrefix(ev[len(ev)-1], "ua=") && contains(ev, `p LWS_CALLBACK_RECEIVE "x"`)
	})
	if n := count(ev, "ua=probe/1 uri=/some/path mirror=a b/true"); n != 2 {
		t.Errorf("filter and established saw the request %d times: %q", n, ev)
	}
	if ev[len(ev)-1] != "ua= uri= mirror=/false" {
		t.Errorf("the request outlived ESTABLISHED: %q", ev)
	}
	c.CloseNow()
}
