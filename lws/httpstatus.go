package lws

// HTTP status codes (enum http_status), with their C values.
const (
	HTTPStatusContinue = 100 // HTTP_STATUS_CONTINUE

	HTTPStatusOK                     = 200 // HTTP_STATUS_OK
	HTTPStatusNoContent              = 204 // HTTP_STATUS_NO_CONTENT
	HTTPStatusPartialContent         = 206 // HTTP_STATUS_PARTIAL_CONTENT
	HTTPStatusMovedPermanently       = 301 // HTTP_STATUS_MOVED_PERMANENTLY
	HTTPStatusFound                  = 302 // HTTP_STATUS_FOUND
	HTTPStatusSeeOther               = 303 // HTTP_STATUS_SEE_OTHER
	HTTPStatusNotModified            = 304 // HTTP_STATUS_NOT_MODIFIED
	HTTPStatusBadRequest             = 400 // HTTP_STATUS_BAD_REQUEST
	HTTPStatusUnauthorized           = 401 // HTTP_STATUS_UNAUTHORIZED
	HTTPStatusPaymentRequired        = 402 // HTTP_STATUS_PAYMENT_REQUIRED
	HTTPStatusForbidden              = 403 // HTTP_STATUS_FORBIDDEN
	HTTPStatusNotFound               = 404 // HTTP_STATUS_NOT_FOUND
	HTTPStatusMethodNotAllowed       = 405 // HTTP_STATUS_METHOD_NOT_ALLOWED
	HTTPStatusNotAcceptable          = 406 // HTTP_STATUS_NOT_ACCEPTABLE
	HTTPStatusProxyAuthRequired      = 407 // HTTP_STATUS_PROXY_AUTH_REQUIRED
	HTTPStatusRequestTimeout         = 408 // HTTP_STATUS_REQUEST_TIMEOUT
	HTTPStatusConflict               = 409 // HTTP_STATUS_CONFLICT
	HTTPStatusGone                   = 410 // HTTP_STATUS_GONE
	HTTPStatusLengthRequired         = 411 // HTTP_STATUS_LENGTH_REQUIRED
	HTTPStatusPreconditionFailed     = 412 // HTTP_STATUS_PRECONDITION_FAILED
	HTTPStatusReqEntityTooLarge      = 413 // HTTP_STATUS_REQ_ENTITY_TOO_LARGE
	HTTPStatusReqURITooLong          = 414 // HTTP_STATUS_REQ_URI_TOO_LONG
	HTTPStatusUnsupportedMediaType   = 415 // HTTP_STATUS_UNSUPPORTED_MEDIA_TYPE
	HTTPStatusReqRangeNotSatisfiable = 416 // HTTP_STATUS_REQ_RANGE_NOT_SATISFIABLE
	HTTPStatusExpectationFailed      = 417 // HTTP_STATUS_EXPECTATION_FAILED

	HTTPStatusInternalServerError     = 500 // HTTP_STATUS_INTERNAL_SERVER_ERROR
	HTTPStatusNotImplemented          = 501 // HTTP_STATUS_NOT_IMPLEMENTED
	HTTPStatusBadGateway              = 502 // HTTP_STATUS_BAD_GATEWAY
	HTTPStatusServiceUnavailable      = 503 // HTTP_STATUS_SERVICE_UNAVAILABLE
	HTTPStatusGatewayTimeout          = 504 // HTTP_STATUS_GATEWAY_TIMEOUT
	HTTPStatusHTTPVersionNotSupported = 505 // HTTP_STATUS_HTTP_VERSION_NOT_SUPPORTED
)
