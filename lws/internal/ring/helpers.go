package ring

import "iter"

// ConsumeSingleTail consumes n elements for the ring's only reader and
// makes its tail the oldest tail, retiring the elements
// (lws_ring_consume_single_tail). It suits a ring with one consumer,
// such as a per-connection echo queue. A nil tail uses the ring's own
// tail, which is what Consume(nil, nil, n) does anyway.
func (r *Ring[T]) ConsumeSingleTail(tail *uint32, n int) {
	r.Consume(tail, nil, n)
	if tail != nil {
		r.UpdateOldestTail(*tail)
	}
}

// ConsumeAndUpdateOldestTail consumes n elements for one of several
// readers and, if that reader was the one holding the oldest tail, moves
// the oldest tail up to whichever reader is now furthest behind, retiring
// what nobody needs any more. It replaces the C macro
// lws_ring_consume_and_update_oldest_tail, which walks a linked list of
// per-connection structs reading a named tail member; in Go the caller
// passes that walk as tails, an iterator over the current tail of every
// reader:
//
//	r.ConsumeAndUpdateOldestTail(&pss.tail, 1, func(yield func(uint32) bool) {
//		for p := vhd.pssList; p != nil; p = p.pssList {
//			if !yield(p.tail) {
//				return
//			}
//		}
//	})
//
// tails is ranged over only after the consume, so it must produce live
// values (reading the fields as above, or slices.Values of a []uint32
// that tail points into), not a copy taken before the call. It normally
// includes the consuming reader; when it does not (a reader being
// dropped, as in the minimal-ws-server-ring cull), the consuming tail is
// the fallback for an empty list, as in C. tails may be nil, meaning no
// readers. tail must not be nil: the helper needs the reader's own tail.
//
// As in C, the reader furthest behind is the one with the most elements
// waiting; on a tie the later one wins, which makes no difference since
// tied tails are at the same slot.
func (r *Ring[T]) ConsumeAndUpdateOldestTail(tail *uint32, n int, tails iter.Seq[uint32]) {
	if tail == nil {
		panic("ring: ConsumeAndUpdateOldestTail needs the consumer's tail")
	}
	wasOldest := r.oldestTail == *tail
	r.Consume(tail, nil, n)
	if !wasOldest {
		return
	}
	oldest, most := *tail, 0
	if tails != nil {
		for t := range tails {
			r.checkTail(t)
			if w := r.waiting(t); w >= most {
				oldest, most = t, w
			}
		}
	}
	r.UpdateOldestTail(oldest)
}
