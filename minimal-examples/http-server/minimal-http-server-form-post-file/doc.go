// Command minimal-http-server-form-post-file takes a multipart form
// POSTed to /form1 with a file in it: the file is saved, the fields are
// logged and the browser is redirected to another page. It is the golws
// port of lws's minimal-http-server-form-post-file.
//
// Browse to http://localhost:7681, pick a file and send the form (the
// pages are golws's own, embedded from mount-origin). /form1 is no file,
// so its request goes on from the file mount to protocol 0, the "http"
// protocol, which keeps it and parses the body with an lws_spa: the file
// part goes to fileUploadCb a piece at a time and into a file of the
// (purified) name the client gave, "upload done, written N to NAME" is
// logged at USER, then the fields text1 and send; the answer is a 301 to
// after-form1.html with an empty body.
//
// Where the files go: C writes them into its working directory and never
// deletes them. Here run makes a directory of its own under the system's
// temporary directory (its name, lws-minimal-http-server-form-post-file-*,
// is logged at start), saves the uploads there through an os.Root, so
// that no filename can lead outside it, and deletes it with its contents
// when the server stops. A file whose upload was cut short is deleted as
// soon as its connection ends.
//
//	go run ./minimal-examples/http-server/minimal-http-server-form-post-file [-d N] [--port N] [--iface ADDR]
//
// # Compared with the C build
//
// lws main's build (lws-minimal-http-server-form-post-file -d 1031, run
// from a copy of its directory in a private network namespace) was sent
// the form with a 3900-byte file, with a file named "../evil$%.txt", and
// with a body cut inside the file. Matched by the tests here: the 301
// with location after-form1.html and content-length 0, the USER lines
// ("upload done, written 3900 to up.txt", "text1: (len 3) 'xxx'", "send:
// (len 6) 'Submit'"), the saved file's content and its mode 0600.
//
// # DEVIATIONS
//
//   - The uploads live in a directory the example makes and deletes (see
//     above); C leaves every upload in its working directory for good.
//   - A cut-short upload is deleted when its connection ends; lws's build
//     leaves the partial file. C deletes an unfinished file at
//     HTTP_DROP_PROTOCOL, which does not come when the form was the
//     connection's first request: it reached protocol 0 from the file
//     mount without a bind, so nothing is dropped at the close. The port
//     cleans up at LWS_CALLBACK_CLOSED_HTTP too, and a finished file
//     forgets its name so that only an unfinished one is deleted.
//   - '/' in a filename becomes '_' too, besides lws's purification, so a
//     file always lands in the upload directory: "../evil$%.txt" is saved
//     as "___evil__.txt"; lws's build turns it into "__/evil__.txt",
//     fails to open it, and writes to fd -1 ("Problem writing file 9").
//   - Nothing follows the redirect. lws's build goes on from the callback
//     to lws_callback_http_dummy, which answers the body again: a second,
//     unsolicited "200 OK" with lws's error page after the redirect. Here
//     the redirect ends the transaction.
//   - The status line has Go's reason phrase ("301 Moved Permanently";
//     lws: "301 Redirect") and header names are capitalised, as for every
//     golws response (see package lws).
package main
