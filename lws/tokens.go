package lws

// TokenIndex is enum lws_token_indexes: a header, or a part of the request
// line, by number. lws_hdr_copy and its kin read a request's by index;
// AddHTTPHeaderByToken writes a response header by index.
//
// The values depend on how lws was built. These are lws main's default
// build (its cmake defaults: roles ws and h2, LWS_WITH_HTTP_UNCOMMON_HEADERS
// and LWS_WITH_CUSTOM_HEADERS on, h3 off), read off such a build; C code
// written against that build ports with its numbers unchanged.
type TokenIndex int

// Token indexes with their C names and values.
const (
	TokenGetURI                       TokenIndex = 0  // WSI_TOKEN_GET_URI
	TokenPostURI                      TokenIndex = 1  // WSI_TOKEN_POST_URI
	TokenOptionsURI                   TokenIndex = 2  // WSI_TOKEN_OPTIONS_URI
	TokenHost                         TokenIndex = 3  // WSI_TOKEN_HOST
	TokenConnection                   TokenIndex = 4  // WSI_TOKEN_CONNECTION
	TokenUpgrade                      TokenIndex = 5  // WSI_TOKEN_UPGRADE
	TokenOrigin                       TokenIndex = 6  // WSI_TOKEN_ORIGIN
	TokenDraft                        TokenIndex = 7  // WSI_TOKEN_DRAFT
	TokenChallenge                    TokenIndex = 8  // WSI_TOKEN_CHALLENGE
	TokenExtensions                   TokenIndex = 9  // WSI_TOKEN_EXTENSIONS
	TokenKey1                         TokenIndex = 10 // WSI_TOKEN_KEY1
	TokenKey2                         TokenIndex = 11 // WSI_TOKEN_KEY2
	TokenProtocol                     TokenIndex = 12 // WSI_TOKEN_PROTOCOL
	TokenAccept                       TokenIndex = 13 // WSI_TOKEN_ACCEPT
	TokenNonce                        TokenIndex = 14 // WSI_TOKEN_NONCE
	TokenHTTP                         TokenIndex = 15 // WSI_TOKEN_HTTP
	TokenHTTP2Settings                TokenIndex = 16 // WSI_TOKEN_HTTP2_SETTINGS
	TokenHTTPAccept                   TokenIndex = 17 // WSI_TOKEN_HTTP_ACCEPT
	TokenHTTPACRequestHeaders         TokenIndex = 18 // WSI_TOKEN_HTTP_AC_REQUEST_HEADERS
	TokenHTTPIfModifiedSince          TokenIndex = 19 // WSI_TOKEN_HTTP_IF_MODIFIED_SINCE
	TokenHTTPIfNoneMatch              TokenIndex = 20 // WSI_TOKEN_HTTP_IF_NONE_MATCH
	TokenHTTPAcceptEncoding           TokenIndex = 21 // WSI_TOKEN_HTTP_ACCEPT_ENCODING
	TokenHTTPAcceptLanguage           TokenIndex = 22 // WSI_TOKEN_HTTP_ACCEPT_LANGUAGE
	TokenHTTPPragma                   TokenIndex = 23 // WSI_TOKEN_HTTP_PRAGMA
	TokenHTTPCacheControl             TokenIndex = 24 // WSI_TOKEN_HTTP_CACHE_CONTROL
	TokenHTTPAuthorization            TokenIndex = 25 // WSI_TOKEN_HTTP_AUTHORIZATION
	TokenHTTPCookie                   TokenIndex = 26 // WSI_TOKEN_HTTP_COOKIE
	TokenHTTPContentLength            TokenIndex = 27 // WSI_TOKEN_HTTP_CONTENT_LENGTH
	TokenHTTPContentType              TokenIndex = 28 // WSI_TOKEN_HTTP_CONTENT_TYPE
	TokenHTTPDate                     TokenIndex = 29 // WSI_TOKEN_HTTP_DATE
	TokenHTTPRange                    TokenIndex = 30 // WSI_TOKEN_HTTP_RANGE
	TokenHTTPReferer                  TokenIndex = 31 // WSI_TOKEN_HTTP_REFERER
	TokenKey                          TokenIndex = 32 // WSI_TOKEN_KEY
	TokenVersion                      TokenIndex = 33 // WSI_TOKEN_VERSION
	TokenSworigin                     TokenIndex = 34 // WSI_TOKEN_SWORIGIN
	TokenHTTPColonAuthority           TokenIndex = 35 // WSI_TOKEN_HTTP_COLON_AUTHORITY
	TokenHTTPColonMethod              TokenIndex = 36 // WSI_TOKEN_HTTP_COLON_METHOD
	TokenHTTPColonPath                TokenIndex = 37 // WSI_TOKEN_HTTP_COLON_PATH
	TokenHTTPColonScheme              TokenIndex = 38 // WSI_TOKEN_HTTP_COLON_SCHEME
	TokenHTTPColonStatus              TokenIndex = 39 // WSI_TOKEN_HTTP_COLON_STATUS
	TokenHTTPAcceptCharset            TokenIndex = 40 // WSI_TOKEN_HTTP_ACCEPT_CHARSET
	TokenHTTPAcceptRanges             TokenIndex = 41 // WSI_TOKEN_HTTP_ACCEPT_RANGES
	TokenHTTPAccessControlAllowOrigin TokenIndex = 42 // WSI_TOKEN_HTTP_ACCESS_CONTROL_ALLOW_ORIGIN
	TokenHTTPAge                      TokenIndex = 43 // WSI_TOKEN_HTTP_AGE
	TokenHTTPAllow                    TokenIndex = 44 // WSI_TOKEN_HTTP_ALLOW
	TokenHTTPContentDisposition       TokenIndex = 45 // WSI_TOKEN_HTTP_CONTENT_DISPOSITION
	TokenHTTPContentEncoding          TokenIndex = 46 // WSI_TOKEN_HTTP_CONTENT_ENCODING
	TokenHTTPContentLanguage          TokenIndex = 47 // WSI_TOKEN_HTTP_CONTENT_LANGUAGE
	TokenHTTPContentLocation          TokenIndex = 48 // WSI_TOKEN_HTTP_CONTENT_LOCATION
	TokenHTTPContentRange             TokenIndex = 49 // WSI_TOKEN_HTTP_CONTENT_RANGE
	TokenHTTPEtag                     TokenIndex = 50 // WSI_TOKEN_HTTP_ETAG
	TokenHTTPExpect                   TokenIndex = 51 // WSI_TOKEN_HTTP_EXPECT
	TokenHTTPExpires                  TokenIndex = 52 // WSI_TOKEN_HTTP_EXPIRES
	TokenHTTPFrom                     TokenIndex = 53 // WSI_TOKEN_HTTP_FROM
	TokenHTTPIfMatch                  TokenIndex = 54 // WSI_TOKEN_HTTP_IF_MATCH
	TokenHTTPIfRange                  TokenIndex = 55 // WSI_TOKEN_HTTP_IF_RANGE
	TokenHTTPIfUnmodifiedSince        TokenIndex = 56 // WSI_TOKEN_HTTP_IF_UNMODIFIED_SINCE
	TokenHTTPLastModified             TokenIndex = 57 // WSI_TOKEN_HTTP_LAST_MODIFIED
	TokenHTTPLink                     TokenIndex = 58 // WSI_TOKEN_HTTP_LINK
	TokenHTTPLocation                 TokenIndex = 59 // WSI_TOKEN_HTTP_LOCATION
	TokenHTTPMaxForwards              TokenIndex = 60 // WSI_TOKEN_HTTP_MAX_FORWARDS
	TokenHTTPProxyAuthenticate        TokenIndex = 61 // WSI_TOKEN_HTTP_PROXY_AUTHENTICATE
	TokenHTTPProxyAuthorization       TokenIndex = 62 // WSI_TOKEN_HTTP_PROXY_AUTHORIZATION
	TokenHTTPRefresh                  TokenIndex = 63 // WSI_TOKEN_HTTP_REFRESH
	TokenHTTPRetryAfter               TokenIndex = 64 // WSI_TOKEN_HTTP_RETRY_AFTER
	TokenHTTPServer                   TokenIndex = 65 // WSI_TOKEN_HTTP_SERVER
	TokenHTTPSetCookie                TokenIndex = 66 // WSI_TOKEN_HTTP_SET_COOKIE
	TokenHTTPStrictTransportSecurity  TokenIndex = 67 // WSI_TOKEN_HTTP_STRICT_TRANSPORT_SECURITY
	TokenHTTPTransferEncoding         TokenIndex = 68 // WSI_TOKEN_HTTP_TRANSFER_ENCODING
	TokenHTTPUserAgent                TokenIndex = 69 // WSI_TOKEN_HTTP_USER_AGENT
	TokenHTTPVary                     TokenIndex = 70 // WSI_TOKEN_HTTP_VARY
	TokenHTTPVia                      TokenIndex = 71 // WSI_TOKEN_HTTP_VIA
	TokenHTTPWwwAuthenticate          TokenIndex = 72 // WSI_TOKEN_HTTP_WWW_AUTHENTICATE
	TokenPatchURI                     TokenIndex = 73 // WSI_TOKEN_PATCH_URI
	TokenPutURI                       TokenIndex = 74 // WSI_TOKEN_PUT_URI
	TokenDeleteURI                    TokenIndex = 75 // WSI_TOKEN_DELETE_URI
	TokenHTTPURIArgs                  TokenIndex = 76 // WSI_TOKEN_HTTP_URI_ARGS
	TokenProxy                        TokenIndex = 77 // WSI_TOKEN_PROXY
	TokenHTTPXRealIP                  TokenIndex = 78 // WSI_TOKEN_HTTP_X_REAL_IP
	TokenHTTP10                       TokenIndex = 79 // WSI_TOKEN_HTTP1_0
	TokenXForwardedFor                TokenIndex = 80 // WSI_TOKEN_X_FORWARDED_FOR
	TokenConnect                      TokenIndex = 81 // WSI_TOKEN_CONNECT
	TokenHeadURI                      TokenIndex = 82 // WSI_TOKEN_HEAD_URI
	TokenTE                           TokenIndex = 83 // WSI_TOKEN_TE
	TokenReplayNonce                  TokenIndex = 84 // WSI_TOKEN_REPLAY_NONCE
	TokenColonProtocol                TokenIndex = 85 // WSI_TOKEN_COLON_PROTOCOL
	TokenXAuthToken                   TokenIndex = 86 // WSI_TOKEN_X_AUTH_TOKEN
	TokenDSSSignature                 TokenIndex = 87 // WSI_TOKEN_DSS_SIGNATURE

	// TokenCount is WSI_TOKEN_COUNT: one past the last token.
	TokenCount TokenIndex = 97
)

// tokenNames is lws_token_to_string's table: the name as it appears on
// the wire, with the colon for a header and the trailing space for a
// method.
var tokenNames = map[TokenIndex]string{
	TokenGetURI:                       "get ",
	TokenPostURI:                      "post ",
	TokenOptionsURI:                   "options ",
	TokenHost:                         "host:",
	TokenConnection:                   "connection:",
	TokenUpgrade:                      "upgrade:",
	TokenOrigin:                       "origin:",
	TokenDraft:                        "sec-websocket-draft:",
	TokenChallenge:                    "\r\n",
	TokenExtensions:                   "sec-websocket-extensions:",
	TokenKey1:                         "sec-websocket-key1:",
	TokenKey2:                         "sec-websocket-key2:",
	TokenProtocol:                     "sec-websocket-protocol:",
	TokenAccept:                       "sec-websocket-accept:",
	TokenNonce:                        "sec-websocket-nonce:",
	TokenHTTP:                         "http/1.1 ",
	TokenHTTP2Settings:                "http2-settings:",
	TokenHTTPAccept:                   "accept:",
	TokenHTTPACRequestHeaders:         "access-control-request-headers:",
	TokenHTTPIfModifiedSince:          "if-modified-since:",
	TokenHTTPIfNoneMatch:              "if-none-match:",
	TokenHTTPAcceptEncoding:           "accept-encoding:",
	TokenHTTPAcceptLanguage:           "accept-language:",
	TokenHTTPPragma:                   "pragma:",
	TokenHTTPCacheControl:             "cache-control:",
	TokenHTTPAuthorization:            "authorization:",
	TokenHTTPCookie:                   "cookie:",
	TokenHTTPContentLength:            "content-length:",
	TokenHTTPContentType:              "content-type:",
	TokenHTTPDate:                     "date:",
	TokenHTTPRange:                    "range:",
	TokenHTTPReferer:                  "referer:",
	TokenKey:                          "sec-websocket-key:",
	TokenVersion:                      "sec-websocket-version:",
	TokenSworigin:                     "sec-websocket-origin:",
	TokenHTTPColonAuthority:           ":authority",
	TokenHTTPColonMethod:              ":method",
	TokenHTTPColonPath:                ":path",
	TokenHTTPColonScheme:              ":scheme",
	TokenHTTPColonStatus:              ":status",
	TokenHTTPAcceptCharset:            "accept-charset:",
	TokenHTTPAcceptRanges:             "accept-ranges:",
	TokenHTTPAccessControlAllowOrigin: "access-control-allow-origin:",
	TokenHTTPAge:                      "age:",
	TokenHTTPAllow:                    "allow:",
	TokenHTTPContentDisposition:       "content-disposition:",
	TokenHTTPContentEncoding:          "content-encoding:",
	TokenHTTPContentLanguage:          "content-language:",
	TokenHTTPContentLocation:          "content-location:",
	TokenHTTPContentRange:             "content-range:",
	TokenHTTPEtag:                     "etag:",
	TokenHTTPExpect:                   "expect:",
	TokenHTTPExpires:                  "expires:",
	TokenHTTPFrom:                     "from:",
	TokenHTTPIfMatch:                  "if-match:",
	TokenHTTPIfRange:                  "if-range:",
	TokenHTTPIfUnmodifiedSince:        "if-unmodified-since:",
	TokenHTTPLastModified:             "last-modified:",
	TokenHTTPLink:                     "link:",
	TokenHTTPLocation:                 "location:",
	TokenHTTPMaxForwards:              "max-forwards:",
	TokenHTTPProxyAuthenticate:        "proxy-authenticate:",
	TokenHTTPProxyAuthorization:       "proxy-authorization:",
	TokenHTTPRefresh:                  "refresh:",
	TokenHTTPRetryAfter:               "retry-after:",
	TokenHTTPServer:                   "server:",
	TokenHTTPSetCookie:                "set-cookie:",
	TokenHTTPStrictTransportSecurity:  "strict-transport-security:",
	TokenHTTPTransferEncoding:         "transfer-encoding:",
	TokenHTTPUserAgent:                "user-agent:",
	TokenHTTPVary:                     "vary:",
	TokenHTTPVia:                      "via:",
	TokenHTTPWwwAuthenticate:          "www-authenticate:",
	TokenPatchURI:                     "patch",
	TokenPutURI:                       "put",
	TokenDeleteURI:                    "delete",
	TokenHTTPURIArgs:                  "uri-args",
	TokenProxy:                        "proxy ",
	TokenHTTPXRealIP:                  "x-real-ip:",
	TokenHTTP10:                       "http/1.0 ",
	TokenXForwardedFor:                "x-forwarded-for:",
	TokenConnect:                      "connect ",
	TokenHeadURI:                      "head ",
	TokenTE:                           "te:",
	TokenReplayNonce:                  "replay-nonce:",
	TokenColonProtocol:                ":protocol",
	TokenXAuthToken:                   "x-auth-token:",
	TokenDSSSignature:                 "x-amzn-dss-signature:",
}

// TokenToString returns the name lws gives token on the wire: "host:" for a
// header, "get " for a method, "" for an unknown token
// (lws_token_to_string, which returns NULL there).
func TokenToString(token TokenIndex) string { return tokenNames[token] }
