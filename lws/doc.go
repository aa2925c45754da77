// Package lws is libwebsockets' programming model in Go: a context owns one
// service loop, a vhost with an ordered list of protocols, and connections
// (wsi) whose every event reaches the protocol's C-style callback on the
// service goroutine.
//
// Why this shape: lws code is written against a single-threaded event loop
// that calls back with a reason code; porting it means keeping that loop,
// those reasons (with their C values) and the rules around them — above all
// that a wsi may only write from LWS_CALLBACK_SERVER_WRITEABLE, which comes
// once per request and only when the socket can take more. golws keeps all
// of that and runs it on coder/websocket and net/http.
//
// # Goroutines
//
// Callbacks run on the goroutine that calls Context.Service (C style) or
// Context.Run (Go style); CreateContext runs PROTOCOL_INIT on the calling
// goroutine and Destroy runs the close callbacks and PROTOCOL_DESTROY on
// it. Each connection has one more goroutine, its reader, plus a writer
// only while frames are queued. Only Context.CancelService may be called
// from other goroutines; under the race detector (or GOLWS_DEBUG=1) a call
// from elsewhere while the loop is running panics, naming the function.
//
// # Connection life
//
// A server connection is a wsi from the moment net/http accepts it, as in
// lws: FILTER_NETWORK_CONNECTION, WSI_CREATE and
// SERVER_NEW_CLIENT_INSTANTIATED (on protocol 0). It then carries HTTP
// transactions, one at a time (FILTER_HTTP_CONNECTION, the mount's
// protocol bound with HTTP_BIND_PROTOCOL, HTTP, HTTP_BODY ...,
// HTTP_BODY_COMPLETION, HTTP_WRITEABLE ..., and at
// TransactionCompleted protocol 0 bound back), until it closes
// (HTTP_DROP_PROTOCOL, CLOSED_HTTP, WSI_DESTROY) or upgrades:
// HTTP_CONFIRM_UPGRADE, HTTP_BIND_PROTOCOL of the WebSocket protocol,
// FILTER_PROTOCOL_CONNECTION, ADD_HEADERS, ESTABLISHED, then RECEIVE /
// SERVER_WRITEABLE / TIMER, and at the end, whoever starts it:
// WS_PEER_INITIATED_CLOSE (only if the peer sent a close frame),
// WS_SERVER_DROP_PROTOCOL, the threadpool's detach, CLOSED, WSI_DESTROY.
// WSI_DESTROY goes to the protocol bound last. The orders are lws main's,
// recorded from a C build. Each callback runs once.
//
// Where a connection is, is one state, changed in one place, along these
// edges only (under -race or GOLWS_DEBUG=1 any other edge panics: it is a
// bug in golws):
//
//	from            to              on
//	(accept)        http idle       the connection is adopted
//	http idle       http request    a request's headers are in
//	http request    http body       HTTP returned and a body follows
//	http request    http response   HTTP returned, no body
//	http body       http response   the body is in (HTTP_BODY_COMPLETION)
//	http request,
//	http body,
//	http response   http done       TransactionCompleted
//	http done       http idle       the response went out
//	http request    upgrading       an upgrade request
//	upgrading       established     the 101 went out (ESTABLISHED)
//	connecting      established     a client's handshake succeeded
//	connecting      closed          a client's connection failed
//	any open state  closing         the close is decided
//	closing         closed          the connection is gone (WSI_DESTROY)
//
// The open states are all but none (a stand-in wsi for vhost-wide
// callbacks, which never changes), closing and closed.
//
// # HTTP responses
//
// A response is written the lws way: the head built with the
// AddHTTPHeader* functions into the caller's buffer (a Ptr stands for C's
// `uint8_t *p`), then the head and the body written with Write, the body
// in pieces from HTTP_WRITEABLE, the transaction ended with
// TransactionCompleted. The bytes are what lws would put on the wire;
// golws reads the status and headers from the head and gives them to
// net/http, which owns the connection. protocol 0 that answers nothing is
// not answered for: like lws, the connection then waits for the content
// timeout; lws's examples, and golws's, end their callbacks with
// CallbackHTTPDummy, which answers what they do not.
//
// # Writing
//
// Write copies the frame into the connection's send buffer and never
// blocks; a writer goroutine, running only while the buffer has frames,
// flushes the whole buffer at a time through a corked socket, so a batch of
// frames costs one system call (an HTTP response goes out through the
// goroutine net/http runs the request on). CallbackOnWritable asks for one
// SERVER_WRITEABLE (HTTP_WRITEABLE, CLIENT_WRITEABLE), delivered when the
// send buffer is below its low-water
// mark (a quarter of ContextCreationInfo.SendBufferLimit): room in the
// buffer, which is what POLLOUT means to lws. A write made from WRITEABLE
// is always taken whole, as in lws; a write made anywhere else past
// SendBufferLimit queued bytes returns -1 and closes the connection. So a
// peer that stops reading costs at most the limit (or what one WRITEABLE
// wrote) plus the kernel's socket buffer.
//
// # Closing
//
// A callback returning non-zero closes its wsi: a WebSocket with a close
// frame if CloseReason set a status, else by closing the socket after what
// was queued went out, as C does; an HTTP connection the same way, after
// the response written so far. A pending timeout (SetTimeout) expiring
// drops the socket at once with no close frame. A request golws refuses
// as lws refuses it (an unknown method, a URI that is not absolute, both
// Content-Length and Transfer-Encoding) gets lws's error page and a close;
// one net/http cannot parse at all gets no answer, as lws gives its
// parser's failures.
//
// # HTTP limits and timeouts
//
// golws applies lws's, with lws's defaults, through the creation-info
// fields lws has for them. A request's headers may take
// TimeoutSecsAhIdle (10 s) from their first byte and MaxHTTPHeaderData
// (4096) bytes; past either the connection is dropped without an answer.
// At most MaxHTTPHeaderPool connections hold request headers at once
// (default: the open-file limit); others are not read until one is free.
// A transaction must make progress every TimeoutSecs (15 s): each piece of
// request body, each piece of response sent. An idle kept-alive connection
// is closed KeepaliveTimeout (5 s) after its last response. A request with
// a body is answered without waiting for it, as lws answers it. Out of
// file descriptors, the listener pauses 100 ms and tries again, logging
// "accept: errno N" at ERR, as lws does.
//
// # DEVIATIONS
//
//   - A panic in a callback does not take the process down: it is logged at
//     ERR with its stack, the callback counts as having returned -1, and a
//     connection whose callback panicked is closed with 1011. A fault in C
//     would crash the server for every client; a Go library should not.
//     ContextCreationInfo.NoPanicRecovery restores crash-fast behaviour.
//   - LWS_WRITE_PONG is refused (-1): coder/websocket answers pings itself
//     and has no way to send an unsolicited pong.
//   - net/http writes the response head from the one the caller built:
//     header names go out in Go's canonical case ("Content-Type" for
//     "content-type:") and sorted by name, the status line with Go's
//     reason phrase, and a
//     response without a length on a kept-alive HTTP/1.1 connection is
//     sent chunked, where lws would send it unframed.
//   - HEAD gets no body; lws sends a callback mount's body to HEAD too.
//   - Pipelined requests are each answered, in order; lws answers the
//     second one 403 and closes.
//   - A chunked request body reaches HTTP_BODY decoded; lws delivers the
//     chunk framing as body bytes, then closes.
//   - lws's parser takes some requests net/http refuses (a request line
//     without a version, read as HTTP/1.0, or with "HTTP/2.0"; HTTP/1.1
//     without Host; a space in the URI; a bad %-escape, which lws answers
//     403): golws drops them without an answer, as lws drops what its
//     parser refuses.
//   - A close frame whose reason is not UTF-8 fails the connection with
//     1007 and does not reach WS_PEER_INITIATED_CLOSE, as RFC 6455 §8.1
//     requires. lws echoes it, or with VALIDATE_UTF8 drops the connection
//     without a close frame.
//   - A vhost is made per context from the creation info; explicit extra
//     vhosts (lws_create_vhost) are not supported.
//   - MaxHTTPHeaderData counts the bytes of the header block as sent,
//     names and line ends included; lws counts what it stores of them. A
//     request within a few hundred bytes of the limit may be refused where
//     lws would take it. Headers of a pipelined request that arrived with
//     the one before are not counted here; net/http's own limit (the same
//     figure) drops those.
//   - JSONPurify (lws_json_purify) copies valid UTF-8 whole and escapes the
//     bytes of invalid sequences as \u00XX. What lws does with bytes of
//     0x80 and above depends on the C compiler's char: signed (x86), each
//     is escaped, so "é" reads back as "Ã©"; unsigned (ARM), each is
//     copied, valid UTF-8 or not. Neither keeps both text and JSON intact.
//   - The request readers (HdrCopy and kin) see the request as net/http
//     parsed it: header values come without the whitespace around them
//     (lws keeps trailing spaces, and for a custom header drops leading
//     tabs only), Host and Transfer-Encoding come from what net/http made
//     of them, and the order of different custom headers is not known
//     (HdrCustomNameForeach gives them sorted).
//   - A repeated header's later fragments start with one space, so that
//     HdrCopy joins "a, b". lws also keeps the space the client put after
//     the colon, giving "a,  b".
//   - Custom header names (HdrCustomLength, HdrCustomCopy) match
//     case-insensitively, as HTTP header names do; lws matches only the
//     lowercase spelling it stores, so "DNT:" finds nothing there.
//   - URI arguments: an empty last argument ("?a=1&", or "?" alone) is
//     empty, where lws stores "/" in it; a %00 in a value is kept with what
//     follows it, where lws drops the argument's last byte; HdrExtant
//     reports TokenHTTPURIArgs present when the request has a '?' (lws
//     always says 0).
//   - URLArgByName (lws_get_urlarg_by_name_safe) with a name without '='
//     matches only that argument: lws takes the name as a prefix, so "x"
//     finds "xy=1" and returns "y=1".
//   - URLDecode and SnprintfTo never write past the slice they are given,
//     whatever length they are told (lws_urldecode writes its NUL after
//     len bytes).
//   - The 301 that adds the slash to a file mount's mountpoint answers
//     with the request's HTTP version and keeps a kept-alive connection.
//     lws sends it from its handshake code, before it reads the request's
//     version: a connection's first request gets "HTTP/1.0 301" and a
//     close, a later one the previous request's version and connection
//     type. Its Location is the path alone; lws's is the scheme, the
//     client's Host header and the path, which a forged Host turns into a
//     cacheable redirect anywhere.
//   - A file mount that answers a request with a body (a POST to a file)
//     reads and drops the body, up to 256 KiB (past that the connection
//     closes), and the connection goes on. lws leaves the body unread: the
//     connection answers nothing more, and lws main spins the CPU until
//     the client goes.
//   - The error_document_404 is answered with 404 when the request's URI
//     is the document's. lws does it when the part of the URI after any
//     file mount's mountpoint is ("/static/404.html" too), and keeps the
//     state on the connection until its next file request.
//   - A LWS_CALLBACK_VERIFY_BASIC_AUTHORIZATION callback that panics
//     refuses the credentials: a recovered panic counts as -1, which for
//     this reason would let the client in.
//   - LWS_CALLBACK_PROCESS_HTML gets Chunked 0: golws frames the chunks
//     of an interpreted file itself (net/http), so the callback returns
//     plain content. To HTTP/1.0 the file goes unframed and ends with the
//     connection; lws sends HTTP/1.0 "transfer-encoding: chunked".
//   - An interpret list naming a protocol the vhost does not have logs ERR
//     and drops the connection; lws indexes outside its protocol array.
//   - lws_callback_http_dummy completes a transaction whose response was
//     already written when BODY_COMPLETION comes (a POST answered from
//     LWS_CALLBACK_HTTP) on HTTP/1.1 too. lws main marks a response as
//     started only on HTTP/2 and HTTP/3, so on HTTP/1.1 its dummy writes
//     a second response into the connection.
//   - A request body without a length (chunked) that passes the
//     max_http_body_size bound closes the connection, logged at WARN.
//     lws counts such a body down from the bound and reads on as if it
//     had ended there.
package lws
