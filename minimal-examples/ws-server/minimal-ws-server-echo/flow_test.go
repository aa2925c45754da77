package main

import (
	"context"
	"encoding/binary"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
	. "github.com/golws/golws/include-like"
	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// flowLog records the protocol's rx flow control changes, in order.
type flowLog struct {
	mu     sync.Mutex
	events []int
	notify chan struct{}
}

// hookFlow makes flowHook record into a new flowLog until the test ends.
// Call it before exampletest.Serve, so the server is stopped before the hook is
// put back.
func hookFlow(t *testing.T) *flowLog {
	l := &flowLog{notify: make(chan struct{}, 1)}
	flowHook = func(_ *Lws, enable int) {
		l.mu.Lock()
		l.events = append(l.events, enable)
		l.mu.Unlock()
		exampletest.Notify(l.notify)
	}
	t.Cleanup(func() { flowHook = func(*Lws, int) {} })
	return l
}

func (l *flowLog) get() []int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.events)
}

// dialSmallBuffers connects with small kernel buffers on the client side,
// so that what the server and its ring hold is most of what a burst can
// put in flight.
func dialSmallBuffers(t *testing.T, s *exampletest.Example) *websocket.Conn {
	t.Helper()
	return exampletest.Dial(t, s.URL, exampletest.SmallBuffers(t, 64<<10, 64<<10), "lws-minimal-server-echo")
}

// burstMsg is message i of the burst: its number, then bytes that depend
// on it, so a lost, repeated or reordered chunk shows.
func burstMsg(i, size int) []byte {
	b := make([]byte, size)
	binary.BigEndian.PutUint64(b, uint64(i))
	for j := 8; j < size; j++ {
		b[j] = byte(i*131 + j*7 + j>>10)
	}
	return b
}

// burstSize is the size of each message of the burst; the client sends at
// most burstMax of them (64 MB). It is never meant to get that far: the
// ring (4 MB of 1 KB chunks) and the kernel buffers between server and
// client (about 9 MB measured here, with the client's at 64 KB) fill well
// before.
const (
	burstSize = 64 << 10
	burstMax  = 1024
)

func TestFlowControlUnderBurst(t *testing.T) {
	flow := hookFlow(t)
	s := exampletest.Serve(t, run, "-d", "3")
	c := dialSmallBuffers(t, s)

	// The client sends until it has sent limit messages; the test
	// lowers limit once it has seen the client blocked.
	var written, limit atomic.Int64
	limit.Store(burstMax)
	sent := make(chan error, 1)
	go func() {
		for i := 0; int64(i) < limit.Load(); i++ {
			if err := c.Write(context.Background(), websocket.MessageBinary, burstMsg(i, burstSize)); err != nil {
				sent <- err
				return
			}
			written.Add(1)
		}
		sent <- nil
	}()

	// The client does not read: the echo backs up into the ring until
	// the server stops reading.
	deadline := time.After(exampletest.WaitBound)
	for len(flow.get()) == 0 {
		select {
		case <-flow.notify:
		case err := <-sent:
			t.Fatalf("the whole burst went out without flow control (err %v)", err)
		case <-deadline:
			t.Fatalf("no flow control after %d messages", written.Load())
		}
	}

	// With the server not reading, TCP pushes back: the client's
	// writes stop. There is no event for "blocked", so watch the count
	// until it has not moved for a while.
	stalledAt := waitStall(t, &written, sent)
	if ev := flow.get(); !slices.Equal(ev, []int{0}) {
		t.Fatalf("flow control changed while nobody read: %v", ev)
	}
	t.Logf("client blocked after %d messages (%d MB)", stalledAt, stalledAt*burstSize>>20)

	// Reading lets the ring drain and the server read again. The client
	// sends some more after that, and everything arrives, complete and
	// in order.
	total := stalledAt + 32
	limit.Store(int64(total))
	ctx, cancel := context.WithTimeout(context.Background(), 3*exampletest.WaitBound)
	defer cancel()
	for i := range total {
		typ, data, err := c.Read(ctx)
		if err != nil {
			t.Fatalf("message %d: %v", i, err)
		}
		if typ != websocket.MessageBinary || !slices.Equal(data, burstMsg(i, burstSize)) {
			t.Fatalf("message %d differs (%v, %d bytes, starts %x)", i, typ, len(data), data[:min(8, len(data))])
		}
	}
	if err := <-sent; err != nil {
		t.Fatalf("write: %v", err)
	}
	if n := written.Load(); n != int64(total) {
		t.Fatalf("client wrote %d messages, want %d", n, total)
	}

	// Each stop was followed by a restart, and reading is on at the end.
	ev := flow.get()
	for i, e := range ev {
		if e != i%2 {
			t.Fatalf("flow control changes out of order: %v", ev)
		}
	}
	if len(ev)%2 != 0 {
		t.Fatalf("reading left stopped: %v", ev)
	}
	t.Logf("flow control changes: %v", ev)
}

// waitStall waits until the count of written messages stays put for
// 300 ms and returns it; the writer must not have finished.
func waitStall(t *testing.T, written *atomic.Int64, sent <-chan error) int {
	t.Helper()
	const still = 300 * time.Millisecond
	tick := time.NewTicker(still / 6)
	defer tick.Stop()
	deadline := time.After(exampletest.WaitBound)
	last, since := written.Load(), time.Now()
	for {
		select {
		case err := <-sent:
			t.Fatalf("client finished the burst while the server was not reading (err %v)", err)
		case <-deadline:
			t.Fatalf("client never blocked; %d messages written", written.Load())
		case now := <-tick.C:
			if n := written.Load(); n != last {
				last, since = n, now
			} else if now.Sub(since) >= still {
				return int(n)
			}
		}
	}
}
