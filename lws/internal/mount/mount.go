package mount

import (
	"io"
	"io/fs"
	"maps"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Mount is one mountpoint, already resolved by the caller.
type Mount struct {
	Mountpoint     string            // URL prefix, e.g. "/" or "/static"
	FS             fs.FS             // files (an Origin, embed.FS, (*os.Root).FS(), fstest.MapFS...)
	Def            string            // default document for directory URLs; "" means "index.html", as in lws
	ExtraMimetypes map[string]string // ".ext" -> type, checked before the built-in table; "*" matches anything
}

// defDoc is the default document, with lws's fallback when Def is unset.
func (m *Mount) defDoc() string {
	if m.Def == "" {
		return defaultDef
	}
	return m.Def
}

// Options are the vhost options that change what the handler sends.
type Options struct {
	// SecurityHeaders is LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE:
	// every response of the handler carries SetSecurityHeaders' headers.
	SecurityHeaders bool
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
// answer. mounts is copied, so the caller may reuse its slice and maps.
func NewHandler(mounts []Mount, opts Options, fallback http.Handler) *Handler {
	ms := make([]Mount, len(mounts))
	for i, m := range mounts {
		m.Mountpoint = normMountpoint(m.Mountpoint)
		m.ExtraMimetypes = maps.Clone(m.ExtraMimetypes)
		ms[i] = m
	}
	return &Handler{mounts: ms, opts: opts, fallback: fallback}
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// EscapedPath, not Path: Resolve wants the path as sent so that it
	// decodes it exactly once, the way lws sees the URI.
	rt := resolve(h.mounts, r.URL.EscapedPath())
	switch rt.verdict {
	case vReject:
		h.writeStatus(w, r, http.StatusNotFound)
		return
	case vNotAbsolute:
		h.writeStatus(w, r, http.StatusForbidden)
		return
	case vNoMount:
		if h.fallback != nil {
			h.fallback.ServeHTTP(w, r)
			return
		}
		h.writeStatus(w, r, http.StatusNotFound)
		return
	case vRedirect:
		// Built from the configured mountpoint, never from the request,
		// so it can only name this server's own path.
		loc := &url.URL{Path: h.mounts[rt.idx].Mountpoint + "/"}
		h.redirect(w, loc.EscapedPath())
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.writeStatus(w, r, http.StatusMethodNotAllowed)
		return
	}
	if rt.verdict != vFile {
		h.writeStatus(w, r, http.StatusNotFound)
		return
	}
	if !h.serveFile(w, r, &h.mounts[rt.idx], rt.file) {
		h.writeStatus(w, r, http.StatusNotFound)
	}
}

// ServeFile serves the file name of mount m (an index into the mounts
// NewHandler got) and reports whether it answered: false, having written
// nothing, when the mount has no such file, which lws hands to a callback.
// name is relative to the mount, as the caller resolved it; anything
// validFile refuses counts as missing.
func (h *Handler) ServeFile(w http.ResponseWriter, r *http.Request, m int, name string) bool {
	mt := &h.mounts[m]
	if name == "" {
		name = mt.defDoc()
	}
	if mt.FS == nil || !validFile(strings.TrimSuffix(name, "/")) {
		return false
	}
	if strings.HasSuffix(name, "/") {
		name += mt.defDoc()
	}
	return h.serveFile(w, r, mt, name)
}

// serveFile follows lws_http_serve: open, ETag and If-None-Match, then the
// MIME type, then the file. It reports false for a file that is missing.
func (h *Handler) serveFile(w http.ResponseWriter, r *http.Request, m *Mount, name string) bool {
	if m.FS == nil {
		return false
	}
	of, err := openFile(m.FS, name, m.defDoc())
	if err != nil {
		return false
	}
	defer func() {
		if of.f != nil {
			_ = of.f.Close()
		}
	}()

	hashed := of.fi.ModTime().IsZero()
	tag, err := etagFor(of.fi, of.f)
	if err != nil {
		h.writeStatus(w, r, http.StatusInternalServerError)
		return true
	}
	if notModified(r.Header, tag) {
		hdr := h.startResponse(w)
		hdr.Set("Etag", tag)
		hdr.Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusNotModified)
		return true
	}
	typ, ok := mimeType(of.name, m.ExtraMimetypes)
	if !ok {
		h.writeStatus(w, r, http.StatusUnsupportedMediaType)
		return true
	}
	if hashed && r.Method != http.MethodHead {
		// Hashing read the file to its end.
		if err := of.rewind(m.FS); err != nil {
			h.writeStatus(w, r, http.StatusInternalServerError)
			return true
		}
	}

	hdr := h.startResponse(w)
	hdr.Set("Etag", tag)
	// Setting Content-Type, even to "", also stops net/http from sniffing.
	hdr.Set("Content-Type", typ)
	hdr.Set("Content-Length", strconv.FormatInt(of.fi.Size(), 10))
	hdr.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return true
	}
	// CopyN: never send more than the Content-Length just promised, even
	// if the file grew meanwhile. A failure here is the client going away.
	_, _ = io.CopyN(w, of.f, of.fi.Size())
	return true
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
