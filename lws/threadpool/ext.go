package threadpool

import (
	"slices"
	"sync"

	"github.com/golws/golws/lws"
	"github.com/golws/golws/lws/internal/seam"
)

// lwsImpl is what package lws lends this one (package seam).
var lwsImpl = seam.Impl.(seam.Lws[*lws.Context, *lws.Wsi])

// The pools of a context (C lists them on the context) are one lws
// extension of it, made by its first pool: lws tells it when a wsi closes,
// when an HTTP transaction ends and when the context goes.
type ctxPools struct {
	// mu guards pools, which is replaced, never changed in place, so
	// that a caller can walk it without the lock. It is never held while
	// a pool's lock is taken.
	mu    sync.Mutex
	pools []*Threadpool
}

// extKey finds this package's extension on a context.
type extKey struct{}

// poolsFor returns ctx's pool list, made on first use when make is set.
// Service goroutine only (or before the context is serviced).
func poolsFor(ctx *lws.Context, make bool) *ctxPools {
	var mk func() seam.Extension[*lws.Wsi]
	if make {
		mk = func() seam.Extension[*lws.Wsi] { return &ctxPools{} }
	}
	cp, _ := lwsImpl.Extend(ctx, extKey{}, mk).(*ctxPools)
	return cp
}

// poolsOf returns ctx's pools as they are now; nil if it never had one.
func poolsOf(ctx *lws.Context) []*Threadpool {
	return poolsFor(ctx, false).list()
}

func (cp *ctxPools) list() []*Threadpool {
	if cp == nil {
		return nil
	}
	cp.mu.Lock()
	defer cp.mu.Unlock()
	return cp.pools
}

func (cp *ctxPools) add(tp *Threadpool) {
	cp.mu.Lock()
	defer cp.mu.Unlock()
	cp.pools = append(slices.Clip(cp.pools), tp)
}

func (cp *ctxPools) remove(tp *Threadpool) {
	cp.mu.Lock()
	defer cp.mu.Unlock()
	if i := slices.Index(cp.pools, tp); i >= 0 {
		cp.pools = slices.Delete(slices.Clone(cp.pools), i, i+1)
		if len(cp.pools) == 0 {
			cp.pools = nil
		}
	}
}

// WsiClosing detaches the closing wsi's tasks (lws_threadpool_wsi_closing).
func (cp *ctxPools) WsiClosing(w *lws.Wsi) { cp.detach(w) }

// TransactionDone detaches the tasks of a wsi whose HTTP transaction
// ended, exactly as if it had closed: what they would write belongs to a
// response that is over, and the next request on the connection is
// another's.
func (cp *ctxPools) TransactionDone(w *lws.Wsi) { cp.detach(w) }

// ContextDestroy runs during the context's Destroy, after every wsi
// closed: any pool still alive is finished and destroyed, cleanups
// included.
func (cp *ctxPools) ContextDestroy() {
	for _, tp := range cp.list() {
		if tracing() {
			lws.Thread("lws_threadpool: %s: destroyed with its context", tp.name)
		}
		tp.Destroy()
	}
}
