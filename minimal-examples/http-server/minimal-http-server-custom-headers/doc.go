// Command minimal-http-server-custom-headers reads a request header lws
// has no token for, DNT ("do not track"), through lws_hdr_custom_length
// and lws_hdr_custom_copy, and answers with what it found. It is the
// golws port of lws's minimal-http-server-custom-headers.
//
// Browse to http://localhost:7681 (golws's own page, embedded from
// mount-origin) and follow its link to /dyn/dnt: the "http" protocol
// answers "callback_http: DNT length 1<br>callback_http: DNT value '1'"
// (or "DNT header not found"), logs the same at USER, and sends it with a
// content-length, so the connection is kept for the next request.
//
//	go run ./minimal-examples/http-server/minimal-http-server-custom-headers [-d N] [--port N] [--iface ADDR] [--ah1]
//
// --ah1 is C's: one request header table for the whole server
// (MaxHTTPHeaderPool 1). C listens on 7681 always; --port and --iface
// are golws's common switches.
//
// Not ported: C's main also makes an https vhost on port 7682. golws has
// neither TLS nor lws_create_vhost yet, so the context is made with the
// http vhost alone, named "http" as in C.
//
// # Compared with the C build
//
// lws main's build (lws-minimal-http-server-custom-headers -d 1031, run
// in a private network namespace) was sent /dyn/x with "DNT: 1", "dnt:
// 0" and "Dnt: 1", with a 40-byte DNT, without DNT, two requests on one
// connection, and a URL that is no file. Matched by the tests here, byte
// for byte in the bodies: the three texts (found, "unable to get DNT
// value" for the long one, "not found"), the content-length, the
// security headers, the connection kept, the USER line, and the same
// answer for a missing file, which goes to protocol 0, this one.
//
// The header is found however the client spells its name (DNT, dnt,
// Dnt), by both: lws stores header names lowercased, and golws matches
// them case-insensitively.
package main
