package mount

import (
	"io"
	"io/fs"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// Mount is one mountpoint, already resolved by the caller.
type Mount struct {
	Mountpoint     string            // URL prefix, e.g. "/" or "/static"
	FS             fs.FS             // files (an Origin, embed.FS, (*os.Root).FS(), fstest.MapFS...)
	Def            string            // default document for directory URLs; "" means "index.html", as in lws
	ExtraMimetypes map[string]string // ".ext" -> type, checked before the built-in table; "*" matches anything
	Cache          Cache             // the cache-control policy of the mount's files
	// Headers go on every response the handler writes for the mount, in
	// this order: lws passes what lws_add_http_header_status adds (the
	// vhost's and the mount's headers, the security headers, the server
	// name), so it leaves Options.SecurityHeaders off.
	Headers []Header
	// Interpret lists the files whose content a protocol rewrites before
	// it is sent (lws's interpret list): the first entry whose Suffix
	// ends the file's name, compared case-sensitively as lws does, names
	// the protocol handed to Hooks.Start.
	Interpret []Interpret
}

// Header is one response header; a trailing colon on Name (lws's spelling,
// "x-frame-options:") is ignored.
type Header struct{ Name, Value string }

// Interpret maps files ending in Suffix (".html") to a Protocol name.
type Interpret struct{ Suffix, Protocol string }

// defDoc is the default document, with lws's fallback when Def is unset.
func (m *Mount) defDoc() string {
	if m.Def == "" {
		return defaultDef
	}
	return m.Def
}

// interpreter is the protocol that rewrites the file name, or "".
func (m *Mount) interpreter(name string) string {
	for _, in := range m.Interpret {
		if len(name) > len(in.Suffix) && strings.HasSuffix(name, in.Suffix) {
			return in.Protocol
		}
	}
	return ""
}

// Options are the vhost options that change what the handler sends.
type Options struct {
	// SecurityHeaders is LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE:
	// every response of the handler carries SetSecurityHeaders' headers.
	SecurityHeaders bool
	// StatusPage is the body of the page the handler answers an error
	// status with (lws passes lws_return_http_status' page); nil sends
	// the status with an empty body.
	StatusPage func(code int) string
}

// Handler serves the mounts of one vhost.
type Handler struct {
	mounts   []Mount
	opts     Options
	fallback http.Handler
}

// NewHandler serves the mounts (longest matching mountpoint wins). Requests
// matching no mount go to fallback, the caller's LWS_CALLBACK_HTTP; if
// fallback is nil they get 404. The package documentation lists every
// answer. mounts is copied, so the caller may reuse its slices and maps.
func NewHandler(mounts []Mount, opts Options, fallback http.Handler) *Handler {
	ms := make([]Mount, len(mounts))
	for i, m := range mounts {
		m.Mountpoint = normMountpoint(m.Mountpoint)
		m.ExtraMimetypes = maps.Clone(m.ExtraMimetypes)
		m.Headers = slices.Clone(m.Headers)
		m.Interpret = slices.Clone(m.Interpret)
		ms[i] = m
	}
	return &Handler{mounts: ms, opts: opts, fallback: fallback}
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// EscapedPath, not Path: Resolve wants the path as sent so that it
	// decodes it exactly once, the way lws sees the URI.
	rt := resolve(h.mounts, r.URL.EscapedPath())
	if rt.verdict >= vRedirect && !FileMethod(r.Method) {
		// lws_find_mount passes over a file mount for other methods.
		rt.verdict = vNoMount
	}
	switch rt.verdict {
	case vReject:
		h.writeStatus(w, r, nil, http.StatusNotFound)
		return
	case vNotAbsolute:
		h.writeStatus(w, r, nil, http.StatusForbidden)
		return
	case vNoMount:
		if h.fallback != nil {
			h.fallback.ServeHTTP(w, r)
			return
		}
		h.writeStatus(w, r, nil, http.StatusNotFound)
		return
	case vRedirect:
		// Built from the configured mountpoint, never from the request,
		// so it can only name this server's own path.
		loc := &url.URL{Path: h.mounts[rt.idx].Mountpoint + "/"}
		h.redirect(w, loc.EscapedPath())
		return
	}
	m := &h.mounts[rt.idx]
	if rt.verdict != vFile || h.serveFile(w, r, m, rt.file, FileRequest{}) == Missing {
		h.writeStatus(w, r, m, http.StatusNotFound)
	}
}

// FileMethod reports whether lws_find_mount lets a file mount take a
// request with this method.
func FileMethod(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut,
		http.MethodPatch, http.MethodDelete:
		return true
	}
	return false
}

// ServeFile serves the file name of mount m (an index into the mounts
// NewHandler got), as lws_http_serve does, and says how it answered. name
// is relative to the mount, as the caller resolved it; anything validFile
// refuses counts as missing. The method is not looked at: lws serves a
// file mount's file to a POST or a PUT as to a GET.
func (h *Handler) ServeFile(w http.ResponseWriter, r *http.Request, m int, name string, fr FileRequest) Result {
	mt := &h.mounts[m]
	if name == "" {
		name = mt.defDoc()
	}
	if mt.FS == nil || !validFile(strings.TrimSuffix(name, "/")) {
		return Missing
	}
	if strings.HasSuffix(name, "/") {
		name += mt.defDoc()
	}
	return h.serveFile(w, r, mt, name, fr)
}

// opened is a regular file ready to serve.
type opened struct {
	f    fs.File
	fi   fs.FileInfo
	name string // as requested, Def appended for a directory: picks the MIME type
	real string // after following links: what was opened
}

// openFile opens name, or the default document inside it when name is a
// directory (lws serves it without redirecting), and succeeds only for a
// regular file reached without leaving fsys.
func openFile(fsys fs.FS, name, def string) (*opened, error) {
	for try := 0; ; try++ {
		real, ok := followLinks(fsys, name)
		if !ok {
			return nil, fs.ErrNotExist
		}
		f, err := fsys.Open(real)
		if err != nil {
			return nil, err
		}
		fi, err := f.Stat()
		if err == nil && fi.Mode().IsRegular() {
			return &opened{f: f, fi: fi, name: name, real: real}, nil
		}
		_ = f.Close()
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() || try > 0 {
			return nil, fs.ErrNotExist
		}
		name += "/" + def
		if !validFile(name) {
			return nil, fs.ErrNotExist
		}
	}
}

// rewind puts the file back at its start, reopening it when it cannot
// seek.
func (of *opened) rewind(fsys fs.FS) error {
	if s, ok := of.f.(io.Seeker); ok {
		_, err := s.Seek(0, io.SeekStart)
		return err
	}
	_ = of.f.Close()
	f, err := fsys.Open(of.real)
	if err != nil {
		f = nil // which the deferred Close skips
	}
	of.f = f
	return err
}
