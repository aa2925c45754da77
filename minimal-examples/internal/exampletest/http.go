package exampletest

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/golws/golws/minimal-examples/internal/exampleutil"
)

// Get fetches url, with the header lines given as name, value pairs, and
// returns the response and its body.
func Get(t testing.TB, url string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	c := &http.Client{Timeout: WaitBound}
	defer c.CloseIdleConnections()
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	return resp, string(body)
}

// CheckStrictPage checks the page a ws-server example serves on host from
// its embedded mount-origin: index.html, example.js, style.css and
// favicon.svg with their content types, all under lws's strict security
// headers, which is why index.html may have no inline script or style and
// must load example.js as a file.
func CheckStrictPage(t testing.TB, host string) {
	t.Helper()
	for path, typ := range map[string]string{
		"/":            "text/html",
		"/example.js":  "text/javascript",
		"/style.css":   "text/css",
		"/favicon.svg": "image/svg+xml",
	} {
		resp, body := Get(t, "http://"+host+path)
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
}

// CheckMissing404 checks that a file the mount does not have gets lws's
// 404, which lws_callback_http_dummy gives as protocol 0.
func CheckMissing404(t testing.TB, host string) {
	t.Helper()
	if resp, _ := Get(t, "http://"+host+"/nothing-here"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("missing file: %s", resp.Status)
	}
}

// CheckArgs checks run's command line handling: --help exits 0 with a
// usage that names -d, --port, --iface and the example's own switches
// (given as "-o", "-interval", ...), and an out-of-range port, an unknown
// switch and a stray argument each exit 1.
func CheckArgs(t testing.TB, run exampleutil.Run, switches ...string) {
	t.Helper()
	var out strings.Builder
	if code := run([]string{"--help"}, &out, nil, nil); code != 0 {
		t.Fatalf("--help: exit %d", code)
	}
	for _, want := range append([]string{"-d", "-port", "-iface"}, switches...) {
		if !strings.Contains(out.String(), want) {
			t.Errorf("usage lacks %s:\n%s", want, out.String())
		}
	}
	for what, args := range map[string][]string{
		"bad port":       {"--port", "70000"},
		"unknown switch": {"--no-such-switch"},
		"stray argument": {"stray"},
	} {
		out.Reset()
		if code := run(args, &out, nil, nil); code != 1 {
			t.Fatalf("%s: exit %d", what, code)
		}
	}
}
