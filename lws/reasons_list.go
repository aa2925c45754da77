package lws

// Callback reasons, with the numeric values of lws's enum lws_callback_reasons
// (include/libwebsockets/lws-callbacks.h). The values are part of the porting
// contract: include-like pins every one of them in a test.
const (
	CallbackEstablished                          CallbackReason = 0    // LWS_CALLBACK_ESTABLISHED
	CallbackClientConnectionError                CallbackReason = 1    // LWS_CALLBACK_CLIENT_CONNECTION_ERROR
	CallbackClientFilterPreEstablish             CallbackReason = 2    // LWS_CALLBACK_CLIENT_FILTER_PRE_ESTABLISH
	CallbackClientEstablished                    CallbackReason = 3    // LWS_CALLBACK_CLIENT_ESTABLISHED
	CallbackClosed                               CallbackReason = 4    // LWS_CALLBACK_CLOSED
	CallbackClosedHTTP                           CallbackReason = 5    // LWS_CALLBACK_CLOSED_HTTP
	CallbackReceive                              CallbackReason = 6    // LWS_CALLBACK_RECEIVE
	CallbackReceivePong                          CallbackReason = 7    // LWS_CALLBACK_RECEIVE_PONG
	CallbackClientReceive                        CallbackReason = 8    // LWS_CALLBACK_CLIENT_RECEIVE
	CallbackClientReceivePong                    CallbackReason = 9    // LWS_CALLBACK_CLIENT_RECEIVE_PONG
	CallbackClientWriteable                      CallbackReason = 10   // LWS_CALLBACK_CLIENT_WRITEABLE
	CallbackServerWriteable                      CallbackReason = 11   // LWS_CALLBACK_SERVER_WRITEABLE
	CallbackHTTP                                 CallbackReason = 12   // LWS_CALLBACK_HTTP
	CallbackHTTPBody                             CallbackReason = 13   // LWS_CALLBACK_HTTP_BODY
	CallbackHTTPBodyCompletion                   CallbackReason = 14   // LWS_CALLBACK_HTTP_BODY_COMPLETION
	CallbackHTTPFileCompletion                   CallbackReason = 15   // LWS_CALLBACK_HTTP_FILE_COMPLETION
	CallbackHTTPWriteable                        CallbackReason = 16   // LWS_CALLBACK_HTTP_WRITEABLE
	CallbackFilterNetworkConnection              CallbackReason = 17   // LWS_CALLBACK_FILTER_NETWORK_CONNECTION
	CallbackFilterHTTPConnection                 CallbackReason = 18   // LWS_CALLBACK_FILTER_HTTP_CONNECTION
	CallbackServerNewClientInstantiated          CallbackReason = 19   // LWS_CALLBACK_SERVER_NEW_CLIENT_INSTANTIATED
	CallbackFilterProtocolConnection             CallbackReason = 20   // LWS_CALLBACK_FILTER_PROTOCOL_CONNECTION
	CallbackOpenSSLLoadExtraClientVerifyCerts    CallbackReason = 21   // LWS_CALLBACK_OPENSSL_LOAD_EXTRA_CLIENT_VERIFY_CERTS
	CallbackOpenSSLLoadExtraServerVerifyCerts    CallbackReason = 22   // LWS_CALLBACK_OPENSSL_LOAD_EXTRA_SERVER_VERIFY_CERTS
	CallbackOpenSSLPerformClientCertVerification CallbackReason = 23   // LWS_CALLBACK_OPENSSL_PERFORM_CLIENT_CERT_VERIFICATION
	CallbackClientAppendHandshakeHeader          CallbackReason = 24   // LWS_CALLBACK_CLIENT_APPEND_HANDSHAKE_HEADER
	CallbackConfirmExtensionOkay                 CallbackReason = 25   // LWS_CALLBACK_CONFIRM_EXTENSION_OKAY
	CallbackClientConfirmExtensionSupported      CallbackReason = 26   // LWS_CALLBACK_CLIENT_CONFIRM_EXTENSION_SUPPORTED
	CallbackProtocolInit                         CallbackReason = 27   // LWS_CALLBACK_PROTOCOL_INIT
	CallbackProtocolDestroy                      CallbackReason = 28   // LWS_CALLBACK_PROTOCOL_DESTROY
	CallbackWSICreate                            CallbackReason = 29   // LWS_CALLBACK_WSI_CREATE
	CallbackWSIDestroy                           CallbackReason = 30   // LWS_CALLBACK_WSI_DESTROY
	CallbackGetThreadID                          CallbackReason = 31   // LWS_CALLBACK_GET_THREAD_ID
	CallbackAddPollFD                            CallbackReason = 32   // LWS_CALLBACK_ADD_POLL_FD
	CallbackDelPollFD                            CallbackReason = 33   // LWS_CALLBACK_DEL_POLL_FD
	CallbackChangeModePollFD                     CallbackReason = 34   // LWS_CALLBACK_CHANGE_MODE_POLL_FD
	CallbackLockPoll                             CallbackReason = 35   // LWS_CALLBACK_LOCK_POLL
	CallbackUnlockPoll                           CallbackReason = 36   // LWS_CALLBACK_UNLOCK_POLL
	CallbackWSPeerInitiatedClose                 CallbackReason = 38   // LWS_CALLBACK_WS_PEER_INITIATED_CLOSE
	CallbackWSExtDefaults                        CallbackReason = 39   // LWS_CALLBACK_WS_EXT_DEFAULTS
	CallbackCGI                                  CallbackReason = 40   // LWS_CALLBACK_CGI
	CallbackCGITerminated                        CallbackReason = 41   // LWS_CALLBACK_CGI_TERMINATED
	CallbackCGIStdinData                         CallbackReason = 42   // LWS_CALLBACK_CGI_STDIN_DATA
	CallbackCGIStdinCompleted                    CallbackReason = 43   // LWS_CALLBACK_CGI_STDIN_COMPLETED
	CallbackEstablishedClientHTTP                CallbackReason = 44   // LWS_CALLBACK_ESTABLISHED_CLIENT_HTTP
	CallbackClosedClientHTTP                     CallbackReason = 45   // LWS_CALLBACK_CLOSED_CLIENT_HTTP
	CallbackReceiveClientHTTP                    CallbackReason = 46   // LWS_CALLBACK_RECEIVE_CLIENT_HTTP
	CallbackCompletedClientHTTP                  CallbackReason = 47   // LWS_CALLBACK_COMPLETED_CLIENT_HTTP
	CallbackReceiveClientHTTPRead                CallbackReason = 48   // LWS_CALLBACK_RECEIVE_CLIENT_HTTP_READ
	CallbackHTTPBindProtocol                     CallbackReason = 49   // LWS_CALLBACK_HTTP_BIND_PROTOCOL
	CallbackHTTPDropProtocol                     CallbackReason = 50   // LWS_CALLBACK_HTTP_DROP_PROTOCOL
	CallbackCheckAccessRights                    CallbackReason = 51   // LWS_CALLBACK_CHECK_ACCESS_RIGHTS
	CallbackProcessHTML                          CallbackReason = 52   // LWS_CALLBACK_PROCESS_HTML
	CallbackAddHeaders                           CallbackReason = 53   // LWS_CALLBACK_ADD_HEADERS
	CallbackSessionInfo                          CallbackReason = 54   // LWS_CALLBACK_SESSION_INFO
	CallbackGSEvent                              CallbackReason = 55   // LWS_CALLBACK_GS_EVENT
	CallbackHTTPPMO                              CallbackReason = 56   // LWS_CALLBACK_HTTP_PMO
	CallbackClientHTTPWriteable                  CallbackReason = 57   // LWS_CALLBACK_CLIENT_HTTP_WRITEABLE
	CallbackOpenSSLPerformServerCertVerification CallbackReason = 58   // LWS_CALLBACK_OPENSSL_PERFORM_SERVER_CERT_VERIFICATION
	CallbackRawRX                                CallbackReason = 59   // LWS_CALLBACK_RAW_RX
	CallbackRawClose                             CallbackReason = 60   // LWS_CALLBACK_RAW_CLOSE
	CallbackRawWriteable                         CallbackReason = 61   // LWS_CALLBACK_RAW_WRITEABLE
	CallbackRawAdopt                             CallbackReason = 62   // LWS_CALLBACK_RAW_ADOPT
	CallbackRawAdoptFile                         CallbackReason = 63   // LWS_CALLBACK_RAW_ADOPT_FILE
	CallbackRawRXFile                            CallbackReason = 64   // LWS_CALLBACK_RAW_RX_FILE
	CallbackRawWriteableFile                     CallbackReason = 65   // LWS_CALLBACK_RAW_WRITEABLE_FILE
	CallbackRawCloseFile                         CallbackReason = 66   // LWS_CALLBACK_RAW_CLOSE_FILE
	CallbackSSLInfo                              CallbackReason = 67   // LWS_CALLBACK_SSL_INFO
	CallbackChildClosing                         CallbackReason = 69   // LWS_CALLBACK_CHILD_CLOSING
	CallbackCGIProcessAttach                     CallbackReason = 70   // LWS_CALLBACK_CGI_PROCESS_ATTACH
	CallbackEventWaitCancelled                   CallbackReason = 71   // LWS_CALLBACK_EVENT_WAIT_CANCELLED
	CallbackVhostCertAging                       CallbackReason = 72   // LWS_CALLBACK_VHOST_CERT_AGING
	CallbackTimer                                CallbackReason = 73   // LWS_CALLBACK_TIMER
	CallbackVhostCertUpdate                      CallbackReason = 74   // LWS_CALLBACK_VHOST_CERT_UPDATE
	CallbackClientClosed                         CallbackReason = 75   // LWS_CALLBACK_CLIENT_CLOSED
	CallbackClientHTTPDropProtocol               CallbackReason = 76   // LWS_CALLBACK_CLIENT_HTTP_DROP_PROTOCOL
	CallbackWSServerBindProtocol                 CallbackReason = 77   // LWS_CALLBACK_WS_SERVER_BIND_PROTOCOL
	CallbackWSServerDropProtocol                 CallbackReason = 78   // LWS_CALLBACK_WS_SERVER_DROP_PROTOCOL
	CallbackWSClientBindProtocol                 CallbackReason = 79   // LWS_CALLBACK_WS_CLIENT_BIND_PROTOCOL
	CallbackWSClientDropProtocol                 CallbackReason = 80   // LWS_CALLBACK_WS_CLIENT_DROP_PROTOCOL
	CallbackRawSktBindProtocol                   CallbackReason = 81   // LWS_CALLBACK_RAW_SKT_BIND_PROTOCOL
	CallbackRawSktDropProtocol                   CallbackReason = 82   // LWS_CALLBACK_RAW_SKT_DROP_PROTOCOL
	CallbackRawFileBindProtocol                  CallbackReason = 83   // LWS_CALLBACK_RAW_FILE_BIND_PROTOCOL
	CallbackRawFileDropProtocol                  CallbackReason = 84   // LWS_CALLBACK_RAW_FILE_DROP_PROTOCOL
	CallbackClientHTTPBindProtocol               CallbackReason = 85   // LWS_CALLBACK_CLIENT_HTTP_BIND_PROTOCOL
	CallbackHTTPConfirmUpgrade                   CallbackReason = 86   // LWS_CALLBACK_HTTP_CONFIRM_UPGRADE
	CallbackRawProxyCliRX                        CallbackReason = 89   // LWS_CALLBACK_RAW_PROXY_CLI_RX
	CallbackRawProxySrvRX                        CallbackReason = 90   // LWS_CALLBACK_RAW_PROXY_SRV_RX
	CallbackRawProxyCliClose                     CallbackReason = 91   // LWS_CALLBACK_RAW_PROXY_CLI_CLOSE
	CallbackRawProxySrvClose                     CallbackReason = 92   // LWS_CALLBACK_RAW_PROXY_SRV_CLOSE
	CallbackRawProxyCliWriteable                 CallbackReason = 93   // LWS_CALLBACK_RAW_PROXY_CLI_WRITEABLE
	CallbackRawProxySrvWriteable                 CallbackReason = 94   // LWS_CALLBACK_RAW_PROXY_SRV_WRITEABLE
	CallbackRawProxyCliAdopt                     CallbackReason = 95   // LWS_CALLBACK_RAW_PROXY_CLI_ADOPT
	CallbackRawProxySrvAdopt                     CallbackReason = 96   // LWS_CALLBACK_RAW_PROXY_SRV_ADOPT
	CallbackRawProxyCliBindProtocol              CallbackReason = 97   // LWS_CALLBACK_RAW_PROXY_CLI_BIND_PROTOCOL
	CallbackRawProxySrvBindProtocol              CallbackReason = 98   // LWS_CALLBACK_RAW_PROXY_SRV_BIND_PROTOCOL
	CallbackRawProxyCliDropProtocol              CallbackReason = 99   // LWS_CALLBACK_RAW_PROXY_CLI_DROP_PROTOCOL
	CallbackRawProxySrvDropProtocol              CallbackReason = 100  // LWS_CALLBACK_RAW_PROXY_SRV_DROP_PROTOCOL
	CallbackRawConnected                         CallbackReason = 101  // LWS_CALLBACK_RAW_CONNECTED
	CallbackVerifyBasicAuthorization             CallbackReason = 102  // LWS_CALLBACK_VERIFY_BASIC_AUTHORIZATION
	CallbackWSITXCreditGet                       CallbackReason = 103  // LWS_CALLBACK_WSI_TX_CREDIT_GET
	CallbackClientHTTPRedirect                   CallbackReason = 104  // LWS_CALLBACK_CLIENT_HTTP_REDIRECT
	CallbackConnecting                           CallbackReason = 105  // LWS_CALLBACK_CONNECTING
	CallbackMQTTNewClientInstantiated            CallbackReason = 200  // LWS_CALLBACK_MQTT_NEW_CLIENT_INSTANTIATED
	CallbackMQTTIdle                             CallbackReason = 201  // LWS_CALLBACK_MQTT_IDLE
	CallbackMQTTClientEstablished                CallbackReason = 202  // LWS_CALLBACK_MQTT_CLIENT_ESTABLISHED
	CallbackMQTTSubscribed                       CallbackReason = 203  // LWS_CALLBACK_MQTT_SUBSCRIBED
	CallbackMQTTClientWriteable                  CallbackReason = 204  // LWS_CALLBACK_MQTT_CLIENT_WRITEABLE
	CallbackMQTTClientRX                         CallbackReason = 205  // LWS_CALLBACK_MQTT_CLIENT_RX
	CallbackMQTTUnsubscribed                     CallbackReason = 206  // LWS_CALLBACK_MQTT_UNSUBSCRIBED
	CallbackMQTTDropProtocol                     CallbackReason = 207  // LWS_CALLBACK_MQTT_DROP_PROTOCOL
	CallbackMQTTClientClosed                     CallbackReason = 208  // LWS_CALLBACK_MQTT_CLIENT_CLOSED
	CallbackMQTTAck                              CallbackReason = 209  // LWS_CALLBACK_MQTT_ACK
	CallbackMQTTResend                           CallbackReason = 210  // LWS_CALLBACK_MQTT_RESEND
	CallbackMQTTUnsubscribeTimeout               CallbackReason = 211  // LWS_CALLBACK_MQTT_UNSUBSCRIBE_TIMEOUT
	CallbackMQTTShadowTimeout                    CallbackReason = 212  // LWS_CALLBACK_MQTT_SHADOW_TIMEOUT
	CallbackMQTTQOS2RXComplete                   CallbackReason = 213  // LWS_CALLBACK_MQTT_QOS2_RX_COMPLETE
	CallbackHTTPInterceptorCheck                 CallbackReason = 214  // LWS_CALLBACK_HTTP_INTERCEPTOR_CHECK
	CallbackGetPSSSize                           CallbackReason = 215  // LWS_CALLBACK_GET_PSS_SIZE
	CallbackDHTVerbDispatch                      CallbackReason = 216  // LWS_CALLBACK_DHT_VERB_DISPATCH
	CallbackQTServerReceive                      CallbackReason = 217  // LWS_CALLBACK_QT_SERVER_RECEIVE
	CallbackQTClientReceive                      CallbackReason = 218  // LWS_CALLBACK_QT_CLIENT_RECEIVE
	CallbackClientEstablishedEarly               CallbackReason = 219  // LWS_CALLBACK_CLIENT_ESTABLISHED_EARLY
	CallbackUser                                 CallbackReason = 1000 // LWS_CALLBACK_USER
)

// reasonNames gives each reason its C spelling, for logs and String.
var reasonNames = map[CallbackReason]string{
	CallbackEstablished:                          "LWS_CALLBACK_ESTABLISHED",
	CallbackClientConnectionError:                "LWS_CALLBACK_CLIENT_CONNECTION_ERROR",
	CallbackClientFilterPreEstablish:             "LWS_CALLBACK_CLIENT_FILTER_PRE_ESTABLISH",
	CallbackClientEstablished:                    "LWS_CALLBACK_CLIENT_ESTABLISHED",
	CallbackClosed:                               "LWS_CALLBACK_CLOSED",
	CallbackClosedHTTP:                           "LWS_CALLBACK_CLOSED_HTTP",
	CallbackReceive:                              "LWS_CALLBACK_RECEIVE",
	CallbackReceivePong:                          "LWS_CALLBACK_RECEIVE_PONG",
	CallbackClientReceive:                        "LWS_CALLBACK_CLIENT_RECEIVE",
	CallbackClientReceivePong:                    "LWS_CALLBACK_CLIENT_RECEIVE_PONG",
	CallbackClientWriteable:                      "LWS_CALLBACK_CLIENT_WRITEABLE",
	CallbackServerWriteable:                      "LWS_CALLBACK_SERVER_WRITEABLE",
	CallbackHTTP:                                 "LWS_CALLBACK_HTTP",
	CallbackHTTPBody:                             "LWS_CALLBACK_HTTP_BODY",
	CallbackHTTPBodyCompletion:                   "LWS_CALLBACK_HTTP_BODY_COMPLETION",
	CallbackHTTPFileCompletion:                   "LWS_CALLBACK_HTTP_FILE_COMPLETION",
	CallbackHTTPWriteable:                        "LWS_CALLBACK_HTTP_WRITEABLE",
	CallbackFilterNetworkConnection:              "LWS_CALLBACK_FILTER_NETWORK_CONNECTION",
	CallbackFilterHTTPConnection:                 "LWS_CALLBACK_FILTER_HTTP_CONNECTION",
	CallbackServerNewClientInstantiated:          "LWS_CALLBACK_SERVER_NEW_CLIENT_INSTANTIATED",
	CallbackFilterProtocolConnection:             "LWS_CALLBACK_FILTER_PROTOCOL_CONNECTION",
	CallbackOpenSSLLoadExtraClientVerifyCerts:    "LWS_CALLBACK_OPENSSL_LOAD_EXTRA_CLIENT_VERIFY_CERTS",
	CallbackOpenSSLLoadExtraServerVerifyCerts:    "LWS_CALLBACK_OPENSSL_LOAD_EXTRA_SERVER_VERIFY_CERTS",
	CallbackOpenSSLPerformClientCertVerification: "LWS_CALLBACK_OPENSSL_PERFORM_CLIENT_CERT_VERIFICATION",
	CallbackClientAppendHandshakeHeader:          "LWS_CALLBACK_CLIENT_APPEND_HANDSHAKE_HEADER",
	CallbackConfirmExtensionOkay:                 "LWS_CALLBACK_CONFIRM_EXTENSION_OKAY",
	CallbackClientConfirmExtensionSupported:      "LWS_CALLBACK_CLIENT_CONFIRM_EXTENSION_SUPPORTED",
	CallbackProtocolInit:                         "LWS_CALLBACK_PROTOCOL_INIT",
	CallbackProtocolDestroy:                      "LWS_CALLBACK_PROTOCOL_DESTROY",
	CallbackWSICreate:                            "LWS_CALLBACK_WSI_CREATE",
	CallbackWSIDestroy:                           "LWS_CALLBACK_WSI_DESTROY",
	CallbackGetThreadID:                          "LWS_CALLBACK_GET_THREAD_ID",
	CallbackAddPollFD:                            "LWS_CALLBACK_ADD_POLL_FD",
	CallbackDelPollFD:                            "LWS_CALLBACK_DEL_POLL_FD",
	CallbackChangeModePollFD:                     "LWS_CALLBACK_CHANGE_MODE_POLL_FD",
	CallbackLockPoll:                             "LWS_CALLBACK_LOCK_POLL",
	CallbackUnlockPoll:                           "LWS_CALLBACK_UNLOCK_POLL",
	CallbackWSPeerInitiatedClose:                 "LWS_CALLBACK_WS_PEER_INITIATED_CLOSE",
	CallbackWSExtDefaults:                        "LWS_CALLBACK_WS_EXT_DEFAULTS",
	CallbackCGI:                                  "LWS_CALLBACK_CGI",
	CallbackCGITerminated:                        "LWS_CALLBACK_CGI_TERMINATED",
	CallbackCGIStdinData:                         "LWS_CALLBACK_CGI_STDIN_DATA",
	CallbackCGIStdinCompleted:                    "LWS_CALLBACK_CGI_STDIN_COMPLETED",
	CallbackEstablishedClientHTTP:                "LWS_CALLBACK_ESTABLISHED_CLIENT_HTTP",
	CallbackClosedClientHTTP:                     "LWS_CALLBACK_CLOSED_CLIENT_HTTP",
	CallbackReceiveClientHTTP:                    "LWS_CALLBACK_RECEIVE_CLIENT_HTTP",
	CallbackCompletedClientHTTP:                  "LWS_CALLBACK_COMPLETED_CLIENT_HTTP",
	CallbackReceiveClientHTTPRead:                "LWS_CALLBACK_RECEIVE_CLIENT_HTTP_READ",
	CallbackHTTPBindProtocol:                     "LWS_CALLBACK_HTTP_BIND_PROTOCOL",
	CallbackHTTPDropProtocol:                     "LWS_CALLBACK_HTTP_DROP_PROTOCOL",
	CallbackCheckAccessRights:                    "LWS_CALLBACK_CHECK_ACCESS_RIGHTS",
	CallbackProcessHTML:                          "LWS_CALLBACK_PROCESS_HTML",
	CallbackAddHeaders:                           "LWS_CALLBACK_ADD_HEADERS",
	CallbackSessionInfo:                          "LWS_CALLBACK_SESSION_INFO",
	CallbackGSEvent:                              "LWS_CALLBACK_GS_EVENT",
	CallbackHTTPPMO:                              "LWS_CALLBACK_HTTP_PMO",
	CallbackClientHTTPWriteable:                  "LWS_CALLBACK_CLIENT_HTTP_WRITEABLE",
	CallbackOpenSSLPerformServerCertVerification: "LWS_CALLBACK_OPENSSL_PERFORM_SERVER_CERT_VERIFICATION",
	CallbackRawRX:                                "LWS_CALLBACK_RAW_RX",
	CallbackRawClose:                             "LWS_CALLBACK_RAW_CLOSE",
	CallbackRawWriteable:                         "LWS_CALLBACK_RAW_WRITEABLE",
	CallbackRawAdopt:                             "LWS_CALLBACK_RAW_ADOPT",
	CallbackRawAdoptFile:                         "LWS_CALLBACK_RAW_ADOPT_FILE",
	CallbackRawRXFile:                            "LWS_CALLBACK_RAW_RX_FILE",
	CallbackRawWriteableFile:                     "LWS_CALLBACK_RAW_WRITEABLE_FILE",
	CallbackRawCloseFile:                         "LWS_CALLBACK_RAW_CLOSE_FILE",
	CallbackSSLInfo:                              "LWS_CALLBACK_SSL_INFO",
	CallbackChildClosing:                         "LWS_CALLBACK_CHILD_CLOSING",
	CallbackCGIProcessAttach:                     "LWS_CALLBACK_CGI_PROCESS_ATTACH",
	CallbackEventWaitCancelled:                   "LWS_CALLBACK_EVENT_WAIT_CANCELLED",
	CallbackVhostCertAging:                       "LWS_CALLBACK_VHOST_CERT_AGING",
	CallbackTimer:                                "LWS_CALLBACK_TIMER",
	CallbackVhostCertUpdate:                      "LWS_CALLBACK_VHOST_CERT_UPDATE",
	CallbackClientClosed:                         "LWS_CALLBACK_CLIENT_CLOSED",
	CallbackClientHTTPDropProtocol:               "LWS_CALLBACK_CLIENT_HTTP_DROP_PROTOCOL",
	CallbackWSServerBindProtocol:                 "LWS_CALLBACK_WS_SERVER_BIND_PROTOCOL",
	CallbackWSServerDropProtocol:                 "LWS_CALLBACK_WS_SERVER_DROP_PROTOCOL",
	CallbackWSClientBindProtocol:                 "LWS_CALLBACK_WS_CLIENT_BIND_PROTOCOL",
	CallbackWSClientDropProtocol:                 "LWS_CALLBACK_WS_CLIENT_DROP_PROTOCOL",
	CallbackRawSktBindProtocol:                   "LWS_CALLBACK_RAW_SKT_BIND_PROTOCOL",
	CallbackRawSktDropProtocol:                   "LWS_CALLBACK_RAW_SKT_DROP_PROTOCOL",
	CallbackRawFileBindProtocol:                  "LWS_CALLBACK_RAW_FILE_BIND_PROTOCOL",
	CallbackRawFileDropProtocol:                  "LWS_CALLBACK_RAW_FILE_DROP_PROTOCOL",
	CallbackClientHTTPBindProtocol:               "LWS_CALLBACK_CLIENT_HTTP_BIND_PROTOCOL",
	CallbackHTTPConfirmUpgrade:                   "LWS_CALLBACK_HTTP_CONFIRM_UPGRADE",
	CallbackRawProxyCliRX:                        "LWS_CALLBACK_RAW_PROXY_CLI_RX",
	CallbackRawProxySrvRX:                        "LWS_CALLBACK_RAW_PROXY_SRV_RX",
	CallbackRawProxyCliClose:                     "LWS_CALLBACK_RAW_PROXY_CLI_CLOSE",
	CallbackRawProxySrvClose:                     "LWS_CALLBACK_RAW_PROXY_SRV_CLOSE",
	CallbackRawProxyCliWriteable:                 "LWS_CALLBACK_RAW_PROXY_CLI_WRITEABLE",
	CallbackRawProxySrvWriteable:                 "LWS_CALLBACK_RAW_PROXY_SRV_WRITEABLE",
	CallbackRawProxyCliAdopt:                     "LWS_CALLBACK_RAW_PROXY_CLI_ADOPT",
	CallbackRawProxySrvAdopt:                     "LWS_CALLBACK_RAW_PROXY_SRV_ADOPT",
	CallbackRawProxyCliBindProtocol:              "LWS_CALLBACK_RAW_PROXY_CLI_BIND_PROTOCOL",
	CallbackRawProxySrvBindProtocol:              "LWS_CALLBACK_RAW_PROXY_SRV_BIND_PROTOCOL",
	CallbackRawProxyCliDropProtocol:              "LWS_CALLBACK_RAW_PROXY_CLI_DROP_PROTOCOL",
	CallbackRawProxySrvDropProtocol:              "LWS_CALLBACK_RAW_PROXY_SRV_DROP_PROTOCOL",
	CallbackRawConnected:                         "LWS_CALLBACK_RAW_CONNECTED",
	CallbackVerifyBasicAuthorization:             "LWS_CALLBACK_VERIFY_BASIC_AUTHORIZATION",
	CallbackWSITXCreditGet:                       "LWS_CALLBACK_WSI_TX_CREDIT_GET",
	CallbackClientHTTPRedirect:                   "LWS_CALLBACK_CLIENT_HTTP_REDIRECT",
	CallbackConnecting:                           "LWS_CALLBACK_CONNECTING",
	CallbackMQTTNewClientInstantiated:            "LWS_CALLBACK_MQTT_NEW_CLIENT_INSTANTIATED",
	CallbackMQTTIdle:                             "LWS_CALLBACK_MQTT_IDLE",
	CallbackMQTTClientEstablished:                "LWS_CALLBACK_MQTT_CLIENT_ESTABLISHED",
	CallbackMQTTSubscribed:                       "LWS_CALLBACK_MQTT_SUBSCRIBED",
	CallbackMQTTClientWriteable:                  "LWS_CALLBACK_MQTT_CLIENT_WRITEABLE",
	CallbackMQTTClientRX:                         "LWS_CALLBACK_MQTT_CLIENT_RX",
	CallbackMQTTUnsubscribed:                     "LWS_CALLBACK_MQTT_UNSUBSCRIBED",
	CallbackMQTTDropProtocol:                     "LWS_CALLBACK_MQTT_DROP_PROTOCOL",
	CallbackMQTTClientClosed:                     "LWS_CALLBACK_MQTT_CLIENT_CLOSED",
	CallbackMQTTAck:                              "LWS_CALLBACK_MQTT_ACK",
	CallbackMQTTResend:                           "LWS_CALLBACK_MQTT_RESEND",
	CallbackMQTTUnsubscribeTimeout:               "LWS_CALLBACK_MQTT_UNSUBSCRIBE_TIMEOUT",
	CallbackMQTTShadowTimeout:                    "LWS_CALLBACK_MQTT_SHADOW_TIMEOUT",
	CallbackMQTTQOS2RXComplete:                   "LWS_CALLBACK_MQTT_QOS2_RX_COMPLETE",
	CallbackHTTPInterceptorCheck:                 "LWS_CALLBACK_HTTP_INTERCEPTOR_CHECK",
	CallbackGetPSSSize:                           "LWS_CALLBACK_GET_PSS_SIZE",
	CallbackDHTVerbDispatch:                      "LWS_CALLBACK_DHT_VERB_DISPATCH",
	CallbackQTServerReceive:                      "LWS_CALLBACK_QT_SERVER_RECEIVE",
	CallbackQTClientReceive:                      "LWS_CALLBACK_QT_CLIENT_RECEIVE",
	CallbackClientEstablishedEarly:               "LWS_CALLBACK_CLIENT_ESTABLISHED_EARLY",
	CallbackUser:                                 "LWS_CALLBACK_USER",
}
