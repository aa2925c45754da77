package exampleutil

import (
	"os"
	"sync"
	"sync/atomic"

	. "github.com/golws/golws/include-like"
)

// ServiceLoop is the service loop of C's main,
//
//	while (n >= 0 && !interrupted)
//		n = lws_service(context, 0);
//
// with its SIGINT handler: a value on interrupt sets interrupted and wakes
// the loop. It returns once the loop ends, with the handler's goroutine
// gone; destroying the context is left to the caller, as in C.
func ServiceLoop(context *Lws_context, interrupt <-chan os.Signal) {
	ServiceLoopUntil(context, interrupt, new(atomic.Int32))
}

// ServiceLoopUntil is ServiceLoop for an example whose protocol ends the
// run itself, as C's do through a pointer to main's "interrupted": the
// loop runs while *interrupted is 0, and whoever sets it non-zero from
// another goroutine or a callback also calls Lws_cancel_service. SIGINT
// sets it to 1 if it is still 0.
func ServiceLoopUntil(context *Lws_context, interrupt <-chan os.Signal, interrupted *atomic.Int32) {
	stop := OnInterrupt(context, interrupt, interrupted)
	defer stop()
	for interrupted.Load() == 0 {
		if Lws_service(context, 0) != 0 {
			break
		}
	}
}

// OnInterrupt is C's SIGINT handler for a service loop of the caller's
// own that runs while *interrupted is 0. C's handler only sets the flag,
// and the signal itself ends poll(); here a goroutine waits for a value on
// interrupt, sets *interrupted to 1 if it is still 0 and wakes the loop
// with Lws_cancel_service. stop ends that goroutine and waits for it; call
// it once the loop is over and before the context is destroyed.
func OnInterrupt(context *Lws_context, interrupt <-chan os.Signal, interrupted *atomic.Int32) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		select {
		case <-interrupt:
			interrupted.CompareAndSwap(0, 1)
			Lws_cancel_service(context)
		case <-done:
		}
	})
	return func() {
		close(done)
		wg.Wait()
	}
}

// Ready sends ready, unless it is nil, the port the vhost called vhostName
// listens on: it is how a test that runs the example learns where to
// connect. C has no counterpart.
func Ready(ready chan<- int, context *Lws_context, vhostName string) {
	if ready != nil {
		ready <- Lws_get_vhost_listen_port(Lws_get_vhost_by_name(context, vhostName))
	}
}
