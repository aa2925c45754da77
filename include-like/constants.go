package lwsc

import "github.com/golws/golws/lws"

// LWS_PRE is the headroom lws wants before a buffer given to lws_write.
const LWS_PRE = lws.Pre

// Write protocols (enum lws_write_protocol).
const (
	LWS_WRITE_TEXT         = lws.WriteText
	LWS_WRITE_BINARY       = lws.WriteBinary
	LWS_WRITE_CONTINUATION = lws.WriteContinuation
	LWS_WRITE_HTTP         = lws.WriteHTTP
	LWS_WRITE_PING         = lws.WritePing
	LWS_WRITE_PONG         = lws.WritePong
	LWS_WRITE_HTTP_FINAL   = lws.WriteHTTPFinal
	LWS_WRITE_HTTP_HEADERS = lws.WriteHTTPHeaders
	LWS_WRITE_BUFLIST      = lws.WriteBuflist
	LWS_WRITE_NO_FIN       = lws.WriteNoFin
)

// Pending timeouts (enum pending_timeout).
const (
	NO_PENDING_TIMEOUT                            = lws.NoPendingTimeout
	PENDING_TIMEOUT_AWAITING_PROXY_RESPONSE       = lws.PendingTimeoutAwaitingProxyResponse
	PENDING_TIMEOUT_AWAITING_CONNECT_RESPONSE     = lws.PendingTimeoutAwaitingConnectResponse
	PENDING_TIMEOUT_ESTABLISH_WITH_SERVER         = lws.PendingTimeoutEstablishWithServer
	PENDING_TIMEOUT_AWAITING_SERVER_RESPONSE      = lws.PendingTimeoutAwaitingServerResponse
	PENDING_TIMEOUT_AWAITING_PING                 = lws.PendingTimeoutAwaitingPing
	PENDING_TIMEOUT_CLOSE_ACK                     = lws.PendingTimeoutCloseAck
	PENDING_TIMEOUT_SENT_CLIENT_HANDSHAKE         = lws.PendingTimeoutSentClientHandshake
	PENDING_TIMEOUT_SSL_ACCEPT                    = lws.PendingTimeoutSSLAccept
	PENDING_TIMEOUT_HTTP_CONTENT                  = lws.PendingTimeoutHTTPContent
	PENDING_TIMEOUT_AWAITING_CLIENT_HS_SEND       = lws.PendingTimeoutAwaitingClientHSSend
	PENDING_TIMEOUT_SHUTDOWN_FLUSH                = lws.PendingTimeoutShutdownFlush
	PENDING_TIMEOUT_CGI                           = lws.PendingTimeoutCGI
	PENDING_TIMEOUT_HTTP_KEEPALIVE_IDLE           = lws.PendingTimeoutHTTPKeepaliveIdle
	PENDING_TIMEOUT_WS_PONG_CHECK_SEND_PING       = lws.PendingTimeoutWSPongCheckSendPing
	PENDING_TIMEOUT_WS_PONG_CHECK_GET_PONG        = lws.PendingTimeoutWSPongCheckGetPong
	PENDING_TIMEOUT_CLIENT_ISSUE_PAYLOAD          = lws.PendingTimeoutClientIssuePayload
	PENDING_TIMEOUT_AWAITING_SOCKS_GREETING_REPLY = lws.PendingTimeoutAwaitingSocksGreetingReply
	PENDING_TIMEOUT_AWAITING_SOCKS_CONNECT_REPLY  = lws.PendingTimeoutAwaitingSocksConnectReply
	PENDING_TIMEOUT_AWAITING_SOCKS_AUTH_REPLY     = lws.PendingTimeoutAwaitingSocksAuthReply
	PENDING_TIMEOUT_KILLED_BY_SSL_INFO            = lws.PendingTimeoutKilledBySSLInfo
	PENDING_TIMEOUT_KILLED_BY_PARENT              = lws.PendingTimeoutKilledByParent
	PENDING_TIMEOUT_CLOSE_SEND                    = lws.PendingTimeoutCloseSend
	PENDING_TIMEOUT_HOLDING_AH                    = lws.PendingTimeoutHoldingAH
	PENDING_TIMEOUT_UDP_IDLE                      = lws.PendingTimeoutUDPIdle
	PENDING_TIMEOUT_CLIENT_CONN_IDLE              = lws.PendingTimeoutClientConnIdle
	PENDING_TIMEOUT_LAGGING                       = lws.PendingTimeoutLagging
	PENDING_TIMEOUT_THREADPOOL                    = lws.PendingTimeoutThreadpool
	PENDING_TIMEOUT_THREADPOOL_TASK               = lws.PendingTimeoutThreadpoolTask
	PENDING_TIMEOUT_KILLED_BY_PROXY_CLIENT_CLOSE  = lws.PendingTimeoutKilledByProxyClientClose
	PENDING_TIMEOUT_USER_OK                       = lws.PendingTimeoutUserOK
	PENDING_TIMEOUT_HTTP_RESPONSE                 = lws.PendingTimeoutHTTPResponse
	PENDING_TIMEOUT_USER_REASON_BASE              = lws.PendingTimeoutUserReasonBase

	LWS_TO_KILL_ASYNC         = lws.SetTimeoutSecsAsap
	LWS_SET_TIMER_USEC_CANCEL = lws.SetTimerUsecCancel
)

// Close status codes (enum lws_close_status).
const (
	LWS_CLOSE_STATUS_NOSTATUS                 = lws.CloseStatusNoStatus
	LWS_CLOSE_STATUS_NORMAL                   = lws.CloseStatusNormal
	LWS_CLOSE_STATUS_GOINGAWAY                = lws.CloseStatusGoingAway
	LWS_CLOSE_STATUS_PROTOCOL_ERR             = lws.CloseStatusProtocolErr
	LWS_CLOSE_STATUS_UNACCEPTABLE_OPCODE      = lws.CloseStatusUnacceptableOpcode
	LWS_CLOSE_STATUS_RESERVED                 = lws.CloseStatusReserved
	LWS_CLOSE_STATUS_NO_STATUS                = lws.CloseStatusNoStatusRcvd
	LWS_CLOSE_STATUS_ABNORMAL_CLOSE           = lws.CloseStatusAbnormalClose
	LWS_CLOSE_STATUS_INVALID_PAYLOAD          = lws.CloseStatusInvalidPayload
	LWS_CLOSE_STATUS_POLICY_VIOLATION         = lws.CloseStatusPolicyViolation
	LWS_CLOSE_STATUS_MESSAGE_TOO_LARGE        = lws.CloseStatusMessageTooLarge
	LWS_CLOSE_STATUS_EXTENSION_REQUIRED       = lws.CloseStatusExtensionRequired
	LWS_CLOSE_STATUS_UNEXPECTED_CONDITION     = lws.CloseStatusUnexpectedCondition
	LWS_CLOSE_STATUS_TLS_FAILURE              = lws.CloseStatusTLSFailure
	LWS_CLOSE_STATUS_CLIENT_TRANSACTION_DONE  = lws.CloseStatusClientTransactionDone
	LWS_CLOSE_STATUS_NOSTATUS_CONTEXT_DESTROY = lws.CloseStatusNoStatusContextDestroy
)

// Server options golws acts on (LWS_SERVER_OPTION_*). EXPLICIT_VHOSTS is
// refused by Lws_create_context until lws_create_vhost exists.
const (
	LWS_SERVER_OPTION_VALIDATE_UTF8                                = lws.ServerOptionValidateUTF8
	LWS_SERVER_OPTION_EXPLICIT_VHOSTS                              = lws.ServerOptionExplicitVhosts
	LWS_SERVER_OPTION_SKIP_PROTOCOL_INIT                           = lws.ServerOptionSkipProtocolInit
	LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE = lws.ServerOptionHTTPHeadersSecurityBestPracticesEnforce
	LWS_SERVER_OPTION_FAIL_UPON_UNABLE_TO_BIND                     = lws.ServerOptionFailUponUnableToBind
)

// Log levels (enum lws_log_levels).
const (
	LLL_ERR     = lws.LogErr
	LLL_WARN    = lws.LogWarn
	LLL_NOTICE  = lws.LogNotice
	LLL_INFO    = lws.LogInfo
	LLL_DEBUG   = lws.LogDebug
	LLL_PARSER  = lws.LogParser
	LLL_HEADER  = lws.LogHeader
	LLL_EXT     = lws.LogExt
	LLL_CLIENT  = lws.LogClient
	LLL_LATENCY = lws.LogLatency
	LLL_USER    = lws.LogUser
	LLL_THREAD  = lws.LogThread
	LLL_COUNT   = lws.LogCount
)

// Mount origin protocols (enum lws_mount_protocols).
const (
	LWSMPRO_HTTP        = lws.MountProtoHTTP
	LWSMPRO_HTTPS       = lws.MountProtoHTTPS
	LWSMPRO_FILE        = lws.MountProtoFile
	LWSMPRO_CGI         = lws.MountProtoCGI
	LWSMPRO_REDIR_HTTP  = lws.MountProtoRedirHTTP
	LWSMPRO_REDIR_HTTPS = lws.MountProtoRedirHTTPS
	LWSMPRO_CALLBACK    = lws.MountProtoCallback
	LWSMPRO_NO_MOUNT    = lws.MountProtoNoMount
)

// CONTEXT_PORT_NO_LISTEN makes a vhost that listens nowhere.
const CONTEXT_PORT_NO_LISTEN = lws.ContextPortNoListen

// LWS_US_PER_SEC is microseconds per second, for sul and timer arithmetic.
const LWS_US_PER_SEC = 1000000

// LWS_USEC_PER_SEC is the same, under the name lws-timeout-timer.h uses.
const LWS_USEC_PER_SEC = LWS_US_PER_SEC
