package ring

import (
	"slices"
	"testing"
)

// model is the reference the ring is checked against. It numbers slots
// by sequence numbers that only grow (the element inserted n-th has seq
// n-1 and holds id n), so "is this tail between those two" becomes a
// plain comparison and a slot's position is seq % count.
type model struct {
	count       int
	oneByte     bool
	withDestroy bool

	oldest, head uint64   // seqs; the ring holds [oldest, head)
	tails        []uint64 // readers' seqs, each in [oldest, head]
	destroyed    []uint64 // ids destroy should have seen, in order
}

func (m *model) free() int {
	f := m.count - 1 - int(m.head-m.oldest)
	if f < 1 || (m.oneByte && f < 2) {
		return 0
	}
	return f
}

// retireTo moves the oldest tail forward to seq to, recording destroys.
// Readers left behind restart at the new oldest tail, as a harness
// would make a new reader do; the real harness does the same.
func (m *model) retireTo(to uint64) {
	for s := m.oldest; s < to; s++ {
		if m.withDestroy {
			m.destroyed = append(m.destroyed, s+1)
		}
	}
	m.oldest = to
	for i, t := range m.tails {
		if t < to {
			m.tails[i] = to
		}
	}
}

// harness drives a real Ring and the model side by side and compares
// them after every operation.
type harness[T comparable] struct {
	t     testing.TB
	m     model
	r     *Ring[T]
	tails []uint32
	mk    func(id uint64) T
	got   []T // elements passed to destroy, in order
	seen  int // how many of got were already checked
}

func newHarness[T comparable](t testing.TB, count int, withDestroy bool, mk func(uint64) T) *harness[T] {
	h := &harness[T]{t: t, mk: mk}
	var destroy func(*T)
	if withDestroy {
		destroy = func(p *T) { h.got = append(h.got, *p) }
	}
	h.r = Create(count, destroy)
	h.m = model{count: count, oneByte: h.r.oneByte, withDestroy: withDestroy}
	h.check("create")
	return h
}

func (h *harness[T]) vals(from uint64, n int) []T {
	out := make([]T, n)
	for i := range out {
		out[i] = h.mk(from + uint64(i) + 1)
	}
	return out
}

// resync restarts real tails the model restarted (see retireTo).
func (h *harness[T]) resync() {
	for i, t := range h.m.tails {
		h.tails[i] = uint32(t % uint64(h.m.count))
	}
}

func (h *harness[T]) insert(k int) {
	want := min(k, h.m.free())
	if got := h.r.Insert(h.vals(h.m.head, k)); got != want {
		h.t.Fatalf("Insert(%d) = %d, want %d", k, got, want)
	}
	h.m.head += uint64(want)
	h.check("insert")
}

func (h *harness[T]) linearInsert(k int) {
	span := h.r.NextLinearInsertRange()
	want := 0
	if f := h.m.free(); f > 0 {
		want = min(f, h.m.count-int(h.m.head%uint64(h.m.count)))
	}
	if len(span) != want || cap(span) != want {
		h.t.Fatalf("NextLinearInsertRange len %d cap %d, want %d", len(span), cap(span), want)
	}
	k = min(k, len(span))
	copy(span, h.vals(h.m.head, k))
	h.r.BumpHead(k)
	h.m.head += uint64(k)
	h.check("linear insert")
}

// consume consumes for reader i (or the oldest tail when i < 0), into a
// dest of destLen elements, or discarding when destLen < 0.
func (h *harness[T]) consume(i, maxCount, destLen int) {
	var tail *uint32
	from := h.m.oldest
	if i >= 0 {
		tail, from = &h.tails[i], h.m.tails[i]
	}
	want := min(int(h.m.head-from), max(maxCount, 0))
	var dest []T
	if destLen >= 0 {
		dest = make([]T, destLen)
		want = min(want, destLen)
	}
	if got := h.r.Consume(tail, dest, maxCount); got != want {
		h.t.Fatalf("Consume(tail %d, len %d, max %d) = %d, want %d", i, destLen, maxCount, got, want)
	}
	if dest != nil && !slices.Equal(dest[:want], h.vals(from, want)) {
		h.t.Fatalf("Consume copied %v, want %v", dest[:want], h.vals(from, want))
	}
	if i >= 0 {
		h.m.tails[i] += uint64(want)
	} else {
		h.m.retireTo(from + uint64(want))
		h.resync()
	}
	h.check("consume")
}

func (h *harness[T]) singleTail(i, n int) {
	h.r.ConsumeSingleTail(&h.tails[i], n)
	h.m.tails[i] += uint64(min(int(h.m.head-h.m.tails[i]), max(n, 0)))
	h.m.retireTo(h.m.tails[i])
	h.resync()
	h.check("single tail")
}

func (h *harness[T]) consumeAndUpdate(i, n int) {
	h.r.ConsumeAndUpdateOldestTail(&h.tails[i], n, slices.Values(h.tails))
	m := &h.m
	wasOldest := m.tails[i] == m.oldest
	m.tails[i] += uint64(min(int(m.head-m.tails[i]), max(n, 0)))
	if wasOldest {
		m.retireTo(slices.Min(m.tails))
	}
	h.check("consume and update")
}

// updateOldest moves the oldest tail to the reader furthest behind, or
// to the head when there are no readers.
func (h *harness[T]) updateOldest() {
	to := h.m.head
	if len(h.m.tails) > 0 {
		to = slices.Min(h.m.tails)
	}
	h.r.UpdateOldestTail(uint32(to % uint64(h.m.count)))
	h.m.retireTo(to)
	h.check("update oldest")
}

func (h *harness[T]) addTail() {
	h.tails = append(h.tails, h.r.GetOldestTail())
	h.m.tails = append(h.m.tails, h.m.oldest)
	h.check("add tail")
}

func (h *harness[T]) removeTail(i int) {
	h.tails = slices.Delete(h.tails, i, i+1)
	h.m.tails = slices.Delete(h.m.tails, i, i+1)
	h.check("remove tail")
}

// finish destroys the ring and checks that every element inserted was
// destroyed exactly once, in order.
func (h *harness[T]) finish() {
	h.r.Destroy()
	h.m.retireTo(h.m.head)
	h.checkDestroyed("destroy")
	if h.m.withDestroy && uint64(len(h.got)) != h.m.head {
		h.t.Fatalf("destroy ran %d times for %d elements inserted", len(h.got), h.m.head)
	}
	h.r.Destroy() // a second Destroy must do nothing
	h.checkDestroyed("second destroy")
}

// checkDestroyed compares the destroy calls seen with those expected,
// only the ones new since the last check, to keep long runs linear.
func (h *harness[T]) checkDestroyed(op string) {
	if len(h.got) != len(h.m.destroyed) {
		h.t.Fatalf("after %s: destroy ran %d times, want %d", op, len(h.got), len(h.m.destroyed))
	}
	for i := h.seen; i < len(h.got); i++ {
		if want := h.mk(h.m.destroyed[i]); h.got[i] != want {
			h.t.Fatalf("after %s: destroy call %d got %v, want %v", op, i, h.got[i], want)
		}
	}
	h.seen = len(h.got)
}

func (h *harness[T]) check(op string) {
	r, m := h.r, &h.m
	n := uint64(m.count)
	if r.head != uint32(m.head%n) || r.GetOldestTail() != uint32(m.oldest%n) {
		h.t.Fatalf("after %s: head %d oldest %d, want %d %d", op, r.head, r.GetOldestTail(), m.head%n, m.oldest%n)
	}
	if got := r.GetCountFreeElements(); got != m.free() {
		h.t.Fatalf("after %s: free %d, want %d (%s)", op, got, m.free(), r.Dump(nil))
	}
	h.checkTail(op, nil, m.oldest)
	for i := range h.tails {
		if h.tails[i] != uint32(m.tails[i]%n) {
			h.t.Fatalf("after %s: tail %d at %d, want %d", op, i, h.tails[i], m.tails[i]%n)
		}
		h.checkTail(op, &h.tails[i], m.tails[i])
	}
	h.checkDestroyed(op)
	// Live slots hold their elements; every other slot is zero, so the
	// ring pins nothing it no longer holds.
	var zero T
	for s := range n {
		want := zero
		if seq := m.oldest + (s+n-m.oldest%n)%n; seq < m.head {
			want = h.mk(seq + 1)
		}
		if r.buf[s] != want {
			h.t.Fatalf("after %s: slot %d = %v, want %v", op, s, r.buf[s], want)
		}
	}
}

func (h *harness[T]) checkTail(op string, tail *uint32, seq uint64) {
	if got, want := h.r.GetCountWaitingElements(tail), int(h.m.head-seq); got != want {
		h.t.Fatalf("after %s: waiting %d, want %d", op, got, want)
	}
	p := h.r.GetElement(tail)
	switch {
	case seq == h.m.head && p != nil:
		h.t.Fatalf("after %s: GetElement = %v, want nil", op, *p)
	case seq < h.m.head && (p == nil || *p != h.mk(seq+1)):
		h.t.Fatalf("after %s: GetElement = %v, want %v", op, p, h.mk(seq+1))
	}
}

// run decodes ops, three bytes per operation, and applies them.
func (h *harness[T]) run(ops []byte) {
	for ; len(ops) >= 3; ops = ops[3:] {
		op, a, b := ops[0], int(ops[1]), int(ops[2])
		nt := len(h.tails)
		span := h.m.count + 2 // counts a little past what fits
		switch op % 10 {
		case 0:
			h.insert(a % span)
		case 1:
			h.linearInsert(a % span)
		case 2, 3: // explicit tail; b picks dest length or discard
			if nt > 0 {
				h.consume(a%nt, a/nt%span, b%span-1)
			}
		case 4: // the oldest tail as reader
			h.consume(-1, a%span, b%span-1)
		case 5:
			if nt > 0 {
				h.singleTail(a%nt, b%span)
			}
		case 6, 7:
			if nt > 0 {
				h.consumeAndUpdate(a%nt, b%span)
			}
		case 8:
			h.updateOldest()
		case 9:
			if a%4 != 0 || nt == 0 {
				h.addTail()
			} else {
				h.removeTail(b % nt)
			}
		}
	}
	h.finish()
}

// runBytes sets up a harness from the first two bytes (count, element
// type, destroy function) and runs the rest as operations.
func runBytes(t testing.TB, data []byte) {
	if len(data) < 2 {
		return
	}
	count := 1 + int(data[0])%12
	withDestroy := data[1]&2 != 0
	if data[1]&1 != 0 {
		newHarness(t, count, withDestroy, func(id uint64) byte { return byte(id) }).run(data[2:])
		return
	}
	newHarness(t, count, withDestroy, func(id uint64) uint64 { return id }).run(data[2:])
}
