// Package ring is golws's port of lws_ring (lib/misc/lws-ring.c): a
// fixed-size ring of elements with one head (the writer) and any number
// of tails (readers).
//
// # Why
//
// The lws examples fan each incoming message out to every connection
// through an lws_ring: the message is inserted once, each connection
// keeps its own tail and consumes at its own pace, and the element is
// destroyed only when the slowest connection is done with it. Protocol
// code ported from C keeps its shape if the ring keeps C's names, its
// uint32 tails and its exact counting, so this package mirrors the C API
// one call for one call:
//
//	lws_ring_create(sizeof(struct msg), 8, destroy)  ring.Create[msg](8, destroy)
//	lws_ring_destroy(ring)                           r.Destroy()
//	lws_ring_get_count_free_elements(ring)           r.GetCountFreeElements()
//	lws_ring_get_count_waiting_elements(ring, &t)    r.GetCountWaitingElements(&t)
//	lws_ring_insert(ring, &amsg, 1)                  r.Insert([]msg{amsg})
//	lws_ring_consume(ring, &t, dest, n)              r.Consume(&t, dest, n)
//	lws_ring_get_element(ring, &t)                   r.GetElement(&t)
//	lws_ring_update_oldest_tail(ring, t)             r.UpdateOldestTail(t)
//	lws_ring_get_oldest_tail(ring)                   r.GetOldestTail()
//	lws_ring_next_linear_insert_range(ring, &p, &l)  r.NextLinearInsertRange()
//	lws_ring_bump_head(ring, bytes)                  r.BumpHead(elements)
//	lws_ring_dump(ring, &t)                          r.Dump(&t) (returns a string)
//	lws_ring_consume_single_tail(ring, &t, n)        r.ConsumeSingleTail(&t, n)
//	lws_ring_consume_and_update_oldest_tail(...)     r.ConsumeAndUpdateOldestTail(&t, n, tails)
//
// Wherever C takes a NULL tail, a nil *uint32 means the ring's own
// oldest tail, which is all a single-reader ring needs.
//
// # Semantics
//
// These follow lws-ring.c; "C" below means that file.
//
//	Topic             Behaviour (same as C unless marked Go)
//	----------------  ------------------------------------------------------
//	Positions         head, oldest tail and every tail are slot indexes in
//	                  [0, count). C stores byte offsets (index *
//	                  element_len); Go keeps the uint32 type but counts in
//	                  elements. Ported code that only stores and compares
//	                  tails reads the same.
//	Empty / full      tail == head means nothing waiting for that tail.
//	                  One slot always stays empty so a full ring is not
//	                  mistaken for an empty one: at most count-1 elements
//	                  are held. count 1 can hold nothing.
//	One-byte elements C reports no free space when fewer than 2 bytes are
//	                  free. With 1-byte elements (Ring[byte], test-sshd's
//	                  stdout ring) a single free slot thus counts as none:
//	                  inserting one at a time stops at count-2, though one
//	                  Insert into an empty ring still fills count-1. Go
//	                  applies the rule when unsafe.Sizeof(T) == 1.
//	Free count        count-1 minus the elements from the OLDEST tail to
//	                  the head. Readers ahead of the oldest tail free
//	                  nothing until the oldest tail is moved.
//	Waiting count     (head - tail) mod count, per tail; nil tail: the
//	                  oldest tail.
//	Insert            Copies min(len(src), free) elements, wrapping, and
//	                  returns that number. Inserting into a full ring is
//	                  not an error: it returns 0 (or a partial count) and
//	                  the rest stays with the caller (who must destroy it
//	                  if needed, as the examples do). Nothing is
//	                  overwritten.
//	Consume, tail     Copies up to maxCount waiting elements (Go: and at
//	                  most len(dest)) into dest, or skips copying when
//	                  dest is nil (an empty non-nil dest takes nothing);
//	                  moves the tail. Destroys NOTHING and
//	                  frees no space.
//	Consume, nil tail Same, starting at the oldest tail, then moves the
//	                  oldest tail past the elements taken: destroy runs on
//	                  each of them (after the copy to dest) and the space
//	                  is free.
//	GetElement        Pointer into the ring at the tail's next element, or
//	                  nil when none is waiting. Does not move the tail.
//	UpdateOldestTail  Walks from the oldest tail to the given tail calling
//	                  destroy on each element passed; with no destroy
//	                  function it just stores the tail. A tail behind the
//	                  oldest makes the walk go round the whole ring,
//	                  destroying slots that hold nothing: don't.
//	destroy calls     Exactly once per element (given the oldest tail
//	                  only ever moves forward), when the oldest tail
//	                  passes it (UpdateOldestTail, nil-tail Consume, the
//	                  two helpers) or, for elements still held, at
//	                  Destroy, oldest first. Never on insert, never for a
//	                  non-nil-tail Consume, never for elements Insert
//	                  refused.
//	Zeroing (Go)      A retired slot is set to T's zero value after
//	                  destroy, so the ring does not keep garbage alive.
//	                  Without a destroy function this is done only when
//	                  the new oldest tail lies between the old one and the
//	                  head. Hence a *T from GetElement is valid only until
//	                  its slot is retired: use it, then consume, as every
//	                  C example does.
//	Linear insert     NextLinearInsertRange gives the free slots from the
//	                  head up to the end of storage (not wrapping); nil if
//	                  none. BumpHead(n) moves the head by n, unchecked, as
//	                  in C.
//	consume-and-      Consume for one reader; if that reader held the
//	update helper     oldest tail, the new oldest tail is the tail with
//	                  the most elements waiting (ties: last), defaulting
//	                  to the consumer's own tail; elements passed are
//	                  destroyed. The C macro walks a linked list via
//	                  member names; Go takes an iter.Seq[uint32] instead.
//	single-tail       Consume(&t, nil, n) then UpdateOldestTail(t).
//	helper
//	Create failure    C returns NULL when allocation fails. Go returns nil
//	                  for count < 1 (C would divide by zero later) or
//	                  count > MaxInt32.
//	Bad tail (Go)     A tail >= count panics. C would read out of bounds,
//	                  or loop forever in UpdateOldestTail.
//	Destroy twice     Go: no-op (also on a nil ring). C: use after free.
//
// # Concurrency
//
// A Ring is not safe for concurrent use, as in C: the caller serialises
// access, for instance with a sync.Mutex held around each group of calls
// as minimal-ws-server-threads does with its pthread mutex. The destroy
// function runs inside the call that retires the element, under whatever
// lock the caller holds.
package ring
