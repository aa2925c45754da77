// Package lwsc spells golws the way libwebsockets' C headers do, so that a
// C protocol handler and its Go port can be read side by side.
//
// Constants keep their exact C names and values (LWS_CALLBACK_ESTABLISHED,
// LWS_WRITE_TEXT, LWS_PRE, PENDING_TIMEOUT_THREADPOOL, LWS_TP_STATUS_SYNCING
// ...); functions keep their C names with the first letter capitalised, as
// Go requires for exported names (lws_write becomes Lws_write); structs are
// aliases of the Go types, so fields are capitalised (args.Wsi).
//
// Ports usually dot-import it:
//
//	import . "github.com/golws/golws/include-like"
//
// Nothing here has logic of its own: every name is an alias of, or a
// one-line call into, packages lws, lws/threadpool and lws/spa.
package lwsc
