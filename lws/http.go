package lws

import (
	"fmt"
	"net/http"

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
			ms = append(ms, mount.Mount{Mountpoint: m.Mountpoint, FS: fsys, Def: m.Def, ExtraMimetypes: m.ExtraMimetypes})
		case MountProtoCallback:
			if m.Origin == "" {
				return fmt.Errorf("lws: callback mount %q names no protocol in Origin", m.Mountpoint)
			}
			ms = append(ms, mount.Mount{Mountpoint: m.Mountpoint})
		default:
			return fmt.Errorf("lws: mount %q: origin protocol %d is not supported (LWSMPRO_FILE and LWSMPRO_CALLBACK are)", m.Mountpoint, m.OriginProtocol)
		}
	}
	opts := mount.Options{SecurityHeaders: vh.options&ServerOptionHTTPHeadersSecurityBestPracticesEnforce != 0}
	vh.files = mount.NewHandler(ms, opts, nil)
	return nil
}

// serveFile is a file mount answering on the request's goroutine. A
// served file ends with HTTP_FILE_COMPLETION; a file the mount does not
// have goes to a callback, as in lws. Either way the wsi's callbacks may
// then answer or end the transaction, which carry sees through.
func (w *Wsi) serveFile(rw http.ResponseWriter, r *http.Request, f fileRoute) {
	served := w.vh.files.ServeFile(rw, r, f.mount, f.name)
	if !w.ctx.call(r.Context().Done(), func() { w.fileDone(served, f) }) {
		w.dropped(rw)
		return
	}
	w.carry(rw, r, false)
}

// fileDone runs on the service goroutine once a file mount tried a file.
func (w *Wsi) fileDone(served bool, f fileRoute) {
	if w.state != stateHTTPRequest {
		return
	}
	if served {
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
