// Package reliability holds golws's misbehaving-client tests (issue 8):
// proof, in `go test`, that a golws server keeps working while its clients
// do everything wrong. It has no code of its own to import; everything is in
// its _test.go files, and every test runs on 127.0.0.1 with bounded load and
// bounded waits.
//
// What is proved, and where:
//
//   - faults_test.go: the threadpool fault matrix. A client closes (with a
//     close frame, and with a bare TCP close) while its task is queued,
//     running, waiting in SYNC, finished but not reaped, or outliving its
//     wsi (Async and ReturnFlagOutlive); and the server gets "SIGINT" (the
//     C-style service loop's interrupt, then Lws_context_destroy) in each of
//     those states. Every time: each task's cleanup runs exactly once, the
//     next queued task starts, the other connections are undisturbed, no
//     goroutine is left and the loop exits 0 promptly (asserted within 2.5 s,
//     the figure logged against lws's 1 s). TestBinarySIGINT
//     does the SIGINT part on the real cmd/minimal-ws-server-threadpool
//     binary, built once per run without -race (binary_test.go).
//   - slowconsumer_test.go: a client that stops reading while its task
//     streams costs bounded memory, does not starve the other connections,
//     and is dropped by PENDING_TIMEOUT_THREADPOOL_TASK 5 s after its last
//     write, without a close frame.
//   - churn_test.go: 10,000 connect / disconnect cycles with tasks leave the
//     goroutine count, the heap and the open file descriptors where they
//     were.
//   - badhandshake_test.go, badframes_test.go, badpaths_test.go,
//     closes_test.go: malformed or incomplete handshakes, protocol-violating
//     frames, long, truncated and invalid-UTF-8 messages, hostile HTTP paths
//     and clients leaving at awkward moments each get a clear answer, and
//     the server serves a normal client afterwards.
//   - httptimeouts_test.go, httpheaders_test.go, lockout_test.go: lws's
//     HTTP timeouts (keep-alive, request body, stalled download, headers
//     that never end) and header limits (data per request, the pool, the
//     memory a header flood costs), and the lock-out they prevent: idle
//     connections beyond the server's open-file limit (a subprocess with
//     its own limit) no longer lock a normal client out.
//   - httpbadinput_test.go: the bad HTTP input of issue 12, case by case
//     (malformed request lines and headers, a header past lws's limit, a
//     body longer than its Content-Length, Transfer-Encoding with
//     Content-Length, headers never finished, a POST to a file mount, a
//     client gone mid-body): each gets lws's answer and a log line, and
//     the server serves the next client.
//   - httpshutdown_test.go: destroying a context with HTTP connections in
//     every state (kept alive, uploading a body, answered in pieces,
//     headers half sent) ends promptly and runs each connection's close
//     callbacks once.
//   - writeable_test.go: a write made from WRITEABLE is always taken.
//   - mirrorcrowd_test.go, mountswap_test.go, statusua_test.go: a crowd of
//     stalled mirror members is dropped within lws's bound while a reader
//     keeps reading; a served file swapped for a link out of the mount
//     never leaks what it points at; a User-Agent cannot forge lws-status
//     JSON.
//   - rxframes_test.go: fragments reach RECEIVE as they arrive, with
//     lws's per-frame RemainingPacketPayload; a close reason that is not
//     UTF-8 fails the connection with 1007.
//   - fuzz_test.go: FuzzHandshake throws fuzzed upgrade requests at one
//     long-lived server (seed corpus in testdata/fuzz/FuzzHandshake).
//   - shutdown_test.go: destroying a context under load (64 streaming
//     connections, most tasks queued) ends promptly (asserted within 2.5 s, the
//     figure reported by BenchmarkShutdownUnderLoad) and runs every cleanup;
//     the same for the example's Main and for the binary.
//
// The tests drive the server through protocols of their own, built on lws
// and lws/threadpool the way a port would be: ctl (ctlproto_test.go), whose
// task phases the test controls; perf (perfproto_test.go), the example's
// perf variant made observable; echo (echoproto_test.go), which checks how
// messages are cut into RxBufferSize chunks. The clients are coder/websocket
// (wsclient_test.go) or written out frame by frame (rawws_test.go).
//
// The bugs this suite found in golws (leaked sockets and Conns, truncated
// messages delivered as complete, WSI_CREATE without WSI_DESTROY, a close
// reply lost in the write cork, HTTP error answers cut off) are fixed; the
// tests that found them now fail if they come back.
package reliability
