package protocols

import (
	. "github.com/golws/golws/include-like"
)

// postDemoEscapedLen is C's escaped[256]: a value is shown up to the
// first 250 bytes (an escape begun there may take it to 255).
const postDemoEscapedLen = 256

// formatResult writes the page into pss.result after LWS_PRE, cut to fit
// as lws_snprintf cuts, and returns its length.
func (pss *pssPostDemo) formatResult() int {
	start := Lws_ptr_to(pss.result[:], LWS_PRE)
	p := start
	end := Lws_ptr_to(pss.result[:], len(pss.result)-1)

	if pss.spa == nil {
		p = p.Add(Lws_snprintf(p, Lws_ptr_diff_size_t(end, p), "pss->spa already NULL"))
		return Lws_ptr_diff(p, start)
	}

	p = p.Add(Lws_snprintf(p, Lws_ptr_diff_size_t(end, p),
		"<!DOCTYPE html><html lang=\"en\"><head>"+
			"<meta charset=utf-8 http-equiv=\"Content-Language\" "+
			"content=\"en\"/>"+
			"<title>LWS Server Status</title>"+
			"</head><body><h1>Form results (after urldecoding)</h1>"+
			"<table><tr><td>Name</td><td>Length</td><td>Value</td></tr>"))

	for n := range countParams {
		if Lws_spa_get_string(pss.spa, n) == "" { // C's NULL
			p = p.Add(Lws_snprintf(p, Lws_ptr_diff_size_t(end, p),
				"<tr><td><b>%s</b></td><td>0"+
					"</td><td>NULL</td></tr>",
				paramNames[n]))
		} else {
			var escaped [postDemoEscapedLen]byte
			p = p.Add(Lws_snprintf(p, Lws_ptr_diff_size_t(end, p),
				"<tr><td><b>%s</b></td><td>%d"+
					"</td><td>%s</td></tr>",
				paramNames[n],
				Lws_spa_get_length(pss.spa, n),
				htmlEscape(Lws_spa_get_string(pss.spa, n), escaped[:])))
		}
	}

	p = p.Add(Lws_snprintf(p, Lws_ptr_diff_size_t(end, p),
		"</table><br><b>filename:</b> %s, "+
			"<b>length</b> %ld",
		pss.filename, pss.fileLength))

	p = p.Add(Lws_snprintf(p, Lws_ptr_diff_size_t(end, p), "</body></html>"))

	return Lws_ptr_diff(p, start)
}

// htmlEscape escapes in's <, >, & and " into out, as far as out holds
// with room for one more escape, and returns the escaped text. Like C's,
// it stops at a NUL (a value's "%00"), and a value longer than out allows
// is cut.
func htmlEscape(in string, out []byte) string {
	p := 0
	for i := 0; i < len(in) && in[i] != 0 && p+6 < len(out); i++ {
		switch in[i] {
		case '<':
			p += copy(out[p:], "&lt;")
		case '>':
			p += copy(out[p:], "&gt;")
		case '&':
			p += copy(out[p:], "&amp;")
		case '"':
			p += copy(out[p:], "&quot;")
		default:
			out[p] = in[i]
			p++
		}
	}
	return string(out[:p])
}
