package lwsc

import "github.com/golws/golws/lws"

// The C structs, as aliases of the Go types (fields are capitalised).
type (
	Lws                        = lws.Wsi
	Lws_context                = lws.Context
	Lws_vhost                  = lws.Vhost
	Lws_protocols              = lws.Protocol
	Lws_context_creation_info  = lws.ContextCreationInfo
	Lws_http_mount             = lws.HTTPMount
	Lws_protocol_vhost_options = lws.ProtocolVhostOptions
	Lws_sorted_usec_list_t     = lws.Sul
	Lws_callback_reasons       = lws.CallbackReason
	Lws_write_protocol         = lws.WriteProtocol
	Pending_timeout            = lws.PendingTimeout
	Lws_close_status           = lws.CloseStatus
	Lws_callback_function      = lws.Callback
)

// Lws_client_connect_info is struct lws_client_connect_info.
type Lws_client_connect_info = lws.ClientConnectInfo
