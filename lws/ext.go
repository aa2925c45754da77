package lws

import "github.com/golws/golws/lws/internal/seam"

// extensions are the packages built into lws that follow a context (the
// threadpool), each under the key it asked with; see package seam.
type extensions struct {
	keys []any
	list []seam.Extension[*Wsi]
}

func (e *extensions) get(key any, make func() seam.Extension[*Wsi]) seam.Extension[*Wsi] {
	for i, k := range e.keys {
		if k == key {
			return e.list[i]
		}
	}
	if make == nil {
		return nil
	}
	x := make()
	e.keys, e.list = append(e.keys, key), append(e.list, x)
	return x
}

func (e *extensions) wsiClosing(w *Wsi) {
	for _, x := range e.list {
		x.WsiClosing(w)
	}
}

func (e *extensions) transactionDone(w *Wsi) {
	for _, x := range e.list {
		x.TransactionDone(w)
	}
}

func (e *extensions) contextDestroy() {
	for _, x := range e.list {
		x.ContextDestroy()
	}
}

func init() {
	seam.Impl = seam.Lws[*Context, *Wsi]{
		Extend: func(c *Context, key any, make func() seam.Extension[*Wsi]) seam.Extension[*Wsi] {
			c.loop.AssertOnLoop("an lws extension")
			return c.exts.get(key, make)
		},
		Post:           (*Context).post,
		RecoversPanics: func(c *Context) bool { return !c.noRecover },
		CloseWsi: func(w *Wsi, status int) {
			w.assertOnLoop("lws_close_free_wsi")
			if w.state != stateEstablished && !w.state.inTransaction() {
				return
			}
			w.CloseReason(CloseStatus(status), nil)
			w.closeGraceful()
		},
	}
}
