package reliability

import (
	"io"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golws/golws/lws"
)

// Request headers are bounded as lws bounds them: MaxHTTPHeaderData bytes
// per request, at most MaxHTTPHeaderPool connections holding headers at
// once. Before, net/http's own 1 MB limit applied: 500 connections each
// sending an unterminated 1 MB header line drove the server past 1 GB.

// A request whose headers pass MaxHTTPHeaderData (4096 by default) is
// dropped without an answer, with lws's ERR line; one within it is served.
func TestHeaderOverLimitDropped(t *testing.T) {
	noLeaks(t)
	s := startFileServer(t, lws.ContextCreationInfo{}, smallSite)
	before := logSink.count("Ran out of header data space")
	c := rawDial(t, s.addr, waitBound)
	if err := c.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 9000) + "\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	if b, err := io.ReadAll(c.br); len(b) != 0 || (err != nil && !isReset(err)) {
		t.Fatalf("got %q, %v; want the connection dropped without an answer", b, err)
	}
	if !pollUntil(waitBound, 10*time.Millisecond, func() bool {
		return logSink.count("Ran out of header data space") > before
	}) {
		t.Fatal(`no "Ran out of header data space" line`)
	}
	c = rawDial(t, s.addr, waitBound)
	if err := c.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 3500) + "\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	if resp, err := c.response(); err != nil || resp.StatusCode != 200 {
		t.Fatalf("headers within the limit: %v %v", resp, err)
	}
}

// Many clients sending endless header lines cost memory in proportion to
// the header limit, not to what they send.
func TestHeaderFloodMemoryBounded(t *testing.T) {
	noLeaks(t)
	const (
		clients = 200
		each    = 1 << 20
		bound   = 24 << 20 // 3 MB here; 70 MB and more before the limit
	)
	s := startFileServer(t, lws.ContextCreationInfo{}, smallSite)
	base := heapBytes()
	peak := base
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			if h := heapBytes(); h > peak {
				peak = h
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	chunk := []byte(strings.Repeat("a", 64<<10))
	var wg sync.WaitGroup
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := dialRaw(s.addr, waitBound)
			if err != nil {
				t.Error(err)
				return
			}
			defer c.nc.Close()
			if c.send("GET / HTTP/1.1\r\nHost: x\r\nX-Flood: ") != nil {
				return
			}
			for sent := 0; sent < each; sent += len(chunk) {
				if c.write(chunk) != nil {
					return // dropped, as it should be
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	<-sampled
	t.Logf("heap grew by %d kB under the header flood", (peak-base)>>10)
	if grew := peak - base; grew > bound {
		t.Fatalf("heap grew by %d MB under the header flood, want under %d MB", grew>>20, bound>>20)
	}
	if err := getOK(s.addr, waitBound); err != nil {
		t.Fatalf("a normal client after the flood: %v", err)
	}
}

func heapBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// With every header slot taken, a new connection is not read until one is
// free: here the two holders' headers never end, so the third request is
// served only once TimeoutSecsAhIdle dropped them. lws's INFO lines about
// its header tables say when the slots are taken.
func TestHeaderPoolWaits(t *testing.T) {
	noLeaks(t)
	lws.SetLogLevel(lws.LogDefault|lws.LogInfo, logSink.emit)
	defer lws.SetLogLevel(lws.LogDefault, logSink.emit)
	s := startFileServer(t, lws.ContextCreationInfo{MaxHTTPHeaderPool: 2, TimeoutSecsAhIdle: 2}, smallSite)
	full := logSink.count("ah attached (2 in use)")
	start := time.Now()
	var holders []*rawConn
	for i := 0; i < 2; i++ {
		c := rawDial(t, s.addr, waitBound+timeoutSlack)
		if err := c.send("GET / HTTP/1.1\r\nHost: x\r\n"); err != nil {
			t.Fatal(err)
		}
		holders = append(holders, c)
	}
	if !pollUntil(waitBound, 5*time.Millisecond, func() bool { return logSink.count("ah attached (2 in use)") > full }) {
		t.Fatal("the holders never took both header slots")
	}
	waiting := logSink.count("no ah free")
	c := rawDial(t, s.addr, waitBound+timeoutSlack)
	if err := c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := c.response()
	served := time.Since(start)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("third request: %v %v", resp, err)
	}
	if logSink.count("no ah free") == waiting || served < 1800*time.Millisecond {
		t.Fatalf("third request served after %v without waiting for a header slot", served.Round(time.Millisecond))
	}
	for i, h := range holders {
		if took := closedWithin(t, h, start, waitBound); took > 2*time.Second+timeoutSlack {
			t.Fatalf("holder %d closed after %v", i, took)
		}
	}
}
