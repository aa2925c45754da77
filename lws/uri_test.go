package lws

import (
	"strings"
	"testing"
)

// normalizeURI gives what lws's URI parser gives (lws main, checked on a C
// build for the cases marked C; the rest follow from the same rules).
func TestNormalizeURI(t *testing.T) {
	for raw, want := range map[string]string{
		"/":              "/",
		"/a//b":          "/a/b", // C
		"/a/./b":         "/a/b", // C
		"/a/../b":        "/b",   // C
		"/../a":          "/a",   // C
		"/a/.":           "/a/",  // C
		"/x/y/..":        "/x",   // C
		"/.well-known/x": "/.well-known/x",
		"/..x/y":         "/..x/y",
		"/%2e%2e/a":      "/a",
		"/a%2f%2fb":      "/a/b",
		"/a+b":           "/a b",
		"/a%2Bb":         "/a+b",
		"//../..//x":     "/x",
	} {
		if got, err := normalizeURI(raw); err != nil || got != want {
			t.Errorf("%q: got %q, %v; want %q", raw, got, err, want)
		}
	}
	for raw, want := range map[string]error{"/%zz": errURIEscape, "/a%2": errURIEscape, "/a%00b": errURINUL} {
		if _, err := normalizeURI(raw); err != want {
			t.Errorf("%q: got %v, want %v", raw, err, want)
		}
	}
}

// Whatever comes in, what goes out of an absolute path stays absolute and
// has no empty, "." or ".." segment to climb with.
func FuzzNormalizeURI(f *testing.F) {
	for _, s := range []string{"/a/../b", "/%2e%2e/%2e%2e", "//x/./y/..", "/a%2f..%2fb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		out, err := normalizeURI(raw)
		if err != nil || !strings.HasPrefix(raw, "/") {
			return
		}
		if !strings.HasPrefix(out, "/") {
			t.Fatalf("%q became %q", raw, out)
		}
		for i, seg := range strings.Split(out, "/")[1:] {
			last := i == strings.Count(out, "/")-1
			if seg == ".." || (seg == "" && !last) || (seg == "." && !last) {
				t.Fatalf("%q became %q", raw, out)
			}
		}
	})
}
