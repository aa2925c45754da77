package lwsc

import "github.com/golws/golws/lws"

// HTTP status codes (enum http_status).
const (
	HTTP_STATUS_CONTINUE                   = lws.HTTPStatusContinue
	HTTP_STATUS_OK                         = lws.HTTPStatusOK
	HTTP_STATUS_NO_CONTENT                 = lws.HTTPStatusNoContent
	HTTP_STATUS_PARTIAL_CONTENT            = lws.HTTPStatusPartialContent
	HTTP_STATUS_MOVED_PERMANENTLY          = lws.HTTPStatusMovedPermanently
	HTTP_STATUS_FOUND                      = lws.HTTPStatusFound
	HTTP_STATUS_SEE_OTHER                  = lws.HTTPStatusSeeOther
	HTTP_STATUS_NOT_MODIFIED               = lws.HTTPStatusNotModified
	HTTP_STATUS_BAD_REQUEST                = lws.HTTPStatusBadRequest
	HTTP_STATUS_UNAUTHORIZED               = lws.HTTPStatusUnauthorized
	HTTP_STATUS_PAYMENT_REQUIRED           = lws.HTTPStatusPaymentRequired
	HTTP_STATUS_FORBIDDEN                  = lws.HTTPStatusForbidden
	HTTP_STATUS_NOT_FOUND                  = lws.HTTPStatusNotFound
	HTTP_STATUS_METHOD_NOT_ALLOWED         = lws.HTTPStatusMethodNotAllowed
	HTTP_STATUS_NOT_ACCEPTABLE             = lws.HTTPStatusNotAcceptable
	HTTP_STATUS_PROXY_AUTH_REQUIRED        = lws.HTTPStatusProxyAuthRequired
	HTTP_STATUS_REQUEST_TIMEOUT            = lws.HTTPStatusRequestTimeout
	HTTP_STATUS_CONFLICT                   = lws.HTTPStatusConflict
	HTTP_STATUS_GONE                       = lws.HTTPStatusGone
	HTTP_STATUS_LENGTH_REQUIRED            = lws.HTTPStatusLengthRequired
	HTTP_STATUS_PRECONDITION_FAILED        = lws.HTTPStatusPreconditionFailed
	HTTP_STATUS_REQ_ENTITY_TOO_LARGE       = lws.HTTPStatusReqEntityTooLarge
	HTTP_STATUS_REQ_URI_TOO_LONG           = lws.HTTPStatusReqURITooLong
	HTTP_STATUS_UNSUPPORTED_MEDIA_TYPE     = lws.HTTPStatusUnsupportedMediaType
	HTTP_STATUS_REQ_RANGE_NOT_SATISFIABLE  = lws.HTTPStatusReqRangeNotSatisfiable
	HTTP_STATUS_EXPECTATION_FAILED         = lws.HTTPStatusExpectationFailed
	HTTP_STATUS_INTERNAL_SERVER_ERROR      = lws.HTTPStatusInternalServerError
	HTTP_STATUS_NOT_IMPLEMENTED            = lws.HTTPStatusNotImplemented
	HTTP_STATUS_BAD_GATEWAY                = lws.HTTPStatusBadGateway
	HTTP_STATUS_SERVICE_UNAVAILABLE        = lws.HTTPStatusServiceUnavailable
	HTTP_STATUS_GATEWAY_TIMEOUT            = lws.HTTPStatusGatewayTimeout
	HTTP_STATUS_HTTP_VERSION_NOT_SUPPORTED = lws.HTTPStatusHTTPVersionNotSupported
)

// Header and request-line token indexes (enum lws_token_indexes), with
// the values of lws main's default build (see lws.TokenIndex).
const (
	WSI_TOKEN_GET_URI                          = lws.TokenGetURI
	WSI_TOKEN_POST_URI                         = lws.TokenPostURI
	WSI_TOKEN_OPTIONS_URI                      = lws.TokenOptionsURI
	WSI_TOKEN_HOST                             = lws.TokenHost
	WSI_TOKEN_CONNECTION                       = lws.TokenConnection
	WSI_TOKEN_UPGRADE                          = lws.TokenUpgrade
	WSI_TOKEN_ORIGIN                           = lws.TokenOrigin
	WSI_TOKEN_DRAFT                            = lws.TokenDraft
	WSI_TOKEN_CHALLENGE                        = lws.TokenChallenge
	WSI_TOKEN_EXTENSIONS                       = lws.TokenExtensions
	WSI_TOKEN_KEY1                             = lws.TokenKey1
	WSI_TOKEN_KEY2                             = lws.TokenKey2
	WSI_TOKEN_PROTOCOL                         = lws.TokenProtocol
	WSI_TOKEN_ACCEPT                           = lws.TokenAccept
	WSI_TOKEN_NONCE                            = lws.TokenNonce
	WSI_TOKEN_HTTP                             = lws.TokenHTTP
	WSI_TOKEN_HTTP2_SETTINGS                   = lws.TokenHTTP2Settings
	WSI_TOKEN_HTTP_ACCEPT                      = lws.TokenHTTPAccept
	WSI_TOKEN_HTTP_AC_REQUEST_HEADERS          = lws.TokenHTTPACRequestHeaders
	WSI_TOKEN_HTTP_IF_MODIFIED_SINCE           = lws.TokenHTTPIfModifiedSince
	WSI_TOKEN_HTTP_IF_NONE_MATCH               = lws.TokenHTTPIfNoneMatch
	WSI_TOKEN_HTTP_ACCEPT_ENCODING             = lws.TokenHTTPAcceptEncoding
	WSI_TOKEN_HTTP_ACCEPT_LANGUAGE             = lws.TokenHTTPAcceptLanguage
	WSI_TOKEN_HTTP_PRAGMA                      = lws.TokenHTTPPragma
	WSI_TOKEN_HTTP_CACHE_CONTROL               = lws.TokenHTTPCacheControl
	WSI_TOKEN_HTTP_AUTHORIZATION               = lws.TokenHTTPAuthorization
	WSI_TOKEN_HTTP_COOKIE                      = lws.TokenHTTPCookie
	WSI_TOKEN_HTTP_CONTENT_LENGTH              = lws.TokenHTTPContentLength
	WSI_TOKEN_HTTP_CONTENT_TYPE                = lws.TokenHTTPContentType
	WSI_TOKEN_HTTP_DATE                        = lws.TokenHTTPDate
	WSI_TOKEN_HTTP_RANGE                       = lws.TokenHTTPRange
	WSI_TOKEN_HTTP_REFERER                     = lws.TokenHTTPReferer
	WSI_TOKEN_KEY                              = lws.TokenKey
	WSI_TOKEN_VERSION                          = lws.TokenVersion
	WSI_TOKEN_SWORIGIN                         = lws.TokenSworigin
	WSI_TOKEN_HTTP_COLON_AUTHORITY             = lws.TokenHTTPColonAuthority
	WSI_TOKEN_HTTP_COLON_METHOD                = lws.TokenHTTPColonMethod
	WSI_TOKEN_HTTP_COLON_PATH                  = lws.TokenHTTPColonPath
	WSI_TOKEN_HTTP_COLON_SCHEME                = lws.TokenHTTPColonScheme
	WSI_TOKEN_HTTP_COLON_STATUS                = lws.TokenHTTPColonStatus
	WSI_TOKEN_HTTP_ACCEPT_CHARSET              = lws.TokenHTTPAcceptCharset
	WSI_TOKEN_HTTP_ACCEPT_RANGES               = lws.TokenHTTPAcceptRanges
	WSI_TOKEN_HTTP_ACCESS_CONTROL_ALLOW_ORIGIN = lws.TokenHTTPAccessControlAllowOrigin
	WSI_TOKEN_HTTP_AGE                         = lws.TokenHTTPAge
	WSI_TOKEN_HTTP_ALLOW                       = lws.TokenHTTPAllow
	WSI_TOKEN_HTTP_CONTENT_DISPOSITION         = lws.TokenHTTPContentDisposition
	WSI_TOKEN_HTTP_CONTENT_ENCODING            = lws.TokenHTTPContentEncoding
	WSI_TOKEN_HTTP_CONTENT_LANGUAGE            = lws.TokenHTTPContentLanguage
	WSI_TOKEN_HTTP_CONTENT_LOCATION            = lws.TokenHTTPContentLocation
	WSI_TOKEN_HTTP_CONTENT_RANGE               = lws.TokenHTTPContentRange
	WSI_TOKEN_HTTP_ETAG                        = lws.TokenHTTPEtag
	WSI_TOKEN_HTTP_EXPECT                      = lws.TokenHTTPExpect
	WSI_TOKEN_HTTP_EXPIRES                     = lws.TokenHTTPExpires
	WSI_TOKEN_HTTP_FROM                        = lws.TokenHTTPFrom
	WSI_TOKEN_HTTP_IF_MATCH                    = lws.TokenHTTPIfMatch
	WSI_TOKEN_HTTP_IF_RANGE                    = lws.TokenHTTPIfRange
	WSI_TOKEN_HTTP_IF_UNMODIFIED_SINCE         = lws.TokenHTTPIfUnmodifiedSince
	WSI_TOKEN_HTTP_LAST_MODIFIED               = lws.TokenHTTPLastModified
	WSI_TOKEN_HTTP_LINK                        = lws.TokenHTTPLink
	WSI_TOKEN_HTTP_LOCATION                    = lws.TokenHTTPLocation
	WSI_TOKEN_HTTP_MAX_FORWARDS                = lws.TokenHTTPMaxForwards
	WSI_TOKEN_HTTP_PROXY_AUTHENTICATE          = lws.TokenHTTPProxyAuthenticate
	WSI_TOKEN_HTTP_PROXY_AUTHORIZATION         = lws.TokenHTTPProxyAuthorization
	WSI_TOKEN_HTTP_REFRESH                     = lws.TokenHTTPRefresh
	WSI_TOKEN_HTTP_RETRY_AFTER                 = lws.TokenHTTPRetryAfter
	WSI_TOKEN_HTTP_SERVER                      = lws.TokenHTTPServer
	WSI_TOKEN_HTTP_SET_COOKIE                  = lws.TokenHTTPSetCookie
	WSI_TOKEN_HTTP_STRICT_TRANSPORT_SECURITY   = lws.TokenHTTPStrictTransportSecurity
	WSI_TOKEN_HTTP_TRANSFER_ENCODING           = lws.TokenHTTPTransferEncoding
	WSI_TOKEN_HTTP_USER_AGENT                  = lws.TokenHTTPUserAgent
	WSI_TOKEN_HTTP_VARY                        = lws.TokenHTTPVary
	WSI_TOKEN_HTTP_VIA                         = lws.TokenHTTPVia
	WSI_TOKEN_HTTP_WWW_AUTHENTICATE            = lws.TokenHTTPWwwAuthenticate
	WSI_TOKEN_PATCH_URI                        = lws.TokenPatchURI
	WSI_TOKEN_PUT_URI                          = lws.TokenPutURI
	WSI_TOKEN_DELETE_URI                       = lws.TokenDeleteURI
	WSI_TOKEN_HTTP_URI_ARGS                    = lws.TokenHTTPURIArgs
	WSI_TOKEN_PROXY                            = lws.TokenProxy
	WSI_TOKEN_HTTP_X_REAL_IP                   = lws.TokenHTTPXRealIP
	WSI_TOKEN_HTTP1_0                          = lws.TokenHTTP10
	WSI_TOKEN_X_FORWARDED_FOR                  = lws.TokenXForwardedFor
	WSI_TOKEN_CONNECT                          = lws.TokenConnect
	WSI_TOKEN_HEAD_URI                         = lws.TokenHeadURI
	WSI_TOKEN_TE                               = lws.TokenTE
	WSI_TOKEN_REPLAY_NONCE                     = lws.TokenReplayNonce
	WSI_TOKEN_COLON_PROTOCOL                   = lws.TokenColonProtocol
	WSI_TOKEN_X_AUTH_TOKEN                     = lws.TokenXAuthToken
	WSI_TOKEN_DSS_SIGNATURE                    = lws.TokenDSSSignature

	// WSI_TOKEN_COUNT is one past the last token.
	WSI_TOKEN_COUNT = lws.TokenCount
)

// The HTTP response builders' constants.
const (
	// LWS_ILLEGAL_HTTP_CONTENT_LEN, as the content length, says it is
	// unknown: the response closes the connection.
	LWS_ILLEGAL_HTTP_CONTENT_LEN = lws.IllegalHTTPContentLen
	// LWS_RECOMMENDED_MIN_HEADER_SPACE is room enough for a response head.
	LWS_RECOMMENDED_MIN_HEADER_SPACE = lws.RecommendedMinHeaderSpace
	// LWSAHH_CODE_MASK is the bits of lws_add_http_header_status's code
	// that are the status.
	LWSAHH_CODE_MASK = lws.AddHTTPHeaderCodeMask
	// LWSAHH_FLAG_NO_SERVER_NAME, OR-ed onto the code, leaves the server
	// header out.
	LWSAHH_FLAG_NO_SERVER_NAME = lws.AddHTTPHeaderNoServerName
)

// LWS_WRITE_HTTP_HEADERS_CONTINUATION writes more of a response head.
const LWS_WRITE_HTTP_HEADERS_CONTINUATION = lws.WriteHTTPHeadersContinuation

// LWS_SERVER_OPTION_STS adds Strict-Transport-Security to every response.
const LWS_SERVER_OPTION_STS = lws.ServerOptionSTS
