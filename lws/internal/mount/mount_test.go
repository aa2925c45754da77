package mount

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// The exact bytes lws sends, spelled out again rather than taken from the
// package, so that a typo in headers.go cannot pass unnoticed.
var wantSecurity = map[string]string{
	"Content-Security-Policy": "default-src 'none'; img-src 'self' data: ; script-src 'self'; font-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none';form-action 'self';",
	"X-Content-Type-Options":  "nosniff",
	"X-Xss-Protection":        "1; mode=block",
	"X-Frame-Options":         "deny",
	"Referrer-Policy":         "no-referrer",
}

func testFS() fstest.MapFS {
	return fstest.MapFS{
		"index.html":     {Data: []byte("<h1>root</h1>")},
		"style.css":      {Data: []byte("body{}")},
		"app.js":         {Data: []byte("let a=1")},
		"data.json":      {Data: []byte(`{"a":1}`)},
		"notes.txt":      {Data: []byte("hello")},
		"blob.bin":       {Data: []byte{0, 1, 2}},
		"UPPER.PNG":      {Data: []byte("png")},
		"sub/index.html": {Data: []byte("<h1>sub</h1>")},
		"sub/page.html":  {Data: []byte("<h1>page</h1>")},
		"nodef/file.txt": {Data: []byte("no index here")},
		"link.txt":       {Data: []byte("notes.txt"), Mode: os.ModeSymlink},
		"escape.txt":     {Data: []byte("../outside.txt"), Mode: os.ModeSymlink},
		"abs.txt":        {Data: []byte("/etc/passwd"), Mode: os.ModeSymlink},
	}
}

func do(t *testing.T, h http.Handler, method, target string, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Add(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func newRoot(opts Options) http.Handler {
	return NewHandler([]Mount{{Mountpoint: "/", FS: testFS(), Def: "index.html"}}, opts, nil)
}

func checkSecurity(t *testing.T, what string, h http.Header) {
	t.Helper()
	for k, want := range wantSecurity {
		if got := h.Values(k); len(got) != 1 || got[0] != want {
			t.Errorf("%s: %s = %q, want exactly %q", what, k, got, want)
		}
	}
}

func TestSecurityHeadersOnEveryStatus(t *testing.T) {
	fsys := testFS()
	h := NewHandler([]Mount{
		{Mountpoint: "/", FS: fsys},
		{Mountpoint: "/static", FS: fsys},
	}, Options{SecurityHeaders: true}, nil)
	tag := do(t, h, "GET", "/notes.txt").Header().Get("Etag")

	cases := []struct {
		method, target string
		hdr            []string
		code           int
	}{
		{"GET", "/notes.txt", nil, 200},
		{"HEAD", "/notes.txt", nil, 200},
		{"GET", "/notes.txt", []string{"If-None-Match", tag}, 304},
		{"GET", "/missing.html", nil, 404},
		{"GET", "/../etc/passwd", nil, 404},
		{"GET", "/" + strings.Repeat("a", MaxPathLen), nil, 404},
		{"POST", "/notes.txt", nil, 200},
		{"OPTIONS", "/notes.txt", nil, 404},
		{"GET", "/blob.bin", nil, 200},
		{"GET", "/static", nil, 301},
		{"OPTIONS", "*", nil, 403},
	}
	for _, c := range cases {
		rec := do(t, h, c.method, c.target, c.hdr...)
		what := c.method + " " + c.target[:min(len(c.target), 40)]
		if rec.Code != c.code {
			t.Errorf("%s: status %d, want %d", what, rec.Code, c.code)
		}
		checkSecurity(t, what, rec.Header())
	}

	// Off by default, and a nil fallback's 404 has them when on.
	rec := do(t, newRoot(Options{}), "GET", "/notes.txt")
	for k := range wantSecurity {
		if v := rec.Header().Values(k); v != nil {
			t.Errorf("without the option %s = %q", k, v)
		}
	}
	rec = do(t, NewHandler(nil, Options{SecurityHeaders: true}, nil), "GET", "/x")
	if rec.Code != 404 {
		t.Errorf("no mounts, no fallback: %d", rec.Code)
	}
	checkSecurity(t, "no mount 404", rec.Header())
}

func TestSetSecurityHeadersIdempotent(t *testing.T) {
	h := http.Header{}
	SetSecurityHeaders(h)
	SetSecurityHeaders(h)
	checkSecurity(t, "twice", h)
	if len(h) != len(wantSecurity) {
		t.Errorf("extra headers: %v", h)
	}
}

func TestServe200(t *testing.T) {
	h := newRoot(Options{})
	cases := []struct{ target, typ, body string }{
		{"/index.html", "text/html", "<h1>root</h1>"},
		{"/style.css", "text/css", "body{}"},
		{"/app.js", "text/javascript", "let a=1"},
		{"/data.json", "application/json", `{"a":1}`},
		{"/notes.txt", "text/plain", "hello"},
		{"/UPPER.PNG", "image/png", "png"},
		{"/sub/page.html", "text/html", "<h1>page</h1>"},
		{"/%6Eotes.txt", "text/plain", "hello"}, // escapes decode once
	}
	for _, c := range cases {
		rec := do(t, h, "GET", c.target)
		if rec.Code != 200 || rec.Body.String() != c.body {
			t.Errorf("%s: %d %q", c.target, rec.Code, rec.Body.String())
			continue
		}
		hd := rec.Header()
		if got := hd.Values("Content-Type"); len(got) != 1 || got[0] != c.typ {
			t.Errorf("%s: content-type %q, want %q", c.target, got, c.typ)
		}
		if got := hd.Get("Content-Length"); got != strconv.Itoa(len(c.body)) {
			t.Errorf("%s: content-length %q", c.target, got)
		}
		if got := hd.Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s: cache-control %q", c.target, got)
		}
		if tag := hd.Get("Etag"); len(tag) < 3 || tag[0] != '"' || tag[len(tag)-1] != '"' {
			t.Errorf("%s: etag %q not quoted", c.target, tag)
		}
	}
}

func TestHead(t *testing.T) {
	h := newRoot(Options{})
	get := do(t, h, "GET", "/notes.txt")
	head := do(t, h, "HEAD", "/notes.txt")
	if head.Code != 200 || head.Body.Len() != 0 {
		t.Fatalf("HEAD: %d with %d body bytes", head.Code, head.Body.Len())
	}
	for _, k := range []string{"Content-Type", "Content-Length", "Cache-Control", "Etag"} {
		if get.Header().Get(k) != head.Header().Get(k) {
			t.Errorf("%s: GET %q, HEAD %q", k, get.Header().Get(k), head.Header().Get(k))
		}
	}
	if rec := do(t, h, "HEAD", "/missing"); rec.Code != 404 || rec.Body.Len() != 0 {
		t.Errorf("HEAD 404: %d with %q", rec.Code, rec.Body.String())
	}
}

func TestETagMapFS(t *testing.T) {
	fsys := testFS()
	h := NewHandler([]Mount{{Mountpoint: "/", FS: fsys}}, Options{SecurityHeaders: true}, nil)
	tag := do(t, h, "GET", "/notes.txt").Header().Get("Etag")
	if again := do(t, h, "GET", "/notes.txt").Header().Get("Etag"); again != tag {
		t.Fatalf("etag not stable: %q then %q", tag, again)
	}
	if other := do(t, h, "GET", "/style.css").Header().Get("Etag"); other == tag {
		t.Fatalf("two files share etag %q", tag)
	}

	rec := do(t, h, "GET", "/notes.txt", "If-None-Match", tag)
	if rec.Code != 304 || rec.Body.Len() != 0 {
		t.Fatalf("304 expected, got %d %q", rec.Code, rec.Body.String())
	}
	if rec.Header().Get("Etag") != tag || rec.Header().Get("Cache-Control") != "no-store" {
		t.Errorf("304 headers: %v", rec.Header())
	}

	// Same length, new content: the hash must notice.
	fsys["notes.txt"] = &fstest.MapFile{Data: []byte("HELLO")}
	rec = do(t, h, "GET", "/notes.txt", "If-None-Match", tag)
	if rec.Code != 200 || rec.Body.String() != "HELLO" || rec.Header().Get("Etag") == tag {
		t.Errorf("after change: %d %q etag %q (old %q)", rec.Code, rec.Body.String(), rec.Header().Get("Etag"), tag)
	}
}

func TestIfNoneMatchForms(t *testing.T) {
	h := newRoot(Options{})
	tag := do(t, h, "GET", "/notes.txt").Header().Get("Etag")
	bare := strings.Trim(tag, `"`)
	cases := []struct {
		inm  string
		code int
	}{
		{tag, 304},
		{bare, 304},
		{"W/" + tag, 304},
		{`"nope", ` + tag, 304},
		{`"nope"`, 200},
		{"*", 200}, // lws compares with strcmp; "*" is no tag
		{"", 200},
	}
	for _, c := range cases {
		if rec := do(t, h, "GET", "/notes.txt", "If-None-Match", c.inm); rec.Code != c.code {
			t.Errorf("If-None-Match %q: %d, want %d", c.inm, rec.Code, c.code)
		}
	}
	// HEAD revalidates too.
	if rec := do(t, h, "HEAD", "/notes.txt", "If-None-Match", tag); rec.Code != 304 {
		t.Errorf("HEAD revalidation: %d", rec.Code)
	}
}

func TestETagDirFS(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	write := func(data string, mt time.Time) {
		t.Helper()
		if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(file, mt, mt); err != nil {
			t.Fatal(err)
		}
	}
	t0 := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	write("one", t0)
	h := NewHandler([]Mount{{Mountpoint: "/", FS: os.DirFS(dir)}}, Options{}, nil)

	tag := do(t, h, "GET", "/a.txt").Header().Get("Etag")
	// lws's %08X size and %08X seconds (1704164645), then our nanoseconds.
	if want := `"0000000365937D2500000000"`; tag != want {
		t.Errorf("etag %s, want %s", tag, want)
	}
	if again := do(t, h, "GET", "/a.txt").Header().Get("Etag"); again != tag {
		t.Errorf("etag not stable: %s then %s", tag, again)
	}
	if rec := do(t, h, "GET", "/a.txt", "If-None-Match", tag); rec.Code != 304 {
		t.Errorf("revalidation: %d", rec.Code)
	}
	// Same size, same second, new content: the nanoseconds tell.
	write("two", t0.Add(time.Millisecond))
	rec := do(t, h, "GET", "/a.txt", "If-None-Match", tag)
	if rec.Code != 200 || rec.Body.String() != "two" || rec.Header().Get("Etag") == tag {
		t.Errorf("after rewrite: %d %q %s", rec.Code, rec.Body.String(), rec.Header().Get("Etag"))
	}
}

func TestDefaultDocument(t *testing.T) {
	h := newRoot(Options{})
	cases := []struct {
		target string
		code   int
		body   string
	}{
		{"/", 200, "<h1>root</h1>"},
		{"/sub/", 200, "<h1>sub</h1>"},
		{"/sub", 200, "<h1>sub</h1>"}, // lws serves a directory's def without redirecting
		{"/nodef/", 404, ""},
		{"/nodef", 404, ""},
		{"/notes.txt/", 404, ""},
	}
	for _, c := range cases {
		rec := do(t, h, "GET", c.target)
		if rec.Code != c.code || (c.body != "" && rec.Body.String() != c.body) {
			t.Errorf("%s: %d %q", c.target, rec.Code, rec.Body.String())
		}
		if c.code == 200 && rec.Header().Get("Content-Type") != "text/html" {
			t.Errorf("%s: content-type %q", c.target, rec.Header().Get("Content-Type"))
		}
	}

	// An unset Def is lws's "index.html"; another name is honoured.
	fsys := fstest.MapFS{"index.html": {Data: []byte("i")}, "home.htm": {Data: []byte("h")}}
	for def, body := range map[string]string{"": "i", "home.htm": "h"} {
		h := NewHandler([]Mount{{Mountpoint: "/", FS: fsys, Def: def}}, Options{}, nil)
		if rec := do(t, h, "GET", "/"); rec.Code != 200 || rec.Body.String() != body {
			t.Errorf("Def %q: %d %q", def, rec.Code, rec.Body.String())
		}
	}
	h = NewHandler([]Mount{{Mountpoint: "/", FS: fsys, Def: "gone.html"}}, Options{}, nil)
	if rec := do(t, h, "GET", "/"); rec.Code != 404 {
		t.Errorf("missing Def: %d", rec.Code)
	}
}

func TestNotFoundBody(t *testing.T) {
	page := func(code int) string { return "<p>" + strconv.Itoa(code) + "</p>" }
	for _, c := range []struct {
		opts Options
		body string
	}{{Options{}, ""}, {Options{StatusPage: page}, "<p>404</p>"}} {
		rec := do(t, newRoot(c.opts), "GET", "/missing.html")
		if rec.Code != 404 {
			t.Fatalf("status %d", rec.Code)
		}
		if ct := rec.Header().Get("Content-Type"); ct != "text/html" {
			t.Errorf("content-type %q", ct)
		}
		if b := rec.Body.String(); b != c.body || rec.Header().Get("Content-Length") != strconv.Itoa(len(b)) {
			t.Errorf("body %q, length %q; want %q", b, rec.Header().Get("Content-Length"), c.body)
		}
	}
}

func TestLongPath(t *testing.T) {
	called := false
	fallback := http.HandlerFunc(func(http.ResponseWriter, *http.Request) { called = true })
	h := NewHandler([]Mount{{Mountpoint: "/static", FS: testFS()}}, Options{}, fallback)

	long := "/static/" + strings.Repeat("a", MaxPathLen)
	if rec := do(t, h, "GET", long); rec.Code != 404 {
		t.Errorf("long mounted path: %d", rec.Code)
	}
	// Refused before mount matching, so not even the fallback sees it.
	if rec := do(t, h, "GET", "/"+strings.Repeat("b", MaxPathLen)); rec.Code != 404 || called {
		t.Errorf("long unmounted path: %d, fallback called %v", rec.Code, called)
	}
	// Exactly at the limit it is just a missing file.
	atLimit := "/static/" + strings.Repeat("c", MaxPathLen-len("/static/"))
	if rec := do(t, h, "GET", atLimit); rec.Code != 404 {
		t.Errorf("at the limit: %d", rec.Code)
	}
}

// traversal is every trick the handler must answer 404 without touching
// anything outside the FS.
var traversal = []string{
	"/../etc/passwd",
	"/../secret.txt",
	"/%2e%2e/secret.txt",
	"/%2E%2E/secret.txt",
	"/.%2e/secret.txt",
	"/a/..%2fb",
	"/a/..%2f..%2fsecret.txt",
	"/%2e%2e%2fsecret.txt",
	"/sub/../../secret.txt",
	"/sub/../index.html",
	"//etc/passwd",
	"///secret.txt",
	"/sub//index.html",
	"/a\\..\\b",
	"/..\\secret.txt",
	"/%5c..%5csecret.txt",
	"/x%00.html",
	"/index.html%00.txt",
	"/./index.html",
	"/sub/./page.html",
	"/%252e%252e/secret.txt",
	"/%c0%ae%c0%ae/secret.txt", // overlong UTF-8 "..": invalid UTF-8
	"/escape.txt",
	"/abs.txt",
}

func TestTraversalMapFS(t *testing.T) {
	h := newRoot(Options{SecurityHeaders: true})
	for _, target := range traversal {
		rec := do(t, h, "GET", target)
		if rec.Code != 404 {
			t.Errorf("%q: %d %q", target, rec.Code, rec.Body.String())
		}
		checkSecurity(t, target, rec.Header())
	}
}

// escapeTree builds, in a temporary directory, root/ beside secret.txt
// (and b), both "TOP SECRET". root has index.html, sub/page.html, a/x.txt
// and links: escape.txt (../secret.txt), abs.txt (secret.txt's absolute
// path), up (..), inside.html (sub/page.html), subdir (sub) and the loop
// loop1 <-> loop2. It returns root.
func escapeTree(t *testing.T) string {
	t.Helper()
	base := t.TempDir()
	root := filepath.Join(base, "root")
	mustWrite(t, filepath.Join(base, "secret.txt"), "TOP SECRET")
	mustWrite(t, filepath.Join(base, "b"), "TOP SECRET")
	mustWrite(t, filepath.Join(root, "index.html"), "<h1>root</h1>")
	mustWrite(t, filepath.Join(root, "sub", "page.html"), "<h1>page</h1>")
	mustWrite(t, filepath.Join(root, "a", "x.txt"), "x")
	mustSymlink(t, "../secret.txt", filepath.Join(root, "escape.txt"))
	mustSymlink(t, filepath.Join(base, "secret.txt"), filepath.Join(root, "abs.txt"))
	mustSymlink(t, "..", filepath.Join(root, "up"))
	mustSymlink(t, "sub/page.html", filepath.Join(root, "inside.html"))
	mustSymlink(t, "sub", filepath.Join(root, "subdir"))
	mustSymlink(t, "loop1", filepath.Join(root, "loop2"))
	mustSymlink(t, "loop2", filepath.Join(root, "loop1"))
	return root
}

func TestTraversalDirFS(t *testing.T) {
	root := escapeTree(t)

	osRoot, err := os.OpenRoot(root)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = osRoot.Close() }()
	origin := OpenOrigin(root)
	defer func() { _ = origin.Close() }()

	for name, fsys := range map[string]fs.FS{"DirFS": os.DirFS(root), "Root.FS": osRoot.FS(), "Origin": origin} {
		h := NewHandler([]Mount{{Mountpoint: "/", FS: fsys}}, Options{}, nil)
		extra := []string{"/up/secret.txt", "/up/root/index.html", "/subdir/../../secret.txt", "/loop1", "/loop2.html"}
		for _, target := range append(traversal, extra...) {
			rec := do(t, h, "GET", target)
			if rec.Code != 404 || strings.Contains(rec.Body.String(), "SECRET") {
				t.Errorf("%s %q: %d %q", name, target, rec.Code, rec.Body.String())
			}
		}
		// Links that stay inside are fine.
		for target, body := range map[string]string{
			"/inside.html":      "<h1>page</h1>",
			"/subdir/page.html": "<h1>page</h1>",
			"/sub/page.html":    "<h1>page</h1>",
			"/":                 "<h1>root</h1>",
		} {
			if rec := do(t, h, "GET", target); rec.Code != 200 || rec.Body.String() != body {
				t.Errorf("%s %q: %d %q", name, target, rec.Code, rec.Body.String())
			}
		}
	}
}

func TestSymlinksMapFS(t *testing.T) {
	h := newRoot(Options{})
	if rec := do(t, h, "GET", "/link.txt"); rec.Code != 200 || rec.Body.String() != "hello" {
		t.Errorf("inside link: %d %q", rec.Code, rec.Body.String())
	}
	for _, target := range []string{"/escape.txt", "/abs.txt"} {
		if rec := do(t, h, "GET", target); rec.Code != 404 {
			t.Errorf("%s: %d", target, rec.Code)
		}
	}
}

func mustWrite(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlinks unavailable: %v", err)
	}
}

// lws main serves a file of no known type as application/octet-stream
// (lws 4.x answered 415).
func TestUnknownTypeOctetStream(t *testing.T) {
	h := newRoot(Options{SecurityHeaders: true})
	rec := do(t, h, "GET", "/blob.bin")
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/octet-stream" || rec.Body.String() != "\x00\x01\x02" {
		t.Errorf("blob.bin: %d %q %q", rec.Code, rec.Header().Get("Content-Type"), rec.Body.String())
	}
}

func TestExtraMimetypes(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt":    {Data: []byte("a")},
		"b.foo":    {Data: []byte("b")},
		"c.tar.gz": {Data: []byte("c")},
		"d.bin":    {Data: []byte("d")},
		"e.GZ":     {Data: []byte("e")},
	}
	cases := []struct {
		extra  map[string]string
		target string
		code   int
		typ    string
	}{
		{nil, "/b.foo", 200, "application/octet-stream"},
		{map[string]string{"*": "x/any"}, "/d.bin", 200, "x/any"},
		{map[string]string{".foo": ""}, "/b.foo", 200, ""}, // lws sends no type, net/http must not sniff one
		{map[string]string{".foo": "application/x-foo"}, "/b.foo", 200, "application/x-foo"},
		{map[string]string{".txt": "text/plain; charset=utf-8"}, "/a.txt", 200, "text/plain; charset=utf-8"},
		{map[string]string{".gz": "x/gz", ".tar.gz": "x/tgz"}, "/c.tar.gz", 200, "x/tgz"},
		{map[string]string{".gz": "x/gz"}, "/e.GZ", 200, "x/gz"},
		{nil, "/e.GZ", 200, "application/gzip"},
		{map[string]string{"*": "application/octet-stream"}, "/d.bin", 200, "application/octet-stream"},
		{map[string]string{"*": "application/octet-stream"}, "/a.txt", 200, "text/plain"}, // built-ins first
	}
	for _, c := range cases {
		h := NewHandler([]Mount{{Mountpoint: "/", FS: fsys, ExtraMimetypes: c.extra}}, Options{}, nil)
		rec := do(t, h, "GET", c.target)
		if rec.Code != c.code || rec.Header().Get("Content-Type") != c.typ {
			t.Errorf("%v %s: %d %q, want %d %q", c.extra, c.target, rec.Code, rec.Header().Get("Content-Type"), c.code, c.typ)
		}
	}

	// The handler keeps its own copy of the map.
	extra := map[string]string{".foo": "x/foo"}
	h := NewHandler([]Mount{{Mountpoint: "/", FS: fsys, ExtraMimetypes: extra}}, Options{}, nil)
	extra[".foo"] = "x/changed"
	if got := do(t, h, "GET", "/b.foo").Header().Get("Content-Type"); got != "x/foo" {
		t.Errorf("handler saw the caller's later change: %q", got)
	}
}

func TestBuiltinTypes(t *testing.T) {
	want := map[string]string{
		".html": "text/html", ".htm": "text/html", ".css": "text/css",
		".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json",
		".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
		".svg": "image/svg+xml", ".ico": "image/x-icon", ".txt": "text/plain",
		".woff": "application/font-woff", ".woff2": "application/font-woff2",
		".ttf": "application/x-font-ttf", ".wasm": "application/wasm", ".xml": "application/xml",
		".pdf": "application/pdf", ".map": "application/json", ".mp4": "video/mp4",
		".zip": "application/zip", ".gz": "application/gzip", ".babylon": "application/json",
	}
	for ext, typ := range want {
		for _, name := range []string{"f" + ext, "dir/F" + strings.ToUpper(ext)} {
			if got, ok := mimeType(name, nil); !ok || got != typ {
				t.Errorf("%s: %q %v, want %q", name, got, ok, typ)
			}
		}
	}
	// "ſ" folds to "s" for strings.EqualFold but not for lws's strcasecmp.
	for _, name := range []string{"f", "f.bin", "f.xhtml", "html", "f.js.bak", "f.c\u017fs"} {
		if got, ok := mimeType(name, nil); ok {
			t.Errorf("%s: %q, want unknown", name, got)
		}
	}
}

// lws serves a file mount's file whatever the method it reads a URI from
// (GET, HEAD, POST, PUT, PATCH, DELETE); for other methods it passes the
// file mount over.
func TestMethods(t *testing.T) {
	var fell []string
	fallback := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fell = append(fell, r.Method)
		w.WriteHeader(http.StatusTeapot)
	})
	h := NewHandler([]Mount{{Mountpoint: "/", FS: testFS()}}, Options{}, fallback)
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH"} {
		if rec := do(t, h, m, "/notes.txt"); rec.Code != 200 || rec.Body.String() != "hello" {
			t.Errorf("%s: %d %q", m, rec.Code, rec.Body.String())
		}
		if rec := do(t, h, m, "/missing"); rec.Code != 404 {
			t.Errorf("%s /missing: %d", m, rec.Code)
		}
	}
	for _, m := range []string{"OPTIONS", "TRACE"} {
		if rec := do(t, h, m, "/notes.txt"); rec.Code != http.StatusTeapot {
			t.Errorf("%s: %d, want the fallback's", m, rec.Code)
		}
	}
	if len(fell) != 2 {
		t.Errorf("fallback saw %q", fell)
	}
}

func TestLongestMountpointWins(t *testing.T) {
	rootFS := fstest.MapFS{"static/a.txt": {Data: []byte("root")}, "x.txt": {Data: []byte("rootx")}}
	staticFS := fstest.MapFS{"a.txt": {Data: []byte("static")}, "deep/a.txt": {Data: []byte("static-deep")}}
	deepFS := fstest.MapFS{"a.txt": {Data: []byte("deep")}}
	h := NewHandler([]Mount{
		{Mountpoint: "/", FS: rootFS},
		{Mountpoint: "/static/deep", FS: deepFS},
		{Mountpoint: "/static/", FS: staticFS}, // trailing slash tolerated
	}, Options{}, nil)
	for target, body := range map[string]string{
		"/x.txt":             "rootx",
		"/static/a.txt":      "static",
		"/static/deep/a.txt": "deep",
		"/staticx/a.txt":     "", // not under /static: the root mount, which lacks it
	} {
		rec := do(t, h, "GET", target)
		if body == "" {
			if rec.Code != 404 {
				t.Errorf("%s: %d %q", target, rec.Code, rec.Body.String())
			}
			continue
		}
		if rec.Code != 200 || rec.Body.String() != body {
			t.Errorf("%s: %d %q, want %q", target, rec.Code, rec.Body.String(), body)
		}
	}
}

func TestMountpointRedirect(t *testing.T) {
	h := NewHandler([]Mount{
		{Mountpoint: "/static", FS: testFS()},
		{Mountpoint: "/with space", FS: testFS()},
	}, Options{}, nil)
	cases := map[string]string{
		"/static":       "/static/",
		"/st%61tic":     "/static/",
		"/with%20space": "/with%20space/",
	}
	for target, loc := range cases {
		for _, m := range []string{"GET", "POST"} {
			rec := do(t, h, m, target)
			if rec.Code != 301 || rec.Header().Get("Location") != loc || rec.Body.Len() != 0 ||
				rec.Header().Get("Content-Length") != "0" {
				t.Errorf("%s %s: %d %q %q", m, target, rec.Code, rec.Header().Get("Location"), rec.Body.String())
			}
		}
	}
	if rec := do(t, h, "GET", "/static/"); rec.Code != 200 || rec.Body.String() != "<h1>root</h1>" {
		t.Errorf("/static/: %d %q", rec.Code, rec.Body.String())
	}
}

func TestFallback(t *testing.T) {
	var got []string
	fallback := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.URL.Path)
		w.WriteHeader(http.StatusTeapot)
	})
	h := NewHandler([]Mount{{Mountpoint: "/static", FS: testFS()}}, Options{SecurityHeaders: true}, fallback)

	rec := do(t, h, "POST", "/api/thing")
	if rec.Code != http.StatusTeapot {
		t.Errorf("unmounted: %d", rec.Code)
	}
	// The fallback's response is its own: no headers forced on it.
	if v := rec.Header().Get("Content-Security-Policy"); v != "" {
		t.Errorf("security headers forced on the fallback: %q", v)
	}
	for _, target := range []string{"/static/notes.txt", "/static/missing", "/static/../x"} {
		if rec := do(t, h, "GET", target); rec.Code == http.StatusTeapot {
			t.Errorf("%s went to the fallback", target)
		}
	}
	if len(got) != 1 || got[0] != "/api/thing" {
		t.Errorf("fallback saw %q", got)
	}
}

func TestNilFS(t *testing.T) {
	h := NewHandler([]Mount{{Mountpoint: "/"}}, Options{}, nil)
	if rec := do(t, h, "GET", "/index.html"); rec.Code != 404 {
		t.Errorf("nil FS: %d", rec.Code)
	}
}

// TestConcurrent gives the race detector something to look at: the handler
// must not share state between requests.
func TestConcurrent(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "index.html"), "<h1>x</h1>")
	h := NewHandler([]Mount{
		{Mountpoint: "/", FS: os.DirFS(dir)},
		{Mountpoint: "/m", FS: testFS()},
	}, Options{SecurityHeaders: true}, nil)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for range 50 {
				target := "/"
				if i%2 == 1 {
					target = "/m/notes.txt"
				}
				req := httptest.NewRequest("GET", target, nil)
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != 200 {
					t.Errorf("%s: %d", target, rec.Code)
				}
			}
		})
	}
	wg.Wait()
}
