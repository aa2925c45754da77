// Package mount serves static files the way libwebsockets (lws) main serves
// its LWSMPRO_FILE mounts (struct lws_http_mount, lws_http_serve), so that a
// golws server answers with the same status codes and headers as the C
// server it replaces.
//
// The public package lws routes each request itself (lws_http_action: the
// mount, its redirect and basic auth, its protocol) and calls ServeFile for
// a file mount's file, with Hooks that run the protocol callbacks lws runs
// while it serves a file. It turns its mount list into []Mount (the origin
// directory as an Origin, see OpenOrigin; each mount's cache policy, its
// interpret list, and the headers lws_add_http_header_status would add to
// its answers). Close releases the handler's Origins when the context goes.
// The handler is also an http.Handler of its own (ServeHTTP), with lws's
// routing and a fallback for what no mount takes.
//
// # What ServeFile answers
//
// For the file named by what follows the mountpoint (the default document
// for a directory), whatever the method, in this order:
//
//   - a refused name (see Paths), a missing file, a directory without its
//     default document, anything but a regular file: nothing is written
//     and the result is Missing (lws hands the request to a protocol's
//     LWS_CALLBACK_HTTP, whose usual answer is 404);
//   - If-None-Match carrying the current ETag: 304 with ETag and
//     Cache-Control, no body (Complete);
//   - otherwise the server's Hooks.Start (lws binds the protocol that
//     interprets the file and asks the mount's protocol for headers); then
//     FileRequest.Status, 200 unless lws answers its error document, with
//     Content-Type (application/octet-stream for a name no type matches,
//     as lws main; none for an empty type), Content-Length, Cache-Control
//     (Mount.Cache's, unless Start gave one) and ETag, then the content
//     (Sent). HEAD gets the same head and no body (Complete);
//   - a file whose name ends with one of the mount's Interpret suffixes
//     has no Content-Length and goes out chunked (on HTTP/1.1), in pieces
//     of InterpretChunk bytes that Hooks.Process rewrites, one chunk each;
//   - a file that opens but cannot be read to hash it: 500 (Complete);
//   - a hook giving up, the client going away, a file that ends early:
//     Failed, and the connection is to be closed.
//
// Like lws, the ETag is checked first, so a 304 involves no protocol. Range
// requests are not supported: the whole file is sent, with status 200.
//
// Every answer carries the mount's Headers first (the vhost's and the
// mount's extra headers, the security headers, the server name, as lws
// merges them), and no Date, which lws does not send.
//
// # What ServeHTTP answers
//
// Mount selection follows lws_find_mount: a mountpoint matches a path equal
// to it or continuing with '/', the root mount "/" matches everything, and
// the longest matching mountpoint wins (the first one on a tie); a file
// mount takes only the methods lws reads a URI from for it (GET, HEAD,
// POST, PUT, PATCH, DELETE). Then, in this order:
//
//   - path longer than MaxPathLen bytes, or badly percent-encoded: 404, even
//     when no mount matches;
//   - path not starting with '/' (the "OPTIONS *" form): 403, as lws;
//   - no mount takes the request: the fallback handler (404 when it is nil);
//   - the path is exactly a mountpoint other than "/" without the trailing
//     slash: 301 to the mountpoint with the slash, with Content-Type
//     text/html and Content-Length 0, as lws does so that relative links in
//     the default document resolve inside the mount;
//   - ServeFile's answer, with 404 for a Missing file.
//
// The status pages (404, 403, 500) are text/html with Options.StatusPage's
// body (lws passes lws_return_http_status' page). With
// Options.SecurityHeaders every answer of the handler itself carries lws's
// best-practice headers. Responses written by the fallback are the
// fallback's business: it can call SetSecurityHeaders itself. That keeps
// them off WebSocket upgrades, which lws builds without them.
//
// # Paths
//
// The handler resolves r.URL.EscapedPath(), percent-decoded exactly once, so
// "%2e%2e" counts as "..". Rather than cleaning a suspicious path into
// something servable, every trick is refused with 404: ".." anywhere (even
// inside a name, which keeps the rule simple enough to state and to fuzz),
// "." segments, empty segments ("//"), backslashes, NUL and other control
// bytes, invalid UTF-8. A trailing slash asks for the directory's default
// document, and so does a path naming a directory without one (lws does not
// redirect those). The mount's Def defaults to "index.html", as in lws.
//
// Symbolic links are followed only while they stay inside the mount's fs.FS:
// when the FS implements fs.ReadLinkFS (Origin, os.DirFS, os.Root.FS,
// fstest.MapFS), each link on the way is read and a target that is absolute
// or climbs out of the FS makes the file 404. That check is lexical and
// happens before Open, so on its own a tree that changes underneath could
// race it. An Origin (what the public package makes of a mount's Origin
// directory) therefore opens everything through an os.Root, which applies
// the same rule in the kernel at the moment of the open: escaping is
// impossible by construction, however the tree changes. An os.DirFS passed
// as the FS has only the lexical check; pass (*os.Root).FS instead when
// others can write to the directory.
//
// # Differences from lws, on purpose
//
//   - lws opens origin + "/" + path, so a link anywhere in the tree is
//     followed wherever it points; here links leaving the mount, and
//     absolute links, are refused (see Paths).
//   - lws joins the origin path to every request, so re-pointing that path
//     (a deploy swapping a symlink) takes effect at once. An Origin keeps
//     the directory it opened at its first request until Close.
//   - ETags are quoted (RFC 9110); lws sends the bare hex. The value starts
//     with lws's %08X size and %08X modification second, followed by the
//     nanoseconds so a rewrite within the same second is still noticed. Files
//     with a zero modification time (embed.FS, fstest.MapFS) get a hash of
//     their content instead, computed on every request. If-None-Match is
//     compared against both the quoted and the bare form, with or without
//     "W/", in a comma-separated list; "*" is not honoured, as in lws.
//   - A 304 carries the Cache-Control the 200 would. lws builds the 304's
//     without looking at cache_no, so a no-cache mount's 304 says
//     "private, max-age=N" and makes the copy fresh for N seconds, the
//     opposite of what the mount asks.
//   - The 301 Location is the path alone ("/static/"); lws prefixes the
//     scheme and the client's Host header. A relative Location is valid HTTP
//     and cannot be turned into an open redirect by a forged Host.
//   - An interpreted file to an HTTP/1.0 client ends with the connection;
//     lws sends it "transfer-encoding: chunked", which HTTP/1.0 does not
//     know. The chunks are framed by golws (net/http), so Hooks.Process
//     gets and returns plain content. An empty interpreted file ends well
//     here; lws, which frames the chunks in the PROCESS_HTML callback,
//     never calls it and never ends the body.
//   - A name the handler refuses or cannot open is Missing even when lws
//     would open it (see Paths).
//   - Header names are written in Go's canonical case
//     (Content-Security-Policy); HTTP header names are case-insensitive and
//     HTTP/2 lowercases them anyway.
//   - A login file line longer than lws's 255-byte buffer is nobody's; lws
//     drops its first 255 bytes and reads the rest as a line of its own,
//     which can then match.
//
// # MIME types
//
// The table is lws main's server_mimetypes (text/html without a charset,
// text/javascript, image/x-icon, application/font-woff...) plus a few
// entries golws adds: .map, .pdf, .mp4, .zip. It is a fixed
// table rather than mime.TypeByExtension, whose answers depend on the host's
// /etc/mime.types. As in lws, names are matched by case-insensitive suffix,
// Mount.ExtraMimetypes is consulted first (the longest matching suffix wins,
// since a Go map has no order), a key starting with '*' is a catch-all used
// only when nothing else matched, and a name nothing matches is
// application/octet-stream (lws main; lws 4.x answered 415).
package mount
