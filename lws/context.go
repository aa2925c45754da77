package lws

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/golws/golws/lws/service"
)

// defaultTimeoutSecs is lws's timeout_secs when the creation info leaves
// it 0.
const defaultTimeoutSecs = 15

// defaultMaxHTTPBodySize is lws's default bound on a request body.
const defaultMaxHTTPBodySize = 100 << 20

// destroyDrainTimeout bounds how long Destroy waits for connections to
// report their end.
const destroyDrainTimeout = 5 * time.Second

// sendLow is the send buffer's low-water mark: below it the wsi is
// writeable.
func (c *Context) sendLow() int { return c.sendLimit / 4 }

// ErrDestroyed is returned by Run after the context was destroyed.
var ErrDestroyed = errors.New("lws: context destroyed")

// Context is an lws context: one service loop, its vhosts and their
// connections. All callbacks of a context run on the goroutine that calls
// Service or Run; every method is for that goroutine unless it says
// otherwise.
type Context struct {
	loop  *service.Loop
	user  any
	vhost *Vhost // golws makes exactly one vhost per context

	timeoutSecs int
	ah          *ahPool
	sendLimit   int
	noRecover   bool

	// exts are the packages built into lws following this context
	// (the threadpool); service goroutine only.
	exts extensions
	// serverString is ContextCreationInfo.ServerString.
	serverString string

	// goroutines counts every goroutine the context started (listeners,
	// connection readers and writers, handshakes), so that Destroy can
	// wait for all of them.
	mu         sync.Mutex
	goroutines sync.WaitGroup
	destroying bool          // guarded by mu: refuse new goroutines
	dying      chan struct{} // closed when Destroy starts
	destroyed  bool
}

// CreateContext builds a context and its vhost, runs CallbackProtocolInit
// for every protocol and starts listening (lws_create_context). The calling
// goroutine acts as the service goroutine until Service or Run takes over.
func CreateContext(info *ContextCreationInfo) (*Context, error) {
	if info == nil {
		return nil, errors.New("lws: nil creation info")
	}
	if info.Options&ServerOptionExplicitVhosts != 0 {
		// lws would make no vhost and wait for lws_create_vhost, which
		// golws does not have yet: serving the creation info's vhost
		// instead would be a different program.
		return nil, errors.New("lws: LWS_SERVER_OPTION_EXPLICIT_VHOSTS: explicit vhosts (lws_create_vhost) are not supported yet")
	}
	c := &Context{
		loop:         service.New(),
		user:         info.User,
		timeoutSecs:  info.TimeoutSecs,
		sendLimit:    info.SendBufferLimit,
		noRecover:    info.NoPanicRecovery,
		serverString: info.ServerString,
		dying:        make(chan struct{}),
	}
	if c.timeoutSecs <= 0 {
		c.timeoutSecs = defaultTimeoutSecs
	}
	c.ah = newAhPool(info.MaxHTTPHeaderData, info.MaxHTTPHeaderPool, c.dying)
	if c.sendLimit <= 0 {
		c.sendLimit = DefaultSendBufferLimit
	}
	c.loop.SetWakeHook(c.eventWaitCancelled)
	vh, err := newVhost(c, info)
	if err != nil {
		return nil, err
	}
	c.vhost = vh
	if info.Options&ServerOptionSkipProtocolInit == 0 {
		if err := vh.initProtocols(); err != nil {
			vh.closeListener()
			c.waitGoroutines()
			return nil, err
		}
	}
	vh.serve()
	return c, nil
}

// User returns ContextCreationInfo.User (lws_context_user).
func (c *Context) User() any { return c.user }

// Vhost returns the context's vhost.
func (c *Context) Vhost() *Vhost { return c.vhost }

// GetVhostByName returns the vhost called name, or nil.
func (c *Context) GetVhostByName(name string) *Vhost {
	if c.vhost != nil && c.vhost.name == name {
		return c.vhost
	}
	return nil
}

// Service runs one round of the loop, waiting up to timeoutMs for
// something to do (timeoutMs <= 0: until something happens), like
// lws_service. It returns 0, or -1 once the context is destroyed or
// stopped, which ends a C-style `while (n >= 0)` loop.
func (c *Context) Service(timeoutMs int) int {
	d := time.Duration(-1)
	if timeoutMs > 0 {
		d = time.Duration(timeoutMs) * time.Millisecond
	}
	if c.destroyed || c.loop.RunOnce(d) != nil {
		return -1
	}
	return 0
}

// Run services the context until ctx is done, then returns ctx's error.
// It is the Go-style alternative to a Service loop; call Destroy after it.
func (c *Context) Run(ctx context.Context) error {
	if c.destroyed {
		return ErrDestroyed
	}
	err := c.loop.Run(ctx)
	if err == nil {
		return ErrDestroyed
	}
	return err
}

// CancelService wakes the service loop and makes it deliver
// CallbackEventWaitCancelled to every protocol of every vhost
// (lws_cancel_service). Any number of calls before the loop wakes give one
// delivery. Safe from any goroutine.
func (c *Context) CancelService() { c.loop.Wake() }

func (c *Context) eventWaitCancelled() {
	c.vhost.broadcast(CallbackEventWaitCancelled, nil, 0)
}

// post runs fn on the service goroutine. It reports false when the
// context is being destroyed and fn will never run.
func (c *Context) post(fn func()) bool { return c.loop.Post(fn) }

// call runs fn on the service goroutine and waits for it. It returns false
// if the context is destroyed first or done is closed, and then fn never
// runs: the caller and fn race for one claim, so fn's callbacks are either
// delivered and reported, or not delivered at all.
func (c *Context) call(done <-chan struct{}, fn func()) bool {
	const pending, running, abandoned = 0, 1, 2
	var claim atomic.Int32
	ran := make(chan struct{})
	if !c.post(func() {
		if claim.CompareAndSwap(pending, running) {
			fn()
		}
		close(ran)
	}) {
		return false
	}
	select {
	case <-ran:
	case <-c.dying:
	case <-done:
	}
	if claim.CompareAndSwap(pending, abandoned) {
		return false
	}
	<-ran // fn has the claim: it is running, or ran
	return true
}

// goBackground starts fn on a goroutine the context waits for at Destroy.
// It returns false (fn not started) once Destroy has begun.
func (c *Context) goBackground(fn func()) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.destroying {
		return false
	}
	c.goroutines.Add(1)
	go func() {
		defer c.goroutines.Done()
		fn()
	}()
	return true
}

// enter registers the calling goroutine (an HTTP handler) as one Destroy
// must wait for; leave must follow. It reports false once Destroy began.
func (c *Context) enter() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.destroying {
		return false
	}
	c.goroutines.Add(1)
	return true
}

func (c *Context) leave() { c.goroutines.Done() }

func (c *Context) waitGoroutines() {
	c.mu.Lock()
	c.destroying = true
	c.mu.Unlock()
	c.goroutines.Wait()
}

// Destroy closes every connection (their close callbacks run here, on the
// calling goroutine, which must be the service goroutine and not inside a
// callback), delivers CallbackProtocolDestroy, stops the loop and waits
// until every goroutine of the context has ended (lws_context_destroy).
// Calling it again does nothing.
func (c *Context) Destroy() {
	if c.destroyed {
		return
	}
	c.destroyed = true
	c.mu.Lock()
	c.destroying = true
	c.mu.Unlock()
	close(c.dying)
	vh := c.vhost
	vh.closeListener()
	vh.killAll()
	// The readers of killed connections report back through the loop;
	// their sockets are closed, so each report is moments away. The bound
	// only guards against a bug: it is never reached in the tests.
	deadline := time.Now().Add(destroyDrainTimeout)
	for vh.liveCount() > 0 {
		if time.Now().After(deadline) {
			Err("lws_context_destroy: %d connections did not report their end", vh.liveCount())
			break
		}
		if c.loop.RunOnce(100*time.Millisecond) != nil {
			break
		}
	}
	vh.destroyProtocols()
	// net/http's own connection goroutines (plain HTTP, failed
	// handshakes) end shortly after Server.Close closed their sockets.
	vh.conns.wait(connDrainTimeout)
	_ = vh.files.Close() // the Origin directories' roots
	c.exts.contextDestroy()
	c.loop.Stop()
	c.goroutines.Wait()
}
