package mount

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

var resolveMounts = []Mount{
	{Mountpoint: "/"},
	{Mountpoint: "/static"},
	{Mountpoint: "/static/deep", Def: "home.htm"},
	{Mountpoint: "/bad", Def: "../index.html"},
}

func TestResolve(t *testing.T) {
	cases := []struct {
		path string
		idx  int
		file string
		ok   bool
	}{
		{"/", 0, "index.html", true},
		{"/a.txt", 0, "a.txt", true},
		{"/sub/", 0, "sub/index.html", true},
		{"/sub", 0, "sub", true},
		{"/sub/a.b.c", 0, "sub/a.b.c", true},
		{"/static", 1, "index.html", true}, // the handler redirects first
		{"/static/", 1, "index.html", true},
		{"/static/x.js", 1, "x.js", true},
		{"/static/deep", 2, "home.htm", true},
		{"/static/deep/", 2, "home.htm", true},
		{"/static/deep/a/", 2, "a/home.htm", true},
		{"/staticx", 0, "staticx", true},
		{"/st%61tic/a", 1, "a", true},
		{"/a%2Fb.txt", 0, "a/b.txt", true}, // an encoded slash is a slash, as in lws
		{"/100%25.txt", 0, "100%.txt", true},
		{"/%252e%252e/x", 0, "%2e%2e/x", true}, // decoded once only: a literal name
		{"/with%20space.html", 0, "with space.html", true},
		{"/caf%C3%A9.html", 0, "café.html", true},

		{"/bad", 3, "", false}, // Def escapes: nothing under /bad/ has a default document
		{"/bad/", 3, "", false},
		{"/bad/x.txt", 3, "x.txt", true},
		{"/../etc/passwd", 0, "", false},
		{"/%2e%2e/secret", 0, "", false},
		{"/a/..%2fb", 0, "", false},
		{"//etc/passwd", 0, "", false},
		{"/static//x", 1, "", false},
		{"/sub//", 0, "", false},
		{"/a\\..\\b", 0, "", false},
		{"/x%00.html", 0, "", false},
		{"/x%0d%0a.html", 0, "", false},
		{"/x%7f.html", 0, "", false},
		{"/a..b", 0, "", false}, // ".." anywhere, deliberately
		{"/.", 0, "", false},
		{"/%ff.html", 0, "", false}, // invalid UTF-8

		{"", -1, "", false},
		{"*", -1, "", false},
		{"x/y", -1, "", false},
		{"/%zz", -1, "", false},
		{"/%", -1, "", false},
		{"/" + strings.Repeat("a", MaxPathLen), -1, "", false},
	}
	for _, c := range cases {
		idx, file, ok := Resolve(resolveMounts, c.path)
		if idx != c.idx || file != c.file || ok != c.ok {
			t.Errorf("Resolve(%q) = %d, %q, %v; want %d, %q, %v", c.path, idx, file, ok, c.idx, c.file, c.ok)
		}
	}

	// The handler's traversal table, seen from Resolve.
	for _, p := range traversal {
		switch p {
		case "/escape.txt", "/abs.txt":
			continue // fine names; the links behind them are the handler's business
		case "/%252e%252e/secret.txt":
			continue // decoded once it is a literal "%2e%2e" directory, below
		}
		if _, file, ok := Resolve(resolveMounts, p); ok {
			t.Errorf("Resolve(%q) accepted %q", p, file)
		}
	}
}

func TestResolveNoMounts(t *testing.T) {
	for _, p := range []string{"/", "/x", "/static/a"} {
		if idx, file, ok := Resolve(nil, p); idx != -1 || file != "" || ok {
			t.Errorf("Resolve(nil, %q) = %d, %q, %v", p, idx, file, ok)
		}
	}
	// Only the deeper mount: its parent is not covered.
	only := []Mount{{Mountpoint: "/static"}}
	if idx, _, _ := Resolve(only, "/other"); idx != -1 {
		t.Errorf("/other matched mount %d", idx)
	}
}

func TestResolveVerdicts(t *testing.T) {
	cases := map[string]verdict{
		"/" + strings.Repeat("a", MaxPathLen): vReject,
		"/%zz":                                vReject,
		"*":                                   vNotAbsolute,
		"/nomount":                            vNoMount,
		"/static":                             vRedirect,
		"/static/../x":                        vBadPath,
		"/static/x":                           vFile,
	}
	mounts := []Mount{{Mountpoint: "/static"}}
	for p, want := range cases {
		if got := resolve(mounts, p).verdict; got != want {
			t.Errorf("resolve(%q) = %d, want %d", p[:min(len(p), 30)], got, want)
		}
	}
}

func TestTieFirstMountWins(t *testing.T) {
	mounts := []Mount{{Mountpoint: "/a"}, {Mountpoint: "/a/"}, {Mountpoint: "a"}}
	if idx, _, _ := Resolve(mounts, "/a/x"); idx != 0 {
		t.Errorf("tie went to mount %d", idx)
	}
}

func TestNormMountpoint(t *testing.T) {
	for in, want := range map[string]string{
		"": "/", "/": "/", "//": "/", "static": "/static", "/static/": "/static",
		"//static": "/static", "/a/b/": "/a/b", "/a/../b": "/b",
	} {
		if got := normMountpoint(in); got != want {
			t.Errorf("normMountpoint(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestValidFile(t *testing.T) {
	for name, want := range map[string]bool{
		"a": true, "a/b.txt": true, "a b": true, "é": true, ".hidden": true,
		"": false, ".": false, "..": false, "a/..": false, "a..b": false, "/a": false,
		"a/": false, "a//b": false, "a\\b": false, "a\x00b": false, "a\tb": false,
		"a\x7f": false, "\xff": false, "./a": false,
	} {
		if got := validFile(name); got != want {
			t.Errorf("validFile(%q) = %v", name, got)
		}
	}
}

func TestFollowLinks(t *testing.T) {
	fsys := fstest.MapFS{
		"a/file.txt": {Data: []byte("x")},
		"in":         {Data: []byte("a/file.txt"), Mode: os.ModeSymlink},
		"dir":        {Data: []byte("a"), Mode: os.ModeSymlink},
		"chain":      {Data: []byte("in"), Mode: os.ModeSymlink},
		"a/up":       {Data: []byte("../a/file.txt"), Mode: os.ModeSymlink},
		"a/root":     {Data: []byte(".."), Mode: os.ModeSymlink},
		"out":        {Data: []byte("../x"), Mode: os.ModeSymlink},
		"a/out":      {Data: []byte("../../x"), Mode: os.ModeSymlink},
		"abs":        {Data: []byte("/etc/passwd"), Mode: os.ModeSymlink},
		"back":       {Data: []byte("a\\file.txt"), Mode: os.ModeSymlink},
		"empty":      {Data: nil, Mode: os.ModeSymlink},
		"loop1":      {Data: []byte("loop2"), Mode: os.ModeSymlink},
		"loop2":      {Data: []byte("loop1"), Mode: os.ModeSymlink},
	}
	cases := []struct {
		name, want string
		ok         bool
	}{
		{"a/file.txt", "a/file.txt", true},
		{"in", "a/file.txt", true},
		{"dir/file.txt", "a/file.txt", true},
		{"chain", "a/file.txt", true},
		{"a/up", "a/file.txt", true},
		{"a/root/in", "a/file.txt", true},
		{"a/root", ".", true},
		{"missing", "", false},
		{"out", "", false},
		{"a/out", "", false},
		{"abs", "", false},
		{"back", "", false},
		{"empty", "", false},
		{"loop1", "", false},
	}
	for _, c := range cases {
		got, ok := followLinks(fsys, c.name)
		if got != c.want || ok != c.ok {
			t.Errorf("followLinks(%q) = %q, %v; want %q, %v", c.name, got, ok, c.want, c.ok)
		}
	}

	// Without fs.ReadLinkFS there is nothing to check.
	if got, ok := followLinks(onlyOpen{fsys}, "out"); got != "out" || !ok {
		t.Errorf("plain FS: %q, %v", got, ok)
	}
}

// onlyOpen hides every optional interface of the FS it wraps, as embed.FS
// has no ReadLink.
type onlyOpen struct{ fsys fstest.MapFS }

func (o onlyOpen) Open(name string) (fs.File, error) { return o.fsys.Open(name) }
