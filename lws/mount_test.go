package lws

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// The expectations in these tests are lws main's answers and callback
// sequences, taken from the C build (a tracing server with the same mounts,
// driven with the same requests); where golws departs from them on purpose
// the test says so, and why.

// mntConn is a raw client connection: exact answers, and the connection
// itself, to see whether the server keeps it or closes it.
type mntConn struct {
	t  *testing.T
	c  net.Conn
	br *bufio.Reader
}

func mntDial(t *testing.T, s *server) *mntConn {
	t.Helper()
	r := dialHTTP(t, s)
	return &mntConn{t: t, c: r.nc, br: r.br}
}

// mntAnswer is one response as it came.
type mntAnswer struct {
	code int
	hdr  http.Header
	body string
	te   []string // transfer-encoding, which net/http takes out of hdr
}

// do sends the raw request (the request line, the headers, the blank line
// and any body) and reads its answer.
func (m *mntConn) do(raw string) mntAnswer {
	m.t.Helper()
	_ = m.c.SetDeadline(time.Now().Add(waitBound))
	if _, err := io.WriteString(m.c, raw); err != nil {
		m.t.Fatalf("write %q: %v", raw, err)
	}
	method, _, _ := strings.Cut(raw, " ")
	resp, err := http.ReadResponse(m.br, &http.Request{Method: method})
	if err != nil {
		m.t.Fatalf("%q: no answer: %v", strings.SplitN(raw, "\r\n", 2)[0], err)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		m.t.Fatalf("%q: body: %v", strings.SplitN(raw, "\r\n", 2)[0], err)
	}
	return mntAnswer{code: resp.StatusCode, hdr: resp.Header, body: string(body), te: resp.TransferEncoding}
}

// get is a GET of path with extra header lines ("Name: value").
func (m *mntConn) get(path string, hdr ...string) mntAnswer {
	m.t.Helper()
	return m.do(mntReq("GET", path, hdr...))
}

func mntReq(method, path string, hdr ...string) string {
	return method + " " + path + " HTTP/1.1\r\nHost: x\r\n" + strings.Join(append(hdr, ""), "\r\n") + "\r\n"
}

// closed reports whether the server closed the connection: it waits for
// the end of the stream, which a kept connection never gives.
func (m *mntConn) closed() bool {
	_ = m.c.SetReadDeadline(time.Now().Add(waitBound))
	_, err := m.br.ReadByte()
	return err == io.EOF
}

// wantHeaders checks that hdr is exactly want: no header missing, none
// more, each with one value.
func wantHeaders(t *testing.T, what string, hdr http.Header, want map[string]string) {
	t.Helper()
	for k, v := range want {
		if got := hdr.Values(k); len(got) != 1 || got[0] != v {
			t.Errorf("%s: %s = %q, want %q", what, k, got, v)
		}
	}
	for k := range hdr {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: unexpected header %s: %q", what, k, hdr[k])
		}
	}
}

// with is want plus more.
func with(want map[string]string, more ...string) map[string]string {
	m := map[string]string{}
	for k, v := range want {
		m[k] = v
	}
	for i := 0; i+1 < len(more); i += 2 {
		m[more[i]] = more[i+1]
	}
	return m
}

// mntSecurity is what LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE adds.
var mntSecurity = map[string]string{
	"Content-Security-Policy": "default-src 'none'; img-src 'self' data: ; script-src 'self'; font-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none';form-action 'self';",
	"X-Content-Type-Options":  "nosniff",
	"X-Xss-Protection":        "1; mode=block",
	"X-Frame-Options":         "deny",
	"Referrer-Policy":         "no-referrer",
}

// mntPage is lws_return_http_status' page.
func mntPage(code int) string {
	return fmt.Sprintf(`<html><head><meta charset=utf-8 http-equiv="Content-Language" content="en"/><link rel="stylesheet" type="text/css" href="/error.css"/></head><body><h1>%d</h1></body></html>`, code)
}

// mntTraced are the reasons the traces compare: the HTTP ones.
var mntTraced = map[CallbackReason]bool{
	CallbackFilterHTTPConnection: true, CallbackHTTPBindProtocol: true, CallbackHTTPDropProtocol: true,
	CallbackCheckAccessRights: true, CallbackVerifyBasicAuthorization: true, CallbackHTTP: true,
	CallbackAddHeaders: true, CallbackProcessHTML: true, CallbackHTTPFileCompletion: true,
	CallbackHTTPWriteable: true, CallbackClosedHTTP: true, CallbackHTTPBody: true,
	CallbackHTTPBodyCompletion: true,
}

// mntProtocol records the HTTP reasons it gets, with what in says, and
// answers as the tracing C server does: h first, then "dyn" writes
// "hello", everything else lws_callback_http_dummy.
func mntProtocol(name string, rec *recorder, h handlers) Protocol {
	return Protocol{
		Name:           name,
		PerSessionData: func() any { return new(int) },
		Callback: func(w *Wsi, reason CallbackReason, user, in any, n int) int {
			if mntTraced[reason] {
				ev := name + " " + strings.TrimPrefix(reason.String(), "LWS_CALLBACK_")
				switch v := in.(type) {
				case string:
					ev += fmt.Sprintf(" %q %d", v, n)
				case *ProcessHTMLArgs:
					if reason == CallbackCheckAccessRights {
						ev += fmt.Sprintf(" %q %d", v.P, v.Len)
					}
				}
				rec.add("%s", ev)
			}
			if f := h[reason]; f != nil {
				return f(w, user, in)
			}
			if name == "dyn" {
				switch reason {
				case CallbackHTTP:
					return mntHello(w)
				case CallbackHTTPWriteable:
					if w.Write([]byte("hello"), WriteHTTPFinal) != 5 || w.TransactionCompleted() != 0 {
						return -1
					}
					return 0
				}
			}
			return CallbackHTTPDummy(w, reason, user, in, n)
		},
	}
}

// mntHello answers "hello" in text/plain: the head now, the body on
// HTTP_WRITEABLE.
func mntHello(w *Wsi) int {
	if writeHead(w, HTTPStatusOK, "text/plain", 5) != 0 {
		return 1
	}
	w.CallbackOnWritable()
	return 0
}

// trace closes the client side of m and returns every traced callback of
// the connection, once it is closed.
func (m *mntConn) trace(rec *recorder) []string {
	m.t.Helper()
	m.c.Close()
	return rec.waitFor(m.t, "CLOSED_HTTP", func(ev []string) bool {
		return slices.ContainsFunc(ev, func(e string) bool { return strings.HasSuffix(e, " CLOSED_HTTP") })
	})
}

func wantTrace(t *testing.T, got []string, want ...string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("callbacks:\n got %q\nwant %q", got, want)
	}
}

// mntFiles is the content of the tracing C server's origin.
func mntFiles() fstest.MapFS {
	return fstest.MapFS{
		"index.html":     {Data: []byte("<html><body>hello $name index</body></html>\n")},
		"404.html":       {Data: []byte("<html><body>custom 404</body></html>\n")},
		"a.unknown":      {Data: []byte("unknown type")},
		"a.zz":           {Data: []byte("zz type")},
		"test.tar.bz2":   {Data: []byte("BZh91AY&SY")},
		"sub/index.html": {Data: []byte("sub index")},
	}
}

func fileMount(mp string, next *HTTPMount, fsys fstest.MapFS) *HTTPMount {
	return &HTTPMount{MountNext: next, Mountpoint: mp, FS: fsys, Def: "index.html", OriginProtocol: MountProtoFile}
}

// loginFile writes a basic auth login file as lws reads them.
func loginFile(t *testing.T, lines string) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "ba-passwords")
	if err := os.WriteFile(f, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	return f
}

const (
	authGood = "Authorization: Basic dXNlcjpwYXNzd29yZA==" // user:password
	authBad  = "Authorization: Basic dXNlcjpwYXNzd29yeA==" // user:passworx
)

// As minimal-http-server-basicauth: a second mount protected by a login
// file. lws answers 401 with a basic challenge and no body, keeps the
// connection, and checks before anything else of the mount happens.
func TestMountBasicAuthLoginFile(t *testing.T) {
	rec := newRecorder()
	files := mntFiles()
	secret := fileMount("/secret", nil, files)
	secret.BasicAuthLoginFile = loginFile(t, "user:password\nother:secret\n")
	s := startServer(t, ContextCreationInfo{
		Options:   ServerOptionHTTPHeadersSecurityBestPracticesEnforce,
		Protocols: []Protocol{mntProtocol("http", rec, nil)},
		Mounts:    fileMount("/", secret, files),
	})
	lc := captureLogs(t, LogErr|LogWarn|LogNotice)

	c := mntDial(t, s)
	unauthorised := with(mntSecurity, "Content-Length", "0", "Www-Authenticate", `Basic realm="lwsws"`)
	a := c.get("/secret/")
	if a.code != 401 || a.body != "" {
		t.Errorf("no credentials: %d %q", a.code, a.body)
	}
	wantHeaders(t, "401", a.hdr, unauthorised)
	// The same connection goes on: lws keeps it after a 401.
	if a = c.get("/secret/", authGood); a.code != 200 || a.body != string(files["index.html"].Data) {
		t.Errorf("good credentials: %d %q", a.code, a.body)
	}
	wantTrace(t, c.trace(rec),
		`http FILTER_HTTP_CONNECTION "/secret/" 8`,
		"http HTTP_BIND_PROTOCOL", // the 401 ended the transaction
		`http FILTER_HTTP_CONNECTION "/secret/" 8`,
		"http HTTP_FILE_COMPLETION",
		"http HTTP_DROP_PROTOCOL", "http HTTP_BIND_PROTOCOL",
		"http HTTP_DROP_PROTOCOL", "http CLOSED_HTTP")

	c = mntDial(t, s)
	if a = c.get("/secret/index.html", authBad); a.code != 401 {
		t.Errorf("wrong password: %d", a.code)
	}
	wantHeaders(t, "401 for a wrong password", a.hdr, unauthorised)
	lc.waitLine(t, "E", "lws_check_basic_auth: basic auth lookup failed")
	for _, h := range []string{
		"Authorization: Bearer abcdef",          // not basic
		"Authorization: Basic dXNlcnBhc3N3b3Jk", // no colon
		"Authorization: Basic !!!!",             // not base64
		"Authorization: Basic " + strings.Repeat("QUFB", 40),
	} {
		a = c.get("/secret/", h)
		if a.code != 403 || a.body != mntPage(403) {
			t.Errorf("%.40s: %d %q", h, a.code, a.body)
		}
		wantHeaders(t, "403", a.hdr, with(mntSecurity, "Content-Type", "text/html", "Content-Length", fmt.Sprint(len(mntPage(403)))))
	}
	// Two Authorization headers are refused, as lws refuses a
	// fragmented one.
	if a = c.get("/secret/", authGood, authGood); a.code != 401 {
		t.Errorf("two credentials: %d", a.code)
	}
	// The other mount asks for nothing.
	if a = c.get("/"); a.code != 200 {
		t.Errorf("unprotected mount: %d", a.code)
	}

	// HTTP/1.0 cannot keep the connection: the 401 ends it.
	c = mntDial(t, s)
	if a = c.do("GET /secret/ HTTP/1.0\r\n\r\n"); a.code != 401 || !c.closed() {
		t.Errorf("HTTP/1.0: %d, connection kept", a.code)
	}
}

// The mount's basic auth comes before its protocol is bound, for a callback
// mount as for a file mount.
func TestMountBasicAuthBeforeBind(t *testing.T) {
	rec := newRecorder()
	s := startServer(t, ContextCreationInfo{
		Protocols: []Protocol{mntProtocol("http", rec, nil), mntProtocol("dyn", rec, nil)},
		Mounts: &HTTPMount{Mountpoint: "/cbsecret", Protocol: "dyn", Origin: "dyn", OriginProtocol: MountProtoCallback,
			BasicAuthLoginFile: loginFile(t, "user:password")},
	})
	c := mntDial(t, s)
	if a := c.get("/cbsecret/x"); a.code != 401 {
		t.Errorf("no credentials: %d", a.code)
	}
	if a := c.get("/cbsecret/x", authGood); a.code != 200 || a.body != "hello" {
		t.Errorf("credentials: %d %q", a.code, a.body)
	}
	wantTrace(t, c.trace(rec),
		`http FILTER_HTTP_CONNECTION "/cbsecret/x" 11`,
		"http HTTP_BIND_PROTOCOL",
		`http FILTER_HTTP_CONNECTION "/cbsecret/x" 11`,
		"http HTTP_DROP_PROTOCOL", "dyn HTTP_BIND_PROTOCOL",
		`dyn CHECK_ACCESS_RIGHTS "/cbsecret/x" 11`,
		"dyn HTTP_DROP_PROTOCOL", "dyn HTTP_BIND_PROTOCOL",
		`dyn HTTP "/x" 2`,
		"dyn HTTP_WRITEABLE",
		"dyn HTTP_DROP_PROTOCOL", "http HTTP_BIND_PROTOCOL",
		"http HTTP_DROP_PROTOCOL", "http CLOSED_HTTP")
}

// With LWSAUTHM_BASIC_AUTH_CALLBACK the protocol bound when the request
// arrives (protocol 0) gets the credentials as "user:password" and lets
// them in by returning non-zero.
func TestMountVerifyBasicAuthorization(t *testing.T) {
	rec := newRecorder()
	verify := handlers{CallbackVerifyBasicAuthorization: func(w *Wsi, _ any, in any) int {
		switch in.(string) {
		case "user:password":
			return 1
		case "crash:me":
			panic("verifier fault")
		}
		return 0
	}}
	files := mntFiles()
	vsecret := fileMount("/vsecret", nil, files)
	vsecret.AuthMask = AuthModeBasicAuthCallback
	s := startServer(t, ContextCreationInfo{
		Protocols: []Protocol{mntProtocol("http", rec, verify), mntProtocol("dyn", rec, nil)},
		Mounts: &HTTPMount{MountNext: vsecret, Mountpoint: "/vcb", Origin: "dyn", OriginProtocol: MountProtoCallback,
			AuthMask: AuthModeBasicAuthCallback},
	})
	c := mntDial(t, s)
	if a := c.get("/vsecret/"); a.code != 401 {
		t.Errorf("no credentials: %d", a.code)
	}
	if a := c.get("/vsecret/", authBad); a.code != 401 {
		t.Errorf("refused: %d", a.code)
	}
	if a := c.get("/vsecret/", authGood); a.code != 200 {
		t.Errorf("accepted: %d", a.code)
	}
	wantTrace(t, c.trace(rec),
		`http FILTER_HTTP_CONNECTION "/vsecret/" 9`,
		"http HTTP_BIND_PROTOCOL",
		`http FILTER_HTTP_CONNECTION "/vsecret/" 9`,
		`http VERIFY_BASIC_AUTHORIZATION "user:passworx" 13`,
		"http HTTP_DROP_PROTOCOL", "http HTTP_BIND_PROTOCOL",
		`http FILTER_HTTP_CONNECTION "/vsecret/" 9`,
		`http VERIFY_BASIC_AUTHORIZATION "user:password" 13`,
		"http HTTP_FILE_COMPLETION",
		"http HTTP_DROP_PROTOCOL", "http HTTP_BIND_PROTOCOL",
		"http HTTP_DROP_PROTOCOL", "http CLOSED_HTTP")

	// A callback mount named by Origin alone: verified before its bind;
	// lws then hands it the whole URI, with no second bind.
	rec = newRecorder()
	s = startServer(t, ContextCreationInfo{
		Protocols: []Protocol{mntProtocol("http", rec, verify), mntProtocol("dyn", rec, nil)},
		Mounts: &HTTPMount{Mountpoint: "/vcb", Origin: "dyn", OriginProtocol: MountProtoCallback,
			AuthMask: AuthModeBasicAuthCallback},
	})
	c = mntDial(t, s)
	if a := c.get("/vcb/q", authBad); a.code != 401 {
		t.Errorf("refused: %d", a.code)
	}
	if a := c.get("/vcb/q", authGood); a.code != 200 || a.body != "hello" {
		t.Errorf("accepted: %d %q", a.code, a.body)
	}
	wantTrace(t, c.trace(rec),
		`http FILTER_HTTP_CONNECTION "/vcb/q" 6`,
		`http VERIFY_BASIC_AUTHORIZATION "user:passworx" 13`,
		"http HTTP_BIND_PROTOCOL",
		`http FILTER_HTTP_CONNECTION "/vcb/q" 6`,
		`http VERIFY_BASIC_AUTHORIZATION "user:password" 13`,
		"http HTTP_DROP_PROTOCOL", "dyn HTTP_BIND_PROTOCOL",
		`dyn CHECK_ACCESS_RIGHTS "/vcb/q" 6`,
		`dyn HTTP "/vcb/q" 6`,
		"dyn HTTP_WRITEABLE",
		"dyn HTTP_DROP_PROTOCOL", "http HTTP_BIND_PROTOCOL",
		"http HTTP_DROP_PROTOCOL", "http CLOSED_HTTP")

	// A verifier that panics lets nobody in (golws: a recovered panic
	// counts as -1, which here would mean yes).
	lc := captureLogs(t, LogErr)
	c = mntDial(t, s)
	if a := c.get("/vcb/q", "Authorization: Basic Y3Jhc2g6bWU="); a.code != 401 {
		t.Errorf("panicking verifier: %d", a.code)
	}
	lc.mu.Lock()
	defer lc.mu.Unlock()
	if !slices.ContainsFunc(lc.lines, func(l string) bool { return strings.Contains(l, "verifier fault") }) {
		t.Errorf("the panic was not logged: %q", lc.lines)
	}
}

// The cache_* fields of a mount make its files' cache-control, on the 200
// and on the 304.
func TestMountCacheControl(t *testing.T) {
	files := mntFiles()
	var mounts *HTTPMount
	add := func(mp string, f func(m *HTTPMount)) {
		mounts = fileMount(mp, mounts, files)
		f(mounts)
	}
	add("/cache", func(m *HTTPMount) { m.CacheMaxAge, m.CacheReusable = 3600, true })
	add("/cacherv", func(m *HTTPMount) { m.CacheMaxAge, m.CacheReusable, m.CacheRevalidate = 60, true, true })
	add("/cacheint", func(m *HTTPMount) { m.CacheMaxAge, m.CacheReusable, m.CacheIntermediaries = 60, true, true })
	add("/cacheno", func(m *HTTPMount) { m.CacheMaxAge, m.CacheReusable, m.CacheNo = 60, true, true })
	add("/cacheage", func(m *HTTPMount) { m.CacheMaxAge = 60 })
	add("/cachere", func(m *HTTPMount) { m.CacheReusable = true })
	s := startServer(t, ContextCreationInfo{Protocols: []Protocol{mntProtocol("http", newRecorder(), nil)}, Mounts: mounts})
	c := mntDial(t, s)
	for mp, want := range map[string]string{
		"/cache":    "private, max-age=3600",
		"/cacherv":  "must-revalidate, private, max-age=60",
		"/cacheint": "public, max-age=60",
		"/cacheno":  "no-cache",
		"/cacheage": "no-store", // an age without reusable
		"/cachere":  "no-store", // reusable without an age
	} {
		a := c.get(mp + "/")
		if a.code != 200 || a.hdr.Get("Cache-Control") != want {
			t.Errorf("%s: %d cache-control %q, want %q", mp, a.code, a.hdr.Get("Cache-Control"), want)
		}
		// The 304 says the same. (lws's 304 ignores cache_no and says
		// "private, max-age=60" for /cacheno, which makes the copy fresh
		// for a minute, the opposite of what the mount asks.)
		b := c.get(mp+"/", "If-None-Match: "+a.hdr.Get("Etag"))
		if b.code != 304 || b.hdr.Get("Cache-Control") != want {
			t.Errorf("%s 304: %d cache-control %q, want %q", mp, b.code, b.hdr.Get("Cache-Control"), want)
		}
		wantHeaders(t, mp+" 304", b.hdr, map[string]string{"Etag": a.hdr.Get("Etag"), "Cache-Control": want})
	}
}

// A mount's headers go on every answer of the mount's requests, merged with
// the vhost's as lws_add_http_header_status merges them.
func TestMountHeaders(t *testing.T) {
	rec := newRecorder()
	files := mntFiles()
	hdrs := fileMount("/hdrs", nil, files)
	hdrs.Headers = &ProtocolVhostOptions{Name: "referrer-policy:", Value: "origin",
		Next: &ProtocolVhostOptions{Name: "x-mount:", Value: "m",
			Next: &ProtocolVhostOptions{Name: "X-Both", Value: "mount"}}}
	secret := fileMount("/secret", hdrs, files)
	secret.Headers = &ProtocolVhostOptions{Name: "x-mount:", Value: "secret"}
	secret.BasicAuthLoginFile = loginFile(t, "user:password\n")
	s := startServer(t, ContextCreationInfo{
		Options:      ServerOptionHTTPHeadersSecurityBestPracticesEnforce,
		Headers:      &ProtocolVhostOptions{Name: "x-vh:", Value: "v", Next: &ProtocolVhostOptions{Name: "x-both:", Value: "vhost"}},
		ServerString: "golws-test",
		Protocols:    []Protocol{mntProtocol("http", rec, nil), mntProtocol("dyn", rec, nil)},
		Mounts: &HTTPMount{MountNext: fileMount("/", secret, files), Mountpoint: "/dyn", Protocol: "dyn",
			OriginProtocol: MountProtoCallback},
	})
	vhost := with(mntSecurity, "X-Vh", "v", "X-Both", "vhost", "Server", "golws-test")
	mount := with(vhost, "X-Both", "mount", "Referrer-Policy", "origin", "X-Mount", "m")
	file := func(set map[string]string, a mntAnswer) map[string]string {
		return with(set, "Content-Type", "text/html", "Content-Length", fmt.Sprint(len(a.body)),
			"Cache-Control", "no-store", "Etag", a.hdr.Get("Etag"))
	}
	c := mntDial(t, s)
	a := c.get("/hdrs/")
	wantHeaders(t, "mount's file", a.hdr, file(mount, a))
	b := c.get("/hdrs/", "If-None-Match: "+a.hdr.Get("Etag"))
	wantHeaders(t, "mount's 304", b.hdr, with(mount, "Cache-Control", "no-store", "Etag", a.hdr.Get("Etag")))
	// A file the mount does not have goes to protocol 0, whose 404 is
	// still the mount's answer.
	a = c.get("/hdrs/nope.html")
	wantHeaders(t, "mount's 404", a.hdr, with(mount, "Content-Type", "text/html", "Content-Length", fmt.Sprint(len(mntPage(404)))))
	a = c.get("/index.html")
	wantHeaders(t, "other mount's file", a.hdr, file(vhost, a))
	a = c.get("/dyn/x")
	wantHeaders(t, "callback mount", a.hdr, with(vhost, "Content-Type", "text/plain", "Content-Length", "5"))
	// The 401 of a mount is its answer too.
	a = c.get("/secret/")
	wantHeaders(t, "mount's 401", a.hdr, with(vhost, "X-Mount", "secret", "Www-Authenticate", `Basic realm="lwsws"`, "Content-Length", "0"))
	// lws redirects "/hdrs" before it looks at the mount: none of its
	// headers.
	a = c.get("/hdrs")
	if a.code != 301 {
		t.Errorf("/hdrs: %d", a.code)
	}
	wantHeaders(t, "301", a.hdr, with(vhost, "Location", "/hdrs/", "Content-Type", "text/html", "Content-Length", "0"))
	// Nothing of the mount stays on the connection.
	a = c.get("/index.html")
	wantHeaders(t, "after the mount", a.hdr, file(vhost, a))
}

// goid is the running goroutine's id, to tell where a callback ran.
func goid() string {
	b := make([]byte, 64)
	b = b[:runtime.Stack(b, false)]
	f := bytes.Fields(b)
	if len(f) < 2 {
		return ""
	}
	return string(f[1])
}

// An interpreted file goes to its protocol in pieces as PROCESS_HTML, on
// the service goroutine, and out chunked, as from lws.
func TestMountInterpret(t *testing.T) {
	rec := newRecorder()
	files := mntFiles()
	var big strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&big, "line %05d xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", i)
	}
	files["big.html"] = &fstest.MapFile{Data: []byte(big.String())}
	type piece struct {
		n, max, final, chunked int
		g                      string
	}
	pieces := make(chan piece, 100)
	loop := make(chan string, 10)
	next := func() piece {
		t.Helper()
		select {
		case p := <-pieces:
			return p
		case <-time.After(waitBound):
			t.Fatal("no PROCESS_HTML")
			return piece{}
		}
	}
	interp := handlers{
		CallbackProcessHTML: func(w *Wsi, _ any, in any) int {
			a := in.(*ProcessHTMLArgs)
			pieces <- piece{a.Len, a.MaxLen, a.Final, a.Chunked, goid()}
			if strings.Contains(a.P, "DROP") {
				return -1
			}
			a.P = strings.ReplaceAll(a.P[:a.Len], "$name", "WORLD")
			a.Len = len(a.P)
			return 0
		},
	}
	http0 := handlers{CallbackFilterHTTPConnection: func(w *Wsi, _ any, _ any) int {
		select {
		case loop <- goid():
		default:
		}
		return 0
	}}
	files["drop.html"] = &fstest.MapFile{Data: []byte("DROP")}
	m := fileMount("/interp", nil, files)
	m.Interpret = &ProtocolVhostOptions{Name: ".html", Value: "interp"}
	s := startServer(t, ContextCreationInfo{
		Protocols: []Protocol{mntProtocol("http", rec, http0), mntProtocol("interp", rec, interp)},
		Mounts:    m,
	})
	c := mntDial(t, s)
	a := c.get("/interp/")
	if a.code != 200 || a.body != "<html><body>hello WORLD index</body></html>\n" {
		t.Errorf("interpreted: %d %q", a.code, a.body)
	}
	// No length: chunked, as lws sends it (lws adds the header; net/http
	// frames the chunks).
	if a.hdr.Get("Content-Length") != "" || !slices.Equal(a.te, []string{"chunked"}) {
		t.Errorf("interpreted: content-length %q, transfer-encoding %q", a.hdr.Get("Content-Length"), a.te)
	}
	p := next()
	filter := "" // FILTER_HTTP_CONNECTION came first: its goroutine is waiting
	select {
	case filter = <-loop:
	default:
	}
	if p != (piece{44, 4077, 1, 0, p.g}) || p.g != filter {
		t.Errorf("PROCESS_HTML %+v, want 44 bytes, max 4077, final, not chunked (golws frames them), on the service goroutine", p)
	}
	// Not every file is interpreted; HEAD and 304 interpret nothing.
	if a = c.get("/interp/a.zz"); a.code != 200 || a.hdr.Get("Content-Length") != "7" {
		t.Errorf("not interpreted: %d %q", a.code, a.hdr.Get("Content-Length"))
	}
	if a = c.do(mntReq("HEAD", "/interp/")); a.code != 200 || a.body != "" || a.hdr.Get("Content-Length") != "" {
		t.Errorf("HEAD: %d %q length %q", a.code, a.body, a.hdr.Get("Content-Length"))
	}
	if a = c.get("/interp/", "If-None-Match: "+a.hdr.Get("Etag")); a.code != 304 {
		t.Errorf("304: %d", a.code)
	}
	wantTrace(t, c.trace(rec),
		`http FILTER_HTTP_CONNECTION "/interp/" 8`,
		"interp HTTP_BIND_PROTOCOL",
		"interp PROCESS_HTML",
		"interp HTTP_FILE_COMPLETION",
		"interp HTTP_DROP_PROTOCOL", "http HTTP_BIND_PROTOCOL",
		`http FILTER_HTTP_CONNECTION "/interp/a.zz" 12`,
		"http HTTP_FILE_COMPLETION",
		"http HTTP_DROP_PROTOCOL", "http HTTP_BIND_PROTOCOL",
		`http FILTER_HTTP_CONNECTION "/interp/" 8`, // HEAD: bound, no content, no completion
		"http HTTP_DROP_PROTOCOL", "interp HTTP_BIND_PROTOCOL",
		"interp HTTP_DROP_PROTOCOL", "http HTTP_BIND_PROTOCOL",
		`http FILTER_HTTP_CONNECTION "/interp/" 8`, // 304: decided before the interpreter
		"http HTTP_DROP_PROTOCOL", "http HTTP_BIND_PROTOCOL",
		"http HTTP_DROP_PROTOCOL", "http CLOSED_HTTP")
	for range len(loop) {
		<-loop
	}

	// A big file comes in lws's pieces, the last one final.
	c = mntDial(t, s)
	a = c.get("/interp/big.html")
	if a.body != big.String() {
		t.Errorf("big: %d bytes, not the file's %d", len(a.body), big.Len())
	}
	var sizes []int
	for len(sizes) < 46 {
		p := next()
		if p.final != 0 != (len(sizes) == 45) {
			t.Errorf("piece %d: final %d", len(sizes), p.final)
		}
		if sizes = append(sizes, p.n); p.final != 0 {
			break
		}
	}
	if len(sizes) != 46 || sizes[0] != 3949 || sizes[45] != 2295 {
		t.Errorf("pieces %v, want 45 of 3949 and one of 2295", sizes)
	}

	// HTTP/1.0 has no chunks: the answer ends with the connection.
	c = mntDial(t, s)
	if a = c.do("GET /interp/ HTTP/1.0\r\n\r\n"); a.body != "<html><body>hello WORLD index</body></html>\n" || len(a.te) != 0 || !c.closed() {
		t.Errorf("HTTP/1.0: %q %q", a.body, a.te)
	}
	next()

	// PROCESS_HTML below 0 drops the connection.
	c = mntDial(t, s)
	_, _ = io.WriteString(c.c, mntReq("GET", "/interp/drop.html"))
	if resp, err := http.ReadResponse(c.br, nil); err == nil {
		if b, err := io.ReadAll(resp.Body); err == nil {
			t.Errorf("PROCESS_HTML -1: the answer ended well: %q", b)
		}
	}
	if !c.closed() {
		t.Errorf("PROCESS_HTML -1: connection kept")
	}
}

// A file mount naming a protocol binds it for every request: it is asked
// CHECK_ACCESS_RIGHTS, adds headers before a file goes out, and gets the
// misses (and the POSTs) with the path after the mountpoint.
func TestMountFileProtocol(t *testing.T) {
	rec := newRecorder()
	dyn := handlers{CallbackAddHeaders: func(w *Wsi, _ any, in any) int {
		a := in.(*ProcessHTMLArgs)
		switch w.URI() {
		case "/fp/cc.html":
			return w.AddHTTPHeaderByName("cache-control:", "max-age=5", &a.Head, a.End)
		case "/fp/refuse.html":
			return 1
		}
		return w.AddHTTPHeaderByName("x-added:", "1", &a.Head, a.End)
	}}
	files := mntFiles()
	files["cc.html"] = &fstest.MapFile{Data: []byte("cc")}
	files["refuse.html"] = &fstest.MapFile{Data: []byte("refuse")}
	m := fileMount("/fp", nil, files)
	m.Protocol = "dyn"
	m.CacheMaxAge, m.CacheReusable = 60, true
	s := startServer(t, ContextCreationInfo{
		Protocols: []Protocol{mntProtocol("http", rec, nil), mntProtocol("dyn", rec, dyn)},
		Mounts:    m,
	})
	c := mntDial(t, s)
	a := c.get("/fp/")
	if a.code != 200 || a.hdr.Get("X-Added") != "1" || a.hdr.Get("Cache-Control") != "private, max-age=60" {
		t.Errorf("file: %d %v", a.code, a.hdr)
	}
	if a = c.get("/fp/nope.html"); a.code != 200 || a.body != "hello" {
		t.Errorf("miss: %d %q", a.code, a.body)
	}
	wantTrace(t, c.trace(rec),
		`http FILTER_HTTP_CONNECTION "/fp/" 4`,
		"dyn HTTP_BIND_PROTOCOL",
		`dyn CHECK_ACCESS_RIGHTS "/fp/" 4`,
		"dyn HTTP_DROP_PROTOCOL", "dyn HTTP_BIND_PROTOCOL",
		"dyn ADD_HEADERS",
		"dyn HTTP_FILE_COMPLETION",
		"dyn HTTP_DROP_PROTOCOL", "http HTTP_BIND_PROTOCOL",
		`http FILTER_HTTP_CONNECTION "/fp/nope.html" 13`,
		"http HTTP_DROP_PROTOCOL", "dyn HTTP_BIND_PROTOCOL",
		`dyn CHECK_ACCESS_RIGHTS "/fp/nope.html" 13`,
		"dyn HTTP_DROP_PROTOCOL", "dyn HTTP_BIND_PROTOCOL",
		`dyn HTTP "/nope.html" 10`,
		"dyn HTTP_WRITEABLE",
		"dyn HTTP_DROP_PROTOCOL", "http HTTP_BIND_PROTOCOL",
		"http HTTP_DROP_PROTOCOL", "http CLOSED_HTTP")

	// A cache-control from ADD_HEADERS replaces the mount's.
	c = mntDial(t, s)
	if a = c.get("/fp/cc.html"); a.hdr.Values("Cache-Control")[0] != "max-age=5" || len(a.hdr.Values("Cache-Control")) != 1 {
		t.Errorf("ADD_HEADERS cache-control: %q", a.hdr.Values("Cache-Control"))
	}
	// ADD_HEADERS refusing drops the connection.
	_, _ = io.WriteString(c.c, mntReq("GET", "/fp/refuse.html"))
	if !c.closed() {
		t.Errorf("ADD_HEADERS 1: connection kept")
	}
}

// error_document_404, as minimal-http-server-dynamic's vhost uses it: a
// miss becomes a 302 to the document, and the document itself is answered
// with 404.
func TestMountErrorDocument404(t *testing.T) {
	rec := newRecorder()
	files := mntFiles()
	s := startServer(t, ContextCreationInfo{
		ErrorDocument404: "/404.html",
		Protocols:        []Protocol{mntProtocol("http", rec, nil), mntProtocol("dyn", rec, nil)},
		Mounts: &HTTPMount{MountNext: fileMount("/", nil, files), Mountpoint: "/dyn", Protocol: "dyn",
			OriginProtocol: MountProtoCallback},
	})
	c := mntDial(t, s)
	a := c.get("/nope.html")
	if a.code != 302 || a.body != "" {
		t.Errorf("miss: %d %q", a.code, a.body)
	}
	wantHeaders(t, "302", a.hdr, map[string]string{"Location": "/404.html", "Content-Type": "text/html", "Content-Length": "0"})
	doc := string(files["404.html"].Data)
	if a = c.get("/404.html"); a.code != 404 || a.body != doc || a.hdr.Get("Content-Type") != "text/html" {
		t.Errorf("the document: %d %q", a.code, a.body)
	}
	// A protocol's own 404 goes the same way.
	if a = c.get("/dyn/../nope"); a.code != 302 {
		t.Errorf("protocol 0's 404: %d", a.code)
	}
	wantTrace(t, c.trace(rec),
		`http FILTER_HTTP_CONNECTION "/nope.html" 10`,
		`http HTTP "/nope.html" 10`,
		"http HTTP_BIND_PROTOCOL",
		`http FILTER_HTTP_CONNECTION "/404.html" 9`,
		"http HTTP_FILE_COMPLETION",
		"http HTTP_DROP_PROTOCOL", "http HTTP_BIND_PROTOCOL",
		`http FILTER_HTTP_CONNECTION "/nope" 5`,
		`http HTTP "/nope" 5`,
		"http HTTP_DROP_PROTOCOL", "http HTTP_BIND_PROTOCOL",
		"http HTTP_DROP_PROTOCOL", "http CLOSED_HTTP")

	// What a browser sees: the document, with 404.
	resp := httpGet(t, s.httpURL()+"/missing/page.html", nil)
	if body, _ := io.ReadAll(resp.Body); resp.StatusCode != 404 || string(body) != doc || resp.Request.URL.Path != "/404.html" {
		t.Errorf("followed: %d %q at %s", resp.StatusCode, body, resp.Request.URL.Path)
	}

	// Without the document, no loop: lws's own 404 page.
	delete(files, "404.html")
	s = startServer(t, ContextCreationInfo{
		ErrorDocument404: "/404.html",
		Protocols:        []Protocol{mntProtocol("http", newRecorder(), nil)},
		Mounts:           fileMount("/", nil, files),
	})
	c = mntDial(t, s)
	if a = c.get("/404.html"); a.code != 404 || a.body != mntPage(404) {
		t.Errorf("missing document: %d %q", a.code, a.body)
	}
}

// What a file mount answers besides its files, against lws main.
func TestMountFileAnswers(t *testing.T) {
	rec := newRecorder()
	files := mntFiles()
	mime := fileMount("/mime", nil, files)
	mime.ExtraMimetypes = map[string]string{".zz": "application/zz", "*": "application/star"}
	s := startServer(t, ContextCreationInfo{
		Protocols: []Protocol{mntProtocol("http", rec, nil)},
		Mounts:    fileMount("/", mime, files),
	})
	c := mntDial(t, s)
	// lws main has no 415 any more: a type it does not know is
	// application/octet-stream, and the connection goes on.
	for path, want := range map[string]string{
		"/a.unknown":       "application/octet-stream",
		"/mime/a.unknown":  "application/star",
		"/mime/a.zz":       "application/zz",
		"/mime/index.html": "text/html",
	} {
		a := c.get(path)
		wantHeaders(t, path, a.hdr, map[string]string{"Content-Type": want, "Content-Length": fmt.Sprint(len(a.body)),
			"Cache-Control": "no-store", "Etag": a.hdr.Get("Etag")})
		if a.code != 200 || a.body == "" {
			t.Errorf("%s: %d %q", path, a.code, a.body)
		}
	}
	// A mountpoint without its slash: 301 to it with the slash.
	a := c.get("/mime")
	if a.code != 301 {
		t.Errorf("/mime: %d", a.code)
	}
	wantHeaders(t, "301", a.hdr, map[string]string{"Location": "/mime/", "Content-Type": "text/html", "Content-Length": "0"})
	// lws serves the file whatever the method it reads a URI from.
	index := string(files["index.html"].Data)
	for _, m := range []string{"POST", "PUT", "PATCH", "DELETE"} {
		if a = c.do(mntReq(m, "/index.html", "Content-Length: 0")); a.code != 200 || a.body != index {
			t.Errorf("%s: %d %q", m, a.code, a.body)
		}
	}
	// OPTIONS is not one of them: no mount takes it, protocol 0 gets it.
	if a = c.do(mntReq("OPTIONS", "/index.html")); a.code != 404 {
		t.Errorf("OPTIONS: %d", a.code)
	}
	// HEAD and 304 end the transaction without FILE_COMPLETION.
	if a = c.do(mntReq("HEAD", "/index.html")); a.code != 200 || a.hdr.Get("Content-Length") != fmt.Sprint(len(index)) {
		t.Errorf("HEAD: %d %v", a.code, a.hdr)
	}
	if a = c.get("/index.html", "If-None-Match: "+a.hdr.Get("Etag")); a.code != 304 {
		t.Errorf("304: %d", a.code)
	}
	ev := c.trace(rec)
	wantTrace(t, ev[len(ev)-14:],
		`http FILTER_HTTP_CONNECTION "/index.html" 11`,
		"http HTTP_DROP_PROTOCOL", "http HTTP_BIND_PROTOCOL", // no mount: protocol 0 bound afresh
		`http HTTP "/index.html" 11`,
		"http HTTP_DROP_PROTOCOL", "http HTTP_BIND_PROTOCOL",
		`http FILTER_HTTP_CONNECTION "/index.html" 11`, // HEAD
		"http HTTP_DROP_PROTOCOL", "http HTTP_BIND_PROTOCOL",
		`http FILTER_HTTP_CONNECTION "/index.html" 11`, // 304
		"http HTTP_DROP_PROTOCOL", "http HTTP_BIND_PROTOCOL",
		"http HTTP_DROP_PROTOCOL", "http CLOSED_HTTP")

	// A POST with a body gets the file; the body is dropped and the
	// connection answers its next request. (lws leaves the body unread:
	// the connection answers nothing more, and lws main spins meanwhile.)
	c = mntDial(t, s)
	if a = c.do(mntReq("POST", "/index.html", "Content-Length: 3") + "abc"); a.code != 200 || a.body != index {
		t.Errorf("POST with a body: %d %q", a.code, a.body)
	}
	if a = c.get("/index.html"); a.code != 200 {
		t.Errorf("after the POST: %d", a.code)
	}
}

// minimal-http-server-mimetypes: an extra type for .bz2 on a mount with
// error_document_404 and the security headers.
func TestMountMimetypesExample(t *testing.T) {
	m := fileMount("/", nil, mntFiles())
	m.ExtraMimetypes = map[string]string{".bz2": "application/x-bzip2"}
	s := startServer(t, ContextCreationInfo{
		Options:          ServerOptionHTTPHeadersSecurityBestPracticesEnforce,
		ErrorDocument404: "/404.html",
		Protocols:        []Protocol{{Name: "http", Callback: CallbackHTTPDummy}},
		Mounts:           m,
	})
	c := mntDial(t, s)
	a := c.do(mntReq("HEAD", "/test.tar.bz2"))
	wantHeaders(t, "bz2", a.hdr, with(mntSecurity, "Content-Type", "application/x-bzip2", "Content-Length", "10",
		"Cache-Control", "no-store", "Etag", a.hdr.Get("Etag")))
	a = c.get("/nope")
	wantHeaders(t, "miss", a.hdr, with(mntSecurity, "Location", "/404.html", "Content-Type", "text/html", "Content-Length", "0"))
	if a.code != 302 {
		t.Errorf("miss: %d", a.code)
	}
	a = c.get("/404.html")
	if a.code != 404 {
		t.Errorf("document: %d", a.code)
	}
	wantHeaders(t, "document", a.hdr, with(mntSecurity, "Content-Type", "text/html", "Content-Length", fmt.Sprint(len(a.body)),
		"Cache-Control", "no-store", "Etag", a.hdr.Get("Etag")))
	if b := c.get("/404.html", "If-None-Match: "+a.hdr.Get("Etag")); b.code != 304 {
		t.Errorf("document 304: %d", b.code)
	}
}
