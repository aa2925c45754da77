package main

import (
	"iter"
	"slices"

	. "github.com/golws/golws/include-like"
)

// ringDepth is the ring's slot count: one slot always stays empty, so
// seven chat lines can wait for the slowest reader.
const ringDepth = 8

// msg is one chat line in the ring. The payload keeps LWS_PRE bytes of
// headroom in front of the text so the write reads as it does in C.
type msg struct {
	payload []byte
	len     int
}

// perSessionData belongs to one connection.
type perSessionData struct {
	wsi  *Lws
	tail uint32 // this connection's read position in the ring

	// culled marks a connection cut loose for lagging: it is closing and
	// its tail no longer means anything.
	culled bool
}

// perVhostData is the protocol's state on one vhost.
type perVhostData struct {
	context  *Lws_context
	vhost    *Lws_vhost
	protocol *Lws_protocols

	pssList []*perSessionData // live connections, newest first
	ring    *Lws_ring[msg]    // lines not yet sent to every connection
}

// protocolLwsMinimal is the protocol entry main puts in its list.
var protocolLwsMinimal = Lws_protocols{
	Name:           "lws-minimal",
	Callback:       callbackMinimal,
	PerSessionData: func() any { return new(perSessionData) },
	RxBufferSize:   0, // lws's default chunk size
}

func callbackMinimal(wsi *Lws, reason Lws_callback_reasons, user, in any, len int) int {
	pss, _ := user.(*perSessionData)
	vhd := Lws_protocol_vh_priv_get[perVhostData](Lws_get_vhost(wsi), Lws_get_protocol(wsi))

	switch reason {
	case LWS_CALLBACK_PROTOCOL_INIT:
		vhd = Lws_protocol_vh_priv_zalloc[perVhostData](Lws_get_vhost(wsi), Lws_get_protocol(wsi))
		vhd.context = Lws_get_context(wsi)
		vhd.protocol = Lws_get_protocol(wsi)
		vhd.vhost = Lws_get_vhost(wsi)

		// No destroy function: a line's payload is garbage once the
		// ring zeroes its slot.
		vhd.ring = Lws_ring_create[msg](ringDepth, nil)
		if vhd.ring == nil {
			return 1
		}

	case LWS_CALLBACK_PROTOCOL_DESTROY:
		Lws_ring_destroy(vhd.ring)

	case LWS_CALLBACK_ESTABLISHED:
		Lwsl_user("LWS_CALLBACK_ESTABLISHED: wsi %p", wsi)
		vhd.pssList = slices.Insert(vhd.pssList, 0, pss)
		// A newcomer starts where the slowest reader is: when everyone
		// is up to date that is the head, so it sees no old lines.
		pss.tail = Lws_ring_get_oldest_tail(vhd.ring)
		pss.wsi = wsi

	case LWS_CALLBACK_CLOSED:
		Lwsl_user("LWS_CALLBACK_CLOSED: wsi %p", wsi)
		vhd.removePss(pss)
		if !pss.culled {
			vhd.releaseTail(pss)
		}

	case LWS_CALLBACK_SERVER_WRITEABLE:
		if pss.culled {
			break
		}
		pmsg := Lws_ring_get_element(vhd.ring, &pss.tail)
		if pmsg == nil {
			break
		}

		m := Lws_write(wsi, pmsg.payload[LWS_PRE:], pmsg.len, LWS_WRITE_TEXT)
		if m < pmsg.len {
			Lwsl_err("ERROR %d writing to ws socket", m)
			return -1
		}

		// Space comes back only when the slowest reader moves on.
		Lws_ring_consume_and_update_oldest_tail(vhd.ring, &pss.tail, 1, vhd.tails())

		if Lws_ring_get_element(vhd.ring, &pss.tail) != nil {
			Lws_callback_on_writable(pss.wsi)
		}

	case LWS_CALLBACK_RECEIVE:
		n := Lws_ring_get_count_free_elements(vhd.ring)
		if n == 0 {
			// A full ring means the slowest reader is seven lines
			// behind: drop it rather than stall the room.
			vhd.cullLaggingClients()
			n = Lws_ring_get_count_free_elements(vhd.ring)
		}
		if n == 0 {
			break
		}

		Lwsl_user("LWS_CALLBACK_RECEIVE: free space %d", n)

		amsg := msg{payload: make([]byte, LWS_PRE+len), len: len}
		copy(amsg.payload[LWS_PRE:], in.([]byte))
		if Lws_ring_insert(vhd.ring, []msg{amsg}, 1) == 0 {
			Lwsl_user("dropping!")
			break
		}

		for _, p := range vhd.pssList {
			Lws_callback_on_writable(p.wsi)
		}
	}

	return 0
}

// tails yields the live connections' tails, read as the walk reaches
// them, which is what the ring's oldest-tail update needs.
func (vhd *perVhostData) tails() iter.Seq[uint32] {
	return func(yield func(uint32) bool) {
		for _, p := range vhd.pssList {
			if !yield(p.tail) {
				return
			}
		}
	}
}

func (vhd *perVhostData) removePss(pss *perSessionData) {
	vhd.pssList = slices.DeleteFunc(vhd.pssList, func(p *perSessionData) bool { return p == pss })
}
