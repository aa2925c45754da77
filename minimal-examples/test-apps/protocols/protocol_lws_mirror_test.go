package protocols

import (
	"bytes"
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// A member that stops reading holds the ring's oldest tail; once the ring
// is nearly full no member is read any more, and after mirrorLagSecs the
// laggard is dropped and the others flow again.
func TestMirrorDropsLaggard(t *testing.T) {
	url, log := serve(t, 0)
	fast := dial(t, url, MirrorName)
	_ = dial(t, url, MirrorName) // the laggard: never read

	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel()

	msg := bytes.Repeat([]byte{'m'}, 4096) // one RECEIVE chunk each
	var received atomic.Int64
	got := make(chan struct{}, 1)
	wg.Go(func() {
		for {
			_, m, err := fast.Read(ctx)
			if err != nil {
				return
			}
			if !bytes.Equal(m, msg) {
				t.Errorf("a message of %d bytes changed on the way", len(m))
				return
			}
			received.Add(1)
			select {
			case got <- struct{}{}:
			default:
			}
		}
	})
	wg.Go(func() {
		for fast.Write(ctx, websocket.MessageText, msg) == nil {
		}
	})

	log.WaitFor(t, "timeout 1000 expired", 1)
	before := received.Load()
	deadline := time.NewTimer(exampletest.WaitBound)
	defer deadline.Stop()
	for received.Load() < before+100 {
		select {
		case <-got:
		case <-deadline.C:
			t.Fatalf("the remaining member got %d messages after the drop", received.Load()-before)
		}
	}
}
