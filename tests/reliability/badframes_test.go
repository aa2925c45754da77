package reliability

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/golws/golws/lws"
)

// upgraded is a raw client connection and the echo session id the server
// gave it, once its ESTABLISHED ran.
func (es *echoServer) upgraded(t *testing.T) (*rawConn, int64) {
	t.Helper()
	c := wsHandshake(t, es.addr, echoName)
	// Handshakes run one at a time, so the session made for this one is
	// the newest.
	id := es.nextID.Load()
	es.ev.waitEvent(t, fmt.Sprintf("est %d", id))
	return c, id
}

// TestBadFrames: frames RFC 6455 forbids each end the connection with
// close 1002 (protocol error) where a close frame can be sent, the wsi
// closes in lws's order without PEER_INITIATED_CLOSE, and the server goes
// on serving. Then every such socket must have been closed by the server.
func TestBadFrames(t *testing.T) {
	noLeaks(t)
	es := startEcho(t, newEvents(), lws.ContextCreationInfo{})
	cases := []struct {
		name  string
		bytes []byte
		code  int // close code expected; -1: none (the socket just closes)
	}{
		{"ping of 126 bytes", frame(true, 0, opPing, true, make([]byte, 126)), 1002},
		{"close of 126 bytes", frame(true, 0, opClose, true, append(closePayload(1000, ""), make([]byte, 124)...)), 1002},
		{"unknown data opcode 3", frame(true, 0, 3, true, []byte("x")), 1002},
		{"unknown control opcode 0xB", frame(true, 0, 0xB, true, []byte("x")), 1002},
		{"RSV1 without extension", frame(true, 4, opText, true, []byte("x")), 1002},
		{"RSV2", frame(true, 2, opText, true, []byte("x")), 1002},
		{"RSV3", frame(true, 1, opBinary, true, []byte("x")), 1002},
		{"fragmented ping", frame(false, 0, opPing, true, []byte("x")), 1002},
		{"continuation without a message", frame(true, 0, opCont, true, []byte("x")), 1002},
		{"close with a 1-byte body", frame(true, 0, opClose, true, []byte{3}), 1002},
		{"close code 1005", frame(true, 0, opClose, true, closePayload(1005, "")), 1002},
		{"close code 999", frame(true, 0, opClose, true, closePayload(999, "")), 1002},
		// The server may not answer these with a close frame; it must
		// drop the connection.
		{"unmasked client frame", frame(true, 0, opText, false, []byte("hello")), -1},
		{"length with the top bit set", append(header(true, 0, opBinary, true, 1<<63), 0, 0, 0, 0), -1},
	}
	type open struct {
		name string
		c    *rawConn
	}
	var left []open
	for _, tc := range cases {
		c, id := es.upgraded(t)
		if err := c.write(tc.bytes); err != nil {
			t.Fatalf("%s: write: %v", tc.name, err)
		}
		es.ev.waitEvent(t, fmt.Sprintf("closed %d", id))
		if es.ev.has(fmt.Sprintf("peerclose %d %d", id, 1000)) || es.ev.has(fmt.Sprintf("peerclose %d %d", id, -1)) {
			t.Errorf("%s: reported as a peer-initiated close", tc.name)
		}
		if tc.code > 0 {
			f, err := c.readFrame(nil)
			if err != nil || f.op != opClose || len(f.payload) < 2 || int(f.payload[0])<<8|int(f.payload[1]) != tc.code {
				t.Errorf("%s: want close %d, got op %d %q, %v", tc.name, tc.code, f.op, f.payload, err)
			}
		}
		left = append(left, open{tc.name, c})
		es.roundTrip(t, "after "+tc.name)
	}
	// Every bad connection's wsi is CLOSED: each socket must be closed
	// by now, or be so very soon (a closed one reads EOF at once; the
	// bound only ends the wait on one left open).
	deadline := time.Now().Add(waitBound)
	var notClosed []string
	for _, o := range left {
		o.c.nc.SetReadDeadline(deadline)
		_, err := o.c.readFrame(nil)
		if isTimeout(err) {
			notClosed = append(notClosed, o.name)
		} else if err == nil {
			t.Errorf("%s: a frame after the close", o.name)
		}
	}
	es.checkPairs(t)
	if len(notClosed) > 0 {
		t.Errorf("the server left %d of %d sockets open after their wsi was CLOSED for a protocol error: %s",
			len(notClosed), len(left), strings.Join(notClosed, "; "))
	}
}

// TestLongMessagesChunked: messages longer than the protocol's
// RxBufferSize (128) arrive in chunks of at most 128 bytes, the first
// flagged first, the last final, the kind steady (the echo protocol checks
// each chunk), whether sent as one frame or in fragments, and are echoed
// whole.
func TestLongMessagesChunked(t *testing.T) {
	noLeaks(t)
	es := startEcho(t, newEvents(), lws.ContextCreationInfo{})
	c, id := es.upgraded(t)
	pattern := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = 'a' + byte(i%26)
		}
		return b
	}
	for _, n := range []int{0, 1, 127, 128, 129, 256, 1000, 4096, 10000, 100000, 1 << 20} {
		for _, fragments := range []int{1, 3} {
			for _, op := range []byte{opText, opBinary} {
				msg := pattern(n)
				// Send it in fragments of about n/fragments.
				step := max(1, (n+fragments-1)/fragments)
				var out []byte
				for off, k := 0, 0; off < n || k == 0; k++ {
					end := min(n, off+step)
					fop := byte(opCont)
					if k == 0 {
						fop = op
					}
					out = append(out, frame(end == n, 0, fop, true, msg[off:end])...)
					off = end
				}
				if err := c.write(out); err != nil {
					t.Fatal(err)
				}
				f, err := c.readMsg()
				if err != nil || f.op != op || !bytes.Equal(f.payload, msg) {
					t.Fatalf("%d bytes in %d fragments: echo op %d, %d bytes, %v", n, fragments, f.op, len(f.payload), err)
				}
			}
		}
	}
	if code, err := c.closePolitely(); code != 1000 {
		t.Errorf("close: %d %v", code, err)
	}
	es.ev.waitEvent(t, fmt.Sprintf("closed %d", id))
	for _, e := range es.ev.snapshot() {
		if strings.HasPrefix(e, "bad ") {
			t.Errorf("chunking: %s", e)
		}
	}
	var chunks []string
	for _, e := range es.ev.snapshot() {
		if strings.HasPrefix(e, fmt.Sprintf("msg %d len=100000 ", id)) {
			chunks = append(chunks, e)
		}
	}
	t.Logf("100000-byte messages arrived as %q", chunks)
}

// TestHugeFrameClaim: a frame header claiming 2^62 bytes, followed by a
// trickle. golws streams it: the chunks that arrive are delivered, no
// memory is reserved for the claimed length, the server keeps serving,
// and when the client goes the wsi closes without the message ever being
// reported complete.
func TestHugeFrameClaim(t *testing.T) {
	noLeaks(t)
	es := startEcho(t, newEvents(), lws.ContextCreationInfo{})
	heap0 := heapInuse()
	c, id := es.upgraded(t)
	if err := c.write(header(true, 0, opBinary, true, 1<<62)); err != nil {
		t.Fatal(err)
	}
	const sent = 100 * echoRx
	for off := 0; off < sent; off += 1000 {
		c.write(masked(make([]byte, min(1000, sent-off)), off))
	}
	es.roundTrip(t, "while a huge frame is half-sent")
	if growth := int64(heapInuse()) - int64(heap0); growth > 4*mib {
		t.Errorf("heap grew %d KiB for a frame claiming 2^62 bytes", growth>>10)
	}
	c.nc.Close()
	es.ev.waitEvent(t, fmt.Sprintf("closed %d", id))
	for _, e := range es.ev.snapshot() {
		if strings.HasPrefix(e, fmt.Sprintf("partial %d ", id)) {
			t.Logf("server side, at the close: %s", e)
		}
	}
	for _, e := range es.ev.snapshot() {
		if strings.HasPrefix(e, fmt.Sprintf("msg %d ", id)) {
			t.Errorf("a frame claiming 2^62 bytes, cut off by the client after %d, was reported complete: %q", sent, e)
		}
	}
}

// TestTruncatedMessage: clients that die in the middle of a message; the
// part that arrived must not be reported as a complete message (no chunk
// with IsFinalFragment), and the server goes on serving.
func TestTruncatedMessage(t *testing.T) {
	noLeaks(t)
	es := startEcho(t, newEvents(), lws.ContextCreationInfo{})
	x := func(n int) []byte { return bytes.Repeat([]byte("x"), n) }
	cases := []struct {
		name  string
		bytes []byte
	}{
		{"200 of a 300-byte frame", append(header(true, 0, opText, true, 300), masked(x(200), 0)...)},
		{"256 of a 300-byte frame (a chunk boundary)", append(header(true, 0, opText, true, 300), masked(x(256), 0)...)},
		{"a first fragment, then nothing", frame(false, 0, opBinary, true, x(100))},
		{"two fragments, then nothing", append(frame(false, 0, opText, true, x(100)), frame(false, 0, opCont, true, x(100))...)},
	}
	var wrong []string
	for _, tc := range cases {
		c, id := es.upgraded(t)
		c.write(tc.bytes)
		c.nc.Close()
		es.ev.waitEvent(t, fmt.Sprintf("closed %d", id))
		for _, e := range es.ev.snapshot() {
			if strings.HasPrefix(e, fmt.Sprintf("msg %d ", id)) {
				wrong = append(wrong, fmt.Sprintf("%s: %q", tc.name, e))
			}
		}
		es.roundTrip(t, "after "+tc.name)
	}
	if len(wrong) > 0 {
		t.Errorf("messages cut off by a TCP close were delivered as complete: %s", strings.Join(wrong, "; "))
	}
}

// TestInvalidUTF8: lws without LWS_SERVER_OPTION_VALIDATE_UTF8 passes
// invalid UTF-8 in text messages through, and so does golws: the echo
// comes back byte for byte. With the option the connection is closed
// with 1007 and the message is not delivered.
func TestInvalidUTF8(t *testing.T) {
	noLeaks(t)
	bad := [][]byte{
		[]byte("\xff\xfe"),                // never valid
		[]byte("abc\xe2\x82"),             // truncated sequence
		[]byte("\xc0\xaf"),                // overlong '/'
		[]byte("\xed\xa0\x80"),            // UTF-16 surrogate
		[]byte("\xf4\x90\x80\x80"),        // above U+10FFFF
		append([]byte("ok "), 0x80, 0x80), // stray continuation bytes
	}
	t.Run("passed-through", func(t *testing.T) {
		es := startEcho(t, newEvents(), lws.ContextCreationInfo{})
		c, _ := es.upgraded(t)
		for _, b := range bad {
			c.writeMsg(opText, b)
			f, err := c.readMsg()
			if err != nil || f.op != opText || !bytes.Equal(f.payload, b) {
				t.Errorf("%q: echo op %d %q, %v", b, f.op, f.payload, err)
			}
		}
		if code, err := c.closePolitely(); code != 1000 {
			t.Errorf("close: %d %v", code, err)
		}
	})
	t.Run("VALIDATE_UTF8", func(t *testing.T) {
		es := startEcho(t, newEvents(), lws.ContextCreationInfo{Options: lws.ServerOptionValidateUTF8})
		for _, b := range bad {
			c, id := es.upgraded(t)
			// Valid text in several chunks first, a multi-byte rune
			// across a chunk boundary included, then the bad message.
			good := []byte(strings.Repeat("é", echoRx))
			c.writeMsg(opText, good)
			if f, err := c.readMsg(); err != nil || !bytes.Equal(f.payload, good) {
				t.Fatalf("valid text: %q %v", f.payload, err)
			}
			c.writeMsg(opText, b)
			code, _, err := c.closeOutcome()
			if code != 1007 {
				t.Errorf("%q: close %d (%v), want 1007", b, code, err)
			}
			c.writeMsg(opClose, closePayload(1007, ""))
			es.ev.waitEvent(t, fmt.Sprintf("closed %d", id))
			if n := es.ev.count(fmt.Sprintf("msg %d len=%d chunks=1 bin=false", id, len(b))); n != 0 {
				t.Errorf("%q: delivered although invalid", b)
			}
		}
		es.roundTrip(t, "after invalid UTF-8")
	})
}
