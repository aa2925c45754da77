package lws

import (
	"sync"

	"github.com/golws/golws/lws/internal/seam"
)

// extensions are the packages built into lws that follow a context (the
// threadpool), each under the key it asked with; see package seam. The
// list only grows; mu lets an extension be looked up from any goroutine.
type extensions struct {
	mu   sync.Mutex
	keys []any
	list []seam.Extension[*Wsi]
}

func (e *extensions) get(key any, make func() seam.Extension[*Wsi]) seam.Extension[*Wsi] {
	e.mu.Lock()
	defer e.mu.Unlock()
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

// all is the extensions as they are now.
func (e *extensions) all() []seam.Extension[*Wsi] {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.list[:len(e.list):len(e.list)]
}

func (e *extensions) wsiClosing(w *Wsi) {
	for _, x := range e.all() {
		x.WsiClosing(w)
	}
}

func (e *extensions) transactionDone(w *Wsi) {
	for _, x := range e.all() {
		x.TransactionDone(w)
	}
}

func (e *extensions) contextDestroy() {
	for _, x := range e.all() {
		x.ContextDestroy()
	}
}

func init() {
	seam.Impl = seam.Lws[*Context, *Wsi]{
		Extend: func(c *Context, key any, make func() seam.Extension[*Wsi]) seam.Extension[*Wsi] {
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
