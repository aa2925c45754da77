package lws

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/golws/golws/lws/internal/mount"
)

// httpConn is the HTTP side of a server connection (lws's wsi->http): the
// state of the transaction in progress, and the handoff to the net/http
// goroutine that carries the transaction's bytes (httpcarry.go).
type httpConn struct {
	// kick wakes the goroutine carrying the transaction: frames were
	// queued. Made once per connection.
	kick chan struct{}

	// The transaction in progress; service goroutine only.
	txn         uint64 // counts transactions, so late reports of an old one are dropped
	keepAlive   bool   // lws's conn_type: another transaction may follow on the connection
	status      int    // the status AddHTTPHeaderStatus wrote
	handling404 bool   // ReturnHTTPStatus already redirected a 404
	sse         bool   // MarkSSE: the response has no end, no timeout applies
	wrote       bool   // something of the response was written (lws's sent_response_headers)
	hasBody     bool   // a request body is (still) arriving
	emptyPost   bool   // a POST with an explicit "Content-Length: 0"
	maxBody     uint64 // the most body bytes the request may send
	// mount is the mount the request went to; its headers go on the
	// response (lws's mount_specific_headers). nil for none.
	mount *HTTPMount
	// authUser is the user basic auth let in, "" if none was asked for
	// (lws rewrites its Authorization header to it).
	authUser string
}

// route is what the service goroutine decided about a request, for the
// goroutine carrying it.
type route int

const (
	routeDrop    route = iota // no answer: the connection closes
	routeCarry                // the wsi's callbacks answer through its send buffer
	routeFile                 // a file mount serves it, then HTTP_FILE_COMPLETION
	routeUpgrade              // the upgrade to WebSocket goes ahead
)

// fileRoute names the file a file mount serves, and the request's URI
// whole and after the mountpoint, for a callback if the file is missing.
type fileRoute struct {
	mount     int
	name      string
	uri, rest string
}

// dispatch is startRequest's verdict for the goroutine carrying the
// request.
type dispatch struct {
	route route
	file  fileRoute
	body  bool   // the request has a body to hand the wsi
	head  []byte // for an upgrade: the header lines ADD_HEADERS added to the 101
}

// serveHTTP is the listener's handler. Each request of a connection goes
// to the connection's wsi: its callbacks run on the service goroutine,
// while this goroutine carries the request's and the response's bytes.
func (vh *Vhost) serveHTTP(rw http.ResponseWriter, r *http.Request) {
	if !vh.ctx.enter() {
		http.Error(rw, "shutting down", http.StatusServiceUnavailable)
		return
	}
	defer vh.ctx.leave()
	wc, _ := r.Context().Value(netConnKey{}).(*wireConn)
	if wc == nil || wc.wsi == nil {
		dropRequest(rw)
		return
	}
	w := wc.wsi
	wc.serving.Store(true) // until net/http has sent the answer: connState clears it
	upgrade := isUpgrade(r)
	if !upgrade {
		vh.ctx.startTransaction(rw, r)
	}
	framing := wc.ah.framing
	var d dispatch
	if !vh.ctx.call(r.Context().Done(), func() { d = w.startRequest(r, upgrade, framing) }) {
		w.dropped(rw)
		return
	}
	switch d.route {
	case routeUpgrade:
		w.upgrade(rw, r, d.head)
	case routeFile:
		w.serveFile(rw, r, d.file)
	case routeCarry:
		w.answer(rw, r, d.body)
	default:
		w.dropped(rw)
	}
}

// startRequest begins a transaction on the service goroutine: the request's
// headers are in. It runs the callbacks lws runs before the response and
// says who answers.
func (w *Wsi) startRequest(r *http.Request, upgrade bool, framing framingHeaders) dispatch {
	if w.state != stateHTTPIdle {
		return dispatch{}
	}
	h := w.http
	*h = httpConn{kick: h.kick, txn: h.txn + 1, keepAlive: !r.Close, hasBody: r.ContentLength != 0, maxBody: w.vh.maxBody,
		emptyPost: r.Method == http.MethodPost && r.Header.Get("Content-Length") == "0"}
	w.req = r
	w.setState(stateHTTPRequest)
	if upgrade {
		return w.startUpgrade(r)
	}
	if refused := w.refuseRequest(r, framing); refused != 0 {
		w.ReturnHTTPStatus(refused, "")
		w.closeHTTP()
		return dispatch{route: routeCarry}
	}
	uri, err := normalizeURI(r.URL.EscapedPath())
	switch err {
	case errURIEscape:
		w.ReturnHTTPStatus(HTTPStatusForbidden, "")
		w.closeHTTP()
		return dispatch{route: routeCarry}
	case errURINUL:
		Warn("lws_parse_urldecode: saw NUL outside of uri args")
		w.closeHTTP()
		return dispatch{}
	}
	w.ensureUser()
	if w.call(w.protocol, CallbackFilterHTTPConnection, w.user, uri, len(uri)) != 0 {
		Notice("User code denied HTTP connection: protocol=%s, peer=%s, uri=%s", w.protocol.Name, w.peer, uri)
		w.closeHTTP()
		return dispatch{}
	}
	d := w.httpAction(uri)
	d.body = w.state == stateHTTPBody
	return d
}

// refuseRequest applies the checks lws's parser and lws_http_action make
// that net/http does not, and returns the status lws answers with before
// it closes the connection, or 0.
func (w *Wsi) refuseRequest(r *http.Request, framing framingHeaders) int {
	if !lwsMethods[r.Method] {
		Info("lws_parse: unknown method %q: peer %s", r.Method, w.peer)
		return HTTPStatusForbidden
	}
	if framing == sentContentLength|sentTransferEncoding {
		Warn("lws_http_action: Both Content-Length and Transfer-Encoding present")
		return HTTPStatusBadRequest
	}
	if r.ContentLength > 0 && uint64(r.ContentLength) > w.vh.maxBody {
		Warn("lws_http_action: rejected Content-Length %d > max %d", r.ContentLength, w.vh.maxBody)
		return HTTPStatusReqEntityTooLarge
	}
	if _, err := url.ParseQuery(r.URL.RawQuery); err != nil && strings.Contains(err.Error(), "escape") {
		Info("lws_parse_urldecode: bad %%-escape in the URI arguments: peer %s", w.peer)
		return HTTPStatusForbidden
	}
	if !strings.HasPrefix(r.URL.Path, "/") {
		Warn("lws_http_action: missing or non-absolute uri: peer %s", w.peer)
		return HTTPStatusForbidden
	}
	return 0
}

// lwsMethods are the methods lws's parser knows (lws main's default
// build); it refuses any other with 403.
var lwsMethods = map[string]bool{
	http.MethodGet: true, http.MethodPost: true, http.MethodOptions: true, http.MethodPut: true,
	http.MethodPatch: true, http.MethodDelete: true, http.MethodHead: true,
}

// httpAction routes a request through the vhost's mounts, as
// lws_http_action does: a mount's basic auth first, then its protocol, if
// it names one, is bound and asked CHECK_ACCESS_RIGHTS; a file mount serves
// its file (handing a miss to a callback), a callback mount's protocol gets
// LWS_CALLBACK_HTTP, and a request no mount takes goes to protocol 0 whole.
func (w *Wsi) httpAction(uri string) dispatch {
	vh := w.vh
	i := vh.findMount(uri, w.req.Method)
	if i < 0 {
		w.bindProtocol(&vh.protocols[0])
		return dispatch{route: w.httpCallback(w.protocol, uri)}
	}
	m := vh.mounts[i]
	if m.MaxHTTPBodySize != 0 {
		if w.req.ContentLength > 0 && uint64(w.req.ContentLength) > m.MaxHTTPBodySize {
			Warn("lws_http_action: mount rejected Content-Length %d > max %d", w.req.ContentLength, m.MaxHTTPBodySize)
			w.ReturnHTTPStatus(HTTPStatusReqEntityTooLarge, "")
			w.closeHTTP()
			return dispatch{route: routeCarry}
		}
		w.http.maxBody = m.MaxHTTPBodySize
	}
	mp := normMountpoint(m.Mountpoint)
	rest := uri[len(mp):] // what lws passes: the URI after the mountpoint's length
	if m.OriginProtocol != MountProtoCallback && mp != "/" && rest == "" {
		// "/dir" names the mount "/dir/": say so, so that relative
		// links in its default document resolve inside it. lws does it
		// before it looks at the mount, so without its headers.
		buf := make([]byte, Pre+RecommendedMinHeaderSpace)
		p := PtrTo(buf, Pre)
		if w.HTTPRedirect(HTTPStatusMovedPermanently, mp+"/", &p, PtrTo(buf, len(buf))) < 0 {
			w.closeHTTP()
			return dispatch{}
		}
		w.completeOrClose()
		return dispatch{route: routeCarry}
	}
	w.http.mount = m
	if !w.mountAuth(m) {
		return dispatch{route: routeCarry}
	}
	var p *Protocol
	if m.OriginProtocol == MountProtoCallback || m.Protocol != "" {
		name := m.Protocol
		if name == "" {
			name = m.Origin
		}
		if p = vh.NameToProtocol(name); p == nil {
			Err("Unable to find plugin '%s'", name)
			w.closeHTTP()
			return dispatch{}
		}
		if rt, done := w.callbackMount(p, m, uri, rest); done {
			return dispatch{route: rt}
		}
	}
	if m.OriginProtocol == MountProtoFile {
		// The 404 document itself is answered with 404, and a 404 in
		// its transaction is not redirected again.
		w.http.handling404 = isErrorDocument(vh.errorDocument404, uri)
		return dispatch{route: routeFile, file: fileRoute{mount: i, name: strings.TrimPrefix(rest, "/"), uri: uri, rest: rest}}
	}
	if m.Protocol != "" {
		// Bound again on the way to HTTP, as lws does.
		w.bindProtocol(p)
		return dispatch{route: w.httpCallback(p, rest)}
	}
	// Named by Origin alone, lws hands the protocol the whole URI.
	return dispatch{route: w.httpCallback(p, uri)}
}

// callbackMount binds the protocol of a mount that names one, with lws's
// sequence: HTTP_BIND_PROTOCOL, then CHECK_ACCESS_RIGHTS (refused: 401 and
// the connection closes), and a POST goes straight to HTTP with the part of
// the URI after the mountpoint. done says the request went its way; if not,
// the mount goes on with it.
func (w *Wsi) callbackMount(p *Protocol, m *HTTPMount, uri, rest string) (rt route, done bool) {
	w.bindProtocol(p)
	args := &ProcessHTMLArgs{P: uri, Len: len(uri), MaxLen: int(m.AuthMask &^ AuthModeMask)}
	if w.call(w.protocol, CallbackCheckAccessRights, w.user, args, 0) != 0 {
		w.ReturnHTTPStatus(HTTPStatusUnauthorized, "")
		w.closeHTTP()
		return routeCarry, true
	}
	if args.Final != 0 {
		return w.afterHTTP(), true
	}
	if w.req.Method == http.MethodPost {
		return w.httpCallback(w.protocol, rest), true
	}
	return 0, false
}

// httpCallback delivers LWS_CALLBACK_HTTP to p with in; a non-zero return
// closes the connection, as in lws.
func (w *Wsi) httpCallback(p *Protocol, in string) route {
	w.ensureUser()
	if w.call(p, CallbackHTTP, w.user, in, len(in)) != 0 {
		Info("LWS_CALLBACK_HTTP closing")
		w.closeHTTP()
		return routeCarry
	}
	return w.afterHTTP()
}

// afterHTTP moves a transaction whose HTTP callback is done on: to the
// body, if one is arriving, else to the response.
func (w *Wsi) afterHTTP() route {
	if w.state != stateHTTPRequest {
		return routeCarry // answered and completed, or closing
	}
	switch {
	case w.http.hasBody:
		w.setState(stateHTTPBody)
		w.release() // the body reader may deliver its first chunk
	case w.http.emptyPost:
		// lws gives an explicitly empty POST body its callbacks all the
		// same, so that code answering at BODY_COMPLETION answers it.
		w.setState(stateHTTPBody)
		w.deliverBody(nil, true)
	default:
		w.setState(stateHTTPResponse)
	}
	return routeCarry
}

// ensureUser gives the wsi's protocol its session data on first need, as
// lws allocates user_space.
func (w *Wsi) ensureUser() {
	if w.user == nil {
		w.user = w.protocol.newSessionData()
	}
}

// bindProtocol is lws_bind_protocol: the protocol bound so far is dropped
// (HTTP_DROP_PROTOCOL, its session data with it), p is bound with fresh
// session data (HTTP_BIND_PROTOCOL).
func (w *Wsi) bindProtocol(p *Protocol) {
	w.dropHTTPProtocol()
	w.protocol = p
	w.user = p.newSessionData()
	w.bound = true
	w.call(p, CallbackHTTPBindProtocol, w.user, nil, 0)
}

// dropHTTPProtocol delivers HTTP_DROP_PROTOCOL to a bound protocol.
func (w *Wsi) dropHTTPProtocol() {
	if !w.bound {
		return
	}
	w.bound = false
	w.call(w.protocol, CallbackHTTPDropProtocol, w.user, nil, 0)
	w.user = nil
}

// ProcessHTMLArgs is struct lws_process_html_args, what
// CHECK_ACCESS_RIGHTS and ADD_HEADERS get in in: for CHECK_ACCESS_RIGHTS,
// P is the URI; a callback that answered the request itself sets Final.
type ProcessHTMLArgs struct {
	P       string
	Len     int
	MaxLen  int
	Final   int
	Chunked int
	// Head is ADD_HEADERS' buffer: append headers for the 101 with
	// AddHTTPHeaderByName(name, value, &args.Head, args.End).
	Head, End Ptr
}

// findMount is lws_find_mount on the normalised URI: the longest
// mountpoint that uri equals or continues with '/'. A file mount without a
// protocol takes only the methods lws reads a URI from for it (GET, HEAD,
// POST, PUT, PATCH, DELETE); for others it is passed over.
func (vh *Vhost) findMount(uri, method string) int {
	best, bestLen := -1, -1
	for i, m := range vh.mounts {
		mp := normMountpoint(m.Mountpoint)
		ok := mp == "/" || uri == mp || strings.HasPrefix(uri, mp+"/")
		takes := m.OriginProtocol == MountProtoCallback || m.Protocol != "" || mount.FileMethod(method)
		if ok && takes && len(mp) > bestLen {
			best, bestLen = i, len(mp)
		}
	}
	return best
}

// normMountpoint makes "", "static", "/static/" all mean "/static", as the
// file server reads them.
func normMountpoint(mp string) string { return "/" + strings.Trim(mp, "/") }
