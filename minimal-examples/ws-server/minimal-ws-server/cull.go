package main

import (
	. "github.com/golws/golws/include-like"
)

// cullLaggingClients runs when a line arrives and the ring is full: every
// connection still at the oldest tail is what fills it. Those connections
// are closed, and the ring is shrunk to what the worst survivor still
// needs.
func (vhd *perVhostData) cullLaggingClients() {
	oldestTail := Lws_ring_get_oldest_tail(vhd.ring)
	before := Lws_ring_get_count_waiting_elements(vhd.ring, &oldestTail)
	var oldPss *perSessionData
	most := 0

	survivors := vhd.pssList[:0]
	for _, pss := range vhd.pssList {
		if pss.tail != oldestTail {
			most = max(most, Lws_ring_get_count_waiting_elements(vhd.ring, &pss.tail))
			survivors = append(survivors, pss)
			continue
		}
		oldPss = pss
		Lwsl_user("Killing lagging client %p", pss.wsi)
		// We may be in this very connection's callback, so the close
		// is left to the loop's next round.
		Lws_set_timeout(pss.wsi, PENDING_TIMEOUT_LAGGING, LWS_TO_KILL_ASYNC)
		// It may still get a WRITEABLE before it goes; culled keeps
		// it away from the ring, and leaving the list now keeps it out
		// of the tail walk below.
		pss.culled = true
	}
	clear(vhd.pssList[len(survivors):])
	vhd.pssList = survivors

	if oldPss == nil {
		return
	}

	// Consuming for one of the culled lets the oldest tail jump to the
	// survivor furthest behind, freeing everything before it.
	Lws_ring_consume_and_update_oldest_tail(vhd.ring, &oldPss.tail, before-most, vhd.tails())

	Lwsl_user("%s: shrunk ring from %d to %d", "cull_lagging_clients", before, most)
}

// releaseTail gives back the ring slots that only a departing connection
// still held.
//
// DEVIATION: C skips this. When the connection that leaves normally is the
// one furthest behind, nobody else is at the oldest tail any more, so no
// later write moves it: the ring fills, the cull finds no connection at
// the oldest tail, and every later line is dropped for good. Consuming the
// leaver's backlog as the cull does moves the oldest tail to the slowest
// reader left, or to the head when none is left.
func (vhd *perVhostData) releaseTail(pss *perSessionData) {
	waiting := Lws_ring_get_count_waiting_elements(vhd.ring, &pss.tail)
	if waiting > 0 {
		Lwsl_info("%s: client %p left %d lines behind", "release_tail", pss.wsi, waiting)
	}
	Lws_ring_consume_and_update_oldest_tail(vhd.ring, &pss.tail, waiting, vhd.tails())
}
