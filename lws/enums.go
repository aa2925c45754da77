package lws

// Pre is LWS_PRE: the headroom lws wants in front of every buffer handed to
// lws_write. golws copies the payload into its own frame, so the headroom is
// not needed, but ports keep their `buf[LWS_PRE:]` arithmetic unchanged and
// it stays correct.
const Pre = 16

// WriteProtocol is the kind of frame Write sends (enum lws_write_protocol).
type WriteProtocol int

// Write protocols with their C values. WriteNoFin is OR-ed onto TEXT, BINARY
// or CONTINUATION to send a fragment that does not end the message.
const (
	WriteText                    WriteProtocol = 0    // LWS_WRITE_TEXT
	WriteBinary                  WriteProtocol = 1    // LWS_WRITE_BINARY
	WriteContinuation            WriteProtocol = 2    // LWS_WRITE_CONTINUATION
	WriteHTTP                    WriteProtocol = 3    // LWS_WRITE_HTTP
	WritePing                    WriteProtocol = 5    // LWS_WRITE_PING
	WritePong                    WriteProtocol = 6    // LWS_WRITE_PONG
	WriteHTTPFinal               WriteProtocol = 7    // LWS_WRITE_HTTP_FINAL
	WriteHTTPHeaders             WriteProtocol = 8    // LWS_WRITE_HTTP_HEADERS
	WriteHTTPHeadersContinuation WriteProtocol = 9    // LWS_WRITE_HTTP_HEADERS_CONTINUATION
	WriteBuflist                 WriteProtocol = 0x20 // LWS_WRITE_BUFLIST
	WriteNoFin                   WriteProtocol = 0x40 // LWS_WRITE_NO_FIN
)

// PendingTimeout names why a wsi has a timeout set (enum pending_timeout).
type PendingTimeout int

// Pending timeout reasons with their C values.
const (
	NoPendingTimeout                         PendingTimeout = 0    // NO_PENDING_TIMEOUT
	PendingTimeoutAwaitingProxyResponse      PendingTimeout = 1    // PENDING_TIMEOUT_AWAITING_PROXY_RESPONSE
	PendingTimeoutAwaitingConnectResponse    PendingTimeout = 2    // PENDING_TIMEOUT_AWAITING_CONNECT_RESPONSE
	PendingTimeoutEstablishWithServer        PendingTimeout = 3    // PENDING_TIMEOUT_ESTABLISH_WITH_SERVER
	PendingTimeoutAwaitingServerResponse     PendingTimeout = 4    // PENDING_TIMEOUT_AWAITING_SERVER_RESPONSE
	PendingTimeoutAwaitingPing               PendingTimeout = 5    // PENDING_TIMEOUT_AWAITING_PING
	PendingTimeoutCloseAck                   PendingTimeout = 6    // PENDING_TIMEOUT_CLOSE_ACK
	PendingTimeoutSentClientHandshake        PendingTimeout = 8    // PENDING_TIMEOUT_SENT_CLIENT_HANDSHAKE
	PendingTimeoutSSLAccept                  PendingTimeout = 9    // PENDING_TIMEOUT_SSL_ACCEPT
	PendingTimeoutHTTPContent                PendingTimeout = 10   // PENDING_TIMEOUT_HTTP_CONTENT
	PendingTimeoutAwaitingClientHSSend       PendingTimeout = 11   // PENDING_TIMEOUT_AWAITING_CLIENT_HS_SEND
	PendingTimeoutShutdownFlush              PendingTimeout = 13   // PENDING_TIMEOUT_SHUTDOWN_FLUSH
	PendingTimeoutCGI                        PendingTimeout = 14   // PENDING_TIMEOUT_CGI
	PendingTimeoutHTTPKeepaliveIdle          PendingTimeout = 15   // PENDING_TIMEOUT_HTTP_KEEPALIVE_IDLE
	PendingTimeoutWSPongCheckSendPing        PendingTimeout = 16   // PENDING_TIMEOUT_WS_PONG_CHECK_SEND_PING
	PendingTimeoutWSPongCheckGetPong         PendingTimeout = 17   // PENDING_TIMEOUT_WS_PONG_CHECK_GET_PONG
	PendingTimeoutClientIssuePayload         PendingTimeout = 18   // PENDING_TIMEOUT_CLIENT_ISSUE_PAYLOAD
	PendingTimeoutAwaitingSocksGreetingReply PendingTimeout = 19   // PENDING_TIMEOUT_AWAITING_SOCKS_GREETING_REPLY
	PendingTimeoutAwaitingSocksConnectReply  PendingTimeout = 20   // PENDING_TIMEOUT_AWAITING_SOCKS_CONNECT_REPLY
	PendingTimeoutAwaitingSocksAuthReply     PendingTimeout = 21   // PENDING_TIMEOUT_AWAITING_SOCKS_AUTH_REPLY
	PendingTimeoutKilledBySSLInfo            PendingTimeout = 22   // PENDING_TIMEOUT_KILLED_BY_SSL_INFO
	PendingTimeoutKilledByParent             PendingTimeout = 23   // PENDING_TIMEOUT_KILLED_BY_PARENT
	PendingTimeoutCloseSend                  PendingTimeout = 24   // PENDING_TIMEOUT_CLOSE_SEND
	PendingTimeoutHoldingAH                  PendingTimeout = 25   // PENDING_TIMEOUT_HOLDING_AH
	PendingTimeoutUDPIdle                    PendingTimeout = 26   // PENDING_TIMEOUT_UDP_IDLE
	PendingTimeoutClientConnIdle             PendingTimeout = 27   // PENDING_TIMEOUT_CLIENT_CONN_IDLE
	PendingTimeoutLagging                    PendingTimeout = 28   // PENDING_TIMEOUT_LAGGING
	PendingTimeoutThreadpool                 PendingTimeout = 29   // PENDING_TIMEOUT_THREADPOOL
	PendingTimeoutThreadpoolTask             PendingTimeout = 30   // PENDING_TIMEOUT_THREADPOOL_TASK
	PendingTimeoutKilledByProxyClientClose   PendingTimeout = 31   // PENDING_TIMEOUT_KILLED_BY_PROXY_CLIENT_CLOSE
	PendingTimeoutUserOK                     PendingTimeout = 32   // PENDING_TIMEOUT_USER_OK
	PendingTimeoutHTTPResponse               PendingTimeout = 33   // PENDING_TIMEOUT_HTTP_RESPONSE
	PendingTimeoutUserReasonBase             PendingTimeout = 1000 // PENDING_TIMEOUT_USER_REASON_BASE
)

// SetTimeoutSecsAsap is LWS_TO_KILL_ASYNC: a SetTimeout of this many seconds
// closes the wsi from the loop as soon as possible, never synchronously.
const SetTimeoutSecsAsap = -1

// SetTimerUsecCancel is LWS_SET_TIMER_USEC_CANCEL for SetTimerUsecs.
const SetTimerUsecCancel int64 = -1

// CloseStatus is a WebSocket close code (enum lws_close_status).
type CloseStatus int

// Close codes with their C values.
const (
	CloseStatusNoStatus               CloseStatus = 0    // LWS_CLOSE_STATUS_NOSTATUS
	CloseStatusNormal                 CloseStatus = 1000 // LWS_CLOSE_STATUS_NORMAL
	CloseStatusGoingAway              CloseStatus = 1001 // LWS_CLOSE_STATUS_GOINGAWAY
	CloseStatusProtocolErr            CloseStatus = 1002 // LWS_CLOSE_STATUS_PROTOCOL_ERR
	CloseStatusUnacceptableOpcode     CloseStatus = 1003 // LWS_CLOSE_STATUS_UNACCEPTABLE_OPCODE
	CloseStatusReserved               CloseStatus = 1004 // LWS_CLOSE_STATUS_RESERVED
	CloseStatusNoStatusRcvd           CloseStatus = 1005 // LWS_CLOSE_STATUS_NO_STATUS
	CloseStatusAbnormalClose          CloseStatus = 1006 // LWS_CLOSE_STATUS_ABNORMAL_CLOSE
	CloseStatusInvalidPayload         CloseStatus = 1007 // LWS_CLOSE_STATUS_INVALID_PAYLOAD
	CloseStatusPolicyViolation        CloseStatus = 1008 // LWS_CLOSE_STATUS_POLICY_VIOLATION
	CloseStatusMessageTooLarge        CloseStatus = 1009 // LWS_CLOSE_STATUS_MESSAGE_TOO_LARGE
	CloseStatusExtensionRequired      CloseStatus = 1010 // LWS_CLOSE_STATUS_EXTENSION_REQUIRED
	CloseStatusUnexpectedCondition    CloseStatus = 1011 // LWS_CLOSE_STATUS_UNEXPECTED_CONDITION
	CloseStatusTLSFailure             CloseStatus = 1015 // LWS_CLOSE_STATUS_TLS_FAILURE
	CloseStatusClientTransactionDone  CloseStatus = 2000 // LWS_CLOSE_STATUS_CLIENT_TRANSACTION_DONE
	CloseStatusNoStatusContextDestroy CloseStatus = 9999 // LWS_CLOSE_STATUS_NOSTATUS_CONTEXT_DESTROY
)

// Server options (LWS_SERVER_OPTION_*) that golws acts on. Others may be set
// and are ignored, as lws ignores options for features it was built without.
const (
	ServerOptionValidateUTF8                            uint64 = 1 << 8  // LWS_SERVER_OPTION_VALIDATE_UTF8
	ServerOptionExplicitVhosts                          uint64 = 1 << 13 // LWS_SERVER_OPTION_EXPLICIT_VHOSTS
	ServerOptionSTS                                     uint64 = 1 << 15 // LWS_SERVER_OPTION_STS
	ServerOptionSkipProtocolInit                        uint64 = 1 << 25 // LWS_SERVER_OPTION_SKIP_PROTOCOL_INIT
	ServerOptionHTTPHeadersSecurityBestPracticesEnforce uint64 = 1 << 28 // LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE
	ServerOptionFailUponUnableToBind                    uint64 = 1 << 30 // LWS_SERVER_OPTION_FAIL_UPON_UNABLE_TO_BIND
)

// Mount origin protocols (enum lws_mount_protocols).
const (
	MountProtoHTTP       = 0 // LWSMPRO_HTTP
	MountProtoHTTPS      = 1 // LWSMPRO_HTTPS
	MountProtoFile       = 2 // LWSMPRO_FILE
	MountProtoCGI        = 3 // LWSMPRO_CGI
	MountProtoRedirHTTP  = 4 // LWSMPRO_REDIR_HTTP
	MountProtoRedirHTTPS = 5 // LWSMPRO_REDIR_HTTPS
	MountProtoCallback   = 6 // LWSMPRO_CALLBACK
	MountProtoNoMount    = 7 // LWSMPRO_NO_MOUNT
)

// ContextPortNoListen is CONTEXT_PORT_NO_LISTEN: a vhost with this port
// accepts no connections (client-only contexts).
const ContextPortNoListen = -1
