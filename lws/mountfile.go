package lws

import (
	"net/http"

	"github.com/golws/golws/lws/internal/mount"
)

// fileHooks give a file mount's protocols their part in serving a file
// (mount.Hooks): the file server calls them on the request's goroutine and
// they run the callbacks on the service goroutine, waiting for them.
type fileHooks struct {
	w *Wsi
	r *http.Request
	m *HTTPMount
	// interp is the protocol rewriting the file, once Start bound it;
	// written and read on the service goroutine only.
	interp *Protocol
}

// Start binds the protocol that interprets the file, if any, then the
// mount's protocol, which adds its headers (LWS_CALLBACK_ADD_HEADERS), as
// lws_http_serve does once it knows it will send the file.
func (h *fileHooks) Start(interp string) (extra http.Header, ok bool) {
	h.w.ctx.call(h.r.Context().Done(), func() { extra, ok = h.w.fileStart(h, interp) })
	return extra, ok
}

// Process hands a piece of an interpreted file to its protocol as
// LWS_CALLBACK_PROCESS_HTML and returns what it made of it.
func (h *fileHooks) Process(p []byte, final bool) (out []byte, ok bool) {
	h.w.ctx.call(h.r.Context().Done(), func() { out, ok = h.w.processHTML(h.interp, p, final) })
	return out, ok
}

func (w *Wsi) fileStart(h *fileHooks, interp string) (http.Header, bool) {
	if w.state != stateHTTPRequest {
		return nil, false
	}
	if interp != "" {
		p := w.vh.NameToProtocol(interp)
		if p == nil {
			Err("lws_http_serve: no protocol '%s' to interpret %s", interp, h.r.URL.Path)
			return nil, false
		}
		w.bindProtocol(p)
		h.interp = p
	}
	if h.m.Protocol == "" {
		return nil, true
	}
	p := w.vh.NameToProtocol(h.m.Protocol)
	if p == nil {
		Err("Unable to find plugin '%s'", h.m.Protocol)
		return nil, false
	}
	w.bindProtocol(p)
	buf := make([]byte, Pre+RecommendedMinHeaderSpace)
	args := &ProcessHTMLArgs{Head: PtrTo(buf, Pre), End: PtrTo(buf, len(buf))}
	args.MaxLen = args.End.Diff(args.Head)
	if w.call(p, CallbackAddHeaders, w.user, args, 0) != 0 {
		return nil, false
	}
	extra := http.Header{}
	addHeadLines(extra, args.Head.buf[Pre:args.Head.off])
	return extra, true
}

// processHTML runs PROCESS_HTML for one piece; below 0 drops the
// connection, as in lws.
func (w *Wsi) processHTML(p *Protocol, piece []byte, final bool) ([]byte, bool) {
	if w.state != stateHTTPRequest || p == nil {
		return nil, false
	}
	args := &ProcessHTMLArgs{P: string(piece), Len: len(piece), MaxLen: mount.InterpretChunk + 128}
	if final {
		args.Final = 1
	}
	if w.call(p, CallbackProcessHTML, w.user, args, 0) < 0 {
		return nil, false
	}
	if args.Len < 0 || args.Len > len(args.P) {
		Err("LWS_CALLBACK_PROCESS_HTML: %s: Len %d outside P (%d bytes)", p.Name, args.Len, len(args.P))
		return nil, false
	}
	return []byte(args.P[:args.Len]), true
}
