package lws

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/golws/golws/lws/internal/mount"
)

// buildMounts checks the vhost's mount list and builds the file server
// its file mounts share. Its mounts are indexed as vh.mounts, callback
// mounts holding their place.
func (vh *Vhost) buildMounts() error {
	var ms []mount.Mount
	for _, m := range vh.mounts {
		switch m.OriginProtocol {
		case MountProtoFile:
			fsys := m.FS
			if fsys == nil {
				if m.Origin == "" {
					return fmt.Errorf("lws: mount %q has neither FS nor Origin", m.Mountpoint)
				}
				// An Origin serves the directory through an os.Root,
				// so no path or link can lead outside it.
				fsys = mount.OpenOrigin(m.Origin)
			}
			ms = append(ms, mount.Mount{
				Mountpoint:     m.Mountpoint,
				FS:             fsys,
				Def:            m.Def,
				ExtraMimetypes: m.ExtraMimetypes,
				Cache: mount.Cache{MaxAge: m.CacheMaxAge, Reusable: m.CacheReusable,
					Revalidate: m.CacheRevalidate, Intermediaries: m.CacheIntermediaries, No: m.CacheNo},
				Headers:   vh.fileHeaders(m),
				Interpret: interpretList(m.Interpret),
			})
		case MountProtoCallback:
			if m.Origin == "" && m.Protocol == "" {
				return fmt.Errorf("lws: callback mount %q names no protocol in Protocol or Origin", m.Mountpoint)
			}
			ms = append(ms, mount.Mount{Mountpoint: m.Mountpoint})
		default:
			return fmt.Errorf("lws: mount %q: origin protocol %d is not supported (LWSMPRO_FILE and LWSMPRO_CALLBACK are)", m.Mountpoint, m.OriginProtocol)
		}
	}
	// The security headers come with each mount's headers.
	opts := mount.Options{StatusPage: func(code int) string { return statusPage(code, "") }}
	vh.files = mount.NewHandler(ms, opts, nil)
	return nil
}

// fileHeaders are the headers AddHTTPHeaderStatus gives the answers of
// file mount m, for the file server, which writes its own.
func (vh *Vhost) fileHeaders(m *HTTPMount) []mount.Header {
	var hs []mount.Header
	vh.eachStatusHeader(m.Headers, false, func(name, value string) bool {
		hs = append(hs, mount.Header{Name: name, Value: value})
		return true
	})
	return hs
}

// interpretList is a mount's interpret pvo list, in its order.
func interpretList(pvo *ProtocolVhostOptions) []mount.Interpret {
	var l []mount.Interpret
	for ; pvo != nil; pvo = pvo.Next {
		l = append(l, mount.Interpret{Suffix: pvo.Name, Protocol: pvo.Value})
	}
	return l
}

// statusPage is the HTML page lws_return_http_status sends with a status
// code, html inside its body.
func statusPage(code int, html string) string {
	return "<html><head><meta charset=utf-8 http-equiv=\"Content-Language\" content=\"en\"/>" +
		"<link rel=\"stylesheet\" type=\"text/css\" href=\"/error.css\"/></head><body><h1>" +
		strconv.Itoa(code) + "</h1>" + html + "</body></html>"
}

// isErrorDocument reports whether uri asks for the vhost's 404 document,
// which lws serves with status 404 (its handling_404).
func isErrorDocument(doc, uri string) bool {
	return doc != "" && strings.TrimPrefix(doc, "/") == strings.TrimPrefix(uri, "/")
}

// serveFile is a file mount answering on the request's goroutine (the
// mount's protocols having their say through fileHooks). A served file
// ends with HTTP_FILE_COMPLETION; a file the mount does not have goes to a
// callback, as in lws. Either way the wsi's callbacks may then answer or
// end the transaction, which carry sees through.
func (w *Wsi) serveFile(rw http.ResponseWriter, r *http.Request, f fileRoute) {
	fr := mount.FileRequest{Hooks: &fileHooks{w: w, r: r, m: w.vh.mounts[f.mount]}}
	if isErrorDocument(w.vh.errorDocument404, f.uri) {
		fr.Status = HTTPStatusNotFound
	}
	res := w.vh.files.ServeFile(rw, r, f.mount, f.name, fr)
	body := false // a callback took the request, and its body
	if !w.ctx.call(r.Context().Done(), func() {
		w.fileDone(res, f)
		body = w.state == stateHTTPBody
	}) || res == mount.Failed {
		w.dropped(rw)
		return
	}
	w.answer(rw, r, body)
}

// answer carries the transaction to its end. body says the wsi takes the
// request's body; a body it does not take (a file served to a POST, a
// request refused with 401) is read and dropped once the answer is out,
// as lws drops it, so that the connection can carry the next request.
func (w *Wsi) answer(rw http.ResponseWriter, r *http.Request, body bool) {
	w.carry(rw, r, body)
	if !body && r.ContentLength != 0 {
		w.dropBody(rw, r)
	}
}

// maxDroppedBody is how much of a body nobody wants is read and dropped
// to keep the connection; net/http's own figure.
const maxDroppedBody = 256 << 10

// dropBody, once the answer is out, reads what is left of the body of a
// request answered without it (a file mount serves its file to a POST),
// so that a connection kept for the next request can carry it, as net/http
// does for a handler that leaves its body unread; past maxDroppedBody the
// connection closes. (With full duplex on, which a request with a body
// gets, net/http would drain it after its own check for the next request,
// which then fails.)
func (w *Wsi) dropBody(rw http.ResponseWriter, r *http.Request) {
	kept := false
	w.ctx.call(r.Context().Done(), func() { kept = w.state == stateHTTPIdle })
	if !kept || http.NewResponseController(rw).Flush() != nil {
		return
	}
	Info("%s: %s %s answered without its body: the body is dropped", w.peer, r.Method, r.URL.Path)
	n, err := io.CopyN(io.Discard, r.Body, maxDroppedBody+1)
	if n > maxDroppedBody || (err != nil && !errors.Is(err, io.EOF)) {
		w.dropped(rw)
	}
}

// fileDone runs on the service goroutine once a file mount tried a file.
func (w *Wsi) fileDone(res mount.Result, f fileRoute) {
	if w.state != stateHTTPRequest {
		return
	}
	switch res {
	case mount.Sent:
		w.http.wrote = true
		w.setState(stateHTTPResponse)
		w.callUser(CallbackHTTPFileCompletion, nil, 0)
		if w.state.inTransaction() {
			// lws takes the next request after a served file whether
			// or not FILE_COMPLETION completed the transaction; it
			// only skips the bind back to protocol 0.
			w.endTransaction()
		}
		return
	case mount.Complete:
		// A 304 or a HEAD: lws ends the transaction itself, with no
		// FILE_COMPLETION.
		w.http.wrote = true
		w.completeOrClose()
		return
	case mount.Failed:
		w.refuse()
		return
	}
	m := w.vh.mounts[f.mount]
	if m.Protocol == "" {
		w.httpCallback(w.protocol, f.uri)
		return
	}
	p := w.vh.NameToProtocol(m.Protocol)
	if p == nil {
		Err("Unable to find plugin '%s'", m.Protocol)
		w.closeHTTP()
		return
	}
	w.bindProtocol(p)
	w.httpCallback(p, f.rest)
}

// completeOrClose ends a transaction golws answered itself, as lws does
// with lws_http_transaction_completed: the connection closes when it
// cannot carry another request.
func (w *Wsi) completeOrClose() {
	if w.TransactionCompleted() != 0 {
		w.closeHTTP()
	}
}

// CallbackHTTPDummy is lws_callback_http_dummy: a protocol-0 callback that
// answers what nobody else does, as lws's does: a request no mount serves
// gets lws's 404 page, a body nobody took a 200, a served file ends its
// transaction. Use it as the first protocol of a vhost that only serves
// mounts and WebSockets, or call it for the reasons a callback does not
// handle.
func CallbackHTTPDummy(wsi *Wsi, reason CallbackReason, user, in any, n int) int {
	switch reason {
	case CallbackHTTP:
		if wsi.ReturnHTTPStatus(HTTPStatusNotFound, "") != 0 || wsi.TransactionCompleted() != 0 {
			return -1
		}
	case CallbackHTTPBodyCompletion:
		if wsi.http != nil && wsi.http.wrote {
			// It already answered: complete instead of answering twice.
			if wsi.TransactionCompleted() != 0 {
				return -1
			}
			break
		}
		if wsi.ReturnHTTPStatus(HTTPStatusOK, "") != 0 {
			return -1
		}
	case CallbackHTTPFileCompletion:
		if wsi.TransactionCompleted() != 0 {
			return -1
		}
	}
	return 0
}
