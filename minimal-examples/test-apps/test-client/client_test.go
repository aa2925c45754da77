package main

import (
	"bufio"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
	"github.com/golws/golws/minimal-examples/test-apps/internal/peers"
)

var dumbRx = regexp.MustCompile(`\] I: dumb: rx \d+ '(\d+)'`)

// The client as C's runs it, against Debian's C test server and against
// ours: the numbers count from 0, the mirror flood reaches another member
// of the mirror, ^C ends it with exit 0, and nobody logs an error.
func TestClientAgainstServers(t *testing.T) {
	peers.Require(t)
	cSrv := peers.StartCServer(t)
	goPort, goLog := startGoServer(t)

	for _, srv := range []struct {
		name string
		port int
	}{{"c", cSrv.Port}, {"go", goPort}} {
		t.Run(srv.name, func(t *testing.T) {
			w := peers.WatchMirror(t, srv.port)
			// -d 15 adds INFO, where the numbers are logged, and leaves
			// out USER, where each mirror write is.
			c := startClient(t, "127.0.0.1", "--port="+strconv.Itoa(srv.port), "-d", "15")
			c.Log.WaitFor(t, "dumb: rx", 10)
			w.WaitCircles(t, 200)
			if code := c.Stop(t); code != 0 {
				t.Errorf("exit %d", code)
			}
			out := c.Log.String()
			for i, m := range dumbRx.FindAllStringSubmatch(out, -1) {
				if m[1] != strconv.Itoa(i) {
					t.Errorf("number %d is %s", i, m[1])
					break
				}
			}
			for _, want := range []string{"dumb: established", "mirror: established", "test client exiting"} {
				if !strings.Contains(out, want) {
					t.Errorf("no %q in the log", want)
				}
			}
			if errs := peers.ErrorLines(out); len(errs) > 0 {
				t.Errorf("error lines: %q", errs)
			}
		})
	}
	if errs := peers.ErrorLines(cSrv.Log.String()); len(errs) > 0 {
		t.Errorf("the C server logged errors: %q", errs)
	}
	if errs := peers.ErrorLines(goLog.String()); len(errs) > 0 {
		t.Errorf("our server logged errors: %q", errs)
	}
}

// The client offers the C peers no permessage-deflate (or any extension),
// and asks for the subprotocol and path it was given.
func TestNoExtensionOffered(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	requests := make(chan *http.Request, 4)
	var wg sync.WaitGroup
	t.Cleanup(wg.Wait)
	t.Cleanup(func() { ln.Close() })
	wg.Go(func() {
		for {
			nc, err := ln.Accept()
			if err != nil {
				return
			}
			// Read the upgrade request and hang up: the client sees a
			// connection error, which is not what is tested here.
			_ = nc.SetReadDeadline(time.Now().Add(exampletest.WaitBound))
			if r, err := http.ReadRequest(bufio.NewReader(nc)); err == nil {
				select {
				case requests <- r:
				default:
				}
			}
			nc.Close()
		}
	})

	port := ln.Addr().(*net.TCPAddr).Port
	startClient(t, "127.0.0.1:"+strconv.Itoa(port)+"/some/path")
	seen := map[string]bool{}
	for range 2 {
		select {
		case r := <-requests:
			if ext := r.Header.Values("Sec-WebSocket-Extensions"); len(ext) > 0 {
				t.Errorf("extensions offered: %q", ext)
			}
			if r.URL.Path != "/some/path" {
				t.Errorf("path %q", r.URL.Path)
			}
			seen[r.Header.Get("Sec-WebSocket-Protocol")] = true
		case <-time.After(exampletest.WaitBound):
			t.Fatal("the client did not connect")
		}
	}
	if !seen["dumb-increment-protocol"] || !seen["lws-mirror-protocol"] {
		t.Errorf("subprotocols asked for: %v", seen)
	}
}
