// Package protocols holds the server side of lws's test-app protocols,
// ported from the plugins libwebsockets-test-server builds in:
//
//	dumb-increment-protocol  protocol_dumb_increment.go
//	lws-mirror-protocol      protocol_lws_mirror.go
//	lws-status               protocol_lws_status.go
//
// They live here, not in the test server's package main, because the test
// client's differential tests run the very same server in-process next to
// Debian's C one. Server assembles them into the vhost protocol list
// test-server.c uses.
//
// Every callback runs on the context's one service goroutine, so the C
// plugins' lws_pthread_mutex locks (no-ops in a single-threaded lws build)
// are left out.
//
// # DEVIATIONS
//
//   - lws-mirror-protocol: C writes while !lws_send_pipe_choked(). golws has
//     no such call; once Write handed over a frame, the frame is in flight,
//     which is what "choked" means to lws, so one message goes per
//     WRITEABLE and the callback asks for the next.
//   - lws-mirror-protocol: C gives the members holding the ring's oldest
//     tail a 3 s timeout only when that tail moves while messages still
//     wait. C usually writes several messages per WRITEABLE, so a member
//     whose socket stalls is left behind with messages waiting and gets
//     the timeout. Sending one per WRITEABLE, a member often stalls right
//     after catching up; nothing would then arm its timeout, the ring
//     would fill, reading would stop for every member and the instance
//     would hang. So the port also arms the timeout when it turns reading
//     off because the ring is full (TestMirrorDropsLaggard).
//   - lws-status: C's "wsi" field counts every connection ever made (the
//     counter is never decremented on close); the port reports the live
//     connections, the number of entries in "conns".
//   - lws-status: "version" is golws's (Lws_get_library_version names
//     golws, not lws).
package protocols
