package reliability

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golws/golws/lws"
)

// Bad HTTP input, case by case as issue 12 lists it: each gets lws's
// answer (a status, or the connection closed without one) and a log line,
// and leaves the server serving the next client; the package's goleak
// check sees that nothing is left behind. The log lines are INFO, as in
// lws, so the test turns INFO on for its duration.

// formServer serves smallSite at / (lws_callback_http_dummy as protocol 0)
// and a protocol "form" at /form that counts the body bytes it gets and
// answers "got N" at BODY_COMPLETION.
type formServer struct {
	*server
	bodyBytes atomic.Int64  // HTTP_BODY bytes, over all requests
	completed atomic.Int64  // BODY_COMPLETIONs
	closed    chan struct{} // one send per CLOSED_HTTP of a "form" wsi
}

func startFormServer(t *testing.T, info lws.ContextCreationInfo) *formServer {
	t.Helper()
	fs := &formServer{closed: make(chan struct{}, 64)}
	form := lws.Protocol{Name: "form", Callback: func(w *lws.Wsi, reason lws.CallbackReason, user, in any, n int) int {
		switch reason {
		case lws.CallbackHTTP:
			return 0 // the body follows
		case lws.CallbackHTTPBody:
			fs.bodyBytes.Add(int64(n))
			return 0
		case lws.CallbackHTTPBodyCompletion:
			fs.completed.Add(1)
			body := []byte(fmt.Sprintf("got %d", fs.bodyBytes.Load()))
			var buf [lws.Pre + 256]byte
			start := lws.PtrTo(buf[:], lws.Pre)
			p, end := start, lws.PtrTo(buf[:], len(buf)-1)
			if w.AddHTTPCommonHeaders(lws.HTTPStatusOK, "text/plain", int64(len(body)), &p, end) != 0 ||
				w.FinalizeWriteHTTPHeader(start, &p, end) != 0 ||
				w.Write(body, lws.WriteHTTPFinal) != len(body) {
				return -1
			}
			if w.TransactionCompleted() != 0 {
				return -1
			}
			return 0
		case lws.CallbackClosedHTTP:
			fs.closed <- struct{}{}
		}
		return lws.CallbackHTTPDummy(w, reason, user, in, n)
	}}
	info.Protocols = []lws.Protocol{{Name: "http", Callback: lws.CallbackHTTPDummy}, form}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.html"), smallSite["index.html"], 0o644); err != nil {
		t.Fatal(err)
	}
	info.Mounts = &lws.HTTPMount{Mountpoint: "/", Origin: dir, Def: "index.html", OriginProtocol: lws.MountProtoFile,
		MountNext: &lws.HTTPMount{Mountpoint: "/form", Protocol: "form", OriginProtocol: lws.MountProtoCallback}}
	fs.server = startServer(t, info)
	return fs
}

// withInfoLogs turns lws's INFO lines on for the test.
func withInfoLogs(t *testing.T) {
	lws.SetLogLevel(lws.LogDefault|lws.LogInfo, logSink.emit)
	t.Cleanup(func() { lws.SetLogLevel(lws.LogDefault, logSink.emit) })
}

func TestHTTPBadInput(t *testing.T) {
	noLeaks(t)
	withInfoLogs(t)
	fs := startFormServer(t, lws.ContextCreationInfo{TimeoutSecsAhIdle: 1})
	cases := []struct {
		name string
		send string
		// vanish: the client closes right after sending, mid-request.
		vanish bool
		// answer is the first response's status, or "closed" for none.
		answer string
		// then, after the answer: "closed" (the connection ends), or ""
		// when nothing more is checked.
		then string
		log  string // a line lws logged
	}{
		{name: "malformed request line", send: "GET\r\n\r\n",
			answer: "closed", log: "lws_parse failed"},
		{name: "header line without a colon", send: "GET / HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n",
			answer: "closed", log: "lws_parse failed"},
		{name: "header longer than lws allows", send: "GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + strings.Repeat("a", 5000) + "\r\n\r\n",
			answer: "closed", log: "Ran out of header data space"},
		{name: "body longer than its Content-Length",
			send:   "POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhelloNOT A REQUEST\r\n\r\n",
			answer: "200", then: "closed", log: "lws_parse failed"},
		{name: "Transfer-Encoding with Content-Length",
			send:   "POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
			answer: "400", then: "closed", log: "Both Content-Length and Transfer-Encoding present"},
		{name: "headers never finished", send: "GET / HTTP/1.1\r\nHost: x\r\n",
			answer: "closed", log: "TIMEDOUT WAITING 25 (HTTP headers)"},
		// lws main serves a file mount's file to a POST; the body is
		// nobody's, and golws drops it (a DEVIATION: lws stops there).
		{name: "POST to a mount that takes none", send: "POST /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc",
			answer: "200", log: "the body is dropped"},
		{name: "client vanishes mid-body", send: "POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n" + strings.Repeat("z", 1000),
			vanish: true, log: "request body cut short after 1000 of 100000 bytes"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			mark := logSink.mark()
			bodies, completions := fs.bodyBytes.Load(), fs.completed.Load()
			c := rawDial(t, fs.addr, waitBound)
			if err := c.send(tc.send); err != nil {
				t.Fatal(err)
			}
			switch {
			case tc.vanish:
				// Wait until the form has the bytes, then go.
				if !pollUntil(waitBound, 5*time.Millisecond, func() bool { return fs.bodyBytes.Load()-bodies == 1000 }) {
					t.Fatalf("the form got %d of the 1000 bytes sent", fs.bodyBytes.Load()-bodies)
				}
				c.nc.Close()
				waitClosed(t, fs)
				if fs.completed.Load() != completions {
					t.Error("BODY_COMPLETION for a body cut short")
				}
			case tc.answer == "closed":
				closedWithin(t, c, time.Now(), waitBound)
			default:
				resp, err := c.response()
				if err != nil {
					t.Fatalf("no answer: %v", err)
				}
				if got := fmt.Sprint(resp.StatusCode); got != tc.answer {
					t.Fatalf("answered %s, want %s", got, tc.answer)
				}
				if tc.then == "closed" {
					closedWithin(t, c, time.Now(), waitBound)
				}
			}
			if tc.name == "body longer than its Content-Length" {
				// Answered and closed: the form has had all it gets.
				if got := fs.bodyBytes.Load() - bodies; got != 5 {
					t.Errorf("the form got %d body bytes, want the 5 of Content-Length", got)
				}
			}
			if !pollUntil(waitBound, 5*time.Millisecond, func() bool { return logSink.countSince(mark, tc.log) > 0 }) {
				t.Errorf("no log line with %q", tc.log)
			}
			// The server goes on serving.
			next := rawDial(t, fs.addr, waitBound)
			if err := next.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"); err != nil {
				t.Fatal(err)
			}
			if resp, err := next.response(); err != nil || resp.StatusCode != http.StatusOK {
				t.Fatalf("the next client: %v %v", resp, err)
			}
			waitClosedHTTPDrained(fs)
		})
	}
}

// waitClosed waits for a "form" wsi's CLOSED_HTTP.
func waitClosed(t *testing.T, fs *formServer) {
	t.Helper()
	select {
	case <-fs.closed:
	case <-time.After(waitBound):
		t.Fatal("no CLOSED_HTTP on the form's wsi")
	}
}

// waitClosedHTTPDrained empties the CLOSED_HTTP signals of finished cases,
// so that each case waits for its own.
func waitClosedHTTPDrained(fs *formServer) {
	for {
		select {
		case <-fs.closed:
		default:
			return
		}
	}
}
