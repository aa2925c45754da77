package lwsc

import "github.com/golws/golws/lws"

// Lws_create_context builds a context, or returns nil after logging why at
// ERR (lws_create_context).
func Lws_create_context(info *Lws_context_creation_info) *Lws_context {
	c, err := lws.CreateContext(info)
	if err != nil {
		lws.Err("lws_create_context: %s", err)
		return nil
	}
	return c
}

// Lws_context_destroy is Context.Destroy; a nil context is ignored, as in C.
func Lws_context_destroy(c *Lws_context) {
	if c != nil {
		c.Destroy()
	}
}

// Lws_service is Context.Service.
func Lws_service(c *Lws_context, timeoutMs int) int { return c.Service(timeoutMs) }

// Lws_cancel_service is Context.CancelService.
func Lws_cancel_service(c *Lws_context) { c.CancelService() }

// Lws_write sends the first n bytes of buf (lws_write): pass buf[LWS_PRE:]
// as in C, or a cursor, as C passes start:
//
//	Lws_write(wsi, start, Lws_ptr_diff_size_t(p, start), LWS_WRITE_HTTP)
func Lws_write[B []byte | Lws_ptr](wsi *Lws, buf B, n int, proto Lws_write_protocol) int {
	b := bytesOf(buf)
	if n > len(b) || n < 0 {
		lws.Err("lws_write: length %d outside a buffer of %d", n, len(b))
		return -1
	}
	return wsi.Write(b[:n], proto)
}

// Lws_write_ws_flags composes the protocol for one fragment of a message
// (lws_write_ws_flags): the first fragment carries initial, later ones
// CONTINUATION, and all but the last NO_FIN.
func Lws_write_ws_flags(initial Lws_write_protocol, isStart, isEnd bool) Lws_write_protocol {
	r := LWS_WRITE_CONTINUATION
	if isStart {
		r = initial
	}
	if !isEnd {
		r |= LWS_WRITE_NO_FIN
	}
	return r
}

// Lws_callback_on_writable is Wsi.CallbackOnWritable.
func Lws_callback_on_writable(wsi *Lws) int { return wsi.CallbackOnWritable() }

// Lws_callback_on_writable_all_protocol is Context.CallbackOnWritableAllProtocol.
func Lws_callback_on_writable_all_protocol(c *Lws_context, p *Lws_protocols) int {
	c.CallbackOnWritableAllProtocol(p)
	return 0
}

// Lws_callback_all_protocol is Context.CallbackAllProtocol.
func Lws_callback_all_protocol(c *Lws_context, p *Lws_protocols, reason Lws_callback_reasons) int {
	c.CallbackAllProtocol(p, reason)
	return 0
}

// Lws_callback_vhost_protocols is Wsi.CallbackVhostProtocols.
func Lws_callback_vhost_protocols(wsi *Lws, reason Lws_callback_reasons, in any, n int) int {
	wsi.CallbackVhostProtocols(reason, in, n)
	return 0
}

// Lws_close_reason is Wsi.CloseReason.
func Lws_close_reason(wsi *Lws, status Lws_close_status, buf []byte, n int) {
	wsi.CloseReason(status, buf[:min(n, len(buf))])
}

// Lws_rx_flow_control is Wsi.RxFlowControl.
func Lws_rx_flow_control(wsi *Lws, enable int) int { return wsi.RxFlowControl(enable) }

// Lws_rx_flow_allow_all_protocol is Context.RxFlowAllowAllProtocol.
func Lws_rx_flow_allow_all_protocol(c *Lws_context, p *Lws_protocols) { c.RxFlowAllowAllProtocol(p) }

// Lws_is_first_fragment is Wsi.IsFirstFragment, as C's int.
func Lws_is_first_fragment(wsi *Lws) int { return b2i(wsi.IsFirstFragment()) }

// Lws_is_final_fragment is Wsi.IsFinalFragment, as C's int.
func Lws_is_final_fragment(wsi *Lws) int { return b2i(wsi.IsFinalFragment()) }

// Lws_frame_is_binary is Wsi.FrameIsBinary, as C's int.
func Lws_frame_is_binary(wsi *Lws) int { return b2i(wsi.FrameIsBinary()) }

// Lws_remaining_packet_payload is Wsi.RemainingPacketPayload.
func Lws_remaining_packet_payload(wsi *Lws) int { return wsi.RemainingPacketPayload() }

// Lws_set_timeout is Wsi.SetTimeout.
func Lws_set_timeout(wsi *Lws, reason Pending_timeout, secs int) { wsi.SetTimeout(reason, secs) }

// Lws_set_timer_usecs is Wsi.SetTimerUsecs.
func Lws_set_timer_usecs(wsi *Lws, usecs int64) { wsi.SetTimerUsecs(usecs) }

// Lws_sul_schedule is Context.SulSchedule; tsi is accepted and ignored
// (golws has one service thread per context).
func Lws_sul_schedule(c *Lws_context, tsi int, sul *Lws_sorted_usec_list_t, cb func(*Lws_sorted_usec_list_t), us int64) {
	c.SulSchedule(sul, us, cb)
}

// Lws_sul_cancel is Context.SulCancel (C finds the context itself).
func Lws_sul_cancel(c *Lws_context, sul *Lws_sorted_usec_list_t) { c.SulCancel(sul) }

// Lws_get_peer_simple writes the peer's address into name like C and
// returns it.
func Lws_get_peer_simple(wsi *Lws, name []byte) string {
	s := wsi.PeerSimple()
	if len(name) > 0 {
		n := copy(name[:len(name)-1], s)
		name[n] = 0
	}
	return s
}

// Lws_get_context is Wsi.Context.
func Lws_get_context(wsi *Lws) *Lws_context { return wsi.Context() }

// Lws_get_vhost is Wsi.Vhost.
func Lws_get_vhost(wsi *Lws) *Lws_vhost { return wsi.Vhost() }

// Lws_get_protocol is Wsi.Protocol.
func Lws_get_protocol(wsi *Lws) *Lws_protocols { return wsi.Protocol() }

// Lws_get_vhost_name is Vhost.Name.
func Lws_get_vhost_name(vh *Lws_vhost) string { return vh.Name() }

// Lws_get_vhost_listen_port is Vhost.Port.
func Lws_get_vhost_listen_port(vh *Lws_vhost) int { return vh.Port() }

// Lws_wsi_user is Wsi.User.
func Lws_wsi_user(wsi *Lws) any { return wsi.User() }

// Lws_context_user is Context.User.
func Lws_context_user(c *Lws_context) any { return c.User() }

// Lws_vhost_name_to_protocol is Vhost.NameToProtocol.
func Lws_vhost_name_to_protocol(vh *Lws_vhost, name string) *Lws_protocols {
	return vh.NameToProtocol(name)
}

// Lws_pvo_search is lws.PvoSearch.
func Lws_pvo_search(pvo *Lws_protocol_vhost_options, name string) *Lws_protocol_vhost_options {
	return lws.PvoSearch(pvo, name)
}

// Lws_protocol_vh_priv_zalloc is lws.ProtocolVhPrivZalloc: C passes a
// size, Go the type.
func Lws_protocol_vh_priv_zalloc[T any](vh *Lws_vhost, p *Lws_protocols) *T {
	return lws.ProtocolVhPrivZalloc[T](vh, p)
}

// Lws_protocol_vh_priv_get is lws.ProtocolVhPrivGet.
func Lws_protocol_vh_priv_get[T any](vh *Lws_vhost, p *Lws_protocols) *T {
	return lws.ProtocolVhPrivGet[T](vh, p)
}

// Lws_set_log_level is lws.SetLogLevel.
func Lws_set_log_level(level int, emit func(level int, line string)) { lws.SetLogLevel(level, emit) }

// Lws_callback_http_dummy is lws.CallbackHTTPDummy.
func Lws_callback_http_dummy(wsi *Lws, reason Lws_callback_reasons, user, in any, n int) int {
	return lws.CallbackHTTPDummy(wsi, reason, user, in, n)
}

// Lwsl_err is lwsl_err: lws.Err.
func Lwsl_err(format string, a ...any) { lws.Err(format, a...) }

// Lwsl_warn is lwsl_warn: lws.Warn.
func Lwsl_warn(format string, a ...any) { lws.Warn(format, a...) }

// Lwsl_notice is lwsl_notice: lws.Notice.
func Lwsl_notice(format string, a ...any) { lws.Notice(format, a...) }

// Lwsl_info is lwsl_info: lws.Info.
func Lwsl_info(format string, a ...any) { lws.Info(format, a...) }

// Lwsl_debug is lwsl_debug: lws.Debug.
func Lwsl_debug(format string, a ...any) { lws.Debug(format, a...) }

// Lwsl_parser is lwsl_parser: lws.Parser.
func Lwsl_parser(format string, a ...any) { lws.Parser(format, a...) }

// Lwsl_header is lwsl_header: lws.Header.
func Lwsl_header(format string, a ...any) { lws.Header(format, a...) }

// Lwsl_ext is lwsl_ext: lws.Ext.
func Lwsl_ext(format string, a ...any) { lws.Ext(format, a...) }

// Lwsl_client is lwsl_client: lws.Client.
func Lwsl_client(format string, a ...any) { lws.Client(format, a...) }

// Lwsl_latency is lwsl_latency: lws.Latency.
func Lwsl_latency(format string, a ...any) { lws.Latency(format, a...) }

// Lwsl_user is lwsl_user: lws.User.
func Lwsl_user(format string, a ...any) { lws.User(format, a...) }

// Lwsl_thread is lwsl_thread: lws.Thread.
func Lwsl_thread(format string, a ...any) { lws.Thread(format, a...) }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Lws_get_vhost_by_name is Context.GetVhostByName.
func Lws_get_vhost_by_name(c *Lws_context, name string) *Lws_vhost { return c.GetVhostByName(name) }

// Lws_snprintf is lws.SnprintfTo: it formats into str, a slice or a
// cursor, at most size-1 bytes and a NUL, and returns the bytes written,
// or size if the text was cut (lws_snprintf). C printf verbs work. C's
// p += lws_snprintf((char *)p, lws_ptr_diff_size_t(end, p), ...) reads
//
//	p = p.Add(Lws_snprintf(p, Lws_ptr_diff_size_t(end, p), ...))
func Lws_snprintf[B []byte | Lws_ptr](str B, size int, format string, a ...any) int {
	return lws.SnprintfTo(bytesOf(str), size, format, a...)
}

// Lws_client_connect_via_info is lws.ClientConnect.
func Lws_client_connect_via_info(i *Lws_client_connect_info) *Lws { return lws.ClientConnect(i) }

// Lws_get_urlarg_by_name_safe is Wsi.URLArgByName: the value of query
// argument name ("name=" or "name") into buf with a NUL after it, and its
// length; -1 if absent, -2 if it does not fit in n bytes.
func Lws_get_urlarg_by_name_safe(wsi *Lws, name string, buf []byte, n int) int {
	return wsi.URLArgByName(name, buf, n)
}

// Lws_get_urlarg_by_name returns the value of query argument name, or ""
// where C returns NULL (absent, or too long for n bytes with its NUL).
func Lws_get_urlarg_by_name(wsi *Lws, name string, buf []byte, n int) string {
	if l := Lws_get_urlarg_by_name_safe(wsi, name, buf, n); l >= 0 {
		return string(buf[:l])
	}
	return ""
}

// Lws_get_library_version names the library, as lws_get_library_version
// does for lws.
func Lws_get_library_version() string { return lws.LibraryVersion }
