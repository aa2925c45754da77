package mount

import (
	"io/fs"
	"net/url"
	"path"
	"strings"
)

// MaxPathLen is the longest request path, in bytes as sent (still
// percent-encoded), that is looked up at all. lws refuses URIs that do not
// fit its header buffer; golws answers them 404.
const MaxPathLen = 4096

// defaultDef is lws's default document when lws_http_mount.def is NULL.
const defaultDef = "index.html"

// verdict is what the router decided before any file is touched.
type verdict int

const (
	vReject      verdict = iota // too long or undecodable: 404 whatever the mounts
	vNotAbsolute                // no leading '/': 403, as lws
	vNoMount                    // nothing matches: the fallback
	vRedirect                   // a non-root mountpoint without its slash: 301
	vBadPath                    // a mount matches but the path is refused: 404
	vFile                       // route.file is safe to open in the mount's FS
)

// route is the router's answer for one request path.
type route struct {
	verdict verdict
	idx     int    // matching mount, -1 when none
	file    string // slash-separated, fs.ValidPath; set for vFile and vRedirect
}

// Resolve reports which mount serves urlPath (idx, -1 when none matches) and
// the file inside that mount's FS it names. ok is false when no mount
// matches or when the path is refused (idx >= 0 then: the handler answers
// 404). When ok, file is an fs.ValidPath that contains no "..", no
// backslash and no control byte.
//
// urlPath is the path as sent on the request line, still percent-encoded
// (r.URL.EscapedPath()); Resolve decodes it exactly once. Resolve does no
// I/O: "/sub" yields "sub" even if that is a directory, which the handler
// discovers when it opens it. A trailing slash, the mount's root, and a
// non-root mountpoint without its slash (which the handler first redirects)
// yield the mount's default document.
func Resolve(mounts []Mount, urlPath string) (idx int, file string, ok bool) {
	rt := resolve(mounts, urlPath)
	ok = rt.verdict == vFile || rt.verdict == vRedirect
	return rt.idx, rt.file, ok
}

func resolve(mounts []Mount, raw string) route {
	rt := route{idx: -1}
	if len(raw) > MaxPathLen {
		rt.verdict = vReject
		return rt
	}
	p, err := url.PathUnescape(raw)
	if err != nil {
		rt.verdict = vReject
		return rt
	}
	if !strings.HasPrefix(p, "/") {
		rt.verdict = vNotAbsolute
		return rt
	}

	rt.idx = matchMount(mounts, p)
	if rt.idx < 0 {
		rt.verdict = vNoMount
		return rt
	}
	m := &mounts[rt.idx]
	mp := normMountpoint(m.Mountpoint)
	def := m.defDoc()

	// rest is what follows the mountpoint, without the separating slash.
	var rest string
	switch {
	case mp == "/":
		rest = p[1:]
	case len(p) == len(mp):
		// lws_http_redirect_hit: "/static" must become "/static/" first.
		rt.verdict = vRedirect
		rt.file = def
		if !validFile(def) {
			rt.verdict = vBadPath
			rt.file = ""
		}
		return rt
	default:
		rest = p[len(mp)+1:]
	}

	file, ok := fileFor(rest, def)
	if !ok {
		rt.verdict = vBadPath
		return rt
	}
	rt.verdict = vFile
	rt.file = file
	return rt
}

// matchMount is lws_find_mount: the longest mountpoint that p equals or
// continues with '/'; the first one wins a tie, as in lws's strict '>'.
func matchMount(mounts []Mount, p string) int {
	best, bestLen := -1, -1
	for i := range mounts {
		mp := normMountpoint(mounts[i].Mountpoint)
		if !mountMatches(mp, p) || len(mp) <= bestLen {
			continue
		}
		best, bestLen = i, len(mp)
	}
	return best
}

func mountMatches(mp, p string) bool {
	if mp == "/" {
		return strings.HasPrefix(p, "/")
	}
	return p == mp || strings.HasPrefix(p, mp+"/")
}

// normMountpoint makes "", "static", "/static/" and "//static" all mean
// "/static". lws compares mountpoints byte for byte, so "/static/" there
// would only ever match the exact URL "/static/"; nobody wants that.
func normMountpoint(mp string) string {
	return path.Clean("/" + mp)
}

// fileFor maps what follows the mountpoint to a file name, refusing rather
// than cleaning anything suspicious.
func fileFor(rest, def string) (string, bool) {
	if rest == "" {
		return def, validFile(def)
	}
	dir := strings.HasSuffix(rest, "/")
	if dir {
		rest = rest[:len(rest)-1]
	}
	if !validFile(rest) {
		return "", false
	}
	if dir {
		rest = rest + "/" + def
		return rest, validFile(rest)
	}
	return rest, true
}

// validFile is the one gate every name passes before it reaches an fs.FS.
// fs.ValidPath already refuses empty, "." and ".." elements and invalid
// UTF-8; on top of it go ".." anywhere (so "a..b" too: simpler to state and
// to fuzz than a per-segment rule), backslashes (a separator on Windows)
// and control bytes such as NUL, which C and some file systems truncate at.
func validFile(name string) bool {
	if name == "." || !fs.ValidPath(name) || strings.Contains(name, "..") {
		return false
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; c < 0x20 || c == 0x7f || c == '\\' {
			return false
		}
	}
	return true
}
