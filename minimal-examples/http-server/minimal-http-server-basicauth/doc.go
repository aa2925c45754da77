// Command minimal-http-server-basicauth serves a site with a second mount,
// /secret, that only the logins of a password file may see, through HTTP
// basic authentication. It is the golws port of lws's
// minimal-http-server-basicauth.
//
// Visit http://localhost:7681 (a page from the embedded mount-origin,
// ours) and follow its link to /secret/: the browser asks for a name and
// a password, and the page from mount-secret-origin (ours too) comes once
// they are a line of the login file. The logins built in, ours, are
// "visitor" with "golws-demo" and "tester" with "not-the-same".
//
//	go run ./minimal-examples/http-server/minimal-http-server-basicauth [-d N] [--port N] [--iface ADDR]
//
// C listens on 7681 always; --port and --iface are golws's common
// switches.
//
// # The login file
//
// lws reads a mount's login file by path, at each request; C names it
// "./ba-passwords", which is found only when the server starts in the
// example's directory. Here ba-passwords is embedded, and written at
// start to a new file of the system's temporary directory (mode 0600),
// whose path is logged at NOTICE ("logins for /secret are read from
// ...") and which is removed when the server stops. So the example works
// from whatever directory `go run`, `go test` or a built binary starts
// in, and, the file being read at each request, a login added to it while
// the server runs is good at once. Resolving the path next to the source
// would break as soon as the binary moves, and a file in the working
// directory would not be found from the repository's root.
//
// # Compared with the C build
//
// lws main's build (lws-minimal-http-server-basicauth -d 1039, run from a
// copy of its source directory in a private network namespace, with its
// own login file) and this port were sent the same requests on raw
// connections. Matched by the tests here:
//
//   - /secret/ without credentials, with a wrong password, an unknown
//     user, an empty Authorization or two of them: 401, `www-authenticate:
//     Basic realm="lwsws"`, content-length 0, no content type, the five
//     security headers, the connection kept; the ERR lines "basic auth
//     lookup failed" and "fragmented basic auth header not allowed".
//   - With a login of the file ("Basic" in any case): 200, the page as a
//     file (text/html, its length, cache-control: no-store), the
//     connection kept; the INFO line naming the user.
//   - An Authorization that is not readable basic credentials (another
//     scheme, bad base64, no colon, too short, too long): 403 with lws's
//     error page (173 bytes of text/html), the connection kept, and lws's
//     ERR line for each.
//   - Everything under /secret/ is guarded: a missing file and a path
//     through ".." back into it get the 401; with a login, a missing file
//     gets 404. /secretx is no part of the mount (404), /secret/../ is
//     the open one.
//   - HEAD and POST get the 401; HTTP/1.0 gets an HTTP/1.0 401 and the
//     close.
//
// Differences that are the lws package's, not this example's: /secret
// (no slash) gets golws's 301 to "/secret/" (see the DEVIATIONS of
// package lws); header names are in net/http's canonical case and the
// etag is golws's; and the USER line "LWS minimal http server basic auth
// ..." is shown, where lws's build logs it before its -d takes effect.
package main
