package lws

import "strconv"

// CallbackReason says why a protocol callback is being called
// (enum lws_callback_reasons). The constants keep C's numeric values.
type CallbackReason int

// String returns the C name, e.g. "LWS_CALLBACK_SERVER_WRITEABLE".
func (r CallbackReason) String() string {
	if s, ok := reasonNames[r]; ok {
		return s
	}
	if r > CallbackUser {
		return "LWS_CALLBACK_USER+" + strconv.Itoa(int(r-CallbackUser))
	}
	return "CallbackReason(" + strconv.Itoa(int(r)) + ")"
}

// Callback is a protocol handler, with lws's five arguments so that a C
// handler ports line for line. Every call happens on the context's service
// goroutine. A non-zero return closes the wsi (for CallbackProtocolInit it
// fails context creation).
//
// user is the wsi's per-session data (the value Protocol.PerSessionData
// made for it, nil if the protocol has none). in and len carry what C passes
// through `void *in, size_t len`:
//
//	CallbackReceive, CallbackClientReceive     []byte: the received chunk; len = len(in)
//	CallbackWSPeerInitiatedClose               []byte: the close payload (2-byte code, reason)
//	CallbackFilterProtocolConnection           string: the Sec-WebSocket-Protocol header as sent
//	CallbackFilterHTTPConnection               string: the request's URI path, normalised as lws does
//	CallbackHTTP                               string: that URI; after the mountpoint when the
//	                                           mount names its Protocol
//	CallbackHTTPBody                           []byte: the next piece of the request body
//	                                           (nil, len 0, for an explicitly empty POST)
//	CallbackHTTPConfirmUpgrade                 string: "websocket"
//	CallbackVerifyBasicAuthorization           string: "user:password"
//	CallbackCheckAccessRights, CallbackAddHeaders,
//	CallbackProcessHTML                        *ProcessHTMLArgs
//	CallbackProtocolInit                       *ProtocolVhostOptions: this protocol's pvo list (may be nil)
//	CallbackWSServerDropProtocol               string: the name of the function dropping it
//	CallbackClientConnectionError              string: the error text
//	CallbackUser and above                     whatever the caller of CallbackAllProtocol passed
//
// For every other reason in is nil and len is 0.
type Callback func(wsi *Wsi, reason CallbackReason, user any, in any, len int) int
