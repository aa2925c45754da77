package reliability

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/golws/golws/lws"
)

// execBound bounds one fuzz exec's wait for an answer. A server that
// neither answers nor closes within it is a failure. It leaves a loaded
// machine room, and stays well under net/http's ReadHeaderTimeout (10 s),
// whose close would pass for an answer to a request the server sat on.
const execBound = 5 * time.Second

// The fuzz server: one echo server (with a mount) per process, started on
// first use and destroyed by TestMain after every test ran, so that an
// exec costs a connection, not a context. The sentinel is a WebSocket
// connection kept open across execs: an echo on it after each exec proves
// the service loop and the other connections survived.
var shared struct {
	once     sync.Once
	es       *echoServer
	sentinel *rawConn
	err      error
	n        int
}

func sharedServer(t *testing.T) (*echoServer, *rawConn) {
	t.Helper()
	shared.once.Do(func() {
		shared.es, shared.err = launchEcho(lws.ContextCreationInfo{
			Mounts: &lws.HTTPMount{Mountpoint: "/", FS: fstest.MapFS{
				"index.html": {Data: []byte("<html>golws</html>")},
			}, Def: "index.html", OriginProtocol: lws.MountProtoFile},
			Options: lws.ServerOptionHTTPHeadersSecurityBestPracticesEnforce,
		})
		if shared.err == nil {
			shared.sentinel, shared.err = handshake(shared.es.addr, echoName, time.Hour)
		}
	})
	if shared.err != nil {
		t.Fatalf("fuzz server: %v", shared.err)
	}
	return shared.es, shared.sentinel
}

// stopSharedServer destroys the fuzz server, if one was started.
func stopSharedServer() {
	if shared.es == nil {
		return
	}
	if shared.sentinel != nil {
		shared.sentinel.nc.Close()
	}
	if _, _, err := shared.es.interrupt(); err != nil {
		fmt.Fprintln(os.Stderr, "fuzz server:", err)
	}
}

// alive sends one message on the sentinel and wants it back.
func alive(t *testing.T, c *rawConn) {
	t.Helper()
	shared.n++
	msg := fmt.Sprintf("sentinel %d", shared.n)
	c.nc.SetDeadline(time.Now().Add(execBound))
	if err := c.writeMsg(opText, []byte(msg)); err != nil {
		t.Fatalf("server not alive: sentinel write: %v", err)
	}
	f, err := c.readMsg()
	if err != nil || string(f.payload) != msg {
		t.Fatalf("server not alive: sentinel echo: %q %v", f.payload, err)
	}
}

// noCRLF keeps a fuzzed value on its header line. Request framing (line
// breaks, and the body headers below) is net/http's business, and a
// request that announces a body it does not send may rightly wait for it.
func noCRLF(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' {
			return -1
		}
		return r
	}, s)
}

var framingHeaders = map[string]bool{"content-length": true, "transfer-encoding": true, "expect": true, "host": true}

// fuzzRequest assembles the upgrade request; an empty value leaves its
// header out.
func fuzzRequest(method, path, upgrade, connection, key, version, protocol, extraName, extraValue string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\n", noCRLF(method), noCRLF(path))
	for _, h := range [][2]string{
		{"Upgrade", upgrade}, {"Connection", connection}, {"Sec-WebSocket-Key", key},
		{"Sec-WebSocket-Version", version}, {"Sec-WebSocket-Protocol", protocol},
	} {
		if h[1] != "" {
			fmt.Fprintf(&b, "%s: %s\r\n", h[0], noCRLF(h[1]))
		}
	}
	name := noCRLF(extraName)
	if name != "" && !strings.Contains(name, ":") && !framingHeaders[strings.ToLower(strings.TrimSpace(name))] {
		fmt.Fprintf(&b, "%s: %s\r\n", name, noCRLF(extraValue))
	}
	b.WriteString("\r\n")
	return b.String()
}

// knownOffered is the protocol golws must bind: the first offered name the
// vhost has ("http" is protocol 0, "echo" protocol 1), "" if none is
// known; offered reports whether any name was offered at all.
func knownOffered(headerValues []string) (known string, offered bool) {
	for _, v := range headerValues {
		for _, name := range strings.Split(v, ",") {
			name = strings.TrimSpace(name)
			if name == "" {
				continue
			}
			offered = true
			if known == "" && (name == "http" || name == echoName) {
				known = name
			}
		}
	}
	return known, offered
}

// FuzzHandshake sends a fuzzed upgrade request (method, path, the
// upgrade headers and one more header) to a running golws context and
// checks that the server answers within execBound or closes cleanly, never
// panics or hangs, that a 101 is a correct one (Sec-WebSocket-Accept for
// the key, the subprotocol lws's rule picks), and that the server is still
// serving its other connections afterwards.
func FuzzHandshake(f *testing.F) {
	// The seeds are in testdata/fuzz/FuzzHandshake; one more here keeps
	// the valid handshake in the corpus even if the files go.
	f.Add("GET", "/", "websocket", "Upgrade", sampleKey, "13", "echo", "Origin", "http://127.0.0.1")
	f.Fuzz(func(t *testing.T, method, path, upgrade, connection, key, version, protocol, extraName, extraValue string) {
		es, sentinel := sharedServer(t)
		req := fuzzRequest(method, path, upgrade, connection, key, version, protocol, extraName, extraValue)
		c, err := dialRaw(es.addr, execBound)
		if err != nil {
			t.Fatal(err)
		}
		defer c.nc.Close()
		// The server may answer and close before it has read all of a
		// request it refuses: a write error is not a failure by itself.
		_ = c.send(req)
		// The head only: a body's length may not apply (HEAD).
		resp, err := http.ReadResponse(c.br, nil)
		switch {
		case err == nil:
			checkResponse(t, req, resp, key)
		case isTimeout(err):
			t.Fatalf("no answer and no close within %v to %q", execBound, req)
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.ECONNRESET):
			// A clean close without an answer: lws's way of refusing
			// an upgrade (unknown subprotocol).
		default:
			t.Fatalf("unreadable answer to %q: %v", req, err)
		}
		alive(t, sentinel)
	})
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

func checkResponse(t *testing.T, req string, resp *http.Response, key string) {
	t.Helper()
	if resp.ProtoMajor != 1 || resp.ProtoMinor != 1 {
		t.Fatalf("answer to %q is %s", req, resp.Proto)
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		if resp.StatusCode < 200 || resp.StatusCode > 599 {
			t.Fatalf("answer to %q: status %d", req, resp.StatusCode)
		}
		return
	}
	// A 101 must be right in every detail a client checks.
	if got, want := resp.Header.Get("Sec-WebSocket-Accept"), acceptFor(strings.TrimSpace(noCRLF(key))); got != want {
		t.Fatalf("101 to %q: Sec-WebSocket-Accept %q, want %q", req, got, want)
	}
	if !strings.EqualFold(resp.Header.Get("Upgrade"), "websocket") || !strings.EqualFold(resp.Header.Get("Connection"), "Upgrade") {
		t.Fatalf("101 to %q: Upgrade %q Connection %q", req, resp.Header.Get("Upgrade"), resp.Header.Get("Connection"))
	}
	r, err := http.ReadRequest(bufioReader(req))
	if err != nil {
		t.Fatalf("101 to a request Go cannot parse (%v): %q", err, req)
	}
	known, offered := knownOffered(r.Header.Values("Sec-WebSocket-Protocol"))
	got := resp.Header.Get("Sec-WebSocket-Protocol")
	switch {
	case offered && known == "":
		t.Fatalf("101 although no offered protocol is known: %q", req)
	case !offered && got != "":
		t.Fatalf("101 names protocol %q that was not offered: %q", got, req)
	case offered && !strings.EqualFold(got, known):
		t.Fatalf("101 names protocol %q, lws's rule picks %q: %q", got, known, req)
	}
}
