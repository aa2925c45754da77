package reliability

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/golws/golws/lws"
)

// TestHostilePaths: requests for paths that climb out of the mount
// (plain, percent-encoded, doubled slashes, backslashes), carry NUL or
// control bytes, are very long, or name a file of unknown type, each get a
// clear status and never the secret next to the mount's directory; the
// server serves normally afterwards.
func TestHostilePaths(t *testing.T) {
	noLeaks(t)
	root := t.TempDir()
	www := filepath.Join(root, "www")
	const secret = "TOP-SECRET-do-not-serve"
	for name, body := range map[string]string{
		"secret.txt":          secret,
		"www/index.html":      "<html>index</html>",
		"www/style.css":       "body{}",
		"www/blob.unknownext": "what am I",
		"www/sub/inner.html":  "<html>inner</html>",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	es := startEcho(t, newEvents(), lws.ContextCreationInfo{
		Mounts:  &lws.HTTPMount{Mountpoint: "/", Origin: www, Def: "index.html", OriginProtocol: lws.MountProtoFile},
		Options: lws.ServerOptionHTTPHeadersSecurityBestPracticesEnforce,
	})
	cases := []struct{ path, want string }{
		{"/", "200"},
		{"/index.html", "200"},
		{"/sub/inner.html", "200"},
		{"/../secret.txt", "404"},
		{"/../../../../etc/passwd", "404"},
		{"/%2e%2e/secret.txt", "404"},
		{"/%2E%2E%2Fsecret.txt", "404"},
		{"/..%2fsecret.txt", "404"},
		{"/.%2e/secret.txt", "404"},
		{"/%252e%252e/secret.txt", "404"}, // double-encoded: decoded once only
		{"/sub/../../secret.txt", "404"},
		{"/sub/..%2f..%2fsecret.txt", "404"},
		{"//secret.txt", "404"},
		{"//../secret.txt", "404"},
		{"/sub//inner.html", "200"}, // lws reads "//" as "/"
		{"/..\\secret.txt", "404"},
		{"/sub\\..\\..\\secret.txt", "404"},
		// lws drops a request whose path has a NUL.
		{"/%00", "closed"},
		{"/index.html%00.png", "closed"},
		{"/%01%02", "404"},
		{"/%zz", "closed"},  // a bad escape: net/http cannot parse it, lws refuses it
		{"/\x00", "closed"}, // a raw NUL: not even a valid request line
		{"/" + strings.Repeat("a", 3500), "404"},
		{"/" + strings.Repeat("a/", 1700), "404"},
		{"/" + strings.Repeat("%2e%2e/", 500) + "secret.txt", "404"},
		// Past MaxHTTPHeaderData (4096): dropped without an answer, as lws does.
		{"/" + strings.Repeat("a", 5000), "closed"},
		{"/" + strings.Repeat("a", 2<<20), "closed"},
		{"/blob.unknownext", "200"}, // lws main serves it as application/octet-stream
		{"/nope.html", "404"},
	}
	for _, tc := range cases {
		req := "GET " + tc.path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
		resp, got := rawExchange(t, es.addr, req)
		name := tc.path
		if len(name) > 60 {
			name = name[:60] + "..."
		}
		if got != tc.want {
			t.Errorf("GET %q: %s, want %s", name, got, tc.want)
		}
		if resp != nil {
			body, _ := io.ReadAll(resp.Body)
			if strings.Contains(string(body), secret) {
				t.Errorf("GET %q served the secret", name)
			}
		}
		if got == "404" || got == "200" {
			if resp.Header.Get("X-Content-Type-Options") != "nosniff" || resp.Header.Get("Content-Security-Policy") == "" {
				t.Errorf("GET %q: %s without the security headers: %v", name, got, resp.Header)
			}
		}
		es.roundTrip(t, "after GET "+name)
	}
	if resp, got := rawExchange(t, es.addr, "GET /style.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"); got != "200" || resp.Header.Get("Content-Type") != "text/css" {
		t.Errorf("a normal GET after the hostile ones: %s", got)
	}
}
