package ring

import (
	"fmt"
	"math"
	"unsafe"
)

// Ring is a fixed-size ring of T with one head and any number of tails.
// See the package documentation for the semantics and how they map to
// lws_ring. A Ring is not safe for concurrent use.
type Ring[T any] struct {
	// buf holds the slots. Its length is the count given to Create and
	// never changes; only Destroy drops it.
	buf []T

	destroy func(*T)

	// head is the slot the next insert fills. oldestTail is the first
	// slot some reader may still need. Both are slot indexes, where C
	// keeps byte offsets; only the unit differs.
	head       uint32
	oldestTail uint32

	// oneByte is set when T is one byte wide. C never reports a single
	// free byte (it wants at least two), which only matters when an
	// element is one byte: then one free slot counts as none.
	oneByte bool
}

// Create makes a ring with count slots; at most count-1 of them hold
// elements at a time, as in C (see the package documentation for the
// one-byte element rule).
//
// destroy may be nil. Otherwise it is called once on each element when
// the oldest tail moves past it and on each element still held when the
// ring is destroyed.
//
// Create returns nil when count is below 1 or does not fit in an int32,
// standing in for C's NULL return, so that a ported "if (!ring)" check
// still has something to catch.
func Create[T any](count int, destroy func(*T)) *Ring[T] {
	if count < 1 || count > math.MaxInt32 {
		return nil
	}
	var zero T
	return &Ring[T]{
		buf:     make([]T, count),
		destroy: destroy,
		oneByte: unsafe.Sizeof(zero) == 1,
	}
}

// Destroy calls destroy on every element from the oldest tail to the
// head, oldest first, and drops the storage. The ring must not be used
// afterwards, except that Destroy may be called again (and on a nil
// ring) to no effect.
func (r *Ring[T]) Destroy() {
	if r == nil || r.buf == nil {
		return
	}
	if r.destroy != nil {
		for r.oldestTail != r.head {
			r.retire(r.oldestTail)
			r.oldestTail = r.next(r.oldestTail, 1)
		}
	}
	r.buf = nil
}

// GetCountFreeElements reports how many elements Insert would accept now.
// Space is measured from the head up to the oldest tail, so a reader that
// lags (and has not let the oldest tail move) keeps the ring full.
func (r *Ring[T]) GetCountFreeElements() int {
	n, h, t := len(r.buf), int(r.head), int(r.oldestTail)
	var f int
	switch {
	case h == t:
		f = n - 1
	case h < t:
		f = t - h - 1
	default:
		f = n - h + t - 1
	}
	if f < 1 || (r.oneByte && f < 2) {
		return 0
	}
	return f
}

// GetCountWaitingElements reports how many elements lie between tail and
// the head, that is, how many that reader has yet to consume. A nil tail
// means the oldest tail.
func (r *Ring[T]) GetCountWaitingElements(tail *uint32) int {
	if tail == nil {
		tail = &r.oldestTail
	}
	r.checkTail(*tail)
	return r.waiting(*tail)
}

// Insert copies as many leading elements of src as there is room for and
// returns how many that was. A full ring accepts none and returns 0; the
// caller still owns whatever did not fit.
func (r *Ring[T]) Insert(src []T) int {
	n := min(r.GetCountFreeElements(), len(src))
	h := int(r.head)
	first := copy(r.buf[h:], src[:n])
	copy(r.buf, src[first:n])
	r.head = r.next(r.head, n)
	return n
}

// Consume takes up to maxCount waiting elements for tail, copies them to
// dest unless dest is nil, moves the tail past them and returns how many
// it took. When dest is not nil, at most len(dest) are taken (C trusts
// max_count; Go would rather not overrun dest).
//
// With a non-nil tail, only that tail moves: nothing is destroyed and no
// space is freed until the oldest tail is updated. With a nil tail, the
// oldest tail itself is the reader, so the elements taken are destroyed
// (after being copied out) and their slots freed at once.
func (r *Ring[T]) Consume(tail *uint32, dest []T, maxCount int) int {
	single := tail == nil
	var own uint32
	if single {
		own = r.oldestTail
		tail = &own
	}
	r.checkTail(*tail)
	n := min(r.waiting(*tail), max(maxCount, 0))
	if dest != nil {
		n = min(n, len(dest))
		t := int(*tail)
		first := copy(dest[:n], r.buf[t:])
		copy(dest[first:n], r.buf)
	}
	*tail = r.next(*tail, n)
	if single {
		r.UpdateOldestTail(*tail)
	}
	return n
}

// GetElement returns the next element tail would consume, in place, or
// nil when tail has nothing waiting. A nil tail means the oldest tail.
//
// The pointer is good until the slot is retired (the oldest tail passes
// it), when it is destroyed and zeroed, so use it before consuming, as
// the C examples do.
func (r *Ring[T]) GetElement(tail *uint32) *T {
	if tail == nil {
		tail = &r.oldestTail
	}
	r.checkTail(*tail)
	if *tail == r.head {
		return nil
	}
	return &r.buf[*tail]
}

// UpdateOldestTail sets the oldest tail to tail, retiring every element
// it moves past: destroy (if any) is called on each, oldest first, and
// the slot is zeroed. Call it with the tail of the reader furthest
// behind once no reader needs the older elements.
//
// As in C, the walk goes forward from the current oldest tail until it
// reaches tail, wrapping if need be. Passing a tail that is behind the
// oldest one therefore walks (and destroys) around the whole ring. When
// there is no destroy function C only stores the new value; this port
// does the same, but also zeroes the slots it passes when tail lies
// between the oldest tail and the head, so the garbage collector can
// reclaim what they referenced.
func (r *Ring[T]) UpdateOldestTail(tail uint32) {
	r.checkTail(tail)
	if r.destroy == nil {
		if r.waiting(tail) <= r.waiting(r.oldestTail) {
			r.clearRange(r.oldestTail, tail)
		}
		r.oldestTail = tail
		return
	}
	for r.oldestTail != tail {
		r.retire(r.oldestTail)
		r.oldestTail = r.next(r.oldestTail, 1)
	}
}

// GetOldestTail returns the oldest tail. A new reader starts here to see
// every element still held.
func (r *Ring[T]) GetOldestTail() uint32 { return r.oldestTail }

// Dump describes the ring's positions and counts, from the point of view
// of tail (nil: the oldest tail). lws_ring_dump logs this; here the
// caller decides where it goes.
func (r *Ring[T]) Dump(tail *uint32) string {
	if tail == nil {
		tail = &r.oldestTail
	}
	return fmt.Sprintf("ring %p: count %d, head %d, oldest tail %d, free %d; tail %d: waiting %d",
		r, len(r.buf), r.head, r.oldestTail, r.GetCountFreeElements(),
		*tail, r.GetCountWaitingElements(tail))
}

// waiting counts the slots from t up to the head.
func (r *Ring[T]) waiting(t uint32) int {
	h := int(r.head)
	if h >= int(t) {
		return h - int(t)
	}
	return len(r.buf) - int(t) + h
}

// next advances slot index i by n slots, wrapping.
func (r *Ring[T]) next(i uint32, n int) uint32 {
	return uint32((int(i) + n) % len(r.buf))
}

// retire destroys and zeroes one slot.
func (r *Ring[T]) retire(i uint32) {
	if r.destroy != nil {
		r.destroy(&r.buf[i])
	}
	var zero T
	r.buf[i] = zero
}

// clearRange zeroes the slots from 'from' up to (not including) 'to',
// wrapping.
func (r *Ring[T]) clearRange(from, to uint32) {
	if from <= to {
		clear(r.buf[from:to])
		return
	}
	clear(r.buf[from:])
	clear(r.buf[:to])
}

// checkTail panics on a tail that is not a slot index. In C such a tail
// reads or writes outside the buffer, and in UpdateOldestTail it would
// never be reached, so the walk would not end; a panic is kinder.
func (r *Ring[T]) checkTail(t uint32) {
	if int(t) >= len(r.buf) {
		panic(fmt.Sprintf("ring: tail %d out of range for %d slots", t, len(r.buf)))
	}
}
