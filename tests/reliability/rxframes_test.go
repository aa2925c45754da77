package reliability

import (
	"fmt"
	"testing"

	"github.com/golws/golws/lws"
)

// startChunkServer runs a protocol "frag" that reports every RECEIVE as
// "chunk <len> first=<> final=<> left=<>", with an RxBufferSize of rx.
func startChunkServer(t *testing.T, ev *events, rx int) *server {
	cb := func(wsi *lws.Wsi, reason lws.CallbackReason, user, in any, n int) int {
		switch reason {
		case lws.CallbackReceive:
			ev.add("chunk %d first=%v final=%v left=%d", n, wsi.IsFirstFragment(), wsi.IsFinalFragment(), wsi.RemainingPacketPayload())
		case lws.CallbackWSPeerInitiatedClose:
			ev.add("peer close")
		case lws.CallbackClosed:
			ev.add("closed")
		}
		return 0
	}
	return startServer(t, lws.ContextCreationInfo{Protocols: []lws.Protocol{
		{Name: "http", Callback: lws.CallbackHTTPDummy},
		{Name: "frag", Callback: cb, RxBufferSize: rx},
	}})
}

// Each fragment of a message reaches RECEIVE as soon as it arrived, as in
// lws: the client sends the next fragment only after the server reported
// the previous one. Before the fix a partial message was held back until
// 4 KB had filled or the final fragment came, and this test timed out on
// its first wait.
func TestFragmentsDeliveredAsTheyArrive(t *testing.T) {
	noLeaks(t)
	ev := newEvents()
	s := startChunkServer(t, ev, 4096)
	c := wsHandshake(t, s.addr, "frag")
	steps := []struct {
		fin     bool
		op      byte
		payload string
		want    string
	}{
		{false, opText, "0123456789", "chunk 10 first=true final=false left=0"},
		{false, opCont, "abcdefghij", "chunk 10 first=false final=false left=0"},
		{true, opCont, "klm", "chunk 3 first=false final=true left=0"},
		// A message whose last fragment is empty ends with an empty
		// final chunk, as lws delivers it.
		{false, opText, "abc", "chunk 3 first=true final=false left=0"},
		{true, opCont, "", "chunk 0 first=false final=true left=0"},
	}
	for _, st := range steps {
		if err := c.write(frame(st.fin, 0, st.op, true, []byte(st.payload))); err != nil {
			t.Fatal(err)
		}
		ev.waitEvent(t, st.want)
	}
	if code, err := c.closePolitely(); err != nil || code != 1000 {
		t.Fatalf("close: %d %v", code, err)
	}
}

// A frame longer than RxBufferSize arrives in RxBufferSize chunks, each
// telling how much of its frame is still to come
// (lws_remaining_packet_payload), across the fragments of a message.
func TestRemainingPacketPayloadPerFrame(t *testing.T) {
	noLeaks(t)
	ev := newEvents()
	s := startChunkServer(t, ev, 128)
	c := wsHandshake(t, s.addr, "frag")
	msg := make([]byte, 300)
	if err := c.write(append(frame(false, 0, opBinary, true, msg), frame(true, 0, opCont, true, msg[:200])...)); err != nil {
		t.Fatal(err)
	}
	ev.waitEvent(t, "chunk 72 first=false final=true left=0")
	got := ev.snapshot()
	want := []string{
		"chunk 128 first=true final=false left=172",
		"chunk 128 first=false final=false left=44",
		"chunk 44 first=false final=false left=0",
		"chunk 128 first=false final=false left=72",
		"chunk 72 first=false final=true left=0",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("chunks:\n got %q\nwant %q", got, want)
	}
}

// A close frame whose reason is not UTF-8 fails the connection with 1007
// (RFC 6455 §8.1) instead of being echoed, and does not reach
// WS_PEER_INITIATED_CLOSE. Before the fix golws echoed close 1000.
func TestCloseReasonNotUTF8(t *testing.T) {
	noLeaks(t)
	ev := newEvents()
	s := startChunkServer(t, ev, 4096)
	c := wsHandshake(t, s.addr, "frag")
	if err := c.writeMsg(opClose, closePayload(1000, "bye \xff\xfe")); err != nil {
		t.Fatal(err)
	}
	code, reason, err := c.closeOutcome()
	if err != nil || code != 1007 {
		t.Fatalf("got close %d %q (%v), want 1007", code, reason, err)
	}
	ev.waitEvent(t, "closed")
	if ev.has("peer close") {
		t.Fatal("an invalid close reached WS_PEER_INITIATED_CLOSE")
	}
	// A valid close, split across writes, is still echoed.
	c2 := wsHandshake(t, s.addr, "frag")
	f := frame(true, 0, opClose, true, closePayload(1001, "gone \u00e9"))
	for i := range f {
		if err := c2.write(f[i : i+1]); err != nil {
			t.Fatal(err)
		}
	}
	code, reason, err = c2.closeOutcome()
	if err != nil || code != 1001 || reason != "gone \u00e9" {
		t.Fatalf("valid close: got %d %q (%v), want 1001 echoed", code, reason, err)
	}
}
