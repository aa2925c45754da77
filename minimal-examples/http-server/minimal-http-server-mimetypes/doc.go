// Command minimal-http-server-mimetypes serves files the way the plainest
// lws server does, with one file type added to its mount: names ending in
// ".bz2" go out as application/x-bzip2. It is the golws port of lws's
// minimal-http-server-mimetypes.
//
// Visit http://localhost:7681 (a page from the embedded mount-origin,
// ours) and follow its link to test.tar.bz2 (a small archive of ours):
// the browser offers to save it. A file the site does not have is
// redirected to /404.html, the vhost's error document, which is served
// with the status 404.
//
//	go run ./minimal-examples/http-server/minimal-http-server-mimetypes [-d N] [--port N] [--iface ADDR]
//
// C listens on 7681 always; --port and --iface are golws's common
// switches. C's mount lists the extra type as a struct
// lws_protocol_vhost_options; golws's HTTPMount.ExtraMimetypes is a map
// from the suffix to the type.
//
// # Compared with the C build
//
// lws main's build (lws-minimal-http-server-mimetypes, run from a copy of
// its source directory in a private network namespace, with files of
// other names added to its mount-origin) and this port were sent the same
// requests on raw connections. Matched by the tests here: test.tar.bz2 as
// application/x-bzip2 with its length, cache-control: no-store and the
// five security headers, the connection kept; ".BZ2" matched as ".bz2"
// (lws compares suffixes without case), "a.bz2x" and "a.xbz2" not; the
// server's own types (.html, .ico, .svg, .gz, .txt, .json) unchanged;
// application/octet-stream for a file no type matches, without extension
// or with an unknown one; a missing file, .bz2 or not, redirected with
// 302 to /404.html (content-length 0, connection kept), and /404.html
// answered with 404 and its page.
//
// Differences that are the lws package's, not this example's: the 302's
// reason phrase is net/http's "Found" (lws's "Redirect"); header names are
// in net/http's canonical case and the etag is golws's; the USER line
// "LWS minimal http server ..." is shown, where lws's build logs it before
// its -d takes effect; a ".zip" file, which lws main sends as
// application/octet-stream, is application/zip in golws's table of types.
package main
