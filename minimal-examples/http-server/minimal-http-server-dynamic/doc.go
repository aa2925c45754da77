// Command minimal-http-server-dynamic serves static files and, under
// /dyn, pages that its protocol callback writes as they go out. It is the
// golws port of lws's minimal-http-server-dynamic.
//
// Browse to http://localhost:7681: that page is a file (golws's own,
// embedded from mount-origin). Its link to /dyn/anything opens a page the
// "http" protocol makes: a title naming the path and the time, then
// filler, each piece of about 2 kB written from its own
// LWS_CALLBACK_HTTP_WRITEABLE, eleven pieces in all (/dyn/N asks for
// N+1). The response has no content length, so it carries "connection:
// close" and ends with the connection. A urlarg x (/dyn/a?x=1) is logged
// at NOTICE.
//
//	go run ./minimal-examples/http-server/minimal-http-server-dynamic [-d N] [--port N] [--iface ADDR] [--ah1]
//
// --ah1 is C's: one request header table for the whole server, to try
// lws's queue for them (MaxHTTPHeaderPool 1). C listens on 7681 always;
// --port and --iface are golws's common switches.
//
// Not ported: C's main also makes an https vhost on port 7682 (with
// error_document_404). golws has neither TLS nor lws_create_vhost yet, so
// the context is made with the http vhost alone, named "http" as in C.
//
// # Compared with the C build
//
// lws main's build (lws-minimal-http-server-dynamic -d 1039, run from its
// source directory in a private network namespace) was sent GET
// /dyn/anything, /dyn/3, /dyn, /dyn/-3, /dyn/anything?x= and an HTTP/1.0
// request. Matched by the tests here: 200 with lws's five security
// headers (content-security-policy, x-content-type-options,
// x-xss-protection, x-frame-options, referrer-policy), content-type
// text/html, connection: close, neither content-length nor chunking; a
// body of 20140 bytes for /dyn/anything (less the difference in the
// logo's name), made of the same pieces; the close after it; an HTTP/1.0
// status line for HTTP/1.0; the NOTICE line naming peer and path.
// include-like's TestDynamicExampleMatchesLws compares the bytes of the
// same callback (its copy in include-like/example_http_test.go) with
// lws's, byte for byte.
//
// # DEVIATIONS
//
//   - The urlarg x is logged as "x=value" with Lwsl_notice: C logs it with
//     lwsl_hexdump_notice, which golws does not have.
//   - The page shows golws's logo (golws-logo.svg, ours) where C's shows
//     lws's.
//   - /dyn/-3: C's atoi reads a budget of -3, and the response, its head
//     sent, never gets a body nor an end; the connection hangs until the
//     client gives up. Here the budget is read from digits only, so a
//     negative one is the default: the page is sent whole.
package main
