package reliability

import (
	"fmt"
	"testing"
	"time"

	"github.com/golws/golws/lws"
)

// TestPeerDropReleasesSocket: when a client drops its TCP connection, the
// server's wsi closes and the server's socket must be closed too, not left
// in CLOSE_WAIT.
func TestPeerDropReleasesSocket(t *testing.T) {
	noLeaks(t)
	es := startEcho(t, newEvents(), lws.ContextCreationInfo{})
	const n = 20
	fd0 := openFDs()
	for i := 0; i < n; i++ {
		c, id := es.upgraded(t)
		c.nc.Close()
		es.ev.waitEvent(t, fmt.Sprintf("closed %d", id))
	}
	es.roundTrip(t, "after the drops")
	// Every wsi is CLOSED; the sockets go with them. Nothing signals a
	// socket's close: poll (the wait ends as soon as they are closed).
	pollUntil(waitBound, 10*time.Millisecond, func() bool { return openFDs() <= fd0 })
	if fd := openFDs(); fd > fd0 {
		t.Errorf("%d clients dropped their connections and their wsis were CLOSED, but %d more fds are open than before (sockets in CLOSE_WAIT, kept by the unclosed coder/websocket Conns)", n, fd-fd0)
	}
}

// TestPoliteCloseWhileStreaming: a client that closes politely while its
// connection streams gets the server's close frame back (1000), every time.
func TestPoliteCloseWhileStreaming(t *testing.T) {
	noLeaks(t)
	ps := startPerf(t, perfConfig{threads: 4, depth: 64, size: 64})
	const tries = 100
	lost := 0
	var firstErr error
	for i := 0; i < tries; i++ {
		c := wsHandshake(t, ps.addr, perfName)
		for j := 0; j < 20; j++ {
			if _, err := c.readMsg(); err != nil {
				t.Fatalf("stream: %v", err)
			}
		}
		if code, err := c.closePolitely(); code != 1000 {
			lost++
			if firstErr == nil {
				firstErr = fmt.Errorf("close %d: %v", code, err)
			}
		}
	}
	ps.wantCleanExit(t)
	if ps.cleanups.Load() != ps.enqueued.Load() || ps.twice.Load() != 0 {
		t.Errorf("%d tasks, %d cleanups, %d twice", ps.enqueued.Load(), ps.cleanups.Load(), ps.twice.Load())
	}
	if lost > 0 {
		t.Errorf("%d of %d polite closes during a stream got no close frame back (first: %v)", lost, tries, firstErr)
	}
}

// TestClientGoneWhileLoopBusy: a client sends a complete upgrade request
// and goes away while the service loop is busy in a callback. Whatever
// callbacks that connection gets must pair up: no WSI_CREATE without its
// WSI_DESTROY.
func TestClientGoneWhileLoopBusy(t *testing.T) {
	noLeaks(t)
	es := startEcho(t, newEvents(), lws.ContextCreationInfo{})
	blocked, release := make(chan struct{}), make(chan struct{})
	hook := func() {
		close(blocked)
		select {
		case <-release:
		case <-time.After(waitBound):
		}
	}
	es.blockHook.Store(&hook)
	es.ctx.CancelService() // the loop runs the hook: busy until release
	<-blocked
	c := rawDial(t, es.addr, waitBound)
	c.send(upgradeRequest(es.addr, echoName, ""))
	c.nc.Close()
	// net/http notices the client is gone and cancels the request's
	// context; nothing tells the test when that has happened.
	time.Sleep(300 * time.Millisecond)
	close(release)
	es.roundTrip(t, "after the loop was busy")
	es.checkPairs(t)
}
