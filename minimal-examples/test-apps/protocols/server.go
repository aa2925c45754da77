package protocols

import (
	"strconv"

	. "github.com/golws/golws/include-like"
)

// HTTPOnlyName is protocol 0's name: it gets plain HTTP and connections
// that offer no subprotocol.
const HTTPOnlyName = "http-only"

// ServerOptions are the vhost options the test server runs with: UTF-8
// checked on text frames, as C asks, and the security headers on every
// HTTP answer (our page is served with them).
const ServerOptions = LWS_SERVER_OPTION_VALIDATE_UTF8 |
	LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE

// callbackHTTP is protocol 0. C's prints the request headers of URLs no
// mount serves and answers 404; golws gives a callback only the path and
// answers 404 itself when the callback returns 0.
func callbackHTTP(wsi *Lws, reason Lws_callback_reasons, user, in any, len int) int {
	if reason == LWS_CALLBACK_HTTP {
		Lwsl_info("%s: nothing serves %s", HTTPOnlyName, in)
	}
	return Lws_callback_http_dummy(wsi, reason, user, in, len)
}

// ServerProtocols returns the test server's vhost protocol list, in C's
// order: http-only first, then the three WebSocket protocols.
func ServerProtocols() []Lws_protocols {
	return []Lws_protocols{
		{Name: HTTPOnlyName, Callback: callbackHTTP},
		ProtocolDumbIncrement,
		ProtocolLwsMirror,
		ProtocolLwsStatus,
	}
}

// ServerPvo gives dumb-increment-protocol its "options" (bit 0: send no
// numbers, the test server's -n), as test-server.c's pvo does.
func ServerPvo(options uint) *Lws_protocol_vhost_options {
	return &Lws_protocol_vhost_options{
		Name: DumbIncrementName,
		Options: &Lws_protocol_vhost_options{
			Name:  "options",
			Value: strconv.FormatUint(uint64(options), 10),
		},
	}
}
