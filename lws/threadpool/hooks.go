package threadpool

import (
	"slices"
	"sync"

	"github.com/golws/golws/lws"
)

// The pools of each context (C lists them on the context). package lws
// cannot import this one, so the first pool of a context registers one set
// of hooks on it, shared by every pool of that context; the set stays
// until the context is destroyed. Guarded by registry.mu, which is never
// held while a pool's lock is taken.
var registry = struct {
	mu    sync.Mutex
	byCtx map[*lws.Context]*ctxPools
}{byCtx: make(map[*lws.Context]*ctxPools)}

type ctxPools struct {
	// pools is replaced, never changed in place, so poolsOf can hand it
	// out without a copy.
	pools []*Threadpool
}

// register lists tp on its context, hooking the context on its first pool.
func register(tp *Threadpool) {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	cp := registry.byCtx[tp.ctx]
	if cp == nil {
		cp = &ctxPools{}
		registry.byCtx[tp.ctx] = cp
		ctx := tp.ctx
		ctx.AddHooks(&lws.Hooks{
			WsiClosing:         func(w *lws.Wsi) { wsiClosing(ctx, w) },
			EventWaitCancelled: func() { eventWaitCancelled(ctx) },
			ContextDestroy:     func() { contextDestroy(ctx) },
		})
	}
	cp.pools = append(slices.Clip(cp.pools), tp)
}

// unregister takes tp off its context's list.
func unregister(tp *Threadpool) {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	if cp := registry.byCtx[tp.ctx]; cp != nil {
		if i := slices.Index(cp.pools, tp); i >= 0 {
			cp.pools = slices.Delete(slices.Clone(cp.pools), i, i+1)
			if len(cp.pools) == 0 {
				cp.pools = nil
			}
		}
	}
}

// poolsOf returns ctx's pool list as it is now, for callers to lock
// pools without holding registry.mu. The slice must not be modified.
func poolsOf(ctx *lws.Context) []*Threadpool {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	if cp := registry.byCtx[ctx]; cp != nil {
		return cp.pools
	}
	return nil
}

// eventWaitCancelled runs on the service goroutine after CancelService
// (lws_threadpool_tsi_context): it asks for WRITEABLE on every wsi that
// has a task waiting in SYNC (rule 4) or an ended task to reap (rule 5).
// A handler that already answered a SYNC sees the task RUNNING on the
// extra WRITEABLE this may cause, never SYNCING twice (see TaskSync).
func eventWaitCancelled(ctx *lws.Context) {
	var buf [16]*lws.Wsi
	wsis := buf[:0]
	for _, tp := range poolsOf(ctx) {
		wsis = wsis[:0]
		tp.mu.Lock()
		for _, t := range tp.onWorker {
			if t != nil && t.status == StatusSyncing && t.wsi != nil {
				wsis = append(wsis, t.wsi)
			}
		}
		var panicked []*lws.Wsi
		for _, t := range tp.done {
			if t.wsi == nil {
				continue
			}
			if t.panicked && !t.panicClosed {
				t.panicClosed = true
				panicked = append(panicked, t.wsi)
				continue
			}
			wsis = append(wsis, t.wsi)
		}
		tp.mu.Unlock()
		// Outside the lock: the pool lock is never held across a call
		// into lws.
		for _, w := range wsis {
			tp.writable(w)
		}
		for _, w := range panicked {
			w.Close(lws.CloseStatusUnexpectedCondition, nil)
		}
	}
}

// contextDestroy runs during the context's Destroy, after every wsi closed:
// any pool still alive is finished and destroyed, cleanups included.
func contextDestroy(ctx *lws.Context) {
	for _, tp := range poolsOf(ctx) {
		if tracing() {
			lws.Thread("lws_threadpool: %s: destroyed with its context", tp.name)
		}
		tp.Destroy()
	}
	registry.mu.Lock()
	delete(registry.byCtx, ctx)
	registry.mu.Unlock()
}
