// Command minimal-http-server-form-post takes a form POSTed to /form1,
// logs its fields and redirects the browser to another page. It is the
// golws port of lws's minimal-http-server-form-post.
//
// Browse to http://localhost:7681: the page with the form and the one
// after it are golws's own, embedded from mount-origin. /form1 is no
// file, so its request goes on from the file mount to protocol 0, the
// "http" protocol, which keeps it. An lws_spa with 1024 bytes of storage
// parses the body, urlencoded or multipart, for the fields text1 and
// send, which are logged at USER ("text1: (len 4) 'xxxx'", or "text1:
// undefined"); the answer is a 301 (303 with --303) to after-form1.html,
// with an empty body. A field value that outgrows the spa's storage
// closes the connection with no answer.
//
//	go run ./minimal-examples/http-server/minimal-http-server-form-post [-d N] [--port N] [--iface ADDR] [--303]
//
// C's -s (TLS) is not offered: golws has no TLS yet.
//
// # Compared with the C build
//
// lws main's build (lws-minimal-http-server-form-post -d 1039 [--303],
// run in a private network namespace) was sent urlencoded and multipart
// POSTs of the form, values of 1022, 1023, 1024, 1100, 5000 and 1 MB
// bytes, a POST elsewhere and a GET of /form1. Matched by the tests here:
// 301 (303) with location after-form1.html, content-type text/html,
// content-length 0 and the security headers, the connection kept; the
// USER lines; a 1022-byte value kept; a close with no answer for a
// urlencoded value of 1024 bytes or more and a multipart one of 1023 or
// more; 404 for a POST to another URL. Not tested: a GET of /form1 gets
// no answer at all in both (it waits for a body until the 15 s timeout).
//
// # DEVIATIONS
//
//   - Nothing follows the redirect. lws's build goes on from the
//     callback to lws_callback_http_dummy, which answers the body again:
//     a second, unsolicited "200 OK" with lws's error page right after
//     the redirect, on the same connection, which a client takes for the
//     answer to its next request. Here the redirect ends the transaction.
//   - A urlencoded value of exactly 1023 bytes fills the storage as the
//     body ends: lws's build logs "text1: (len 0)" and a string read past
//     its storage, golws logs "text1: undefined" (see lws/spa's
//     DEVIATIONS). Both redirect.
//   - The status line has Go's reason phrase ("301 Moved Permanently",
//     "303 See Other"; lws: "Redirect") and header names are capitalised,
//     as for every golws response (see package lws).
package main
