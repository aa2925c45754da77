package reliability

import (
	"sync/atomic"
	"testing"

	"github.com/golws/golws/lws"
)

// The echo protocol: every message is reassembled from the chunks
// CallbackReceive delivers and sent back whole, as text or binary like it
// came. Each chunk is checked on the way in: at most RxBufferSize bytes,
// IsFirstFragment on the first chunk only, IsFinalFragment on the last
// only, FrameIsBinary steady. WSI_CREATE (on protocol 0) and WSI_DESTROY
// (on the protocol bound last, as in lws) are counted: they must pair up.

const (
	echoName = "echo"
	echoRx   = 128     // RxBufferSize of the echo protocol
	echoMax  = 1 << 20 // longer messages are counted, not kept or echoed
)

type echoServer struct {
	*server
	ev *events // nil: report nothing (the fuzz server)

	creates, destroys   atomic.Int64 // WSI_CREATE / WSI_DESTROY, on either protocol
	established, closed atomic.Int64
	bound               atomic.Int64 // HTTP_BIND_PROTOCOL on echo: upgrades that got as far as the bind
	nextID              atomic.Int64

	// blockHook, if set when the loop wakes for CancelService, runs on the
	// service goroutine: a test holds the loop busy with it.
	blockHook atomic.Pointer[func()]
}

type echoSession struct {
	id     int64
	msg    []byte
	total  int
	chunks int
	binary bool
	bad    string
	out    []echoOut
}

type echoOut struct {
	b      []byte
	binary bool
}

func (es *echoServer) note(format string, a ...any) {
	if es.ev != nil {
		es.ev.add(format, a...)
	}
}

func (es *echoServer) protocols() []lws.Protocol {
	return []lws.Protocol{
		{Name: "http", Callback: es.http},
		{Name: echoName, Callback: es.echo, RxBufferSize: echoRx,
			PerSessionData: func() any { return &echoSession{id: es.nextID.Add(1)} }},
	}
}

func (es *echoServer) http(wsi *lws.Wsi, reason lws.CallbackReason, user, in any, n int) int {
	switch reason {
	case lws.CallbackWSICreate:
		es.creates.Add(1)
	case lws.CallbackWSIDestroy:
		es.destroys.Add(1)
	case lws.CallbackEventWaitCancelled:
		if h := es.blockHook.Swap(nil); h != nil {
			(*h)()
		}
	}
	return lws.CallbackHTTPDummy(wsi, reason, user, in, n)
}

func (es *echoServer) echo(wsi *lws.Wsi, reason lws.CallbackReason, user, in any, n int) int {
	s, _ := user.(*echoSession)
	switch reason {
	case lws.CallbackEstablished:
		es.established.Add(1)
		es.note("est %d", s.id)
	case lws.CallbackReceive:
		chunk := in.([]byte)
		first, final := wsi.IsFirstFragment(), wsi.IsFinalFragment()
		switch {
		case len(chunk) > echoRx:
			s.bad = "chunk longer than RxBufferSize"
		case first != (s.chunks == 0):
			s.bad = "IsFirstFragment wrong"
		case s.chunks > 0 && wsi.FrameIsBinary() != s.binary:
			s.bad = "FrameIsBinary changed within a message"
		case len(chunk) != n:
			s.bad = "len does not match in"
		}
		if s.chunks == 0 {
			s.binary = wsi.FrameIsBinary()
		}
		s.chunks++
		s.total += len(chunk)
		if s.total <= echoMax {
			s.msg = append(s.msg, chunk...)
		}
		if !final {
			return 0
		}
		if s.bad != "" {
			es.note("bad %d %s", s.id, s.bad)
		}
		es.note("msg %d len=%d chunks=%d bin=%v", s.id, s.total, s.chunks, s.binary)
		if s.total <= echoMax {
			s.out = append(s.out, echoOut{b: s.msg, binary: s.binary})
			wsi.CallbackOnWritable()
		}
		s.msg, s.total, s.chunks, s.bad = nil, 0, 0, ""
	case lws.CallbackServerWriteable:
		if len(s.out) == 0 {
			return 0
		}
		o := s.out[0]
		s.out = s.out[1:]
		proto := lws.WriteText
		if o.binary {
			proto = lws.WriteBinary
		}
		if wsi.Write(o.b, proto) < len(o.b) {
			return -1
		}
		if len(s.out) > 0 {
			wsi.CallbackOnWritable()
		}
	case lws.CallbackWSPeerInitiatedClose:
		b := in.([]byte)
		code := -1
		if len(b) >= 2 {
			code = int(b[0])<<8 | int(b[1])
		}
		es.note("peerclose %d %d", s.id, code)
	case lws.CallbackHTTPBindProtocol:
		es.bound.Add(1)
	case lws.CallbackWSIDestroy:
		es.destroys.Add(1)
	case lws.CallbackClosed:
		es.closed.Add(1)
		if s.chunks > 0 {
			es.note("partial %d len=%d chunks=%d", s.id, s.total, s.chunks)
		}
		es.note("closed %d", s.id)
	}
	return 0
}

// startEcho runs an echo server for one test; options and mounts come
// from info.
func startEcho(t testing.TB, ev *events, info lws.ContextCreationInfo) *echoServer {
	t.Helper()
	es := &echoServer{ev: ev}
	info.Protocols = es.protocols()
	es.server = startServer(t, info)
	return es
}

// launchEcho is startEcho for a server that outlives tests.
func launchEcho(info lws.ContextCreationInfo) (*echoServer, error) {
	es := &echoServer{}
	info.Protocols = es.protocols()
	var err error
	es.server, err = launch(info)
	return es, err
}

// roundTrip proves the server serves: a fresh connection echoes a message
// and closes politely.
func (es *echoServer) roundTrip(t testing.TB, msg string) {
	t.Helper()
	c := wsHandshake(t, es.addr, echoName)
	if err := c.writeMsg(opText, []byte(msg)); err != nil {
		t.Fatalf("alive check: write: %v", err)
	}
	f, err := c.readMsg()
	if err != nil || f.op != opText || string(f.payload) != msg {
		t.Fatalf("alive check: echo of %q: op %d %q, %v", msg, f.op, f.payload, err)
	}
	if code, err := c.closePolitely(); code != 1000 {
		t.Fatalf("alive check: close handshake gave %d, %v", code, err)
	}
}
