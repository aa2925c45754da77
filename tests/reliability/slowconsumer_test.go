package reliability

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/golws/golws/lws/threadpool"
)

// heapInuse is HeapInuse after a full collection.
func heapInuse() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

const mib = 1 << 20

// TestSlowConsumer: one client stops reading while its perf task streams
// 1 KiB messages, one per SYNC, next to four clients that read.
//
//   - Server memory stays bounded: the stalled wsi holds at most a send
//     buffer's worth (SendBufferLimit 256 KiB; WRITEABLE only comes below
//     a quarter of it) plus its cork and bufio buffers, so HeapInuse after
//     GC, sampled all through the stall, stays within 4 x SendBufferLimit
//   - 1 MiB (2 MiB) of what it was before the client connected. (Were
//     the server to keep what the task would produce at the others' rate,
//     5 s of stall would be some 50 MB.)
//   - The others keep their rate: their frames/s with the stalled client
//     (the better of two 1 s windows: the machine may be shared) are at
//     least a third of what they were without it.
//   - The stalled connection is dropped 5 s after its last write
//     (PENDING_TIMEOUT_THREADPOOL_TASK, set at each write, as in the
//     example), without a close frame; its task's cleanup runs once.
func TestSlowConsumer(t *testing.T) {
	noLeaks(t)
	const (
		normal = 4
		size   = 1024
		limit  = 256 << 10
		window = time.Second
		bound  = 4*limit + mib
	)
	ps := startPerf(t, perfConfig{threads: normal + 1, depth: 8, size: size, sendLimit: limit})
	var readers []*streamReader
	for i := 0; i < normal; i++ {
		readers = append(readers, newStreamReader(t, wsHandshake(t, ps.addr, fmt.Sprintf("%s, id-n%d", perfName, i))))
	}
	for _, r := range readers {
		r.waitFrames(t, 100)
	}
	total := func() int64 {
		var n int64
		for _, r := range readers {
			n += r.frames.Load()
		}
		return n
	}
	// rate measures the readers' frames/s over a window (a measurement,
	// not a synchronisation: the window is the point).
	rate := func() float64 {
		a, start := total(), time.Now()
		<-time.After(window)
		return float64(total()-a) / time.Since(start).Seconds()
	}
	before := rate()
	heap0 := heapInuse()

	stalled := wsHandshake(t, ps.addr, perfName+", id-S") // never read from, until the end
	sc := ps.conn("S")                                    // FILTER_PROTOCOL_CONNECTION ran before the 101
	if sc == nil {
		t.Fatal("the stalled connection is not known to the server")
	}
	// Stalled: its writes stop moving while its task waits in SYNC.
	// Nothing signals the absence of writes; poll for it.
	last, still := int64(-1), 0
	if !pollUntil(waitBound, 50*time.Millisecond, func() bool {
		w := sc.writes.Load()
		if w == last && w > 0 && sc.task.Load().StatusNoreap() == threadpool.StatusSyncing {
			still++
		} else {
			still = 0
		}
		last = w
		return still >= 4
	}) {
		t.Fatalf("the stalled connection never stalled: %d writes", sc.writes.Load())
	}
	stalledAt := time.Now()
	during := max(rate(), rate())

	// Memory, sampled every 250 ms until the pending timeout drops the
	// connection (sampling is the point of this wait).
	heapMax := heapInuse()
	for sc.closedAt.Load() == 0 && time.Since(stalledAt) < waitBound {
		<-time.After(250 * time.Millisecond)
		if h := heapInuse(); h > heapMax {
			heapMax = h
		}
	}
	ps.ev.waitEvent(t, "closed S")
	growth := int64(heapMax) - int64(heap0)
	lastWrite := time.Unix(0, sc.lastWrite.Load())
	dropped := time.Unix(0, sc.closedAt.Load()).Sub(lastWrite)
	t.Logf("stalled client: server wrote %d frames (%d KiB) before it stalled; HeapInuse %.1f MiB before, max %.1f MiB during the stall: growth %+d KiB (bound %d KiB)",
		sc.writes.Load(), sc.writes.Load()*size>>10, float64(heap0)/mib, float64(heapMax)/mib, growth>>10, bound>>10)
	t.Logf("other clients: %.0f frames/s without the stalled client, %.0f with it (%.0f%%)", before, during, 100*during/before)
	t.Logf("stalled client dropped %v after the last write", dropped.Round(time.Millisecond))

	if growth > bound {
		t.Errorf("heap grew by %d KiB during the stall, bound %d KiB", growth>>10, bound>>10)
	}
	if during < before/3 {
		t.Errorf("other clients slowed from %.0f to %.0f frames/s by a stalled one", before, during)
	}
	if dropped < 4900*time.Millisecond || dropped > 6*time.Second {
		t.Errorf("stalled connection dropped %v after its last write, want 5 s", dropped)
	}
	if n := logSink.count("send buffer limit"); n != 0 {
		t.Errorf("Write failed on a full send buffer %d times: WRITEABLE came without room", n)
	}

	// The stalled client now reads what the kernel holds for it: frames,
	// then the end of the stream, and no close frame.
	sr := newStreamReader(t, stalled)
	select {
	case <-sr.done:
	case <-time.After(waitBound):
		t.Fatalf("stalled client's stream did not end")
	}
	if sr.closes.Load() != 0 {
		t.Errorf("the dropped connection got a close frame")
	}
	// The others go on.
	for _, r := range readers {
		r.waitFrames(t, r.frames.Load()+100)
	}
	ps.wantCleanExit(t)
	if ps.cleanups.Load() != ps.enqueued.Load() || ps.twice.Load() != 0 {
		t.Errorf("%d tasks, %d cleanups, %d twice", ps.enqueued.Load(), ps.cleanups.Load(), ps.twice.Load())
	}
}
