package main

import (
	. "github.com/golws/golws/include-like"
)

// protocolDumbIncrement is the client end of dumb-increment-protocol: it
// logs each number the server sends (at INFO, so -d 1039 shows them).
var protocolDumbIncrement = Lws_protocols{
	Name:         "dumb-increment-protocol",
	Callback:     callbackDumbIncrement,
	RxBufferSize: 20,
}

func callbackDumbIncrement(wsi *Lws, reason Lws_callback_reasons, user, in any, len int) int {
	switch reason {
	case LWS_CALLBACK_CLIENT_ESTABLISHED:
		Lwsl_info("dumb: established")

	case LWS_CALLBACK_CLIENT_RECEIVE:
		Lwsl_info("dumb: rx %d '%s'", len, in)

	case LWS_CALLBACK_CLIENT_CLOSED:
		Lwsl_notice("dumb: closed")

	case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
		// C gets this on protocols[0] for every connection; golws gives
		// it to the connection's own protocol, so both report it.
		Lwsl_err("dumb: connection error: %s", in)
	}
	return 0
}
