package lws

import (
	"io"
	"sync"
	"sync/atomic"
)

// txQueue is the connection's send buffer: what the service goroutine
// hands the writer goroutine.
type txQueue struct {
	mu      sync.Mutex
	pend    txBatch        // frames not yet taken by the writer
	spare   txBatch        // the writer's last batch, emptied, for reuse
	queued  int            // payload bytes in pend and in the batch being written
	running bool           // a writer goroutine is draining the buffer
	parked  bool           // the loop waits for room: the writer must report it
	failed  bool           // a write failed: the connection is dead
	msg     io.WriteCloser // a message sent in several Writes (WriteNoFin)
	// kick, on an HTTP connection, wakes the goroutine carrying the
	// transaction instead of starting a writer (set once, at adoption).
	kick chan struct{}
	// more: a WRITEABLE is on its way, so what is queued is about to be
	// followed; the HTTP carrier holds its flush meanwhile, and is kicked
	// when the producer pauses (see drainHTTP).
	more atomic.Bool
}

// txBatch is frames with their payloads in one buffer, so that queueing a
// frame allocates nothing once the buffers have grown.
type txBatch struct {
	frames []frame
	buf    []byte
}

func (b *txBatch) reset() {
	b.frames = b.frames[:0]
	b.buf = b.buf[:0]
}

// hasRoom is POLLOUT: the send buffer is under its low-water mark. If it
// is not, the writer is asked to report when it is.
func (q *txQueue) hasRoom(low int) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.queued < low {
		return true
	}
	q.parked = true
	return false
}

// take hands the writer every frame queued so far. With nothing queued it
// releases the writer (ok false), telling the loop if it waits for room.
// failed says an earlier batch failed: the frames are only counted off.
func (q *txQueue) take(w *Wsi) (batch txBatch, failed, ok bool) {
	q.mu.Lock()
	if len(q.pend.frames) == 0 {
		q.running = false
		wake := q.parked
		q.parked = false
		q.mu.Unlock()
		if wake {
			w.ctx.post(w.txDrainedFn)
		}
		return txBatch{}, false, false
	}
	batch = q.pend
	q.pend, q.spare = q.spare, txBatch{}
	failed = q.failed
	q.mu.Unlock()
	return batch, failed, true
}

// taken counts a written batch off the buffer and keeps its storage for
// the next; err is the batch's write error. It tells the loop when the
// buffer fell below its low-water mark.
func (q *txQueue) taken(w *Wsi, batch txBatch, err error) {
	q.mu.Lock()
	q.queued -= len(batch.buf)
	if err != nil {
		q.failed = true
	}
	batch.reset()
	q.spare = batch
	wake := q.parked && q.queued < w.ctx.sendLow()
	if wake {
		q.parked = false
	}
	q.mu.Unlock()
	if wake {
		w.ctx.post(w.txDrainedFn)
	}
}

// batchPool keeps the storage of send buffers between HTTP transactions:
// a response's pieces would otherwise grow two fresh batches on every
// connection, most of what a short connection allocates. It holds
// *txBatch, emptied.
var batchPool sync.Pool

// maxPooledBatch bounds the storage kept: one huge response must not pin
// its buffer for every later one.
const maxPooledBatch = 64 << 10

// release gives the storage of the empty batches back to batchPool; the
// next enqueue takes some again. Only the writer calls it, when it stops
// writing for good (the HTTP carrier at the end of its transaction), so no
// batch is in its hands; frames still pending stay where they are.
func (q *txQueue) release() {
	q.mu.Lock()
	free := [2]txBatch{q.spare}
	q.spare = txBatch{}
	if len(q.pend.frames) == 0 {
		free[1], q.pend = q.pend, txBatch{}
	}
	q.mu.Unlock()
	for _, b := range free {
		if cap(b.buf) > 0 && cap(b.buf) <= maxPooledBatch {
			b.reset()
			batchPool.Put(&b)
		}
	}
}

// pooledPend gives pend storage from batchPool when it has none; under
// q.mu.
func (q *txQueue) pooledPend() {
	if q.pend.buf != nil {
		return
	}
	if b, ok := batchPool.Get().(*txBatch); ok {
		q.pend = *b
	}
}
