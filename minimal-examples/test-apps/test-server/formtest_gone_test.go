package main

import (
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
	"github.com/golws/golws/minimal-examples/test-apps/internal/peers"
)

// openUploads lists this process's open files that are POST demo uploads.
func openUploads(t *testing.T) []string {
	t.Helper()
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("no /proc/self/fd: %v", err)
	}
	var open []string
	for _, fd := range fds {
		if l, err := os.Readlink(filepath.Join("/proc/self/fd", fd.Name())); err == nil && strings.Contains(l, "post-file-") {
			open = append(open, l)
		}
	}
	return open
}

// sendAndGo connects, sends req (a body shorter than its Content-Length)
// and, once arrived says the server has what it needs, goes away.
func sendAndGo(t *testing.T, port int, req []byte, arrived func()) {
	t.Helper()
	c, err := net.DialTimeout("tcp", peers.Addr(port), exampletest.WaitBound)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Write(req); err != nil {
		t.Fatal(err)
	}
	if arrived != nil {
		arrived()
	}
	c.Close()
}

// A client that goes away in the middle of its body gets nothing and
// leaves nothing behind: both servers answer the next form as before, and
// ours logs the cut, closes and removes the upload it had begun (lws 4.1.6
// leaves /tmp/post-file, with its descriptor open).
func TestFormtestClientGoneAgainstC(t *testing.T) {
	s := startFormServers(t)
	fileHead := "--" + formBoundary + "\r\n" +
		`Content-Disposition: form-data; name="file"; filename="a.bin"` + "\r\n\r\n"
	cases := []struct {
		name string
		req  []byte
		// written is the log line that says ours has put part of the
		// upload on disk, "" for a form without a file.
		written string
	}{
		{"urlencoded", postWithLength("application/x-www-form-urlencoded", []byte("text=abc&send=x"), 1000), ""},
		{"multipart in the middle of a file",
			postWithLength(multipartType, []byte(fileHead+strings.Repeat("d", 3000)), 10000),
			"file_upload_cb: write 1023 says 1023"},
	}
	next := urlencoded("text=after")
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cuts := s.goSrv.Log.Count(logCut)
			sendAndGo(t, s.goSrv.Port, tc.req, func() {
				if tc.written != "" {
					s.goSrv.Log.WaitFor(t, tc.written, 1)
					if len(openUploads(t)) != 1 {
						t.Errorf("open uploads while the body comes: %v", openUploads(t))
					}
				}
			})
			sendAndGo(t, s.cSrv.Port, tc.req, nil)
			s.goSrv.Log.WaitFor(t, logCut, cuts+1)
			if left, _ := os.ReadDir(s.tmpDir); len(left) != 0 {
				t.Errorf("uploads left in $TMPDIR: %v", left)
			}
			if open := openUploads(t); len(open) != 0 {
				t.Errorf("uploads still open: %v", open)
			}
			g, _ := s.postBoth(t, "", next)
			if g[0].Status != 200 || !strings.Contains(g[0].Body, "<td>after</td>") {
				t.Errorf("ours, the next form: %+v", g[0])
			}
		})
	}
}

// stallOutcome is what a client that stops sending sees.
type stallOutcome struct {
	got     int           // bytes the server sent
	closed  bool          // the server closed
	elapsed time.Duration // until it closed
}

// stall sends req and then nothing, and waits for the server to close.
func stall(port int, req []byte) (stallOutcome, error) {
	c, err := net.DialTimeout("tcp", peers.Addr(port), exampletest.WaitBound)
	if err != nil {
		return stallOutcome{}, err
	}
	defer c.Close()
	start := time.Now()
	if _, err := c.Write(req); err != nil {
		return stallOutcome{}, err
	}
	_ = c.SetReadDeadline(start.Add(exampletest.WaitBound))
	n, err := io.Copy(io.Discard, c)
	var ne net.Error
	return stallOutcome{got: int(n), closed: !(errors.As(err, &ne) && ne.Timeout()), elapsed: time.Since(start)}, nil
}

// A client that stops in the middle of its body, and a GET, which the POST
// demo does not answer, hold their connection until the servers' 5 s
// timeout and are closed without an answer, by both. The stalled body's
// upload is gone once ours closes.
func TestFormtestStalledAgainstC(t *testing.T) {
	s := startFormServers(t)
	reqs := map[string][]byte{
		"stalled body": postWithLength("application/x-www-form-urlencoded", []byte("text=abc"), 100),
		"GET":          []byte("GET /formtest HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
	}
	type key struct{ req, server string }
	var mu sync.Mutex
	outcomes := map[key]stallOutcome{}
	var wg sync.WaitGroup
	for name, req := range reqs {
		for server, port := range map[string]int{"ours": s.goSrv.Port, "C": s.cSrv.Port} {
			wg.Go(func() {
				o, err := stall(port, req)
				if err != nil {
					t.Errorf("%s, %s: %v", name, server, err)
				}
				mu.Lock()
				outcomes[key{name, server}] = o
				mu.Unlock()
			})
		}
	}
	wg.Wait()
	for k, o := range outcomes {
		// The lower bound tells a timeout from a close at once; only a
		// loaded machine makes the close later, never sooner.
		if o.got != 0 || !o.closed || o.elapsed < 4*time.Second {
			t.Errorf("%s, %s: %d bytes, closed %v after %v; want nothing, closed after the 5 s timeout",
				k.req, k.server, o.got, o.closed, o.elapsed.Round(time.Millisecond))
		}
	}
	s.goSrv.Log.WaitFor(t, logCut, 1)
}
