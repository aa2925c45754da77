// Command minimal-http-server-form-get takes a form sent with GET: it
// logs the fields from the URL of /form1 and redirects the browser to
// another page. It is the golws port of lws's
// minimal-http-server-form-get.
//
// Browse to http://localhost:7681 and send the form (the pages are
// golws's own, embedded from mount-origin). /form1 is no file, so its
// request goes on from the file mount to protocol 0, the "http" protocol,
// which logs the urlargs text1 and send at USER ("text1: (len 4) 'xxxx'",
// or "text1: undefined") and answers with a 301 to after-form1.html and
// an empty body.
//
//	go run ./minimal-examples/http-server/minimal-http-server-form-get [-d N] [--port N] [--iface ADDR]
//
// # Compared with the C build
//
// lws main's build (lws-minimal-http-server-form-get -d 1031, run in a
// private network namespace) was sent /form1 with both fields, with none,
// with an encoded value ("a+b%21"), with values of 2062 to 2064 bytes, a
// POST to /form1 and a GET of another URL. Matched by the tests here: the
// ERR line naming the URL, the USER lines ('a b!' decoded; 2063 bytes
// kept, 2064 undefined), the 301 with location after-form1.html,
// content-length 0 and the security headers, the connection kept, and
// lws's 404 for the POST and for the other URL.
//
// # DEVIATIONS
//
//   - Nothing follows the redirect. lws's build goes on from the callback
//     to lws_callback_http_dummy, which answers the request again with a
//     404 right after the redirect, on the same connection, where a
//     client reads it as the answer to its next request. Here the
//     redirect ends the transaction.
//   - The status line has Go's reason phrase ("301 Moved Permanently";
//     lws: "301 Redirect") and header names are capitalised, as for every
//     golws response (see package lws).
package main
