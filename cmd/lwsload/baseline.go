package main

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strconv"
	"sync"

	"github.com/coder/websocket"
)

// baselineProtocol is the subprotocol that gets messages; a connection
// offering none is held idle, as golws holds it on its protocol 0.
const baselineProtocol = "lws-minimal"

// baselineServer is what golws is measured against: plain coder/websocket,
// one goroutine per connection (net/http's handler goroutine) writing
// "pos 1".."pos msgs" with conn.Write and then closing. No threadpool, no
// service loop: the least machinery that sends the same frames.
type baselineServer struct {
	msgs    int
	ln      net.Listener
	srv     *http.Server
	ctx     context.Context // cancelled by close: ends hijacked connections
	cancel  context.CancelFunc
	mu      sync.Mutex
	closing bool           // set by close: no handler may start after
	conns   sync.WaitGroup // running handlers
	served  chan error
}

// startBaseline listens on addr ("127.0.0.1:0" for any free port).
func startBaseline(addr string, msgs int) (*baselineServer, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	b := &baselineServer{msgs: msgs, ln: ln, served: make(chan error, 1)}
	b.ctx, b.cancel = context.WithCancel(context.Background())
	b.srv = &http.Server{
		Handler:     http.HandlerFunc(b.serve),
		BaseContext: func(net.Listener) context.Context { return b.ctx },
	}
	go func() { b.served <- b.srv.Serve(ln) }()
	return b, nil
}

func (b *baselineServer) serve(w http.ResponseWriter, r *http.Request) {
	if !b.enter() {
		return
	}
	defer b.conns.Done()
	conn, err := websocket.Accept(w, r, &websocket.AcceptOptions{
		Subprotocols:       []string{baselineProtocol},
		InsecureSkipVerify: true, // golws does not police Origin either
		CompressionMode:    websocket.CompressionDisabled,
	})
	if err != nil {
		return
	}
	defer conn.CloseNow()
	ctx := r.Context()
	if conn.Subprotocol() != baselineProtocol || b.msgs == 0 {
		// Idle: a reader must run to answer pings and see the close.
		for {
			if _, _, err := conn.Read(ctx); err != nil {
				return
			}
		}
	}
	// Writes take context.Background(): with a cancellable context
	// coder/websocket registers an AfterFunc per frame, a cost golws's
	// writes do not pay either. Shutdown still ends the connection here.
	stop := context.AfterFunc(ctx, func() { _ = conn.CloseNow() })
	defer stop()
	buf := make([]byte, 0, 32)
	for i := 1; i <= b.msgs; i++ {
		buf = strconv.AppendInt(append(buf[:0], "pos "...), int64(i), 10)
		if err := conn.Write(context.Background(), websocket.MessageText, buf); err != nil {
			return
		}
	}
	_ = conn.Close(websocket.StatusNormalClosure, "")
}

// enter counts a handler in, unless close has begun: WaitGroup.Add must
// not race with the Wait in close.
func (b *baselineServer) enter() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closing {
		return false
	}
	b.conns.Add(1)
	return true
}

// close stops listening, ends every connection and waits for their
// handlers: http.Server.Close does not track hijacked connections.
func (b *baselineServer) close() error {
	err := b.srv.Close()
	b.mu.Lock()
	b.closing = true
	b.mu.Unlock()
	b.cancel()
	b.conns.Wait()
	if serr := <-b.served; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}
