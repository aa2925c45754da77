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
//   - lws-mirror-protocol: C gives its 3 s lag timeout only to the members
//     sitting exactly on the ring's oldest tail, and only when that tail
//     moves. Members that stop reading at different ring positions are then
//     dropped one position per 3 s while the ring stays full and nobody gets
//     a message (with 50 such members, a reading member waited 10-15 s in
//     C, 72 s in the port with C's rule). A member that stalls just after
//     catching up, common when one message goes per WRITEABLE, gets no
//     timeout at all, and the instance hangs.
//     The port's rule: when the ring fills and reading stops, every member
//     with messages waiting has 3 s to send one; a member that sends while
//     reading is still off gets a fresh 3 s if more wait, one that catches
//     up is let off; a running deadline is never pushed back, only sending
//     earns a new one. Stalled members then go together, within one lag
//     period, and a member sending at least one message every 3 s is never
//     dropped
//     (TestMirrorDropsLaggard; TestMirrorStalledCrowd in tests/reliability).
//   - lws-mirror-protocol: a member that joins while messages wait asks for
//     WRITEABLE at once. C asks only when the next message arrives, which
//     never happens while the ring is full and reading is off, so such a
//     member could hold the oldest tail forever without a timeout.
//   - lws-status: C's "wsi" field counts every connection ever made (the
//     counter is never decremented on close); the port reports the live
//     connections, the number of entries in "conns".
//   - lws-status: "version" is golws's (Lws_get_library_version names
//     golws, not lws).
package protocols
