package lwsc

import (
	"iter"

	"github.com/golws/golws/lws"
)

// Lws_ring is struct lws_ring, holding elements of type T.
type Lws_ring[T any] = lws.Ring[T]

// Lws_ring_create is lws.RingCreate: C passes the element size, Go the
// type.
func Lws_ring_create[T any](count int, destroy func(*T)) *Lws_ring[T] {
	return lws.RingCreate(count, destroy)
}

// Lws_ring_destroy is Ring.Destroy.
func Lws_ring_destroy[T any](r *Lws_ring[T]) { r.Destroy() }

// Lws_ring_insert copies up to n elements of src into the ring and returns
// how many fitted.
func Lws_ring_insert[T any](r *Lws_ring[T], src []T, n int) int { return r.Insert(src[:n]) }

// Lws_ring_consume is Ring.Consume.
func Lws_ring_consume[T any](r *Lws_ring[T], tail *uint32, dest []T, maxCount int) int {
	return r.Consume(tail, dest, maxCount)
}

// Lws_ring_get_element is Ring.GetElement.
func Lws_ring_get_element[T any](r *Lws_ring[T], tail *uint32) *T { return r.GetElement(tail) }

// Lws_ring_get_count_free_elements is Ring.GetCountFreeElements.
func Lws_ring_get_count_free_elements[T any](r *Lws_ring[T]) int { return r.GetCountFreeElements() }

// Lws_ring_get_count_waiting_elements is Ring.GetCountWaitingElements.
func Lws_ring_get_count_waiting_elements[T any](r *Lws_ring[T], tail *uint32) int {
	return r.GetCountWaitingElements(tail)
}

// Lws_ring_update_oldest_tail is Ring.UpdateOldestTail.
func Lws_ring_update_oldest_tail[T any](r *Lws_ring[T], tail uint32) { r.UpdateOldestTail(tail) }

// Lws_ring_get_oldest_tail is Ring.GetOldestTail.
func Lws_ring_get_oldest_tail[T any](r *Lws_ring[T]) uint32 { return r.GetOldestTail() }

// Lws_ring_consume_single_tail is Ring.ConsumeSingleTail.
func Lws_ring_consume_single_tail[T any](r *Lws_ring[T], tail *uint32, n int) {
	r.ConsumeSingleTail(tail, n)
}

// Lws_ring_consume_and_update_oldest_tail is the C macro of that name: C
// walks a list by member names, Go takes the sequence of every reader's
// tail.
func Lws_ring_consume_and_update_oldest_tail[T any](r *Lws_ring[T], tail *uint32, n int, tails iter.Seq[uint32]) {
	r.ConsumeAndUpdateOldestTail(tail, n, tails)
}

// Lws_ring_next_linear_insert_range is Ring.NextLinearInsertRange.
func Lws_ring_next_linear_insert_range[T any](r *Lws_ring[T]) []T { return r.NextLinearInsertRange() }

// Lws_ring_bump_head is Ring.BumpHead.
func Lws_ring_bump_head[T any](r *Lws_ring[T], n int) { r.BumpHead(n) }
