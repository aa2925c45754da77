package protocols

import (
	"slices"

	. "github.com/golws/golws/include-like"
)

// MirrorName is the subprotocol clients ask for.
const MirrorName = "lws-mirror-protocol"

const (
	// mirrorQueueLen is each instance's ring: 31 messages can wait for
	// the slowest member.
	mirrorQueueLen = 32
	// Reading from the members stops when fewer slots than rxflowMin
	// are free, and starts again once rxflowMax are.
	mirrorRxflowMin = 4
	mirrorRxflowMax = (2 * mirrorQueueLen) / 3
	// maxMirrorInstances bounds the named instances on a vhost.
	maxMirrorInstances = 3
	// mirrorLagSecs is how long the slowest member may hold the oldest
	// tail before it is dropped, so one stuck peer cannot stall the rest.
	mirrorLagSecs = 3
)

// mirrorMessage is one element of an instance's ring; the payload keeps
// LWS_PRE bytes of headroom so the write reads as in C.
type mirrorMessage struct {
	payload []byte
	len     int
}

// mirrorInstance is a group of connections that see each other's messages.
type mirrorInstance struct {
	pssList   []*pssLwsMirror // members, newest first
	ring      *Lws_ring[mirrorMessage]
	name      string
	rxEnabled bool
}

type pssLwsMirror struct {
	wsi     *Lws
	mi      *mirrorInstance
	tail    uint32
	lagging bool // its mirrorLagSecs deadline is running
}

type vhdLwsMirror struct {
	miList []*mirrorInstance // newest first
}

// ProtocolLwsMirror sends every message a member sends, as text, to every
// member of its mirror instance, the sender included.
var ProtocolLwsMirror = Lws_protocols{
	Name:           MirrorName,
	Callback:       callbackLwsMirror,
	PerSessionData: func() any { return new(pssLwsMirror) },
	RxBufferSize:   4096,
}

// rxflowInstance turns reading on or off for every member at once: the
// ring is shared, so one fast sender must not fill it for everyone.
func (mi *mirrorInstance) rxflowInstance(enable int) {
	for _, pss := range mi.pssList {
		Lws_rx_flow_control(pss.wsi, enable)
	}
	mi.rxEnabled = enable != 0
}

// updateWorstTail makes the tail of the member furthest behind the ring's
// oldest tail, which frees what everyone has sent. If that made room, reading
// resumes; the members still furthest behind get mirrorLagSecs to send
// something (a member already given a deadline keeps it: see lagBehind).
// It reports whether the oldest tail moved.
func (mi *mirrorInstance) updateWorstTail() bool {
	var worstPss *pssLwsMirror
	worst, worstTail := 0, uint32(0)
	oldest := Lws_ring_get_oldest_tail(mi.ring)

	for _, pss := range mi.pssList {
		wai := Lws_ring_get_count_waiting_elements(mi.ring, &pss.tail)
		if wai >= worst {
			worst, worstTail, worstPss = wai, pss.tail, pss
		}
	}
	if worstPss == nil {
		return false
	}

	Lws_ring_update_oldest_tail(mi.ring, worstTail)
	if oldest == Lws_ring_get_oldest_tail(mi.ring) {
		return false
	}
	if !mi.rxEnabled && Lws_ring_get_count_free_elements(mi.ring) >= mirrorRxflowMax {
		mi.rxflowInstance(1)
	}
	if worst == 0 {
		return true
	}
	for _, pss := range mi.pssList {
		if pss.tail == worstTail {
			pss.lagBehind()
		}
	}
	return true
}

// stopReading turns reading off for the whole instance, the ring being
// (nearly) full, and gives every member with messages waiting for it
// mirrorLagSecs to send one (see DEVIATIONS): a crowd of stalled members
// is then dropped together, not one ring position at a time.
func (mi *mirrorInstance) stopReading() {
	if !mi.rxEnabled {
		return
	}
	mi.rxflowInstance(0)
	for _, pss := range mi.pssList {
		if Lws_ring_get_count_waiting_elements(mi.ring, &pss.tail) > 0 {
			pss.lagBehind()
		}
	}
}

// lagBehind gives the member mirrorLagSecs to send something, or it is
// dropped. A deadline already running is left alone: only sending
// (progressed) earns a new one, so that re-arming cannot keep a stalled
// member alive.
func (pss *pssLwsMirror) lagBehind() {
	if pss.lagging {
		return
	}
	pss.lagging = true
	Lws_set_timeout(pss.wsi, PENDING_TIMEOUT_USER_REASON_BASE, mirrorLagSecs)
}

// progressed follows a WRITEABLE that sent something. While reading is off
// and messages still wait for the member, it gets a fresh mirrorLagSecs
// for the next one; otherwise its deadline is lifted.
func (pss *pssLwsMirror) progressed() {
	mi := pss.mi
	if !mi.rxEnabled && Lws_ring_get_count_waiting_elements(mi.ring, &pss.tail) > 0 {
		pss.lagging = true
		Lws_set_timeout(pss.wsi, PENDING_TIMEOUT_USER_REASON_BASE, mirrorLagSecs)
		return
	}
	if pss.lagging {
		pss.lagging = false
		Lws_set_timeout(pss.wsi, NO_PENDING_TIMEOUT, 0)
	}
}

func (mi *mirrorInstance) hasMembers() bool { return len(mi.pssList) > 0 }

func (mi *mirrorInstance) callbackAllOnWritable() {
	for _, pss := range mi.pssList {
		Lws_callback_on_writable(pss.wsi)
	}
}

// mirrorInstanceName is the "mirror" URL argument, "" when there is none
// (the default instance), as in C.
func mirrorInstanceName(wsi *Lws) string {
	var buf [64]byte
	return Lws_get_urlarg_by_name(wsi, "mirror=", buf[:], len(buf))
}

// sendPipeChoked stands in for lws_send_pipe_choked: see DEVIATIONS.
func sendPipeChoked(*Lws) bool { return true }

func callbackLwsMirror(wsi *Lws, reason Lws_callback_reasons, user, in any, len int) int {
	pss, _ := user.(*pssLwsMirror)
	v := Lws_protocol_vh_priv_get[vhdLwsMirror](Lws_get_vhost(wsi), Lws_get_protocol(wsi))

	switch reason {
	case LWS_CALLBACK_PROTOCOL_INIT:
		if v == nil {
			Lws_protocol_vh_priv_zalloc[vhdLwsMirror](Lws_get_vhost(wsi), Lws_get_protocol(wsi))
		}

	case LWS_CALLBACK_ESTABLISHED:
		name := mirrorInstanceName(wsi)
		var mi *mirrorInstance
		countMi := 0
		for _, mi1 := range v.miList {
			countMi++
			if mi1.name == name {
				mi = mi1
				break
			}
		}
		if mi == nil {
			if countMi == maxMirrorInstances {
				return -1
			}
			mi = &mirrorInstance{name: name, rxEnabled: true}
			mi.ring = Lws_ring_create(mirrorQueueLen, func(m *mirrorMessage) { *m = mirrorMessage{} })
			if mi.ring == nil {
				return 1
			}
			v.miList = slices.Insert(v.miList, 0, mi)
			Lwsl_notice("%s: new mirror instance %p '%s'", MirrorName, mi, name)
		}
		mi.pssList = slices.Insert(mi.pssList, 0, pss)
		pss.mi = mi
		pss.tail = Lws_ring_get_oldest_tail(mi.ring)
		pss.wsi = wsi
		// C waits for the next message to ask; with the ring full and
		// reading off there may be none (see DEVIATIONS).
		if Lws_ring_get_count_waiting_elements(mi.ring, &pss.tail) > 0 {
			Lws_callback_on_writable(wsi)
		}

	case LWS_CALLBACK_CLOSED:
		mi := pss.mi
		if mi == nil {
			break
		}
		mi.pssList = slices.DeleteFunc(mi.pssList, func(p *pssLwsMirror) bool { return p == pss })
		pss.mi = nil
		if mi.hasMembers() {
			// The one leaving may have held the oldest tail.
			mi.updateWorstTail()
			break
		}
		// The last member left: the instance goes.
		v.miList = slices.DeleteFunc(v.miList, func(m *mirrorInstance) bool { return m == mi })
		Lws_ring_destroy(mi.ring)

	case LWS_CALLBACK_CONFIRM_EXTENSION_OKAY:
		return 1 // no compression on this protocol

	case LWS_CALLBACK_SERVER_WRITEABLE:
		oldestTail := Lws_ring_get_oldest_tail(pss.mi.ring)
		updateWorst := oldestTail == pss.tail
		sentSomething := false

		for {
			msg := Lws_ring_get_element(pss.mi.ring, &pss.tail)
			if msg == nil {
				break
			}
			if msg.payload == nil {
				Lwsl_err("%s: empty ring element at tail %d", MirrorName, pss.tail)
				if Lws_ring_consume(pss.mi.ring, &pss.tail, nil, 1) != 0 {
					continue
				}
				break
			}
			if Lws_write(wsi, msg.payload[LWS_PRE:], msg.len, LWS_WRITE_TEXT) < 0 {
				Lwsl_info("%s: write failed", MirrorName)
				return -1
			}
			sentSomething = true
			Lws_ring_consume(pss.mi.ring, &pss.tail, nil, 1)
			if sendPipeChoked(wsi) {
				break
			}
		}

		if Lws_ring_get_count_waiting_elements(pss.mi.ring, &pss.tail) > 0 {
			Lws_callback_on_writable(wsi)
		}
		if !sentSomething {
			break
		}
		pss.progressed()
		if updateWorst {
			// Having sent something, this member no longer hogs the
			// oldest tail; moving it on may free room for everyone.
			pss.mi.updateWorstTail()
		}

	case LWS_CALLBACK_RECEIVE:
		mi := pss.mi
		if Lws_ring_get_count_free_elements(mi.ring) == 0 {
			Lwsl_notice("%s: ring full, dropping a message", MirrorName)
			mi.stopReading()
			mi.callbackAllOnWritable()
			break
		}
		amsg := mirrorMessage{payload: make([]byte, LWS_PRE+len), len: len}
		copy(amsg.payload[LWS_PRE:], in.([]byte))
		if Lws_ring_insert(mi.ring, []mirrorMessage{amsg}, 1) == 0 {
			Lwsl_notice("%s: ring full, dropping a message", MirrorName)
			mi.stopReading()
			mi.callbackAllOnWritable()
			break
		}
		if Lws_ring_get_count_free_elements(mi.ring) < mirrorRxflowMin {
			mi.stopReading()
		}
		mi.callbackAllOnWritable()
	}

	return 0
}
