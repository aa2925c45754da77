package main

import (
	"iter"

	. "github.com/golws/golws/include-like"
)

// tails yields the live connections' tails, read as the walk reaches
// them, which is what the ring's oldest-tail update needs. Call it with
// lockRing held.
func (vhd *perVhostData) tails() iter.Seq[uint32] {
	return func(yield func(uint32) bool) {
		for _, p := range vhd.pssList {
			if !yield(p.tail) {
				return
			}
		}
	}
}

// releaseTail gives back the ring slots that only a departing connection
// still held; call it with lockRing held, once pss has left the list.
//
// DEVIATION: C skips this. If the connection that leaves is the one
// furthest behind (say it closed after a message went in and before its
// WRITEABLE), nobody else sits at the oldest tail, so no later write moves
// it: the ring fills and every message after that is dropped. Consuming
// the leaver's backlog moves the oldest tail to the slowest reader left,
// or to the head when none is left.
func (vhd *perVhostData) releaseTail(pss *perSessionData) {
	waiting := Lws_ring_get_count_waiting_elements(vhd.ring, &pss.tail)
	Lws_ring_consume_and_update_oldest_tail(vhd.ring, &pss.tail, waiting, vhd.tails())
}
