package main

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
	"github.com/golws/golws/minimal-examples/test-apps/internal/peers"
)

// openFor is how long a connection must stay open after the answer to
// count as kept open. A server that closes does so at once, but a loaded
// machine may take its time; openFor leaves it room and stays under the
// servers' 5 s timeouts, so that closing only when one fires still
// counts as keeping the connection open.
const openFor = 2 * time.Second

// handshakeOutcome is what a client sees of a server's answer to one
// upgrade request.
type handshakeOutcome struct {
	Status   string // the status line's code and text; "" if no answer
	Protocol string // Sec-WebSocket-Protocol of the answer
	Closed   bool   // the server closed the connection
}

// rawUpgrade sends an upgrade request with the given extra header lines
// over plain TCP and reports what comes back.
func rawUpgrade(t *testing.T, port int, headers string) handshakeOutcome {
	t.Helper()
	c, err := net.DialTimeout("tcp", peers.Addr(port), exampletest.WaitBound)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	req := "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
		headers + "Sec-WebSocket-Version: 13\r\n\r\n"
	if _, err := io.WriteString(c, req); err != nil {
		t.Fatal(err)
	}

	var out handshakeOutcome
	_ = c.SetReadDeadline(time.Now().Add(exampletest.WaitBound))
	br := bufio.NewReader(c)
	if resp, err := http.ReadResponse(br, nil); err == nil {
		out.Status = resp.Status
		out.Protocol = resp.Header.Get("Sec-WebSocket-Protocol")
	}
	// Whatever follows (frames, a body) is read until the server closes
	// or openFor passes: then the connection counts as kept open.
	_ = c.SetReadDeadline(time.Now().Add(openFor))
	_, err = io.Copy(io.Discard, br)
	var ne net.Error
	out.Closed = !(errors.As(err, &ne) && ne.Timeout())
	return out
}

// The same upgrade requests get the same answers from our server and from
// Debian's C one: the status, the subprotocol chosen, whether the server
// closed the connection.
func TestHandshakeEdgeCases(t *testing.T) {
	peers.Require(t)
	goSrv := startGoServer(t)
	cSrv := peers.StartCServer(t)
	const key = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"

	cases := []struct {
		name, headers string
		want          handshakeOutcome // what lws 4.1.6 answers
	}{
		{"no protocol", key,
			handshakeOutcome{Status: "101 Switching Protocols"}},
		{"unknown protocol", key + "Sec-WebSocket-Protocol: no-such-protocol\r\n",
			handshakeOutcome{Closed: true}},
		{"two known protocols", key + "Sec-WebSocket-Protocol: lws-mirror-protocol, dumb-increment-protocol\r\n",
			handshakeOutcome{Status: "101 Switching Protocols", Protocol: "lws-mirror-protocol"}},
		{"unknown then known", key + "Sec-WebSocket-Protocol: no-such-protocol, dumb-increment-protocol\r\n",
			handshakeOutcome{Status: "101 Switching Protocols", Protocol: "dumb-increment-protocol"}},
		{"no key", "Sec-WebSocket-Protocol: dumb-increment-protocol\r\n",
			handshakeOutcome{Closed: true}},
	}
	// The group returns once its parallel cases are done.
	t.Run("cases", func(t *testing.T) {
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				t.Parallel()
				c := rawUpgrade(t, cSrv.Port, tc.headers)
				g := rawUpgrade(t, goSrv.Port, tc.headers)
				if c != tc.want {
					t.Errorf("the C server answered %+v, the test expects %+v", c, tc.want)
				}
				if g != c {
					t.Errorf("ours %+v, C %+v", g, c)
				}
			})
		}
	})
	if n := goSrv.Log.Count(`No supported protocol "no-such-protocol"`); n != 1 {
		t.Errorf("our server logged the unknown protocol %d times:\n%s", n, goSrv.Log)
	}
}
