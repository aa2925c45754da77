package lws_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/coder/websocket"
	"github.com/golws/golws/lws"
)

// echoPss is the echo protocol's per-session data: one message, kept with
// LWS_PRE bytes of headroom in front, as lws code keeps it.
type echoPss struct {
	buf [lws.Pre + 128]byte
	len int
}

// echo sends every message back from SERVER_WRITEABLE, never from RECEIVE.
func echo(wsi *lws.Wsi, reason lws.CallbackReason, user, in any, n int) int {
	switch reason {
	case lws.CallbackReceive:
		pss := user.(*echoPss)
		pss.len = copy(pss.buf[lws.Pre:], in.([]byte))
		wsi.CallbackOnWritable()

	case lws.CallbackServerWriteable:
		pss := user.(*echoPss)
		if wsi.Write(pss.buf[lws.Pre:lws.Pre+pss.len], lws.WriteText) < pss.len {
			return -1
		}
	}
	return 0
}

// A context with an echo protocol, serviced Go style by Run on its own
// goroutine, and a coder/websocket client talking to it.
func Example() {
	ctx, err := lws.CreateContext(&lws.ContextCreationInfo{
		Port:  0, // any free port; Vhost().Port() says which
		Iface: "127.0.0.1",
		Protocols: []lws.Protocol{
			{Name: "http", Callback: lws.CallbackHTTPDummy},
			{Name: "echo", Callback: echo, PerSessionData: func() any { return new(echoPss) }},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	url := fmt.Sprintf("ws://127.0.0.1:%d/", ctx.Vhost().Port())

	// Every callback runs on this goroutine, and so does Destroy.
	goCtx, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		ctx.Run(goCtx)
		ctx.Destroy()
	}()

	c, _, err := websocket.Dial(goCtx, url, &websocket.DialOptions{Subprotocols: []string{"echo"}})
	if err == nil {
		c.Write(goCtx, websocket.MessageText, []byte("hello"))
		_, msg, _ := c.Read(goCtx)
		fmt.Printf("%s\n", msg)
		c.Close(websocket.StatusNormalClosure, "")
	}

	stop()
	<-done
	// Output: hello
}

// The C-style loop: call Service until interrupted. In C a signal handler
// sets interrupted and calls lws_cancel_service to end the wait in
// lws_service; in Go a goroutine receiving the signal does the same, since
// CancelService is the one call that is safe from any goroutine.
func ExampleContext_Service() {
	ctx, err := lws.CreateContext(&lws.ContextCreationInfo{
		Port:      lws.ContextPortNoListen,
		Protocols: []lws.Protocol{{Name: "http", Callback: lws.CallbackHTTPDummy}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}

	interrupt := make(chan os.Signal, 1) // signal.Notify(interrupt, os.Interrupt)
	var interrupted atomic.Bool
	var wg sync.WaitGroup
	wg.Go(func() {
		<-interrupt
		interrupted.Store(true)
		ctx.CancelService()
	})

	// A timer (lws_sul) ticks three times, then plays the user's Ctrl-C.
	var sul lws.Sul
	ticks := 0
	var tick func(*lws.Sul)
	tick = func(sul *lws.Sul) {
		ticks++
		fmt.Println("tick", ticks)
		if ticks == 3 {
			interrupt <- os.Interrupt
			return
		}
		ctx.SulSchedule(sul, 10*1000, tick)
	}
	ctx.SulSchedule(&sul, 10*1000, tick)

	for !interrupted.Load() {
		if ctx.Service(0) < 0 {
			break
		}
	}

	wg.Wait()
	ctx.Destroy()
	fmt.Println("exiting cleanly")
	// Output:
	// tick 1
	// tick 2
	// tick 3
	// exiting cleanly
}

// perVhost is a protocol's per-vhost data (C: struct per_vhost_data__...).
type perVhost struct {
	greeting string
	conns    int
}

// C allocates per-vhost data with a size; Go names the type. The value is
// zeroed, lives as long as the vhost, and any callback of the protocol on
// that vhost finds it with ProtocolVhPrivGet.
func ExampleProtocolVhPrivZalloc() {
	cb := func(wsi *lws.Wsi, reason lws.CallbackReason, user, in any, n int) int {
		switch reason {
		case lws.CallbackProtocolInit:
			vhd := lws.ProtocolVhPrivZalloc[perVhost](wsi.Vhost(), wsi.Protocol())
			vhd.greeting = "hello"
		case lws.CallbackProtocolDestroy:
			vhd := lws.ProtocolVhPrivGet[perVhost](wsi.Vhost(), wsi.Protocol())
			fmt.Println("destroy:", vhd.greeting)
		}
		return 0
	}
	ctx, err := lws.CreateContext(&lws.ContextCreationInfo{
		Port:      lws.ContextPortNoListen,
		Protocols: []lws.Protocol{{Name: "demo", Callback: cb}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}

	vh := ctx.Vhost()
	vhd := lws.ProtocolVhPrivGet[perVhost](vh, vh.NameToProtocol("demo"))
	fmt.Println(vhd.greeting, vhd.conns)
	fmt.Println(lws.ProtocolVhPrivGet[int](vh, vh.NameToProtocol("demo")) == nil) // not an int

	ctx.Destroy()
	// Output:
	// hello 0
	// true
	// destroy: hello
}

// Per-vhost options (pvo) name a protocol and carry a list of name=value
// options; PROTOCOL_INIT gets that protocol's list in `in`.
func ExamplePvoSearch() {
	options := &lws.ProtocolVhostOptions{Name: "config", Value: "myconfig"}
	pvo := &lws.ProtocolVhostOptions{Name: "lws-minimal", Options: options}

	cb := func(wsi *lws.Wsi, reason lws.CallbackReason, user, in any, n int) int {
		if reason == lws.CallbackProtocolInit {
			opts := in.(*lws.ProtocolVhostOptions)
			if o := lws.PvoSearch(opts, "config"); o != nil {
				fmt.Println("config:", o.Value)
			}
			fmt.Println("missing:", lws.PvoSearch(opts, "nope") == nil)
		}
		return 0
	}
	ctx, err := lws.CreateContext(&lws.ContextCreationInfo{
		Port:      lws.ContextPortNoListen,
		Protocols: []lws.Protocol{{Name: "lws-minimal", Callback: cb}},
		Pvo:       pvo,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx.Destroy()
	// Output:
	// config: myconfig
	// missing: true
}

// One writer, two readers with a tail each: an element is destroyed only
// once the reader furthest behind has consumed it.
func ExampleRingCreate() {
	r := lws.RingCreate(4, func(s *string) { fmt.Println("destroy", *s) }) // room for 3
	r.Insert([]string{"a", "b", "c"})
	fmt.Println("free:", r.GetCountFreeElements())

	tails := []uint32{r.GetOldestTail(), r.GetOldestTail()}
	consume := func(i int) {
		fmt.Printf("reader %d: %s\n", i, *r.GetElement(&tails[i]))
		r.ConsumeAndUpdateOldestTail(&tails[i], 1, slices.Values(tails))
	}

	for r.GetCountWaitingElements(&tails[0]) > 0 {
		consume(0) // nothing is destroyed: reader 1 has not read it yet
	}
	consume(1) // now "a" is behind everyone
	fmt.Println("free:", r.GetCountFreeElements())

	r.Destroy() // destroys what is left
	// Output:
	// free: 0
	// reader 0: a
	// reader 0: b
	// reader 0: c
	// reader 1: a
	// destroy a
	// free: 1
	// destroy b
	// destroy c
}
