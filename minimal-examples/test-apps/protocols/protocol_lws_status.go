package protocols

import (
	"fmt"
	"os"
	"time"

	. "github.com/golws/golws/include-like"
)

// StatusName is the subprotocol clients ask for.
const StatusName = "lws-status"

// libraryVersion fills the "version" field; lws_get_library_version has no
// golws counterpart.
const libraryVersion = "golws"

// C's buffers: the user agent as received, and the escaped peer address
// and user agent (an escape can take 6 bytes, so a long user agent full of
// quotes is cut short, never mid-escape).
const (
	statusUALen    = 256
	statusEscIPLen = 96
	statusEscUALen = 384
)

// walk is how far a connection is through sending the current JSON: one
// message in fragments, a header, one per live connection, and the end.
type walk int

const (
	walkNone walk = iota
	walkInitial
	walkList
	walkFinal
)

type pssLwsStatus struct {
	next      *pssLwsStatus // the vhost's live list, newest first
	wsi       *Lws
	timeEst   int64 // when it connected, Unix seconds
	userAgent string

	walk           walk
	walkNext       *pssLwsStatus // next entry to report
	subsequent     bool          // an entry went out: the next needs a comma
	changedPartway bool          // the list changed mid-walk: send it again
	wssOverH2      int
}

type vhdLwsStatus struct {
	liveList  *pssLwsStatus
	context   *Lws_context
	vhost     *Lws_vhost
	protocol  *Lws_protocols
	hostname  string // lws_canonical_hostname
	countLive int
}

// ProtocolLwsStatus sends every connection a JSON list of the live
// lws-status connections whenever one connects or goes away.
var ProtocolLwsStatus = Lws_protocols{
	Name:           StatusName,
	Callback:       callbackLwsStatus,
	PerSessionData: func() any { return new(pssLwsStatus) },
	RxBufferSize:   512,
}

// triggerResend starts a new walk on every connection, or, for one
// half-way through a walk, makes it start again once that walk ends.
func (vhd *vhdLwsStatus) triggerResend() {
	for pss := vhd.liveList; pss != nil; pss = pss.next {
		if pss.walk == walkNone {
			pss.subsequent = false
			pss.walkNext = vhd.liveList
			pss.walk = walkInitial
		} else {
			pss.changedPartway = true
		}
	}
	Lws_callback_on_writable_all_protocol(vhd.context, vhd.protocol)
}

func (vhd *vhdLwsStatus) isLive(p *pssLwsStatus) bool {
	for pss := vhd.liveList; pss != nil; pss = pss.next {
		if pss == p {
			return true
		}
	}
	return false
}

func (vhd *vhdLwsStatus) remove(p *pssLwsStatus) {
	for pp := &vhd.liveList; *pp != nil; pp = &(*pp).next {
		if *pp == p {
			*pp = p.next
			return
		}
	}
}

func callbackLwsStatus(wsi *Lws, reason Lws_callback_reasons, user, in any, len int) int {
	pss, _ := user.(*pssLwsStatus)
	vhd := Lws_protocol_vh_priv_get[vhdLwsStatus](Lws_get_vhost(wsi), Lws_get_protocol(wsi))
	var p []byte
	var n Lws_write_protocol

	switch reason {
	case LWS_CALLBACK_PROTOCOL_INIT:
		vhd = Lws_protocol_vh_priv_zalloc[vhdLwsStatus](Lws_get_vhost(wsi), Lws_get_protocol(wsi))
		vhd.context = Lws_get_context(wsi)
		vhd.protocol = Lws_get_protocol(wsi)
		vhd.vhost = Lws_get_vhost(wsi)
		vhd.hostname, _ = os.Hostname()

	case LWS_CALLBACK_ESTABLISHED:
		// The JSON goes out as one message in several fragments, so the
		// buffer stays small however many connections there are.
		vhd.countLive++
		pss.next = vhd.liveList
		vhd.liveList = pss
		pss.wssOverH2 = 0
		if len != 0 {
			pss.wssOverH2 = 1
		}
		pss.timeEst = time.Now().Unix()
		pss.wsi = wsi
		pss.userAgent = statusUserAgent(wsi)
		vhd.triggerResend()

	case LWS_CALLBACK_SERVER_WRITEABLE:
		switch pss.walk {
		case walkInitial:
			n = LWS_WRITE_TEXT | LWS_WRITE_NO_FIN
			p = []byte(fmt.Sprintf(`{ "version":"%s", "wss_over_h2":"%d", "hostname":"%s", "wsi":"%d", "conns":[`,
				libraryVersion, pss.wssOverH2, vhd.hostname, vhd.countLive))
			pss.walk = walkList
			pss.walkNext = vhd.liveList

		case walkList:
			n = LWS_WRITE_CONTINUATION | LWS_WRITE_NO_FIN
			if pss.walkNext == nil {
				n, p = pss.walkFinal()
				break
			}
			if !vhd.isLive(pss.walkNext) {
				// The entry due next went away: end this walk with an
				// empty fragment and start again.
				pss.walk = walkFinal
				pss.changedPartway = true
				break
			}
			if pss.subsequent {
				p = append(p, ',')
			}
			pss.subsequent = true
			// Both are the client's to choose (the user agent at
			// least): escaped, they cannot end the string and forge
			// entries.
			w := pss.walkNext
			var escIP [statusEscIPLen]byte
			var escUA [statusEscUALen]byte
			p = append(p, fmt.Sprintf(`{"peer":"%s","time":"%d","ua":"%s"}`,
				Lws_json_purify(escIP[:], Lws_get_peer_simple(w.wsi, nil), statusEscIPLen, nil),
				w.timeEst,
				Lws_json_purify(escUA[:], w.userAgent, statusEscUALen, nil))...)
			pss.walkNext = w.next
			if pss.walkNext == nil {
				pss.walk = walkFinal
			}

		case walkFinal:
			n, p = pss.walkFinal()

		default:
			return 0
		}

		if statusWrite(wsi, p, n) < 0 {
			Lwsl_err("%s: write failed", StatusName)
			return -1
		}
		if pss.walk != walkNone {
			Lws_callback_on_writable(wsi)
		}

	case LWS_CALLBACK_RECEIVE:
		Lwsl_notice("%s: ignoring %d bytes received", StatusName, len)

	case LWS_CALLBACK_CLOSED:
		vhd.remove(pss)
		vhd.countLive-- // see DEVIATIONS: C never decrements it
		vhd.triggerResend()
	}

	return 0
}

// statusUserAgent is the request's User-Agent as C copies it into its
// user_agent buffer: "" when there is none, "unknown" when it does not
// fit.
func statusUserAgent(wsi *Lws) string {
	ua := wsi.Header("User-Agent")
	if len(ua) >= statusUALen {
		return "unknown"
	}
	return ua
}

// statusWrite sends one fragment, from a buffer with LWS_PRE headroom as C
// builds it.
func statusWrite(wsi *Lws, p []byte, proto Lws_write_protocol) int {
	buf := append(make([]byte, LWS_PRE, LWS_PRE+len(p)), p...)
	return Lws_write(wsi, buf[LWS_PRE:], len(p), proto)
}

// walkFinal closes the JSON and either ends the walk or, if the list
// changed meanwhile, starts the next one.
func (pss *pssLwsStatus) walkFinal() (Lws_write_protocol, []byte) {
	if pss.changedPartway {
		pss.changedPartway = false
		pss.subsequent = false
		pss.walkNext = nil // set from the live list at walkInitial
		pss.walk = walkInitial
	} else {
		pss.walk = walkNone
	}
	return LWS_WRITE_CONTINUATION, []byte("]}")
}
