package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// get fetches path from the server and returns the response and body.
func get(t *testing.T, s *server, path string) (*http.Response, string) {
	t.Helper()
	c := &http.Client{Timeout: waitBound}
	defer c.CloseIdleConnections()
	resp, err := c.Get("http://" + s.host + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	return resp, string(body)
}

// The page is served from the embedded mount with lws's strict security
// headers, which is why it has no inline script or style.
func TestPageServedUnderStrictCSP(t *testing.T) {
	s := startServer(t)
	for path, typ := range map[string]string{
		"/":            "text/html",
		"/example.js":  "text/javascript",
		"/style.css":   "text/css",
		"/favicon.svg": "image/svg+xml",
	} {
		resp, body := get(t, s, path)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %s", path, resp.Status)
		}
		if got := resp.Header.Get("Content-Type"); got != typ {
			t.Errorf("GET %s: Content-Type %q, want %q", path, got, typ)
		}
		csp := resp.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("GET %s: CSP %q", path, csp)
		}
		if path == "/" {
			for _, bad := range []string{"<script>", "<style", "style=", "onclick", "onload"} {
				if strings.Contains(body, bad) {
					t.Errorf("index.html has %q, which the CSP forbids", bad)
				}
			}
			if !strings.Contains(body, `<script src="example.js"`) {
				t.Errorf("index.html does not load example.js")
			}
		}
	}
	if resp, _ := get(t, s, "/nothing-here"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("missing file: %s", resp.Status)
	}
}

func TestHelpAndBadArgs(t *testing.T) {
	var out strings.Builder
	if code := run([]string{"--help"}, &out, nil, nil); code != 0 {
		t.Fatalf("--help: exit %d", code)
	}
	for _, want := range []string{"-d", "-port", "-iface", "-interval"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("usage lacks %s:\n%s", want, out.String())
		}
	}
	out.Reset()
	if code := run([]string{"--port", "70000"}, &out, nil, nil); code != 1 {
		t.Fatalf("bad port: exit %d", code)
	}
	if code := run([]string{"stray"}, &out, nil, nil); code != 1 {
		t.Fatalf("stray argument: exit %d", code)
	}
}
