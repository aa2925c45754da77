package mount

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

// fakeHooks records what ServeFile asks of the server.
type fakeHooks struct {
	started []string
	pieces  []string
	finals  []bool
	extra   http.Header
	refuse  string // "start" or "process"
}

func (f *fakeHooks) Start(interp string) (http.Header, bool) {
	f.started = append(f.started, interp)
	return f.extra, f.refuse != "start"
}

func (f *fakeHooks) Process(p []byte, final bool) ([]byte, bool) {
	f.pieces = append(f.pieces, string(p))
	f.finals = append(f.finals, final)
	return []byte(strings.ToUpper(string(p))), f.refuse != "process"
}

func serveFile(t *testing.T, h *Handler, method, target, name string, fr FileRequest, hdr ...string) (*httptest.ResponseRecorder, Result) {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Add(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	return rec, h.ServeFile(rec, req, 0, name, fr)
}

// ServeFile says how it answered: lws follows a file's content with
// FILE_COMPLETION, ends a 304 or a HEAD itself, hands a miss to a callback.
func TestServeFileResults(t *testing.T) {
	h := NewHandler([]Mount{{Mountpoint: "/", FS: testFS()}}, Options{}, nil)
	hooks := &fakeHooks{}
	rec, res := serveFile(t, h, "GET", "/notes.txt", "notes.txt", FileRequest{Hooks: hooks})
	if res != Sent || rec.Body.String() != "hello" || len(hooks.started) != 1 || hooks.started[0] != "" {
		t.Errorf("GET: %v %q, started %q", res, rec.Body.String(), hooks.started)
	}
	tag := rec.Header().Get("Etag")
	if rec, res = serveFile(t, h, "HEAD", "/notes.txt", "notes.txt", FileRequest{}); res != Complete || rec.Body.Len() != 0 {
		t.Errorf("HEAD: %v", res)
	}
	// A 304 is decided before the server has its say.
	hooks = &fakeHooks{}
	if rec, res = serveFile(t, h, "GET", "/notes.txt", "notes.txt", FileRequest{Hooks: hooks}, "If-None-Match", tag); res != Complete || rec.Code != 304 || len(hooks.started) != 0 {
		t.Errorf("304: %v %d, started %q", res, rec.Code, hooks.started)
	}
	if rec, res = serveFile(t, h, "GET", "/nope.txt", "nope.txt", FileRequest{}); res != Missing || rec.Code != 200 || rec.Body.Len() != 0 || len(rec.Header()) != 0 {
		t.Errorf("missing: %v, wrote %d %v", res, rec.Code, rec.Header())
	}
	// The server giving up: nothing was written.
	hooks = &fakeHooks{refuse: "start"}
	if rec, res = serveFile(t, h, "GET", "/notes.txt", "notes.txt", FileRequest{Hooks: hooks}); res != Failed || rec.Body.Len() != 0 || rec.Header().Get("Etag") != "" {
		t.Errorf("refused: %v %v", res, rec.Header())
	}
	// lws's error_document_404 is served with 404.
	if rec, res = serveFile(t, h, "GET", "/notes.txt", "notes.txt", FileRequest{Status: 404}); res != Sent || rec.Code != 404 || rec.Body.String() != "hello" {
		t.Errorf("status: %v %d %q", res, rec.Code, rec.Body.String())
	}
	// Any method: lws serves the file to a POST too.
	if rec, res = serveFile(t, h, "POST", "/notes.txt", "notes.txt", FileRequest{}); res != Sent || rec.Body.String() != "hello" {
		t.Errorf("POST: %v %q", res, rec.Body.String())
	}
}

// The headers Start returns join the answer; a cache-control among them
// replaces the mount's.
func TestServeFileExtraHeaders(t *testing.T) {
	h := NewHandler([]Mount{{Mountpoint: "/", FS: testFS(), Cache: Cache{MaxAge: 9, Reusable: true}}}, Options{}, nil)
	hooks := &fakeHooks{extra: http.Header{"X-Added": {"1"}}}
	rec, _ := serveFile(t, h, "GET", "/notes.txt", "notes.txt", FileRequest{Hooks: hooks})
	if rec.Header().Get("X-Added") != "1" || rec.Header().Get("Cache-Control") != "private, max-age=9" {
		t.Errorf("extra: %v", rec.Header())
	}
	hooks.extra = http.Header{"Cache-Control": {"max-age=5"}}
	rec, _ = serveFile(t, h, "GET", "/notes.txt", "notes.txt", FileRequest{Hooks: hooks})
	if v := rec.Header().Values("Cache-Control"); len(v) != 1 || v[0] != "max-age=5" {
		t.Errorf("cache-control: %q", v)
	}
}

// A mount's Headers go on every answer for it, the file server's own pages
// included, with lws's colon dropped and duplicates kept; the page bodies
// are Options.StatusPage's.
func TestMountHeaders(t *testing.T) {
	page := func(code int) string { return "page " + http.StatusText(code) }
	h := NewHandler([]Mount{
		{Mountpoint: "/", FS: testFS()},
		{Mountpoint: "/m", FS: testFS(), Headers: []Header{{"x-a:", "1"}, {"X-B", "2"}, {"x-a", "3"}}},
	}, Options{StatusPage: page}, nil)
	for _, target := range []string{"/m/notes.txt", "/m/nope", "/m/../x"} {
		rec := do(t, h, "GET", target)
		if v := rec.Header().Values("X-A"); len(v) != 2 || v[0] != "1" || v[1] != "3" || rec.Header().Get("X-B") != "2" {
			t.Errorf("%s: %v", target, rec.Header())
		}
	}
	if rec := do(t, h, "GET", "/m/nope"); rec.Body.String() != "page Not Found" {
		t.Errorf("404 page %q", rec.Body.String())
	}
	if rec := do(t, h, "GET", "/notes.txt"); rec.Header().Get("X-A") != "" {
		t.Errorf("another mount's headers: %v", rec.Header())
	}
}

// An interpreted file goes out in InterpretChunk pieces through Process,
// the last one final, without a length; only the first matching suffix
// counts, compared case-sensitively as lws does.
func TestServeFileInterpret(t *testing.T) {
	big := strings.Repeat("abcdefgh", 1000) // 8000 bytes: 3949 + 3949 + 102
	fsys := fstest.MapFS{"a.html": {Data: []byte("<p>x</p>")}, "big.html": {Data: []byte(big)}, "b.HTML": {Data: []byte("up")}, "e.html": {}}
	h := NewHandler([]Mount{{Mountpoint: "/", FS: fsys, Interpret: []Interpret{{".html", "one"}, {"a.html", "two"}}}}, Options{}, nil)

	hooks := &fakeHooks{}
	rec, res := serveFile(t, h, "GET", "/a.html", "a.html", FileRequest{Hooks: hooks})
	if res != Sent || rec.Body.String() != "<P>X</P>" || hooks.started[0] != "one" || rec.Header().Get("Content-Length") != "" ||
		rec.Header().Get("Transfer-Encoding") != "chunked" {
		t.Errorf("interpreted: %v %q %q %v", res, rec.Body.String(), hooks.started, rec.Header())
	}
	hooks = &fakeHooks{}
	if rec, _ = serveFile(t, h, "GET", "/big.html", "big.html", FileRequest{Hooks: hooks}); rec.Body.String() != strings.ToUpper(big) {
		t.Errorf("big: %d bytes", rec.Body.Len())
	}
	if len(hooks.pieces) != 3 || len(hooks.pieces[0]) != InterpretChunk || len(hooks.pieces[2]) != 102 ||
		hooks.finals[0] || hooks.finals[1] || !hooks.finals[2] {
		t.Errorf("pieces %d, finals %v", len(hooks.pieces), hooks.finals)
	}
	hooks = &fakeHooks{}
	if rec, _ = serveFile(t, h, "GET", "/b.HTML", "b.HTML", FileRequest{Hooks: hooks}); rec.Body.String() != "up" || hooks.started[0] != "" {
		t.Errorf("case: %q %q", rec.Body.String(), hooks.started)
	}
	// An empty file: no piece at all, as in lws.
	hooks = &fakeHooks{}
	if _, res = serveFile(t, h, "GET", "/e.html", "e.html", FileRequest{Hooks: hooks}); res != Sent || len(hooks.pieces) != 0 {
		t.Errorf("empty: %v %d pieces", res, len(hooks.pieces))
	}
	hooks = &fakeHooks{refuse: "process"}
	if _, res = serveFile(t, h, "GET", "/a.html", "a.html", FileRequest{Hooks: hooks}); res != Failed {
		t.Errorf("Process refusing: %v", res)
	}
	// HEAD starts (lws binds the interpreter) but sends nothing.
	hooks = &fakeHooks{}
	if _, res = serveFile(t, h, "HEAD", "/a.html", "a.html", FileRequest{Hooks: hooks}); res != Complete || len(hooks.started) != 1 || len(hooks.pieces) != 0 {
		t.Errorf("HEAD: %v %q %q", res, hooks.started, hooks.pieces)
	}
}
