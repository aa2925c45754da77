package protocols

import (
	"bytes"
	"strconv"

	. "github.com/golws/golws/include-like"
)

// DumbIncrementName is the subprotocol clients ask for.
const DumbIncrementName = "dumb-increment-protocol"

// dumbPeriodUs is how often each connection gets the next number: 50 ms.
const dumbPeriodUs = 50000

// dumbOptionNoSend is bit 0 of the "options" pvo (the test server's -n):
// connections are accepted but get no numbers.
const dumbOptionNoSend = 1

type pssDumbIncrement struct {
	number int
}

type vhdDumbIncrement struct {
	options uint // the "options" pvo, C's *vhd->options
}

// ProtocolDumbIncrement sends each connection "0", "1", "2" ... as text,
// one every 50 ms. "reset\n" starts it again from 0; "closeme\n" makes the
// server close with 1001 "seeya".
var ProtocolDumbIncrement = Lws_protocols{
	Name:           DumbIncrementName,
	Callback:       callbackDumbIncrement,
	PerSessionData: func() any { return new(pssDumbIncrement) },
	// Ten bytes is enough for the two commands; longer messages arrive in
	// ten byte chunks and only a chunk's start is looked at, as in C.
	RxBufferSize: 10,
}

func callbackDumbIncrement(wsi *Lws, reason Lws_callback_reasons, user, in any, len int) int {
	pss, _ := user.(*pssDumbIncrement)
	vhd := Lws_protocol_vh_priv_get[vhdDumbIncrement](Lws_get_vhost(wsi), Lws_get_protocol(wsi))
	var buf [LWS_PRE + 20]byte

	switch reason {
	case LWS_CALLBACK_PROTOCOL_INIT:
		vhd = Lws_protocol_vh_priv_zalloc[vhdDumbIncrement](Lws_get_vhost(wsi), Lws_get_protocol(wsi))
		if vhd == nil {
			return -1
		}
		// C passes a pointer to an unsigned int through the pvo; a Go
		// pvo value is text, so the number is written out.
		pvo, _ := in.(*Lws_protocol_vhost_options)
		if opt := Lws_pvo_search(pvo, "options"); opt != nil {
			v, err := strconv.ParseUint(opt.Value, 0, 32)
			if err != nil {
				Lwsl_err("%s: bad options pvo %q", DumbIncrementName, opt.Value)
				return -1
			}
			vhd.options = uint(v)
		}

	case LWS_CALLBACK_ESTABLISHED:
		pss.number = 0
		if vhd.options&dumbOptionNoSend == 0 {
			Lws_set_timer_usecs(wsi, dumbPeriodUs)
		}

	case LWS_CALLBACK_SERVER_WRITEABLE:
		// cap(buf) is sizeof(buf): len is the callback's argument here.
		n := Lws_snprintf(buf[LWS_PRE:], cap(buf)-LWS_PRE, "%d", pss.number)
		pss.number++
		m := Lws_write(wsi, buf[LWS_PRE:], n, LWS_WRITE_TEXT)
		if m < n {
			Lwsl_err("%s: writing %d bytes failed", DumbIncrementName, n)
			return -1
		}

	case LWS_CALLBACK_RECEIVE:
		if len < 6 {
			break
		}
		rx := in.([]byte)
		if bytes.HasPrefix(rx, []byte("reset\n")) {
			pss.number = 0
		}
		if bytes.HasPrefix(rx, []byte("closeme\n")) {
			Lwsl_notice("%s: the client asked to be closed", DumbIncrementName)
			Lws_close_reason(wsi, LWS_CLOSE_STATUS_GOINGAWAY, []byte("seeya"), 5)
			return -1
		}

	case LWS_CALLBACK_TIMER:
		// Every connection's timer asks for WRITEABLE on all of them, as
		// C does: with several connections each may get more than one
		// number per period.
		if vhd.options&dumbOptionNoSend == 0 {
			Lws_callback_on_writable_all_protocol(Lws_get_context(wsi), Lws_get_protocol(wsi))
			Lws_set_timer_usecs(wsi, dumbPeriodUs)
		}
	}

	return 0
}
