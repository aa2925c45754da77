package mount

import (
	"errors"
	"io"
	"io/fs"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// TestOriginRefusesEscapes opens through the Origin directly, without
// followLinks' check in front: the Root alone must refuse every way out,
// which is what holds when a link appears after that check ran.
func TestOriginRefusesEscapes(t *testing.T) {
	o := OpenOrigin(escapeTree(t))
	defer func() { _ = o.Close() }()
	for _, name := range []string{"escape.txt", "abs.txt", "up/secret.txt", "subdir/../../secret.txt", "loop1"} {
		if f, err := o.Open(name); err == nil {
			_ = f.Close()
			t.Errorf("Open(%q) succeeded", name)
		}
	}
	// Links that stay inside are followed, as lws follows them.
	for _, name := range []string{"inside.html", "subdir/page.html"} {
		if b, err := fs.ReadFile(o, name); err != nil || string(b) != "<h1>page</h1>" {
			t.Errorf("ReadFile(%q) = %q, %v", name, b, err)
		}
	}
	if fi, err := o.Lstat("escape.txt"); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("Lstat(escape.txt) = %v, %v: want the link itself", fi, err)
	}
	if target, err := o.ReadLink("escape.txt"); err != nil || target != "../secret.txt" {
		t.Errorf("ReadLink(escape.txt) = %q, %v", target, err)
	}
}

// TestOriginLifecycle: a directory missing at first answers 404 and is
// served once it exists; after Close every request is 404, and Close is
// idempotent.
func TestOriginLifecycle(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "late")
	o := OpenOrigin(dir)
	h := NewHandler([]Mount{{Mountpoint: "/", FS: o}}, Options{}, nil)
	if rec := do(t, h, "GET", "/index.html"); rec.Code != 404 {
		t.Fatalf("before the directory exists: %d", rec.Code)
	}
	mustWrite(t, filepath.Join(dir, "index.html"), "<h1>late</h1>")
	if rec := do(t, h, "GET", "/"); rec.Code != 200 || rec.Body.String() != "<h1>late</h1>" {
		t.Fatalf("once it exists: %d %q", rec.Code, rec.Body.String())
	}
	if err := o.Close(); err != nil {
		t.Fatal(err)
	}
	if err := o.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if rec := do(t, h, "GET", "/"); rec.Code != 404 {
		t.Errorf("after Close: %d", rec.Code)
	}
	if _, err := o.Open("index.html"); !errors.Is(err, fs.ErrClosed) {
		t.Errorf("Open after Close: %v, want fs.ErrClosed", err)
	}
}

// TestCloseHandler closes the handler's Origins and nothing else; a file
// already open stays readable.
func TestCloseHandler(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "index.html"), "<h1>x</h1>")
	o := OpenOrigin(dir)
	mapFS := fstest.MapFS{"index.html": {Data: []byte("<h1>map</h1>")}}
	h := NewHandler([]Mount{
		{Mountpoint: "/", FS: o},
		{Mountpoint: "/m", FS: mapFS},
	}, Options{}, nil)
	f, err := o.Open("index.html")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	if err := h.Close(); err != nil {
		t.Fatal(err)
	}
	if rec := do(t, h, "GET", "/"); rec.Code != 404 {
		t.Errorf("Origin mount after Close: %d", rec.Code)
	}
	if rec := do(t, h, "GET", "/m/"); rec.Code != 200 || rec.Body.String() != "<h1>map</h1>" {
		t.Errorf("MapFS mount after Close: %d %q", rec.Code, rec.Body.String())
	}
	if b, err := io.ReadAll(f); err != nil || string(b) != "<h1>x</h1>" {
		t.Errorf("a file opened before Close: %q, %v", b, err)
	}
}
