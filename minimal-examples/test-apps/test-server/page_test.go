package main

import (
	"net/http"
	"strings"
	"testing"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// The page is ours and served with lws's security headers; its script is
// a file because the policy forbids inline script.
func TestPage(t *testing.T) {
	s := startGoServer(t)
	get := func(path string) (*http.Response, string) {
		t.Helper()
		return exampletest.Get(t, "http://"+s.Host+path)
	}

	resp, body := get("/")
	if resp.StatusCode != 200 || !strings.Contains(body, `<script src="test.js" defer></script>`) {
		t.Fatalf("/: %d\n%s", resp.StatusCode, body)
	}
	if strings.Contains(body, "<script>") {
		t.Error("the page has an inline script")
	}
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "connect-src 'self' ws: wss:") {
		t.Errorf("content-security-policy %q", csp)
	}
	for _, h := range []string{"X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"} {
		if resp.Header.Get(h) == "" {
			t.Errorf("no %s header", h)
		}
	}
	for _, p := range []string{"/test.js", "/style.css"} {
		if resp, _ := get(p); resp.StatusCode != 200 {
			t.Errorf("%s: %d", p, resp.StatusCode)
		}
	}
	if resp, _ := get("/no-such-file"); resp.StatusCode != 404 {
		t.Errorf("/no-such-file: %d", resp.StatusCode)
	}
}
