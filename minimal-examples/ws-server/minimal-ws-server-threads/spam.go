package main

import (
	"time"

	. "github.com/golws/golws/include-like"
)

// spamInterval is how long a producer waits after each attempt: about
// 10 messages a second each.
const spamInterval = 100 * time.Millisecond

// spamHook, when a test sets it, hears each producer's attempts: made is
// false when nobody was connected. It runs on the producer goroutine.
var spamHook func(whoami int, made bool)

// threadSpam is one producer, running outside the service loop until
// vhd.finished is closed. whoami (1 or 2) tells the two apart in the text.
func threadSpam(vhd *perVhostData, whoami int) {
	index := 1
	for {
		made := vhd.spamOnce(whoami, &index)
		if spamHook != nil {
			spamHook(whoami, made)
		}
		// C sleeps and then checks its flag; waiting on the channel
		// lets PROTOCOL_DESTROY end the wait at once.
		select {
		case <-vhd.finished:
			Lwsl_notice("thread_spam %d exiting", whoami)
			return
		case <-time.After(spamInterval):
		}
	}
}

// spamOnce adds the next message to the ring, unless nobody is connected
// or the ring is full, and wakes the service loop to send it. It reports
// whether anybody was connected.
func (vhd *perVhostData) spamOnce(whoami int, index *int) bool {
	vhd.lockRing.Lock()
	defer vhd.lockRing.Unlock()

	if len(vhd.pssList) == 0 {
		return false
	}

	if Lws_ring_get_count_free_elements(vhd.ring) == 0 {
		Lwsl_user("dropping!")
		return true
	}

	const size = 128
	amsg := msg{payload: make([]byte, LWS_PRE+size)}
	amsg.len = Lws_snprintf(amsg.payload[LWS_PRE:], size, "%s: tid: %d, msg: %d", vhd.config, whoami, *index)
	*index++

	if Lws_ring_insert(vhd.ring, []msg{amsg}, 1) != 1 {
		Lwsl_user("dropping!")
		return true
	}
	// The only call another goroutine may make into lws: the loop wakes
	// and delivers LWS_CALLBACK_EVENT_WAIT_CANCELLED.
	Lws_cancel_service(vhd.context)
	return true
}
