package reliability

import (
	"bufio"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/golws/golws/lws"
)

// lws's HTTP timeouts, each shortened to 1 s through the creation-info
// field lws has for it. Before they were applied, golws held every one of
// these connections for good: an idle keep-alive connection, a request
// whose body never came, a download the client stopped reading, a request
// whose headers never ended. A few thousand of them locked everyone out.

// timeoutSlack is how late past its timeout a connection may be dropped:
// the timeouts are whole seconds, and the test machine may be loaded.
const timeoutSlack = 4 * time.Second

// startFileServer serves dir's files at / with lws_callback_http_dummy as
// protocol 0, with the timeouts in info.
func startFileServer(t *testing.T, info lws.ContextCreationInfo, files map[string][]byte) *server {
	t.Helper()
	dir := t.TempDir()
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	info.Protocols = []lws.Protocol{{Name: "http", Callback: lws.CallbackHTTPDummy}}
	info.Mounts = &lws.HTTPMount{Mountpoint: "/", Origin: dir, Def: "index.html", OriginProtocol: lws.MountProtoFile}
	return startServer(t, info)
}

var smallSite = map[string][]byte{"index.html": []byte("<html>hello</html>")}

// closedWithin reads c until the server closes it and reports how long
// that took from start; it fails the test if data other than want comes,
// or if the close does not come within bound.
func closedWithin(t *testing.T, c *rawConn, start time.Time, bound time.Duration) time.Duration {
	t.Helper()
	c.nc.SetReadDeadline(start.Add(bound))
	b, err := io.ReadAll(c.br)
	took := time.Since(start)
	if err != nil && !isReset(err) {
		t.Fatalf("after %v: not closed (%v); read %q", took.Round(time.Millisecond), err, b)
	}
	return took
}

func isReset(err error) bool {
	return strings.Contains(err.Error(), "connection reset")
}

// wantTimeoutClose checks that a 1 s timeout dropped the connection: not
// before about a second, not much later.
func wantTimeoutClose(t *testing.T, what string, took time.Duration) {
	t.Helper()
	if took < 900*time.Millisecond || took > time.Second+timeoutSlack {
		t.Fatalf("%s: closed after %v, want about 1s", what, took.Round(time.Millisecond))
	}
}

// An idle kept-alive connection is closed KeepaliveTimeout after its last
// response (lws: 5 s by default).
func TestKeepaliveIdleClosed(t *testing.T) {
	noLeaks(t)
	s := startFileServer(t, lws.ContextCreationInfo{KeepaliveTimeout: 1}, smallSite)
	c := rawDial(t, s.addr, waitBound+timeoutSlack)
	if err := c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := c.response()
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET: %v %v", resp, err)
	}
	wantTimeoutClose(t, "idle keep-alive", closedWithin(t, c, time.Now(), waitBound))
}

// A request whose body never comes is answered at once, as lws answers
// it, and dropped TimeoutSecs later (PENDING_TIMEOUT_HTTP_CONTENT).
func TestBodyNeverComes(t *testing.T) {
	noLeaks(t)
	s := startFileServer(t, lws.ContextCreationInfo{TimeoutSecs: 1}, smallSite)
	c := rawDial(t, s.addr, waitBound+timeoutSlack)
	start := time.Now()
	if err := c.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nabc"); err != nil {
		t.Fatal(err)
	}
	c.nc.SetReadDeadline(start.Add(waitBound))
	resp, err := c.response()
	if err != nil {
		t.Fatalf("no answer: %v", err)
	}
	if answered := time.Since(start); answered > 900*time.Millisecond+timeoutSlack/2 {
		t.Fatalf("answered after %v: it waited for the body", answered)
	}
	t.Logf("answered %d", resp.StatusCode)
	wantTimeoutClose(t, "body never came", closedWithin(t, c, start, waitBound))
}

// A body that keeps coming slower than the timeout but never stalls for
// it is read to the end: the bound is on progress.
func TestSlowBodyKeepsItsConnection(t *testing.T) {
	noLeaks(t)
	s := startFileServer(t, lws.ContextCreationInfo{TimeoutSecs: 1}, smallSite)
	c := rawDial(t, s.addr, waitBound+timeoutSlack)
	if err := c.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	tick := time.NewTicker(400 * time.Millisecond)
	defer tick.Stop()
	for i := 0; i < 4; i++ { // 1.6 s in all, 0.4 s at a time
		<-tick.C
		if err := c.send("x"); err != nil {
			t.Fatalf("byte %d: %v", i, err)
		}
	}
	if resp, err := c.response(); err != nil {
		t.Fatalf("no answer after the slow body: %v", err)
	} else if resp.Header.Get("Connection") == "close" {
		t.Fatalf("the slow body cost the connection: %v", resp.Header)
	}
}

// A client that stops reading a download is dropped TimeoutSecs after the
// server last got to write, and the file it was served is closed.
func TestStalledDownloadDropped(t *testing.T) {
	noLeaks(t)
	const size = 64 << 20
	s := startFileServer(t, lws.ContextCreationInfo{TimeoutSecs: 1}, map[string][]byte{"big.txt": make([]byte, size)})
	c := rawDial(t, s.addr, waitBound+timeoutSlack)
	if err := c.send("GET /big.txt HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	isOpen := func() bool { return openFileNamed("big.txt") }
	if !pollUntil(waitBound, 10*time.Millisecond, isOpen) {
		t.Fatal("the server never opened the file")
	}
	// Reading nothing, the kernel's buffers fill, the server's write
	// stalls and the timeout ends the response.
	if !pollUntil(waitBound, 20*time.Millisecond, func() bool { return !isOpen() }) {
		t.Fatal("the file is still open: the stalled download is held")
	}
	c.nc.SetReadDeadline(time.Now().Add(waitBound))
	n, err := io.Copy(io.Discard, c.br)
	if n >= size || (err != nil && !isReset(err)) {
		t.Fatalf("read %d of %d bytes, then %v: want the connection cut short", n, size, err)
	}
}

// openFileNamed reports whether this process has a file whose name ends
// in name open.
func openFileNamed(name string) bool {
	es, _ := os.ReadDir("/proc/self/fd")
	for _, e := range es {
		if l, err := os.Readlink("/proc/self/fd/" + e.Name()); err == nil && strings.HasSuffix(l, "/"+name) {
			return true
		}
	}
	return false
}

// Request headers that never end, a plain request's or a WebSocket
// upgrade's, are dropped TimeoutSecsAhIdle after they began
// (PENDING_TIMEOUT_HOLDING_AH), without an answer.
func TestHeadersNeverEnd(t *testing.T) {
	noLeaks(t)
	s := startFileServer(t, lws.ContextCreationInfo{TimeoutSecsAhIdle: 1}, smallSite)
	for _, partial := range []string{
		"GET / HTTP/1.1\r\nHost: x\r\n",
		"GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n",
	} {
		c := rawDial(t, s.addr, waitBound+timeoutSlack)
		start := time.Now()
		if err := c.send(partial); err != nil {
			t.Fatal(err)
		}
		took := closedWithin(t, c, start, waitBound)
		wantTimeoutClose(t, strings.Fields(partial)[3], took)
	}
}

// The keep-alive timeout applies after every transaction, and a request
// that comes in time resets it.
func TestKeepaliveServesTheNextRequest(t *testing.T) {
	noLeaks(t)
	s := startFileServer(t, lws.ContextCreationInfo{KeepaliveTimeout: 1}, smallSite)
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	cl := &http.Client{Transport: tr, Timeout: waitBound}
	var remotes []string
	for i := 0; i < 3; i++ {
		resp, err := cl.Get("http://" + s.addr + "/")
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		remotes = append(remotes, resp.Header.Get("Connection"))
	}
	for _, r := range remotes {
		if r == "close" {
			t.Fatalf("a kept-alive request was answered with close: %v", remotes)
		}
	}
}

// errBadStatus is a response other than 200.
var errBadStatus = errors.New("status is not 200")

// getOK does one GET on a connection of its own.
func getOK(addr string, bound time.Duration) error {
	c, err := dialRaw(addr, bound)
	if err != nil {
		return err
	}
	defer c.nc.Close()
	if err := c.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"); err != nil {
		return err
	}
	resp, err := http.ReadResponse(bufio.NewReader(c.nc), nil)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		return errBadStatus
	}
	return nil
}
