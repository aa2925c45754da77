package lws

import (
	"fmt"
	"net/http"

	"github.com/golws/golws/lws/internal/mount"
)

// buildMountHandler turns the vhost's mount list into the handler for
// plain HTTP requests. URLs under no mount go to protocol 0 as
// CallbackHTTP.
func (vh *Vhost) buildMountHandler() error {
	var ms []mount.Mount
	for _, m := range vh.mounts {
		if m.OriginProtocol != MountProtoFile {
			return fmt.Errorf("lws: mount %q: origin protocol %d is not supported (only LWSMPRO_FILE)", m.Mountpoint, m.OriginProtocol)
		}
		fsys := m.FS
		if fsys == nil {
			if m.Origin == "" {
				return fmt.Errorf("lws: mount %q has neither FS nor Origin", m.Mountpoint)
			}
			fsys = mount.OpenOrigin(m.Origin)
		}
		ms = append(ms, mount.Mount{Mountpoint: m.Mountpoint, FS: fsys, Def: m.Def, ExtraMimetypes: m.ExtraMimetypes})
	}
	opts := mount.Options{SecurityHeaders: vh.options&ServerOptionHTTPHeadersSecurityBestPracticesEnforce != 0}
	vh.mountHandler = mount.NewHandler(ms, opts, http.HandlerFunc(vh.serveCallbackHTTP))
	return nil
}

// serveCallbackHTTP offers a request no mount serves to protocol 0 as
// CallbackHTTP (in: the path). A non-zero return drops the connection;
// otherwise the answer is 404, what lws_callback_http_dummy gives.
func (vh *Vhost) serveCallbackHTTP(rw http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	ret := 0
	ok := vh.ctx.call(r.Context().Done(), func() {
		p := &vh.protocols[0]
		w := &Wsi{ctx: vh.ctx, vh: vh, protocol: p, peer: peerIP(r.RemoteAddr), state: stateNone, req: r}
		ret = w.call(p, CallbackHTTP, p.newSessionData(), path, len(path))
	})
	if !ok || ret != 0 {
		dropRequest(rw)
		return
	}
	if vh.options&ServerOptionHTTPHeadersSecurityBestPracticesEnforce != 0 {
		mount.SetSecurityHeaders(rw.Header())
	}
	rw.Header().Set("Content-Type", "text/html")
	rw.WriteHeader(http.StatusNotFound)
	fmt.Fprint(rw, "<html><body><h1>404 Not Found</h1></body></html>")
}

// CallbackHTTPDummy is lws_callback_http_dummy: a protocol-0 callback that
// accepts every reason and lets golws answer HTTP itself. Use it as the
// first protocol of a vhost that only serves mounts and WebSockets.
func CallbackHTTPDummy(wsi *Wsi, reason CallbackReason, user any, in any, n int) int {
	return 0
}
