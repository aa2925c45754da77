//go:build linux

package reliability

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/golws/golws/lws"
	"github.com/golws/golws/minimal-examples/test-apps/protocols"
)

const (
	crowdStalled = 20   // members that never read
	crowdMsgLen  = 4096 // one RECEIVE chunk of the mirror protocol
	// crowdLagSecs is the mirror protocol's lag period (mirrorLagSecs).
	crowdLagSecs = 3
	// crowdGapBound is the longest the reader may go without a message:
	// once the stalled members hold the ring, they must all be gone
	// within one lag period (plus slack for -race and busy CPUs), not
	// one lag period per ring position they happen to sit on.
	crowdGapBound = (crowdLagSecs + 3) * time.Second
	// crowdBound: all stalled members gone this long after the flood
	// began. Some stall only after the first ones went, and the buffers
	// take a while to fill under -race on busy CPUs.
	crowdBound = 20 * time.Second
)

// TestMirrorStalledCrowd: on one mirror instance, 20 members complete the
// handshake and never read, one member floods and one reads. The stalled
// members fill their socket and send buffers, hold the ring, and reading
// stops for everyone. They must all be dropped within about one lag period
// of that, so the reader never waits much longer than mirrorLagSecs for a
// message, the reader keeps receiving afterwards, and the reader and the
// flooder, who keep up, are not dropped.
func TestMirrorStalledCrowd(t *testing.T) {
	noLeaks(t)
	closed := make(chan struct{}, crowdStalled+8) // a mirror member's CLOSED
	mirror := protocols.ProtocolLwsMirror
	inner := mirror.Callback
	mirror.Callback = func(wsi *lws.Wsi, reason lws.CallbackReason, user, in any, n int) int {
		if reason == lws.CallbackClosed {
			select {
			case closed <- struct{}{}:
			default:
			}
		}
		return inner(wsi, reason, user, in, n)
	}
	ps := protocols.ServerProtocols()
	for i := range ps {
		if ps[i].Name == protocols.MirrorName {
			ps[i] = mirror
		}
	}
	s := startServer(t, lws.ContextCreationInfo{Protocols: ps, Options: protocols.ServerOptions})
	url := s.url + "?mirror=crowd"

	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	t.Cleanup(wg.Wait)
	t.Cleanup(cancel)

	reader := dialConn(t, url, protocols.MirrorName, nil)
	flooder := dialConn(t, url, protocols.MirrorName, nil)
	// Receive buffers a little apart make the stalled members stop at
	// different ring positions, each within reach of the first one's.
	stalled := make([]*rawConn, crowdStalled)
	for i := range stalled {
		stalled[i] = stalledMirrorMember(t, s.addr, 8192+320*i)
	}
	var got atomic.Int64
	var lastGot atomic.Int64 // UnixNano of the reader's last message
	endOf := func(c *websocket.Conn, count bool) chan error {
		end := make(chan error, 1)
		wg.Go(func() {
			for {
				_, m, err := c.Read(ctx)
				if err != nil {
					end <- err
					return
				}
				if count && len(m) == crowdMsgLen {
					got.Add(1)
					lastGot.Store(time.Now().UnixNano())
				}
			}
		})
		return end
	}
	start := time.Now()
	lastGot.Store(start.UnixNano())
	readerEnd := endOf(reader, true)
	flooderEnd := endOf(flooder, false) // it keeps up with its own echo
	msg := bytes.Repeat([]byte{'m'}, crowdMsgLen)
	wg.Go(func() {
		for flooder.Write(ctx, websocket.MessageText, msg) == nil {
		}
	})

	deadline := time.NewTimer(crowdBound)
	defer deadline.Stop()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for n := 0; n < crowdStalled; {
		select {
		case <-closed:
			n++
		case err := <-readerEnd:
			t.Fatalf("the reader was dropped (%v) after %v", err, time.Since(start))
		case err := <-flooderEnd:
			t.Fatalf("the flooder was dropped (%v) after %v", err, time.Since(start))
		case <-tick.C:
			if gap := time.Since(time.Unix(0, lastGot.Load())); gap > crowdGapBound {
				t.Fatalf("the reader got no message for %v (%d so far); %d of %d stalled members dropped after %v",
					gap.Round(time.Millisecond), got.Load(), n, crowdStalled, time.Since(start).Round(time.Millisecond))
			}
		case <-deadline.C:
			t.Fatalf("%v after the flood began only %d of %d stalled members were dropped; the reader got %d messages",
				crowdBound, n, crowdStalled, got.Load())
		}
	}
	dropped := time.Since(start)

	// Every stalled member really is gone: each socket reads to EOF.
	for i, c := range stalled {
		if err := drainToEOF(c, waitBound); err != nil {
			t.Fatalf("stalled member %d was not dropped: %v", i, err)
		}
	}
	// The two that keep up are still there and the messages flow.
	before := got.Load()
	flow := time.NewTimer(waitBound)
	defer flow.Stop()
	for got.Load() < before+1000 {
		select {
		case err := <-readerEnd:
			t.Fatalf("the reader was dropped (%v)", err)
		case err := <-flooderEnd:
			t.Fatalf("the flooder was dropped (%v)", err)
		case <-flow.C:
			t.Fatalf("after the stalled members went (%v) the reader got %d messages in %v",
				dropped, got.Load()-before, waitBound)
		case <-tick.C:
		}
	}
	if extra := len(closed); extra != 0 {
		t.Errorf("%d more mirror members closed than the %d stalled ones", extra, crowdStalled)
	}
	t.Logf("stalled members dropped after %v; the reader got %d messages", dropped.Round(time.Millisecond), got.Load())
}

// stalledMirrorMember joins the "crowd" mirror instance with a raw
// handshake and then never reads. Its small segments and receive buffer,
// set before the connection exists, keep the server's side of the socket
// from growing its send buffer to megabytes: it stalls after a few dozen
// messages instead of a thousand, which under -race takes seconds.
func stalledMirrorMember(t *testing.T, addr string, rcvbuf int) *rawConn {
	t.Helper()
	d := net.Dialer{Timeout: waitBound, Control: func(_, _ string, rc syscall.RawConn) error {
		var err error
		cerr := rc.Control(func(fd uintptr) {
			if err = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_MAXSEG, 1400); err == nil {
				err = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, rcvbuf)
			}
		})
		return cmp.Or(cerr, err)
	}}
	nc, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nc.Close() })
	_ = nc.SetDeadline(time.Now().Add(waitBound + crowdBound))
	c := &rawConn{nc: nc, br: bufio.NewReader(nc)}
	req := strings.Replace(upgradeRequest(addr, protocols.MirrorName, ""), "GET / ", "GET /?mirror=crowd ", 1)
	if err := c.send(req); err != nil {
		t.Fatal(err)
	}
	resp, err := c.response()
	if err != nil || resp.StatusCode != http.StatusSwitchingProtocols {
		t.Fatalf("stalled member's handshake: %v %v", resp, err)
	}
	return c
}

// drainToEOF reads c until the server's end of the connection, within
// bound. A connection the server still feeds never ends.
func drainToEOF(c *rawConn, bound time.Duration) error {
	_ = c.nc.SetReadDeadline(time.Now().Add(bound))
	_, err := io.Copy(io.Discard, c.br)
	if err == nil {
		return nil
	}
	var op *net.OpError
	if errors.As(err, &op) && !op.Timeout() {
		return nil // reset: the server is gone too
	}
	return err
}
