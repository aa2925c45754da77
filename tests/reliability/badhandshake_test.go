package reliability

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/golws/golws/lws"
)

// outcome is how a server answered a raw request: "101", "400" ... or
// "closed" (no response, the connection closed).
func outcome(resp *http.Response, err error) string {
	switch {
	case err == nil:
		return fmt.Sprint(resp.StatusCode)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.ECONNRESET):
		return "closed"
	}
	return "error: " + err.Error()
}

// rawExchange sends req on a fresh connection, reads the answer and
// closes the connection.
func rawExchange(t *testing.T, addr, req string) (*http.Response, string) {
	t.Helper()
	c := rawDial(t, addr, waitBound)
	defer c.nc.Close()
	// A server refusing early may close before it read everything.
	sent := make(chan struct{})
	go func() {
		defer close(sent)
		c.send(req)
	}()
	resp, err := c.response()
	c.nc.Close()
	<-sent
	return resp, outcome(resp, err)
}

func upgradeWith(lines ...string) string {
	return "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + strings.Join(lines, "\r\n") + "\r\n\r\n"
}

const (
	hUpgrade = "Upgrade: websocket"
	hConn    = "Connection: Upgrade"
	hVersion = "Sec-WebSocket-Version: 13"
	hKey     = "Sec-WebSocket-Key: " + sampleKey
	hProto   = "Sec-WebSocket-Protocol: " + echoName
)

// TestBadUpgradeRequests: malformed, incomplete and refused upgrade
// requests each get a clear answer, the one lws gives where golws follows
// it (a silent close for a missing key or an unknown subprotocol; any
// version treated as 13, with a NOTICE) and net/http's or coder/websocket's
// HTTP error otherwise. None reaches ESTABLISHED unless it got its 101,
// and the server serves a normal client after each.
func TestBadUpgradeRequests(t *testing.T) {
	noLeaks(t)
	es := startEcho(t, newEvents(), lws.ContextCreationInfo{})
	// A request net/http cannot parse gets no answer: lws answers its
	// parser's failures with nothing.
	cases := []struct {
		name, req, want string
		notice          string // a log line that must appear
		accept          bool   // answered by coder/websocket's Accept (see bugKilledErrorAnswer)
	}{
		{name: "garbage", req: "\x00\x01\x02 garbage \xff\r\n\r\n", want: "closed"},
		{name: "not HTTP at all", req: "SSH-2.0-OpenSSH_9.6\r\n\r\n", want: "closed"},
		// lws drops an upgrade without a key without a word.
		{name: "missing key", req: upgradeWith(hUpgrade, hConn, hVersion, hProto), want: "closed", notice: "hs0405 has failed the connection"},
		{name: "empty key", req: upgradeWith(hUpgrade, hConn, hVersion, "Sec-WebSocket-Key:", hProto), want: "closed"},
		// A key that is not 16 bytes of base64: coder/websocket refuses it.
		{name: "key not base64", req: upgradeWith(hUpgrade, hConn, hVersion, "Sec-WebSocket-Key: not a key!", hProto), want: "400", accept: true},
		{name: "key of 15 bytes", req: upgradeWith(hUpgrade, hConn, hVersion, "Sec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAA", hProto), want: "400", accept: true},
		{name: "two keys", req: upgradeWith(hUpgrade, hConn, hVersion, hKey, hKey, hProto), want: "400", accept: true},
		// lws logs an unknown version and goes on as 13.
		{name: "version 8", req: upgradeWith(hUpgrade, hConn, "Sec-WebSocket-Version: 8", hKey, hProto), want: "101", notice: "Unknown client spec version 8"},
		{name: "no version", req: upgradeWith(hUpgrade, hConn, hKey, hProto), want: "101", notice: "Unknown client spec version 0"},
		{name: "version garbage", req: upgradeWith(hUpgrade, hConn, "Sec-WebSocket-Version: 13, 8, x", hKey, hProto), want: "101"},
		{name: "POST", req: strings.Replace(upgradeWith(hUpgrade, hConn, hVersion, hKey, hProto), "GET", "POST", 1), want: "405", accept: true},
		{name: "HTTP/1.0", req: strings.Replace(upgradeWith(hUpgrade, hConn, hVersion, hKey, hProto), "HTTP/1.1", "HTTP/1.0", 1), want: "426", accept: true},
		{name: "no Host", req: strings.Replace(upgradeWith(hUpgrade, hConn, hVersion, hKey, hProto), "Host: 127.0.0.1\r\n", "", 1), want: "closed"},
		{name: "header line without colon", req: upgradeWith(hUpgrade, hConn, hVersion, hKey, "NoColonHere"), want: "closed"},
		// Past MaxHTTPHeaderData: lws drops it without an answer.
		{name: "header of 2 MiB", req: upgradeWith(hUpgrade, hConn, hVersion, hKey, "X-Big: "+strings.Repeat("x", 2<<20)), want: "closed"},
		// lws answers an upgrade to protocols it does not have with
		// nothing at all.
		{name: "unknown subprotocol", req: upgradeWith(hUpgrade, hConn, hVersion, hKey, "Sec-WebSocket-Protocol: nope, nada"), want: "closed", notice: `No supported protocol "nope, nada"`},
		// Without "Upgrade: websocket" it is plain HTTP (no mount: 404).
		{name: "no Upgrade header", req: upgradeWith(hConn, hVersion, hKey, hProto), want: "404"},
		// Positive control: token lists and case are fine.
		{name: "Connection token list", req: upgradeWith("Upgrade: WebSocket", "Connection: keep-alive, Upgrade", hVersion, hKey, hProto), want: "101"},
	}
	established := es.established.Load()
	var killed []string
	for _, tc := range cases {
		_, got := rawExchange(t, es.addr, tc.req)
		switch {
		case got == "closed" && tc.accept:
			killed = append(killed, tc.name)
		case got != tc.want:
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
		if tc.notice != "" && logSink.count(tc.notice) == 0 {
			t.Errorf("%s: no log line %q", tc.name, tc.notice)
		}
		if got == "101" {
			established++
			es.ev.waitEvent(t, fmt.Sprintf("est %d", es.nextID.Load()))
		}
		es.roundTrip(t, fmt.Sprintf("after %s", tc.name))
		established++
		if n := es.established.Load(); n != established {
			t.Errorf("%s: %d connections reached ESTABLISHED, want %d", tc.name, n, established)
			established = n
		}
	}
	es.checkPairs(t)
	if len(killed) > 0 {
		t.Errorf("no answer at all, instead of coder/websocket's HTTP error, to: %s", strings.Join(killed, "; "))
	}
}

// TestIncompleteRequests: requests cut short, by a half-close or by the
// client going away, and clients that connect and send nothing.
func TestIncompleteRequests(t *testing.T) {
	noLeaks(t)
	es := startEcho(t, newEvents(), lws.ContextCreationInfo{})
	full := upgradeWith(hUpgrade, hConn, hVersion, hKey, hProto)
	for _, cut := range []int{1, 5, 17, 40, len(full) - 3, len(full) - 1} {
		// Half-closed after part of the request: Go's server answers
		// 400 to what it cannot parse, or closes.
		c := rawDial(t, es.addr, waitBound)
		c.send(full[:cut])
		c.nc.(interface{ CloseWrite() error }).CloseWrite()
		resp, err := c.response()
		if got := outcome(resp, err); got != "400" && got != "closed" {
			t.Errorf("request cut at %d, then half-closed: %s", cut, got)
		}
		c.nc.Close()
		// Gone after part of the request.
		c = rawDial(t, es.addr, waitBound)
		c.send(full[:cut])
		c.nc.Close()
	}
	// Connected, silent, gone.
	for i := 0; i < 5; i++ {
		rawDial(t, es.addr, waitBound).nc.Close()
	}
	// Gone right after a complete upgrade request, before reading the 101.
	for i := 0; i < 5; i++ {
		c := rawDial(t, es.addr, waitBound)
		c.send(full)
		c.nc.Close()
	}
	es.roundTrip(t, "after the incomplete requests")
	es.checkPairs(t)
}

// settleBound is how long a quiet server may take to deliver the last
// callbacks of connections already gone. Nothing signals "no more
// callbacks will come", so this is polled; the poll ends as soon as the
// counts pair up, and a loaded machine may take a while.
const settleBound = waitBound

// checkPairs checks, once the server has settled, that every connection
// bound to the echo protocol got CLOSED (as in lws, one refused after the
// bind too, without ESTABLISHED) and every WSI_CREATE its WSI_DESTROY.
func (es *echoServer) checkPairs(t *testing.T) {
	t.Helper()
	pollUntil(settleBound, 5*time.Millisecond, func() bool {
		return es.creates.Load() == es.destroys.Load() && es.closed.Load() == es.bound.Load()
	})
	creates, destroys := es.creates.Load(), es.destroys.Load()
	if bound, closed := es.bound.Load(), es.closed.Load(); bound != closed {
		t.Errorf("%d connections bound to echo, %d CLOSED", bound, closed)
	}
	if est, closed := es.established.Load(), es.closed.Load(); est > closed {
		t.Errorf("%d connections reached ESTABLISHED, only %d CLOSED", est, closed)
	}
	if creates < destroys {
		t.Errorf("WSI_CREATE %d, WSI_DESTROY %d", creates, destroys)
	}
	if creates > destroys {
		t.Errorf("%d WSI_CREATE, %d WSI_DESTROY: %d connections the client dropped during the handshake got WSI_CREATE and FILTER_PROTOCOL_CONNECTION but never WSI_DESTROY",
			creates, destroys, creates-destroys)
	}
}
