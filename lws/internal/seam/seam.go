// Package seam joins package lws and the packages built into it (the
// threadpool) without lws exporting plumbing for them: lws cannot import
// them, and what they need of lws's insides is no user's business.
//
// An extension follows one context: lws keeps it on the context (Extend)
// and calls it on the service goroutine as connections close, HTTP
// transactions end and the context is destroyed. What an extension may ask
// of lws in return is the set of functions in Lws, which lws puts in Impl
// when it is initialised.
package seam

// Extension is a package built on lws, following one context. W is
// *lws.Wsi. Every method runs on the context's service goroutine.
type Extension[W any] interface {
	// WsiClosing: the wsi is closing, after its protocol was dropped and
	// before CLOSED (or CLOSED_HTTP).
	WsiClosing(w W)
	// TransactionDone: the wsi's HTTP transaction is over; the next one
	// on the connection is another's.
	TransactionDone(w W)
	// ContextDestroy: every wsi of the context closed and every protocol
	// got PROTOCOL_DESTROY.
	ContextDestroy()
}

// Lws is what lws lends its extensions. C is *lws.Context, W *lws.Wsi.
type Lws[C, W any] struct {
	// Extend returns c's extension for key, made by make and kept on c
	// at its first use; with make nil it only looks (nil if there is
	// none). Safe from any goroutine.
	Extend func(c C, key any, make func() Extension[W]) Extension[W]
	// Post runs fn on c's service goroutine. It is safe from any
	// goroutine and reports false if fn will never run (c is going).
	Post func(c C, fn func()) bool
	// RecoversPanics reports whether c recovers panics in user code.
	RecoversPanics func(c C) bool
	// CloseWsi closes w as a callback returning -1 after
	// lws_close_reason(w, status) would. Service goroutine only.
	CloseWsi func(w W, status int)
}

// Impl is lws's Lws[*lws.Context, *lws.Wsi], set when package lws is
// initialised.
var Impl any
