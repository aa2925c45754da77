package main

import (
	"math/rand/v2"

	. "github.com/golws/golws/include-like"
)

const (
	// mirrorLongliveExtra is what -l adds to the mirror connection's
	// lifetime.
	mirrorLongliveExtra = 500000
	// mirrorPaceUs is the pause between two mirror messages.
	mirrorPaceUs = 50
)

// protocolLwsMirror is the client end of lws-mirror-protocol: it sends
// "c #RRGGBB x y r;" circles as fast as the connection takes them, for a
// random number of messages, then closes; the main loop opens another.
var protocolLwsMirror = Lws_protocols{
	Name:         "lws-mirror-protocol",
	Callback:     callbackLwsMirror,
	RxBufferSize: 4096,
}

func callbackLwsMirror(wsi *Lws, reason Lws_callback_reasons, user, in any, len int) int {
	cl := Lws_context_user(Lws_get_context(wsi)).(*client)
	var buf [LWS_PRE + 64]byte

	switch reason {
	case LWS_CALLBACK_CLIENT_ESTABLISHED:
		Lwsl_notice("mirror: established")
		// Each write counts down; at zero the connection closes and
		// the main loop makes a new one.
		cl.mirrorLifetime = 16384 + rand.IntN(65536)
		if cl.o.longlived {
			cl.mirrorLifetime += mirrorLongliveExtra
		}
		Lwsl_notice("mirror: connection opened for %d messages", cl.mirrorLifetime)
		if !cl.o.noMirrorTx {
			Lws_callback_on_writable(wsi)
		}

	case LWS_CALLBACK_CLIENT_CLOSED:
		Lwsl_notice("mirror: closed with %d messages left", cl.mirrorLifetime)
		if cl.o.once {
			cl.forceExit.Store(1)
		}

	case LWS_CALLBACK_CLIENT_WRITEABLE:
		Lwsl_user("mirror: writeable")
		if cl.o.noMirrorTx {
			return 0
		}
		// cap(buf) is sizeof(buf): len is the callback's argument here.
		l := Lws_snprintf(buf[LWS_PRE:], cap(buf)-LWS_PRE, "c #%06X %d %d %d;",
			rand.Uint32()&0xffffff, // colour
			rand.IntN(512),         // x
			rand.IntN(256),         // y
			rand.IntN(32)+1)        // radius
		n := Lws_write(wsi, buf[LWS_PRE:], l, LWS_WRITE_TEXT)
		if n < 0 {
			return -1
		}
		if n < l {
			Lwsl_err("mirror: partial write")
			return -1
		}
		if !cl.o.justMirror {
			cl.mirrorLifetime--
		}
		if cl.mirrorLifetime == 0 {
			Lwsl_notice("mirror: lifetime over, closing")
			return -1
		}
		// C naps 50 us here, blocking its loop, before it asks for the
		// next WRITEABLE. A golws loop must not sleep: a 50 us timer asks
		// instead, which paces the flood about as C's nap does.
		Lws_set_timer_usecs(wsi, mirrorPaceUs)

	case LWS_CALLBACK_TIMER:
		Lws_callback_on_writable(wsi)

	case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
		Lwsl_err("mirror: connection error: %s", in)
	}
	return 0
}
