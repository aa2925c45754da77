package lws

import "io/fs"

// ContextCreationInfo says what to build (struct lws_context_creation_info).
// The context creates one vhost from it, named VhostName.
type ContextCreationInfo struct {
	// Port to listen on. 0 picks a free port (see Vhost.Port);
	// ContextPortNoListen (-1) listens nowhere.
	Port int
	// Iface is the interface name ("lo") or IP address to bind; empty
	// binds every address, as in C.
	Iface string
	// VhostName names the vhost; empty means "default".
	VhostName string
	// Protocols in order; protocol 0 also gets HTTP and connections that
	// offer no subprotocol.
	Protocols []Protocol
	// Mounts is the head of the vhost's mount list.
	Mounts *HTTPMount
	// Pvo is the per-vhost options list (one entry per protocol by name).
	Pvo *ProtocolVhostOptions
	// Options is the OR of ServerOption* flags.
	Options uint64
	// Headers are headers every HTTP response of the vhost carries
	// (lws's info.headers): Name is the header ("x-foo:" or "X-Foo"),
	// Value its value.
	Headers *ProtocolVhostOptions
	// ServerString, if not empty, is sent as the "server:" header of
	// every HTTP response (lws's info.server_string).
	ServerString string
	// ErrorDocument404, if not empty, is where a 404 is redirected with a
	// 302 (lws's info.error_document_404), e.g. "/404.html".
	ErrorDocument404 string
	// User is returned by Context.User (lws_context_user).
	User any
	// TimeoutSecs is how long a peer may take to make progress on an
	// HTTP transaction: the next piece of a request body, taking the
	// next piece of a response (lws's PENDING_TIMEOUT_HTTP_CONTENT). It
	// also bounds a ping's wait for its pong. 0 means 15, lws's default.
	TimeoutSecs int
	// TimeoutSecsAhIdle is how long a client may take to send a request's
	// headers, from their first byte (PENDING_TIMEOUT_HOLDING_AH). A
	// WebSocket upgrade request that never ends is dropped after it too.
	// 0 means 10, lws's default.
	TimeoutSecsAhIdle int
	// KeepaliveTimeout is how long an HTTP/1.1 connection is kept open
	// and idle after a response, waiting for the next request
	// (PENDING_TIMEOUT_HTTP_KEEPALIVE_IDLE). 0 means 5, lws's default.
	KeepaliveTimeout int
	// MaxHTTPHeaderData is the most request-header bytes a connection may
	// send; past it the connection is dropped without an answer, with
	// the ERR line "Ran out of header data space", as lws does. 0 means
	// 4096; more than 32768 is capped to 32768, as in lws.
	MaxHTTPHeaderData int
	// MaxHTTPHeaderPool is how many connections may hold request headers
	// at once, from their first byte to the end of the transaction (or
	// the WebSocket upgrade). Further connections are not read until one
	// is free, as in lws. 0 means the process's open-file limit, which is
	// lws's default (its max_fds).
	MaxHTTPHeaderPool int
	// MaxHTTPBodySize bounds a request body (lws's max_http_body_size): a
	// Content-Length past it is answered 413 and the connection closed,
	// with the WARN line "rejected Content-Length N > max M"; a body
	// without a length that grows past it closes the connection. 0 means
	// 100 MB, lws's default. A mount may set a bound of its own.
	MaxHTTPBodySize uint64

	// NoPanicRecovery, a Go addition, lets a panic in a callback crash
	// the program, as a fault in C would. By default golws recovers it,
	// logs it at ERR and closes that connection with 1011.
	NoPanicRecovery bool

	// SendBufferLimit bounds the bytes of frames a wsi may have queued
	// behind the one being sent; past it Write fails and the wsi is
	// closed. 0 means DefaultSendBufferLimit. Go addition.
	SendBufferLimit int
}

// DefaultSendBufferLimit is the queued-bytes bound per wsi when
// ContextCreationInfo.SendBufferLimit is 0.
const DefaultSendBufferLimit = 256 << 10

// HTTPMount maps a URL prefix to files or to a protocol (struct
// lws_http_mount).
type HTTPMount struct {
	MountNext *HTTPMount
	// Mountpoint is the URL prefix, e.g. "/".
	Mountpoint string
	// Origin is the directory served when FS is nil; for a callback
	// mount, the protocol that gets the requests when Protocol is empty.
	Origin string
	// FS, a Go addition, serves files from an fs.FS (for example an
	// embed.FS) instead of the Origin directory.
	FS fs.FS
	// Def is the default document for directory URLs, e.g. "index.html".
	Def string
	// OriginProtocol says what serves the mount: MountProtoFile (files
	// from Origin or FS) or MountProtoCallback (a protocol, as
	// LWS_CALLBACK_HTTP).
	OriginProtocol int
	// Protocol names the protocol bound to the mount's requests
	// (lws_http_mount.protocol). On a callback mount it wins over Origin
	// and gets LWS_CALLBACK_HTTP with the path after the mountpoint (with
	// only Origin, lws passes the whole path, except to a POST). On a file
	// mount it is bound for every request, gets CHECK_ACCESS_RIGHTS,
	// ADD_HEADERS before a file is sent, the POSTs, and the requests for
	// files the mount does not have, as LWS_CALLBACK_HTTP with the path
	// after the mountpoint; empty: protocol 0 gets those, with the whole
	// path.
	Protocol string
	// ExtraMimetypes adds file types by extension (".ext" -> type); a key
	// starting with '*' is the type of a file nothing else matches, whose
	// type is application/octet-stream otherwise.
	ExtraMimetypes map[string]string
	// Interpret lists the files whose content a protocol rewrites on its
	// way out (lws's interpret): Name is the suffix (".html", compared
	// case-sensitively), Value the protocol. That protocol is bound for
	// the transaction and gets the file in pieces as
	// LWS_CALLBACK_PROCESS_HTML, in a *ProcessHTMLArgs: P[:Len] is the
	// piece, MaxLen what lws lets it grow to, Final set on the last one;
	// the callback sets P and Len to what is sent instead, and returns
	// below 0 to drop the connection. The answer has no content-length:
	// HTTP/1.1 gets it chunked, which golws does itself, so Chunked is 0
	// and the callback must not frame the chunks (lws_chunked_html_process
	// frames them only when Chunked is set).
	Interpret *ProtocolVhostOptions
	// Headers go on the answers to the mount's requests (lws's mount
	// headers): one named as a vhost header (ContextCreationInfo.Headers,
	// case and a trailing colon aside) takes its place, the others follow
	// them, and the security headers leave out those either list gives.
	Headers *ProtocolVhostOptions
	// MaxHTTPBodySize, if not 0, bounds the bodies of the mount's requests
	// in place of ContextCreationInfo.MaxHTTPBodySize, as lws's mount
	// max_http_body_size does ("mount rejected Content-Length").
	MaxHTTPBodySize uint64

	// CacheMaxAge, with CacheReusable, lets clients keep the mount's files
	// that many seconds: "cache-control: private, max-age=N"
	// ("must-revalidate, private, ..." with CacheRevalidate, "public"
	// instead of "private" with CacheIntermediaries). CacheNo sends
	// "no-cache" instead; anything else sends "no-store", as lws does.
	CacheMaxAge         int
	CacheReusable       bool
	CacheRevalidate     bool
	CacheIntermediaries bool
	CacheNo             bool

	// BasicAuthLoginFile names a file of "user:password" lines: a request
	// for the mount without one of them as its basic credentials gets
	// 401 with `www-authenticate: Basic realm="lwsws"`, before any
	// protocol is bound (lws_http_mount.basic_auth_login_file). The file
	// is read at each request, as lws does.
	BasicAuthLoginFile string
	// AuthMask holds the authentication mode in its top four bits
	// (AuthModeMask): AuthModeBasicAuthCallback makes the protocol bound
	// at the time decide instead of a login file, through
	// LWS_CALLBACK_VERIFY_BASIC_AUTHORIZATION. The other bits are passed
	// to CHECK_ACCESS_RIGHTS as ProcessHTMLArgs.MaxLen, as lws does.
	AuthMask uint32
}
