package minimalthreadpool

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

const csp = "default-src 'none'; img-src 'self' data: ; script-src 'self'; font-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none';form-action 'self';"

// The page as the C build serves it: status codes, the security headers
// on every answer, no-store and an etag on 200s, 304 on If-None-Match.
func TestHTTP(t *testing.T) {
	e := startExample(t, time.Millisecond)
	get := func(path string, hdr ...string) *http.Response {
		resp, _ := exampletest.Get(t, "http://"+e.Host+path, hdr...)
		return resp
	}
	for path, want := range map[string]struct {
		status int
		ctype  string
	}{
		"/":               {200, "text/html"},
		"/index.html":     {200, "text/html"},
		"/example.js":     {200, "text/javascript"},
		"/style.css":      {200, "text/css"},
		"/favicon.svg":    {200, "image/svg+xml"},
		"/missing.html":   {404, "text/html"},
		"/../main.go":     {404, "text/html"},
		"/%2e%2e/main.go": {404, "text/html"},
	} {
		r := get(path)
		if r.StatusCode != want.status || r.Header.Get("Content-Type") != want.ctype {
			t.Errorf("GET %s: %d %q, want %d %q", path, r.StatusCode, r.Header.Get("Content-Type"), want.status, want.ctype)
		}
		if r.Header.Get("Content-Security-Policy") != csp || r.Header.Get("X-Frame-Options") != "deny" ||
			r.Header.Get("Referrer-Policy") != "no-referrer" || r.Header.Get("X-Content-Type-Options") != "nosniff" ||
			r.Header.Get("X-Xss-Protection") != "1; mode=block" {
			t.Errorf("GET %s: security headers %v", path, r.Header)
		}
		if want.status == 200 && (r.Header.Get("Cache-Control") != "no-store" || r.Header.Get("Etag") == "") {
			t.Errorf("GET %s: cache headers %v", path, r.Header)
		}
	}
	etag := get("/").Header.Get("Etag")
	if r := get("/", "If-None-Match", etag); r.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match: %d", r.StatusCode)
	}
}

// The subprotocol rules: none offered binds protocol 0 ("http") silently;
// only unknown names get no answer and a NOTICE.
func TestSubprotocolRules(t *testing.T) {
	e := startExample(t, time.Millisecond)
	addr := e.Host
	upgrade := func(protocols string) string {
		nc, err := net.DialTimeout("tcp", addr, waitBound)
		if err != nil {
			t.Fatal(err)
		}
		defer nc.Close()
		nc.SetDeadline(time.Now().Add(waitBound))
		extra := ""
		if protocols != "" {
			extra = "Sec-WebSocket-Protocol: " + protocols + "\r\n"
		}
		fmt.Fprintf(nc, "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
			"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n%s\r\n", extra)
		line, _ := bufio.NewReader(nc).ReadString('\n')
		return line
	}
	if got := upgrade(""); !strings.HasPrefix(got, "HTTP/1.1 101") {
		t.Errorf("no protocol offered: %q", got)
	}
	if got := upgrade("nope"); got != "" {
		t.Errorf("unknown protocol answered %q", got)
	}
	e.waitFor("the NOTICE", func() bool { return e.hasLine("N", `No supported protocol "nope"`) })
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.enqueued != 0 {
		t.Errorf("%d tasks for connections that are not lws-minimal", e.enqueued)
	}
}
