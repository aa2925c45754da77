// Command minimal-http-server-sse serves static pages and, under /sse,
// streams of Server-Sent Events. It is the golws port of lws's
// minimal-http-server-sse.
//
// Browse to http://localhost:7681: the page (golws's own, embedded from
// mount-origin) opens an EventSource on /sse/page and shows what arrives.
// The "sse" protocol answers 200 with content-type text/event-stream and
// no length ("connection: close"), marks the transaction as SSE
// (lws_http_mark_sse, so no timeout ends it), and sends "data: N" events:
// the first at once, then one every SECS_REPORT (3) seconds from a
// per-connection LWS_CALLBACK_TIMER, N being the seconds since that
// connection's stream began. Each browser has its own stream and count.
//
//	go run ./minimal-examples/http-server/minimal-http-server-sse [-d N] [--port N] [--iface ADDR]
//
// C's -s (TLS on port 443) is not offered: golws has no TLS yet.
//
// # Compared with the C build
//
// lws main's build (lws-minimal-http-server-sse -d 1031, run in a
// private network namespace) was sent GET /sse/abc and read for 9 s, and
// another stream was dropped after its first event. Matched by the tests
// here: the head (200, text/event-stream, connection: close, the security
// headers, neither length nor chunking); "data: 0\r\n\r\n" at once, then
// "data: 3\r\n\r\n" 3.00 s later (lws's build: 3.003 s, then 6.006 s,
// 9.007 s); the NOTICE lines for HTTP, WRITEABLE and TIMER; and a client
// that leaves is cleaned up at once: lws's build logs nothing more for
// it, and here its wsi is closed before any TIMER comes for it.
package main
