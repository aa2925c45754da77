package mount

import (
	"errors"
	"io"
	"net/http"
	"strconv"
)

// Result says how ServeFile answered.
type Result int

const (
	// Missing: nothing was written, the mount has no such file; lws
	// hands the request to a protocol's LWS_CALLBACK_HTTP.
	Missing Result = iota
	// Complete: a whole answer without the file's content (a 304, a
	// HEAD, an error page); lws ends the transaction itself, without
	// LWS_CALLBACK_HTTP_FILE_COMPLETION.
	Complete
	// Sent: the file's content went out; lws follows with
	// LWS_CALLBACK_HTTP_FILE_COMPLETION.
	Sent
	// Failed: the answer could not be finished (a hook refused it, the
	// client went away, the file could not be read): the connection
	// must close.
	Failed
)

// FileRequest is what ServeFile needs from the server besides the request.
type FileRequest struct {
	// Status is the status a found file is served with: 0 means 200.
	// lws serves its error_document_404 itself with 404.
	Status int
	// Hooks, if not nil, give the server its say on the answer.
	Hooks Hooks
}

// Hooks are the server's part in serving a file. ServeFile calls them on
// the request's goroutine; lws runs its callbacks on the service
// goroutine, so the implementation hands each call there and waits.
type Hooks interface {
	// Start is called once the file will be answered with its head (not
	// for a 304): interpret is the protocol that is to rewrite the
	// content, "" for none (the mount's Interpret). It returns headers to
	// add to the answer (LWS_CALLBACK_ADD_HEADERS), or false to give up
	// the answer: the connection closes.
	Start(interpret string) (extra http.Header, ok bool)
	// Process is LWS_CALLBACK_PROCESS_HTML: it returns what to send in
	// place of the piece p of an interpreted file, final on its last
	// piece, or false to give up the answer.
	Process(p []byte, final bool) ([]byte, bool)
}

// InterpretChunk is the size of the pieces of an interpreted file, as lws
// reads them on HTTP/1: its 4096-byte buffer less the room it keeps for
// framing and for the rewrite to grow.
const InterpretChunk = 3949

// errHookRefused: the server's hook gave up the answer.
var errHookRefused = errors.New("mount: the answer was given up")

// serveFile follows lws_http_serve: open, ETag and If-None-Match, then the
// MIME type, the interpreter and the server's headers, then the file.
func (h *Handler) serveFile(w http.ResponseWriter, r *http.Request, m *Mount, name string, fr FileRequest) Result {
	if m.FS == nil {
		return Missing
	}
	of, err := openFile(m.FS, name, m.defDoc())
	if err != nil {
		return Missing
	}
	defer func() {
		if of.f != nil {
			_ = of.f.Close()
		}
	}()

	hashed := of.fi.ModTime().IsZero()
	tag, err := etagFor(of.fi, of.f)
	if err != nil {
		h.writeStatus(w, r, m, http.StatusInternalServerError)
		return Complete
	}
	cc := m.Cache.control()
	if notModified(r.Header, tag) {
		hdr := h.startResponse(w, m)
		hdr.Set("Etag", tag)
		hdr.Set("Cache-Control", cc)
		w.WriteHeader(http.StatusNotModified)
		return Complete
	}
	typ, ok := mimeType(of.name, m.ExtraMimetypes)
	if !ok {
		// lws main no longer refuses a file it has no type for.
		typ = "application/octet-stream"
	}
	interp := m.interpreter(of.name)
	var extra http.Header
	if fr.Hooks != nil {
		if extra, ok = fr.Hooks.Start(interp); !ok {
			return Failed
		}
	}
	if hashed && r.Method != http.MethodHead {
		// Hashing read the file to its end.
		if err := of.rewind(m.FS); err != nil {
			h.writeStatus(w, r, m, http.StatusInternalServerError)
			return Complete
		}
	}

	hdr := h.startResponse(w, m)
	if typ != "" {
		hdr.Set("Content-Type", typ)
	} else {
		hdr["Content-Type"] = nil // lws sends none; net/http must not sniff one
	}
	if interp == "" {
		hdr.Set("Content-Length", strconv.FormatInt(of.fi.Size(), 10))
	} else {
		// An interpreted file changes length on its way: it goes out
		// chunked, as from lws. net/http does the framing (on HTTP/1.1;
		// an HTTP/1.0 answer ends with the connection instead).
		hdr.Set("Transfer-Encoding", "chunked")
	}
	if extra.Get("Cache-Control") == "" {
		// A cache-control from ADD_HEADERS replaces the mount's.
		hdr.Set("Cache-Control", cc)
	}
	hdr.Set("Etag", tag)
	for k, vs := range extra {
		hdr[k] = append(hdr[k], vs...)
	}
	status := fr.Status
	if status == 0 {
		status = http.StatusOK
	}
	w.WriteHeader(status)
	if r.Method == http.MethodHead {
		return Complete
	}
	if interp != "" {
		err = interpret(w, of.f, of.fi.Size(), fr.Hooks)
	} else {
		// CopyN: never send more than the Content-Length just promised,
		// even if the file grew meanwhile.
		_, err = io.CopyN(w, of.f, of.fi.Size())
	}
	if err != nil {
		return Failed
	}
	return Sent
}

// interpret sends size bytes of f in InterpretChunk pieces, each rewritten
// by hooks.Process. A file that ends early fails: the last piece was never
// marked final.
func interpret(w http.ResponseWriter, f io.Reader, size int64, hooks Hooks) error {
	if hooks == nil {
		_, err := io.CopyN(w, f, size)
		return err
	}
	buf := make([]byte, InterpretChunk)
	for sent := int64(0); sent < size; {
		n, err := io.ReadFull(f, buf[:min(int64(len(buf)), size-sent)])
		if err != nil {
			return err
		}
		sent += int64(n)
		out, ok := hooks.Process(buf[:n], sent == size)
		if !ok {
			return errHookRefused
		}
		if _, err := w.Write(out); err != nil {
			return err
		}
		// One chunk per piece, as lws sends them.
		if err := http.NewResponseController(w).Flush(); err != nil {
			return err
		}
	}
	return nil
}
