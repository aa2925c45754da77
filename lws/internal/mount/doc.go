// Package mount serves static files the way libwebsockets (lws) serves its
// LWSMPRO_FILE mounts (struct lws_http_mount), so that a golws server answers
// with the same status codes and headers as the C server it replaces.
//
// The public package lws turns its mount list into []Mount (the origin
// directory as an Origin, see OpenOrigin) and wraps NewHandler around its
// own LWS_CALLBACK_HTTP handler, which receives every request no mount
// matches. Close releases the handler's Origins when the context goes.
//
// # What the handler answers
//
// Mount selection follows lws_find_mount: a mountpoint matches a path equal
// to it or continuing with '/', the root mount "/" matches everything, and
// the longest matching mountpoint wins (the first one on a tie). Then, in
// this order:
//
//   - path longer than MaxPathLen bytes, or badly percent-encoded: 404, even
//     when no mount matches (lws refuses such a URI before it looks at its
//     mounts, so the fallback never sees it either);
//   - path not starting with '/' (the "OPTIONS *" form): 403, as lws;
//   - no mount matches: the fallback handler (404 when it is nil);
//   - the path is exactly a mountpoint other than "/" without the trailing
//     slash: 301 to the mountpoint with the slash, as lws does so that
//     relative links in the default document resolve inside the mount;
//   - a method other than GET or HEAD: 405 with "Allow: GET, HEAD";
//   - a refused path (see below), a missing file, a directory without its
//     default document, anything but a regular file: 404;
//   - If-None-Match carrying the current ETag: 304 with ETag and
//     Cache-Control, no body;
//   - a file whose name has no known MIME type: 415 (lws refuses to guess);
//   - otherwise 200 with Content-Type, Content-Length, Cache-Control:
//     no-store and ETag; HEAD gets the same headers and no body;
//   - a file that opens but cannot be read to hash it: 500.
//
// Like lws, the ETag is checked before the MIME type, so a client that
// presents the ETag of a file of unknown type gets 304, not 415. Range
// requests are not supported: the whole file is sent, with status 200.
//
// Error bodies are a short HTML page (Content-Type text/html, as lws's
// lws_return_http_status); the 301 has an empty body. With
// Options.SecurityHeaders every response the handler itself writes carries
// lws's best-practice headers (LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_
// BEST_PRACTICES_ENFORCE). Responses written by the fallback are the
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
//   - The 301 Location is the path alone ("/static/"); lws prefixes the
//     scheme and the client's Host header. A relative Location is valid HTTP
//     and cannot be turned into an open redirect by a forged Host.
//   - A missing file is answered 404 here, whereas lws would hand it to the
//     protocol's LWS_CALLBACK_HTTP (whose default answer is also 404).
//   - Header names are written in Go's canonical case
//     (Content-Security-Policy); HTTP header names are case-insensitive and
//     HTTP/2 lowercases them anyway.
//
// # MIME types
//
// The table is lws's server_mimetypes (text/html without a charset,
// text/javascript, image/x-icon, application/font-woff...) plus a few
// entries golws adds: .mjs, .wasm, .map, .pdf, .mp4, .zip. It is a fixed
// table rather than mime.TypeByExtension, whose answers depend on the host's
// /etc/mime.types. As in lws, names are matched by case-insensitive suffix,
// Mount.ExtraMimetypes is consulted first (the longest matching suffix wins,
// since a Go map has no order), and a key starting with '*' is a catch-all
// used only when nothing else matched.
package mount
