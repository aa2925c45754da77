package main

import (
	"sync/atomic"

	. "github.com/golws/golws/include-like"
)

// ringDepth is the per-connection ring of received chunks waiting to be
// echoed.
const ringDepth = 4096

// msg is one received chunk, with what it takes to send it back as the
// same piece of the same kind of message. The payload keeps LWS_PRE bytes
// of headroom, as the C buffer does.
type msg struct {
	payload []byte
	len     int
	binary  bool
	first   bool
	final   bool
}

// perSessionData belongs to one connection.
type perSessionData struct {
	ring   *Lws_ring[msg]
	msglen uint32 // bytes of the current message received so far
	tail   uint32

	completed           bool // a whole message went back (for -o)
	flowControlled      bool // we stopped reading from the peer
	writeConsumePending bool // the chunk last written is still in the ring
}

// perVhostData is the protocol's state on one vhost.
type perVhostData struct {
	context *Lws_context
	vhost   *Lws_vhost
	ctl     *runControl
}

// runControl is what C passes the protocol as the "interrupted" and
// "options" pvos, pointers into main. A Go pvo value is a string, so main
// hands this over as the context user instead.
type runControl struct {
	interrupted *atomic.Int32 // main's loop flag; 2 means "done, and OK"
	options     int           // bit 0: -o, stop after the first connection
}

// flowHook hears every rx flow control change the protocol makes
// (0: stop reading, 1: read again). Tests replace it before run starts.
var flowHook = func(wsi *Lws, enable int) {}

// protocolLwsMinimalServerEcho is the protocol entry main puts in its list.
var protocolLwsMinimalServerEcho = Lws_protocols{
	Name:           "lws-minimal-server-echo",
	Callback:       callbackMinimalServerEcho,
	PerSessionData: func() any { return new(perSessionData) },
	RxBufferSize:   1024,
}

func callbackMinimalServerEcho(wsi *Lws, reason Lws_callback_reasons, user, in any, len int) int {
	pss, _ := user.(*perSessionData)
	vhd := Lws_protocol_vh_priv_get[perVhostData](Lws_get_vhost(wsi), Lws_get_protocol(wsi))

	switch reason {
	case LWS_CALLBACK_PROTOCOL_INIT:
		vhd = Lws_protocol_vh_priv_zalloc[perVhostData](Lws_get_vhost(wsi), Lws_get_protocol(wsi))
		vhd.context = Lws_get_context(wsi)
		vhd.vhost = Lws_get_vhost(wsi)
		// Without a runControl (another main), run as a plain server.
		vhd.ctl, _ = Lws_context_user(vhd.context).(*runControl)
		if vhd.ctl == nil {
			vhd.ctl = &runControl{interrupted: new(atomic.Int32)}
		}

	case LWS_CALLBACK_ESTABLISHED:
		Lwsl_warn("LWS_CALLBACK_ESTABLISHED")
		// No destroy function: a chunk's payload is garbage once the
		// ring zeroes its slot.
		pss.ring = Lws_ring_create[msg](ringDepth, nil)
		if pss.ring == nil {
			return 1
		}
		pss.tail = 0

	case LWS_CALLBACK_SERVER_WRITEABLE:
		Lwsl_user("LWS_CALLBACK_SERVER_WRITEABLE")

		// C leaves each chunk in the ring until the next WRITEABLE,
		// for the sake of permessage-deflate, which golws does not
		// offer. Kept, so that the ring counts (and so flow control)
		// move as they do in C.
		if pss.writeConsumePending {
			Lws_ring_consume_single_tail(pss.ring, &pss.tail, 1)
			pss.writeConsumePending = false
		}

		pmsg := Lws_ring_get_element(pss.ring, &pss.tail)
		if pmsg == nil {
			Lwsl_user(" (nothing in ring)")
			break
		}

		kind := LWS_WRITE_TEXT
		if pmsg.binary {
			kind = LWS_WRITE_BINARY
		}
		flags := Lws_write_ws_flags(kind, pmsg.first, pmsg.final)

		m := Lws_write(wsi, pmsg.payload[LWS_PRE:], pmsg.len, flags)
		if m < pmsg.len {
			Lwsl_err("ERROR %d writing to ws socket", m)
			return -1
		}

		Lwsl_user(" wrote %d: flags: 0x%x first: %d final %d", m, int(flags), b2i(pmsg.first), b2i(pmsg.final))

		pss.writeConsumePending = true
		Lws_callback_on_writable(wsi)

		// Read again only once the ring is nearly empty, so the peer
		// is not stopped and started on every chunk.
		if pss.flowControlled && Lws_ring_get_count_free_elements(pss.ring) > ringDepth-5 {
			Lws_rx_flow_control(wsi, 1)
			flowHook(wsi, 1)
			pss.flowControlled = false
		}

		if vhd.ctl.options&1 != 0 && pmsg.final {
			pss.completed = true
		}

	case LWS_CALLBACK_RECEIVE:
		Lwsl_user("LWS_CALLBACK_RECEIVE: %4d (rpp %5d, first %d, last %d, bin %d, msglen %d (+ %d = %d))",
			len, Lws_remaining_packet_payload(wsi), Lws_is_first_fragment(wsi),
			Lws_is_final_fragment(wsi), Lws_frame_is_binary(wsi), pss.msglen, len,
			int(pss.msglen)+len)

		amsg := msg{
			first:  Lws_is_first_fragment(wsi) != 0,
			final:  Lws_is_final_fragment(wsi) != 0,
			binary: Lws_frame_is_binary(wsi) != 0,
		}
		n := Lws_ring_get_count_free_elements(pss.ring)
		if n == 0 {
			// Flow control below keeps this from happening.
			Lwsl_user("dropping!")
			break
		}

		if amsg.final {
			pss.msglen = 0
		} else {
			pss.msglen += uint32(len)
		}

		amsg.len = len
		amsg.payload = make([]byte, LWS_PRE+len)
		copy(amsg.payload[LWS_PRE:], in.([]byte))
		if Lws_ring_insert(pss.ring, []msg{amsg}, 1) == 0 {
			Lwsl_user("dropping!")
			break
		}
		Lws_callback_on_writable(wsi)

		// The writer is falling behind: stop reading before the ring
		// fills, and let TCP push back on the peer.
		if n < 3 && !pss.flowControlled {
			pss.flowControlled = true
			Lws_rx_flow_control(wsi, 0)
			flowHook(wsi, 0)
		}

	case LWS_CALLBACK_CLOSED:
		Lwsl_user("LWS_CALLBACK_CLOSED")
		Lws_ring_destroy(pss.ring)

		if vhd.ctl.options&1 != 0 {
			// With -o, the first connection to close ends the run:
			// OK if a whole message was echoed.
			completed := int32(1)
			if pss.completed {
				completed = 2
			}
			vhd.ctl.interrupted.CompareAndSwap(0, completed)
			Lws_cancel_service(Lws_get_context(wsi))
		}
	}

	return 0
}

// b2i prints a flag as C's char does.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
