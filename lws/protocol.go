package lws

// Protocol is one entry of a vhost's protocol list (struct lws_protocols).
// Protocol 0 of a vhost also handles HTTP and connections that offer no
// subprotocol.
type Protocol struct {
	// Name is the WebSocket subprotocol name clients ask for.
	Name string
	// Callback handles every event of connections bound to this protocol.
	Callback Callback
	// PerSessionData returns a fresh value for each new connection; it is
	// the callback's user argument for that connection. It replaces C's
	// per_session_data_size (lws zeroes the memory; a Go constructor
	// returning a pointer to a zero struct does the same). nil: user is nil.
	PerSessionData func() any
	// RxBufferSize is the largest chunk one CallbackReceive delivers;
	// longer messages arrive in several chunks (see IsFinalFragment). A
	// chunk never spans two frames, and a fragment goes up as soon as it
	// arrived, as in lws. 0 means 4096, lws's default.
	RxBufferSize int
	// ID is free for the user, as in C.
	ID uint
	// User is free for the user, as in C.
	User any
	// TxPacketSize is accepted for source compatibility and unused:
	// golws never splits a write.
	TxPacketSize int
}

const defaultRxBufferSize = 4096

func (p *Protocol) rxBufferSize() int {
	if p.RxBufferSize > 0 {
		return p.RxBufferSize
	}
	return defaultRxBufferSize
}

func (p *Protocol) newSessionData() any {
	if p.PerSessionData == nil {
		return nil
	}
	return p.PerSessionData()
}

// ProtocolVhostOptions is a per-vhost option list (struct
// lws_protocol_vhost_options). The creation info's Pvo is a list of
// protocols by Name, each with its own Options list of Name / Value pairs.
type ProtocolVhostOptions struct {
	Next    *ProtocolVhostOptions
	Options *ProtocolVhostOptions
	Name    string
	Value   string
}

// PvoSearch returns the first option named name in the list starting at
// pvo, or nil (lws_pvo_search).
func PvoSearch(pvo *ProtocolVhostOptions, name string) *ProtocolVhostOptions {
	for ; pvo != nil; pvo = pvo.Next {
		if pvo.Name == name {
			return pvo
		}
	}
	return nil
}

// ProtocolVhPrivZalloc gives protocol prot on vhost vh a zeroed private
// value of type T and returns it (lws_protocol_vh_priv_zalloc). The value
// lives until the vhost is destroyed. Calling it again replaces the value.
// Service goroutine only.
func ProtocolVhPrivZalloc[T any](vh *Vhost, prot *Protocol) *T {
	i := vh.protocolIndex(prot)
	if i < 0 {
		return nil
	}
	v := new(T)
	vh.priv[i] = v
	return v
}

// ProtocolVhPrivGet returns the value ProtocolVhPrivZalloc made for prot on
// vh, or nil if there is none or it is not a *T (lws_protocol_vh_priv_get).
func ProtocolVhPrivGet[T any](vh *Vhost, prot *Protocol) *T {
	if vh == nil {
		return nil
	}
	i := vh.protocolIndex(prot)
	if i < 0 {
		return nil
	}
	v, _ := vh.priv[i].(*T)
	return v
}
