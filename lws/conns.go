package lws

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// connDrainTimeout bounds how long Destroy waits for net/http to end the
// goroutines of connections it still serves.
const connDrainTimeout = 2 * time.Second

// connCount follows net/http's connections through Server.ConnState, so
// that Destroy returns only after their goroutines are done: a hijacked
// connection is ours from then on (its handler is tracked by the
// context), every other one counts until net/http closes it.
type connCount struct {
	mu   sync.Mutex
	n    int
	idle chan struct{} // closed when n reaches 0, if someone waits
}

func (cc *connCount) track(_ net.Conn, s http.ConnState) {
	switch s {
	case http.StateNew:
		cc.add(1)
	case http.StateHijacked, http.StateClosed:
		cc.add(-1)
	}
}

func (cc *connCount) add(d int) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	cc.n += d
	if cc.n == 0 && cc.idle != nil {
		close(cc.idle)
		cc.idle = nil
	}
}

// wait returns when no connection is left, or after timeout.
func (cc *connCount) wait(timeout time.Duration) {
	cc.mu.Lock()
	if cc.n == 0 {
		cc.mu.Unlock()
		return
	}
	if cc.idle == nil {
		cc.idle = make(chan struct{})
	}
	idle := cc.idle
	cc.mu.Unlock()
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-idle:
	case <-t.C:
		Warn("lws_context_destroy: net/http still has connections after %v", timeout)
	}
}
