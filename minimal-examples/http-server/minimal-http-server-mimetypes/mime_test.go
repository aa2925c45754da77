package main

import (
	"archive/tar"
	"compress/bzip2"
	"io"
	"io/fs"
	"net/http"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/golws/golws/minimal-examples/http-server/internal/httpexample"
	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// file returns one of the embedded files.
func file(t *testing.T, name string) string {
	t.Helper()
	b, err := fs.ReadFile(mountOrigin, name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The archive goes out as application/x-bzip2, the mount's extra type,
// whole, with its length and lws's headers for a file, on a kept
// connection; and it is a bzip2'd tar, as its name says.
func TestArchiveType(t *testing.T) {
	s := exampletest.Serve(t, run)
	want := file(t, "test.tar.bz2")
	c := httpexample.Dial(t, s.Host)
	for range 2 {
		c.Send(httpexample.Get("/test.tar.bz2"))
		resp, body := c.Response(http.MethodGet)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/x-bzip2" {
			t.Fatalf("%s, content-type %q", resp.Status, resp.Header.Get("Content-Type"))
		}
		if string(body) != want || resp.ContentLength != int64(len(want)) || resp.Close ||
			resp.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("%d bytes, content-length %d, close %v, cache-control %q; want the %d of the file, kept",
				len(body), resp.ContentLength, resp.Close, resp.Header.Get("Cache-Control"), len(want))
		}
		httpexample.CheckSecurityHeaders(t, "/test.tar.bz2", resp.Header)
	}

	tr := tar.NewReader(bzip2.NewReader(strings.NewReader(want)))
	h, err := tr.Next()
	if err != nil || h.Name != "readme.txt" {
		t.Fatalf("the archive's first entry: %v, %v", h, err)
	}
	if _, err := io.Copy(io.Discard, tr); err != nil {
		t.Fatal(err)
	}
}

// The types lws's build gave files of these names in the C example's
// mount (ours stand in for them here): the extra type matches a suffix
// whatever its case, only a whole suffix, and before the server's table;
// the server's own types remain; what nothing matches is
// application/octet-stream, as in lws main.
func TestTypesAsLws(t *testing.T) {
	types := map[string]string{
		"/test.tar.bz2":   "application/x-bzip2",
		"/UP.BZ2":         "application/x-bzip2",
		"/a.bz2x":         "application/octet-stream",
		"/a.xbz2":         "application/octet-stream",
		"/a.unknownext":   "application/octet-stream",
		"/noext":          "application/octet-stream",
		"/a.gz":           "application/gzip",
		"/a.tar.gz":       "application/gzip",
		"/a.txt":          "text/plain",
		"/a.json":         "application/json",
		"/index.html":     "text/html",
		"/favicon.ico":    "image/x-icon",
		"/logo.svg":       "image/svg+xml",
		"/strict-csp.svg": "image/svg+xml",
	}
	site := fstest.MapFS{}
	for name := range types {
		site[name[1:]] = &fstest.MapFile{Data: []byte("x\n")}
	}
	saved := mount.FS
	mount.FS = site
	t.Cleanup(func() { mount.FS = saved }) // after the server stops

	s := exampletest.Serve(t, run)
	c := httpexample.Dial(t, s.Host)
	for path, typ := range types {
		c.Send(httpexample.Get(path))
		resp, body := c.Response(http.MethodGet)
		if resp.StatusCode != http.StatusOK || string(body) != "x\n" {
			t.Errorf("%s: %s, body %q", path, resp.Status, body)
		}
		if got := resp.Header.Get("Content-Type"); got != typ {
			t.Errorf("%s: content-type %q, want %q", path, got, typ)
		}
	}
}

// A file the mount does not have is redirected (302) to the vhost's 404
// document, which is then served with 404 and its own type; a missing
// .bz2 is no different. The connection carries all of it, as from lws's
// build.
func TestMissingGoesTo404Document(t *testing.T) {
	s := exampletest.Serve(t, run)
	c := httpexample.Dial(t, s.Host)
	for _, path := range []string{"/nothing-here", "/nothing.bz2", "/TEST.TAR.BZ2"} {
		c.Send(httpexample.Get(path))
		resp, body := c.Response(http.MethodGet)
		if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/404.html" {
			t.Errorf("%s: %s, location %q", path, resp.Status, resp.Header.Get("Location"))
		}
		if resp.ContentLength != 0 || len(body) != 0 || resp.Close {
			t.Errorf("%s: content-length %d, body %q, close %v", path, resp.ContentLength, body, resp.Close)
		}
		httpexample.CheckSecurityHeaders(t, path, resp.Header)
	}
	c.Send(httpexample.Get("/404.html"))
	resp, body := c.Response(http.MethodGet)
	want := file(t, "404.html")
	if resp.StatusCode != http.StatusNotFound || resp.Header.Get("Content-Type") != "text/html" || string(body) != want {
		t.Errorf("/404.html: %s, content-type %q, body %.80q", resp.Status, resp.Header.Get("Content-Type"), body)
	}
	if resp.ContentLength != int64(len(want)) || resp.Close {
		t.Errorf("/404.html: content-length %d, close %v", resp.ContentLength, resp.Close)
	}
	httpexample.CheckSecurityHeaders(t, "/404.html", resp.Header)
}

// The pages are files under lws's strict security headers.
func TestPages(t *testing.T) {
	host := exampletest.Serve(t, run).Host
	httpexample.CheckPages(t, host, map[string]string{
		"/":             "text/html",
		"/index.html":   "text/html",
		"/test.tar.bz2": "application/x-bzip2",
	})
}

func TestHelpAndBadArgs(t *testing.T) {
	exampletest.CheckArgs(t, run)
}
