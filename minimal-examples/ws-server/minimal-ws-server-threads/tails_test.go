package main

import (
	"testing"

	. "github.com/golws/golws/include-like"
)

// ringWith builds the protocol's ring state without a server: readers
// in list order, and n messages that every reader but the first has
// consumed.
func ringWith(t *testing.T, readers, n int) (*perVhostData, []*perSessionData) {
	t.Helper()
	vhd := &perVhostData{ring: Lws_ring_create[msg](ringDepth, nil)}
	pss := make([]*perSessionData, readers)
	for i := range pss {
		pss[i] = new(perSessionData)
	}
	vhd.pssList = pss
	for i := range n {
		if Lws_ring_insert(vhd.ring, []msg{{len: i}}, 1) != 1 {
			t.Fatal("ring full")
		}
	}
	for _, p := range pss[1:] {
		Lws_ring_consume_and_update_oldest_tail(vhd.ring, &p.tail, n, vhd.tails())
	}
	return vhd, pss
}

// DEVIATION from C (see releaseTail): the reader furthest behind leaving
// gives its slots back.
func TestLeaverFurthestBehindFreesRing(t *testing.T) {
	vhd, pss := ringWith(t, 2, 3)
	if free := Lws_ring_get_count_free_elements(vhd.ring); free != ringDepth-1-3 {
		t.Fatalf("free %d before the leaver goes", free)
	}
	leaver, stayer := pss[0], pss[1]
	vhd.pssList = []*perSessionData{stayer}
	vhd.releaseTail(leaver)
	if free := Lws_ring_get_count_free_elements(vhd.ring); free != ringDepth-1 {
		t.Fatalf("free %d after the leaver went, want %d", free, ringDepth-1)
	}
	// Far more messages than slots still flow to the one left.
	for i := range 3 * ringDepth {
		if Lws_ring_insert(vhd.ring, []msg{{len: i}}, 1) != 1 {
			t.Fatalf("message %d dropped", i)
		}
		Lws_ring_consume_and_update_oldest_tail(vhd.ring, &stayer.tail, 1, vhd.tails())
	}
}

func TestLastLeaverEmptiesRing(t *testing.T) {
	vhd, pss := ringWith(t, 1, 5)
	vhd.pssList = nil
	vhd.releaseTail(pss[0])
	if free := Lws_ring_get_count_free_elements(vhd.ring); free != ringDepth-1 {
		t.Fatalf("free %d after the last reader went, want %d", free, ringDepth-1)
	}
}

// A reader that leaves ahead of another changes nothing for it.
func TestLeaverAheadKeepsOthersBacklog(t *testing.T) {
	vhd, pss := ringWith(t, 2, 3)
	behind, leaver := pss[0], pss[1]
	vhd.pssList = []*perSessionData{behind}
	vhd.releaseTail(leaver)
	if w := Lws_ring_get_count_waiting_elements(vhd.ring, &behind.tail); w != 3 {
		t.Fatalf("reader behind now has %d waiting, want 3", w)
	}
	if free := Lws_ring_get_count_free_elements(vhd.ring); free != ringDepth-1-3 {
		t.Fatalf("free %d, want %d", free, ringDepth-1-3)
	}
}
