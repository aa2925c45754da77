package lws

import "github.com/golws/golws/lws/internal/ring"

// Ring is lws_ring: a fixed ring of elements with one head and any number
// of tails, one per reader, so that one producer can fan messages out to
// many connections that each read at their own pace. Space is reclaimed
// (and the destroy function called) when the oldest tail moves past an
// element. Not goroutine-safe, as in C: guard it with a mutex when threads
// share it. See the methods for lws_ring_insert, lws_ring_consume,
// lws_ring_get_element, lws_ring_update_oldest_tail ...
type Ring[T any] = ring.Ring[T]

// RingCreate makes a ring with room for count-1 elements (one slot stays
// empty to tell full from empty, as in C); destroy, if not nil, runs on
// each element when it leaves the ring (lws_ring_create). It returns nil
// for a count below 1.
func RingCreate[T any](count int, destroy func(*T)) *Ring[T] {
	return ring.Create(count, destroy)
}
