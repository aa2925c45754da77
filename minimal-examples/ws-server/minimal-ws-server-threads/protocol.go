package main

import (
	"slices"
	"sync"

	. "github.com/golws/golws/include-like"
)

// ringDepth is the ring's slot count: up to seven messages wait for the
// slowest connection; past that the producers drop what they make.
const ringDepth = 8

// msg is one produced message. The payload keeps LWS_PRE bytes of
// headroom in front of the text, as the C buffer does.
type msg struct {
	payload []byte
	len     int
}

// perSessionData belongs to one connection. Only the service goroutine
// touches it.
type perSessionData struct {
	wsi  *Lws
	tail uint32 // read position in the ring; changed under lockRing
}

// perVhostData is the protocol's state on one vhost, shared with the
// producer goroutines.
type perVhostData struct {
	context  *Lws_context
	vhost    *Lws_vhost
	protocol *Lws_protocols

	// lockRing guards the ring, and the list too: the producers look at
	// it to decide whether anybody would get their message (C reads the
	// list head without the lock, which is a data race).
	lockRing sync.Mutex
	ring     *Lws_ring[msg]
	pssList  []*perSessionData // live connections, newest first

	spam     sync.WaitGroup // the two producer goroutines
	finished chan struct{}  // closed to stop them

	config string // from the "config" pvo
}

// protocolLwsMinimal is the protocol entry main puts in its list.
var protocolLwsMinimal = Lws_protocols{
	Name:           "lws-minimal",
	Callback:       callbackMinimal,
	PerSessionData: func() any { return new(perSessionData) },
	RxBufferSize:   128,
}

func callbackMinimal(wsi *Lws, reason Lws_callback_reasons, user, in any, len int) int {
	pss, _ := user.(*perSessionData)
	vhd := Lws_protocol_vh_priv_get[perVhostData](Lws_get_vhost(wsi), Lws_get_protocol(wsi))

	switch reason {
	case LWS_CALLBACK_PROTOCOL_INIT:
		vhd = Lws_protocol_vh_priv_zalloc[perVhostData](Lws_get_vhost(wsi), Lws_get_protocol(wsi))

		pvoList, _ := in.(*Lws_protocol_vhost_options)
		pvo := Lws_pvo_search(pvoList, "config")
		if pvo == nil || pvo.Value == "" {
			Lwsl_err("%s: Can't find \"config\" pvo", "callback_minimal")
			return 1
		}
		vhd.config = pvo.Value

		vhd.context = Lws_get_context(wsi)
		vhd.protocol = Lws_get_protocol(wsi)
		vhd.vhost = Lws_get_vhost(wsi)

		// No destroy function: a payload is garbage once the ring
		// zeroes its slot.
		vhd.ring = Lws_ring_create[msg](ringDepth, nil)
		if vhd.ring == nil {
			Lwsl_err("%s: failed to create ring", "callback_minimal")
			return 1
		}

		// Starting a goroutine cannot fail, so C's undo path for a
		// failed pthread_create has no counterpart.
		vhd.finished = make(chan struct{})
		for n := range 2 {
			vhd.spam.Go(func() { threadSpam(vhd, n+1) })
		}

	case LWS_CALLBACK_PROTOCOL_DESTROY:
		// The producers must be gone before the context is.
		close(vhd.finished)
		vhd.spam.Wait()
		Lws_ring_destroy(vhd.ring)

	case LWS_CALLBACK_ESTABLISHED:
		vhd.lockRing.Lock()
		vhd.pssList = slices.Insert(vhd.pssList, 0, pss)
		pss.tail = Lws_ring_get_oldest_tail(vhd.ring)
		vhd.lockRing.Unlock()
		pss.wsi = wsi

	case LWS_CALLBACK_CLOSED:
		vhd.lockRing.Lock()
		vhd.pssList = slices.DeleteFunc(vhd.pssList, func(p *perSessionData) bool { return p == pss })
		vhd.releaseTail(pss)
		vhd.lockRing.Unlock()

	case LWS_CALLBACK_SERVER_WRITEABLE:
		return vhd.writeNext(wsi, pss)

	case LWS_CALLBACK_RECEIVE:
		// Whatever the browser sends is ignored.

	case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
		if vhd == nil {
			break
		}
		// A producer added a message and woke the loop: everybody may
		// have something to send.
		Lws_callback_on_writable_all_protocol(vhd.context, vhd.protocol)
	}

	return 0
}

// writeNext sends the connection's next message, if any, from
// SERVER_WRITEABLE.
func (vhd *perVhostData) writeNext(wsi *Lws, pss *perSessionData) int {
	vhd.lockRing.Lock()
	defer vhd.lockRing.Unlock()

	pmsg := Lws_ring_get_element(vhd.ring, &pss.tail)
	if pmsg == nil {
		return 0
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
	return 0
}
