package lwsc_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing/fstest"
	"time"

	. "github.com/golws/golws/include-like"
)

// pssDynamic is minimal-http-server-dynamic's struct pss: it lives for one
// HTTP transaction.
type pssDynamic struct {
	path    [128]byte
	pathLen int // C reads path up to its NUL

	times  int
	budget int

	contentLines int
}

// callbackDynamicHTTP is callback_dynamic_http from lws's
// minimal-http-server-dynamic, its LWS_CALLBACK_HTTP and
// LWS_CALLBACK_HTTP_WRITEABLE cases line for line.
func callbackDynamicHTTP(wsi *Lws, reason Lws_callback_reasons, user, in any, length int) int {
	pss, _ := user.(*pssDynamic)
	var buf [LWS_PRE + 2048]byte
	start := Lws_ptr_to(buf[:], LWS_PRE)
	p, end := start, Lws_ptr_to(buf[:], len(buf)-1)

	switch reason {
	case LWS_CALLBACK_HTTP:
		// in is the path after the mountpoint: "/mypath" for
		// "/dyn/mypath" on the /dyn mount
		pss.pathLen = Lws_snprintf(pss.path[:], len(pss.path), "%s", in)

		peer := Lws_get_peer_simple(wsi, buf[:])
		Lwsl_notice("%s: HTTP: connection %s, path %s", "callback_dynamic_http",
			peer, pss.path[:pss.pathLen])

		// a URL argument, by name
		{
			var value [100]byte
			z := Lws_get_urlarg_by_name_safe(wsi, "x", value[:], len(value)-1)

			if z >= 0 {
				Lwsl_notice("x=%s", value[:z])
			}
		}

		// LWS_ILLEGAL_HTTP_CONTENT_LEN: no content length, so the
		// response ends with the connection ("connection: close").
		if Lws_add_http_common_headers(wsi, HTTP_STATUS_OK,
			"text/html",
			LWS_ILLEGAL_HTTP_CONTENT_LEN,
			&p, end) != 0 {
			return 1
		}
		if Lws_finalize_write_http_header(wsi, start, &p, end) != 0 {
			return 1
		}

		pss.times = 0
		pss.budget = atoi(strings.TrimPrefix(in.(string), "/"))
		pss.contentLines = 0
		if pss.budget == 0 {
			pss.budget = 10
		}

		// the body goes out from HTTP_WRITEABLE
		Lws_callback_on_writable(wsi)

		return 0

	case LWS_CALLBACK_HTTP_WRITEABLE:
		if pss == nil || pss.times > pss.budget {
			break
		}

		n := LWS_WRITE_HTTP
		if pss.times == pss.budget {
			n = LWS_WRITE_HTTP_FINAL
		}

		if pss.times == 0 {
			// the first piece: a little HTML
			t := time.Now()
			p = p.Add(Lws_snprintf(p, Lws_ptr_diff_size_t(end, p), "<html>"+
				"<head><meta charset=utf-8 "+
				"http-equiv=\"Content-Language\" "+
				"content=\"en\"/></head><body>"+
				"<img src=\"/libwebsockets.org-logo.svg\">"+
				"<br>Dynamic content for '%s' from mountpoint."+
				"<br>Time: %s<br><br>"+
				"</body></html>", pss.path[:pss.pathLen],
				t.Format(time.ANSIC)+"\n")) // ctime_r
		} else {
			// then lines of filler
			for Lws_ptr_diff(end, p) > 80 {
				p = p.Add(Lws_snprintf(p, Lws_ptr_diff_size_t(end, p),
					"%d.%d: this is some content... ",
					pss.times, pss.contentLines))
				pss.contentLines++
			}

			p = p.Add(Lws_snprintf(p, Lws_ptr_diff_size_t(end, p), "<br><br>"))
		}

		pss.times++
		if Lws_write(wsi, start, Lws_ptr_diff_size_t(p, start), n) !=
			Lws_ptr_diff(p, start) {
			return 1
		}

		// the connection closes or waits for the next request, as
		// the request asked
		if n == LWS_WRITE_HTTP_FINAL {
			if Lws_http_transaction_completed(wsi) != 0 {
				return -1
			}
		} else {
			Lws_callback_on_writable(wsi)
		}

		return 0
	}

	return Lws_callback_http_dummy(wsi, reason, user, in, length)
}

// atoi is C's atoi: the number its leading digits spell, 0 if none.
func atoi(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	n, _ := strconv.Atoi(s[:i])
	return n
}

// dynamicProtocols are C's defprot and protocol: protocol 0 answers what
// no mount takes.
func dynamicProtocols() []Lws_protocols {
	return []Lws_protocols{
		{Name: "defprot", Callback: Lws_callback_http_dummy},
		{Name: "http", Callback: callbackDynamicHTTP, PerSessionData: func() any { return new(pssDynamic) }},
	}
}

// dynamicMounts are C's mount_dyn and mount: /dyn goes to the "http"
// protocol, the rest of the URL space is files.
func dynamicMounts() *Lws_http_mount {
	mountDyn := &Lws_http_mount{
		Mountpoint: "/dyn",
		Protocol:   "http",
		// golws finds a callback mount's protocol by Origin; lws main
		// takes Protocol, and Origin without it.
		Origin:         "http",
		OriginProtocol: LWSMPRO_CALLBACK,
	}
	return &Lws_http_mount{
		MountNext:      mountDyn,
		Mountpoint:     "/",
		FS:             fstest.MapFS{"index.html": {Data: []byte("<p>static</p>")}},
		Def:            "index.html",
		OriginProtocol: LWSMPRO_FILE,
	}
}

// The HTTP response idiom: a buffer with LWS_PRE bytes of headroom, a
// cursor p advanced by each write into it, end one byte before the end.
func ExampleLws_ptr_to() {
	var buf [LWS_PRE + 128]byte
	start := Lws_ptr_to(buf[:], LWS_PRE)
	p, end := start, Lws_ptr_to(buf[:], len(buf)-1)

	for line := 0; Lws_ptr_diff(end, p) > 40; line++ {
		p = p.Add(Lws_snprintf(p, Lws_ptr_diff_size_t(end, p), "%d: some content... ", line))
	}
	p = p.Add(Lws_snprintf(p, Lws_ptr_diff_size_t(end, p), "<br><br>"))

	// Lws_write(wsi, start, Lws_ptr_diff_size_t(p, start), LWS_WRITE_HTTP)
	// would send it.
	fmt.Printf("%d bytes: %s\n", Lws_ptr_diff(p, start), start.Bytes(Lws_ptr_diff(p, start)))
	// Output:
	// 103 bytes: 0: some content... 1: some content... 2: some content... 3: some content... 4: some content... <br><br>
}

// minimal-http-server-dynamic's vhost: callbackDynamicHTTP (above) serves
// /dyn/N with N+1 pieces of content; the rest of the URL space is files.
// With CONTEXT_PORT_NO_LISTEN it opens no socket here; the example's test
// serves it on a loopback port.
func Example_minimalHTTPServerDynamic() {
	context := Lws_create_context(&Lws_context_creation_info{
		Port:      CONTEXT_PORT_NO_LISTEN,
		Protocols: dynamicProtocols(),
		Mounts:    dynamicMounts(),
		Options:   LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE,
	})
	if context == nil {
		Lwsl_err("lws init failed")
		return
	}
	vh := Lws_get_vhost_by_name(context, "default")
	fmt.Println(Lws_vhost_name_to_protocol(vh, "http").Name)
	Lws_context_destroy(context)
	// Output:
	// http
}
