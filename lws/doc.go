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
// WSI_CREATE (protocol 0), FILTER_PROTOCOL_CONNECTION, ESTABLISHED, then
// RECEIVE / SERVER_WRITEABLE / TIMER, and at the end, whoever starts it:
// WS_PEER_INITIATED_CLOSE (only if the peer sent a close frame),
// WS_SERVER_DROP_PROTOCOL, the threadpool's detach, CLOSED, WSI_DESTROY
// (protocol 0). Each runs once.
//
// # Writing
//
// Write copies the frame into the connection's send buffer and never
// blocks; a writer goroutine, running only while the buffer has frames,
// flushes the whole buffer at a time through a corked socket, so a batch of
// frames costs one system call. CallbackOnWritable asks for one
// SERVER_WRITEABLE, delivered when the send buffer is below its low-water
// mark (a quarter of ContextCreationInfo.SendBufferLimit): room in the
// buffer, which is what POLLOUT means to lws. A write made from WRITEABLE
// is always taken whole, as in lws; a write made anywhere else past
// SendBufferLimit queued bytes returns -1 and closes the connection. So a
// peer that stops reading costs at most the limit (or what one WRITEABLE
// wrote) plus the kernel's socket buffer.
//
// # Closing
//
// A callback returning non-zero closes its wsi: with a close frame if
// CloseReason set a status, else by closing the socket after queued frames
// went out, as C does. A pending timeout (SetTimeout) expiring drops the
// socket at once with no close frame.
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
//   - HTTP callbacks cannot write a response yet: a URL no mount serves goes
//     to protocol 0 as LWS_CALLBACK_HTTP and, if it returns 0, gets the 404
//     lws_callback_http_dummy gives; non-zero drops the connection.
//   - The HTTP_BIND_PROTOCOL / HTTP_DROP_PROTOCOL pair lws sends around the
//     upgrade is not delivered; a WebSocket protocol sees WSI_CREATE (on
//     protocol 0), FILTER_PROTOCOL_CONNECTION, ESTABLISHED.
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
//     the one before are not counted; net/http's own limit (the same
//     figure) answers those with 431.
//   - JSONPurify (lws_json_purify) copies valid UTF-8 whole and escapes the
//     bytes of invalid sequences as \u00XX. What lws does with bytes of
//     0x80 and above depends on the C compiler's char: signed (x86), each
//     is escaped, so "é" reads back as "Ã©"; unsigned (ARM), each is
//     copied, valid UTF-8 or not. Neither keeps both text and JSON intact.
package lws
