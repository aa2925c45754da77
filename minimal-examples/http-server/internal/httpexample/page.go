package httpexample

import (
	"net/http"
	"strings"
	"testing"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// CheckPages fetches each path from host and checks it is served with
// the content type given and lws's security headers. An HTML page must
// then work under the strict CSP those headers carry: no inline script or
// style, no event handler attributes.
func CheckPages(t testing.TB, host string, pages map[string]string) {
	t.Helper()
	for path, typ := range pages {
		resp, body := exampletest.Get(t, "http://"+host+path)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %s", path, resp.Status)
			continue
		}
		if got := resp.Header.Get("Content-Type"); got != typ {
			t.Errorf("GET %s: Content-Type %q, want %q", path, got, typ)
		}
		CheckSecurityHeaders(t, "GET "+path, resp.Header)
		if typ != "text/html" {
			continue
		}
		lower := strings.ToLower(body)
		for _, bad := range []string{"<script>", "<style", "style=", " onclick", " onload", " onsubmit", "javascript:"} {
			if strings.Contains(lower, bad) {
				t.Errorf("%s has %q, which the CSP forbids", path, bad)
			}
		}
	}
}
