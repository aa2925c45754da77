package main

import (
	"encoding/base64"
	"net/http"
	"strings"
	"testing"

	"github.com/golws/golws/minimal-examples/http-server/internal/httpexample"
	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// The two logins of ba-passwords.
const (
	login      = "visitor:golws-demo"
	otherLogin = "tester:not-the-same"
)

// basic is the Authorization header line for credentials "user:password".
func basic(credentials string) string {
	return "Authorization: Basic " + base64.StdEncoding.EncodeToString([]byte(credentials))
}

// get is a GET of path with header, a header line or "" for none.
func get(path, header string) string {
	if header == "" {
		return httpexample.Get(path)
	}
	return httpexample.Get(path, header)
}

// forbidden403 is the page lws_return_http_status sends with a 403, as
// lws's build sends it for an Authorization header it cannot read.
const forbidden403 = `<html><head><meta charset=utf-8 http-equiv="Content-Language" content="en"/>` +
	`<link rel="stylesheet" type="text/css" href="/error.css"/></head><body><h1>403</h1></body></html>`

// check401 fails t unless resp is lws's answer to missing or wrong
// credentials: 401 asking for basic ones, nothing else, and the connection
// kept.
func check401(t *testing.T, what string, resp *http.Response, body []byte) {
	t.Helper()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("%s: %s, want 401", what, resp.Status)
	}
	if got := resp.Header.Get("Www-Authenticate"); got != `Basic realm="lwsws"` {
		t.Errorf("%s: www-authenticate %q", what, got)
	}
	if resp.Header.Get("Content-Length") != "0" || len(body) != 0 || resp.Header.Get("Content-Type") != "" {
		t.Errorf("%s: content-length %q, content-type %q, body %q; want an empty body and no type",
			what, resp.Header.Get("Content-Length"), resp.Header.Get("Content-Type"), body)
	}
	if resp.Close {
		t.Errorf("%s: the connection is not kept", what)
	}
	httpexample.CheckSecurityHeaders(t, what, resp.Header)
}

// checkPage fails t unless resp is the 200 with the page want as lws sends
// a file: text/html, its length, not to be stored, the connection kept.
func checkPage(t *testing.T, what string, resp *http.Response, body []byte, want string) {
	t.Helper()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/html" {
		t.Fatalf("%s: %s, content-type %q", what, resp.Status, resp.Header.Get("Content-Type"))
	}
	if string(body) != want {
		t.Errorf("%s: body %.80q, want %.80q", what, body, want)
	}
	if resp.ContentLength != int64(len(want)) || resp.Header.Get("Cache-Control") != "no-store" || resp.Close {
		t.Errorf("%s: content-length %d, cache-control %q, close %v", what, resp.ContentLength,
			resp.Header.Get("Cache-Control"), resp.Close)
	}
	httpexample.CheckSecurityHeaders(t, what, resp.Header)
}

// Without one of the file's logins the protected mount answers 401 with
// lws's basic challenge, and the connection goes on to the next request,
// as from lws's build. A wrong login is logged at ERR, and so are two
// Authorization headers, which lws refuses.
func TestSecretAsksForLogin(t *testing.T) {
	s := exampletest.Serve(t, run)
	c := httpexample.Dial(t, s.Host)
	for _, tc := range []struct{ what, header string }{
		{"no credentials", ""},
		{"wrong password", basic("visitor:golws-dem")},
		{"unknown user", basic("nobody:golws-demo")},
		{"another user's password", basic("tester:golws-demo")},
		{"the login with a space", basic(login + " ")},
		{"empty Authorization", "Authorization: "},
		{"two Authorization headers", basic(login) + "\r\n" + basic(login)},
	} {
		c.Send(get("/secret/", tc.header))
		resp, body := c.Response(http.MethodGet)
		check401(t, tc.what, resp, body)
	}
	c.Send(httpexample.Get("/"))
	resp, body := c.Response(http.MethodGet)
	checkPage(t, "/ after the 401s", resp, body, file(t, "mount-origin/index.html"))

	s.Log.WaitFor(t, "E: lws_check_basic_auth: basic auth lookup failed", 1)
	s.Log.WaitFor(t, "E: fragmented basic auth header not allowed", 1)
}

// With a login of the file the protected page is served, to either user,
// whatever the case of "Basic", and the connection is kept. lws logs the
// user at INFO.
func TestSecretLetsLoginIn(t *testing.T) {
	s := exampletest.Serve(t, run, "-d", "1039")
	secret := file(t, "mount-secret-origin/index.html")
	c := httpexample.Dial(t, s.Host)
	for _, tc := range []struct{ path, header string }{
		{"/secret/", basic(login)},
		{"/secret/index.html", basic(login)},
		{"/secret/", basic(otherLogin)},
		{"/secret/", "Authorization: basic " + base64.StdEncoding.EncodeToString([]byte(login))},
	} {
		c.Send(httpexample.Get(tc.path, tc.header))
		resp, body := c.Response(http.MethodGet)
		checkPage(t, tc.path+" "+tc.header, resp, body, secret)
	}
	c.Send(httpexample.Get("/"))
	resp, body := c.Response(http.MethodGet)
	checkPage(t, "/ after the secret", resp, body, file(t, "mount-origin/index.html"))

	s.Log.WaitFor(t, "I: lws_check_basic_auth: basic auth accepted for 'visitor'", 1)
	s.Log.WaitFor(t, "I: lws_check_basic_auth: basic auth accepted for 'tester'", 1)
	if n := s.Log.Count("lookup failed"); n != 0 {
		t.Errorf("%d failed lookups logged for good logins", n)
	}
}

// An Authorization header lws cannot read as basic credentials ends the
// transaction with 403 and lws's error page; the connection is kept, as
// from lws's build, which logs each at ERR as here.
func TestUnreadableAuthorizationForbidden(t *testing.T) {
	s := exampletest.Serve(t, run)
	c := httpexample.Dial(t, s.Host)
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	for _, tc := range []struct{ what, value, log string }{
		{"another scheme", "Bearer abcdefgh", "E: auth missing basic: Beare"},
		{"not base64", "Basic !!!!", "E: basic auth format broken"},
		{"no colon", "Basic " + b64("visitorgolws-demo"), "E: basic auth format broken"},
		{"too short", "Basic", "E: b64 auth too long"},
		{"too long", "Basic " + b64("visitor:"+strings.Repeat("p", 200)), "E: b64 auth too long"},
	} {
		c.Send(httpexample.Get("/secret/", "Authorization: "+tc.value))
		resp, body := c.Response(http.MethodGet)
		if resp.StatusCode != http.StatusForbidden || string(body) != forbidden403 ||
			resp.Header.Get("Content-Type") != "text/html" || resp.ContentLength != int64(len(forbidden403)) {
			t.Errorf("%s: %s, content-type %q, content-length %d, body %q", tc.what, resp.Status,
				resp.Header.Get("Content-Type"), resp.ContentLength, body)
		}
		if resp.Close || resp.Header.Get("Www-Authenticate") != "" {
			t.Errorf("%s: close %v, www-authenticate %q", tc.what, resp.Close, resp.Header.Get("Www-Authenticate"))
		}
		httpexample.CheckSecurityHeaders(t, tc.what, resp.Header)
		s.Log.WaitFor(t, tc.log, 1)
	}
	c.Send(httpexample.Get("/"))
	resp, body := c.Response(http.MethodGet)
	checkPage(t, "/ after the 403s", resp, body, file(t, "mount-origin/index.html"))
}

// Everything under /secret/ is behind the login, a file it does not have
// and a path that climbs out and back in included: without credentials
// they get the 401, not a 404 that would tell what exists. /secretx is
// not the mount, and ".." out of it reaches the open one, as in lws.
func TestLoginGuardsTheWholeMount(t *testing.T) {
	s := exampletest.Serve(t, run)
	c := httpexample.Dial(t, s.Host)
	for _, path := range []string{"/secret/nope.html", "/secret/../secret/index.html", "/secret//index.html"} {
		c.Send(httpexample.Get(path))
		resp, body := c.Response(http.MethodGet)
		check401(t, path, resp, body)
	}
	for _, tc := range []struct {
		path, header string
		status       int
	}{
		{"/secret/nope.html", basic(login), http.StatusNotFound},
		{"/secretx", "", http.StatusNotFound},
		{"/secret/../index.html", "", http.StatusOK},
	} {
		c.Send(get(tc.path, tc.header))
		resp, _ := c.Response(http.MethodGet)
		if resp.StatusCode != tc.status || resp.Close {
			t.Errorf("%s: %s (close %v), want %d", tc.path, resp.Status, resp.Close, tc.status)
		}
	}
}

// The mountpoint without its slash is sent to the one with it before any
// login is asked for. The redirect is golws's (see the lws package's
// DEVIATIONS): lws's has the client's Host in its location, the status
// line "HTTP/1.0" and closes the connection.
func TestMountpointRedirect(t *testing.T) {
	s := exampletest.Serve(t, run)
	c := httpexample.Dial(t, s.Host)
	c.Send(httpexample.Get("/secret"))
	resp, body := c.Response(http.MethodGet)
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/secret/" || len(body) != 0 {
		t.Fatalf("/secret: %s, location %q, body %q", resp.Status, resp.Header.Get("Location"), body)
	}
	httpexample.CheckSecurityHeaders(t, "/secret", resp.Header)
	c.Send(httpexample.Get("/secret/"))
	resp, body = c.Response(http.MethodGet)
	check401(t, "/secret/ after the redirect", resp, body)
}

// HEAD, POST and HTTP/1.0 need the login too. An HTTP/1.0 request gets an
// HTTP/1.0 401 and the connection closes after it, as from lws's build.
func TestMethodsAndVersions(t *testing.T) {
	s := exampletest.Serve(t, run)

	c := httpexample.Dial(t, s.Host)
	c.Send("HEAD /secret/ HTTP/1.1\r\nHost: localhost\r\n\r\n")
	resp, body := c.Response(http.MethodHead)
	check401(t, "HEAD", resp, body)

	c = httpexample.Dial(t, s.Host)
	c.Send(httpexample.Post("/secret/", "text/plain", "abc"))
	resp, body = c.Response(http.MethodPost)
	if resp.StatusCode != http.StatusUnauthorized || resp.Header.Get("Www-Authenticate") != `Basic realm="lwsws"` || len(body) != 0 {
		t.Errorf("POST: %s, www-authenticate %q, body %q", resp.Status, resp.Header.Get("Www-Authenticate"), body)
	}

	c = httpexample.Dial(t, s.Host)
	c.Send("GET /secret/ HTTP/1.0\r\n\r\n")
	resp, body = c.Response(http.MethodGet)
	if resp.Proto != "HTTP/1.0" {
		t.Errorf("HTTP/1.0 request answered with %s", resp.Proto)
	}
	check401WithClose(t, resp, body)
	c.Closed()
}

// check401WithClose is check401 for an HTTP/1.0 request, whose connection
// is not kept.
func check401WithClose(t *testing.T, resp *http.Response, body []byte) {
	t.Helper()
	if !resp.Close {
		t.Error("HTTP/1.0: the answer does not end the connection")
	}
	resp.Close = false
	check401(t, "HTTP/1.0", resp, body)
}

// lws drains the body of a POST it refused for want of a login and
// answers the next request on the connection; so does golws.
func TestRefusedPostKeepsConnection(t *testing.T) {
	s := exampletest.Serve(t, run)
	c := httpexample.Dial(t, s.Host)
	c.Send(httpexample.Post("/secret/", "text/plain", "abc"))
	resp, body := c.Response(http.MethodPost)
	check401(t, "POST", resp, body)
	c.Send(httpexample.Get("/"))
	resp, body = c.Response(http.MethodGet)
	checkPage(t, "/ after the POST", resp, body, file(t, "mount-origin/index.html"))
}
