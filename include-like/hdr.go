package lwsc

import "github.com/golws/golws/lws"

// Reading the request (lws_hdr_*). A C char buffer is a []byte here and
// its size the length argument, as in C; nothing is written past the
// slice, whatever the length says.

// Lws_hdr_total_length is Wsi.HdrTotalLength.
func Lws_hdr_total_length(wsi *Lws, h Lws_token_indexes) int { return wsi.HdrTotalLength(h) }

// Lws_hdr_extant is Wsi.HdrExtant, as C's int.
func Lws_hdr_extant(wsi *Lws, h Lws_token_indexes) int { return b2i(wsi.HdrExtant(h)) }

// Lws_hdr_fragment_length is Wsi.HdrFragmentLength.
func Lws_hdr_fragment_length(wsi *Lws, h Lws_token_indexes, frag_idx int) int {
	return wsi.HdrFragmentLength(h, frag_idx)
}

// Lws_hdr_copy is Wsi.HdrCopy.
func Lws_hdr_copy(wsi *Lws, dest []byte, length int, h Lws_token_indexes) int {
	return wsi.HdrCopy(dest, length, h)
}

// Lws_hdr_copy_fragment is Wsi.HdrCopyFragment.
func Lws_hdr_copy_fragment(wsi *Lws, dest []byte, length int, h Lws_token_indexes, frag_idx int) int {
	return wsi.HdrCopyFragment(dest, length, h, frag_idx)
}

// Lws_hdr_custom_length is Wsi.HdrCustomLength for the first nlen bytes of
// name, given with its colon as in C: "dnt:", 4.
func Lws_hdr_custom_length(wsi *Lws, name string, nlen int) int {
	return wsi.HdrCustomLength(name[:min(max(nlen, 0), len(name))])
}

// Lws_hdr_custom_copy is Wsi.HdrCustomCopy for the first nlen bytes of
// name.
func Lws_hdr_custom_copy(wsi *Lws, dst []byte, length int, name string, nlen int) int {
	return wsi.HdrCustomCopy(dst, length, name[:min(max(nlen, 0), len(name))])
}

// Lws_hdr_custom_fe_cb_t is lws_hdr_custom_fe_cb_t: it gets each custom
// header's name, its length and the opaque pointer given to
// Lws_hdr_custom_name_foreach.
type Lws_hdr_custom_fe_cb_t = func(name string, nlen int, opaque any)

// Lws_hdr_custom_name_foreach is Wsi.HdrCustomNameForeach.
func Lws_hdr_custom_name_foreach(wsi *Lws, cb Lws_hdr_custom_fe_cb_t, opaque any) int {
	return wsi.HdrCustomNameForeach(func(name string) { cb(name, len(name), opaque) })
}

// Lws_http_get_uri_and_method is Wsi.HTTPGetURIAndMethod: it returns the
// method's index and, as C, leaves the URI and its length at *puri_ptr and
// *puri_len; on -1 they are left alone.
func Lws_http_get_uri_and_method(wsi *Lws, puri_ptr *string, puri_len *int) int {
	m, uri := wsi.HTTPGetURIAndMethod()
	if m >= 0 {
		*puri_ptr, *puri_len = uri, len(uri)
	}
	return m
}

// Lws_urldecode is lws.URLDecode.
func Lws_urldecode(str []byte, escaped string, length int) int {
	return lws.URLDecode(str, escaped, length)
}
