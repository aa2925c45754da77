package lws

import (
	"errors"
	"io"
	"sync"
	"unicode/utf8"
)

// errCloseReasonNotUTF8 is the peer's close frame carrying a reason that is
// not UTF-8: RFC 6455 §8.1 wants the connection failed with 1007.
var errCloseReasonNotUTF8 = errors.New("lws: close frame reason is not UTF-8")

// WebSocket opcodes the tap tells apart.
const (
	opContinuation = 0x0
	opBinary       = 0x2
	opClose        = 0x8
)

// frameTap follows the WebSocket frames in the bytes a connection reads, a
// step ahead of coder/websocket, which reads messages and keeps frames to
// itself. It learns what lws's parser knows and coder/websocket does not
// say: where each data frame ends and whether it ends its message. With
// that the reader hands a fragment to RECEIVE as soon as it arrived, with
// lws's IsFinalFragment and RemainingPacketPayload, instead of reading
// ahead to find out.
//
// It also holds a close frame back until the frame is whole and checks its
// reason: coder/websocket would echo a close whose reason is not UTF-8,
// where the RFC requires failing the connection with 1007. The reads that
// follow such a frame fail with errCloseReasonNotUTF8 and coder/websocket
// never sees it.
//
// Reads are serialised by coder/websocket (its read lock also covers the
// close handshake's reads); mu guards the frame list the reader consumes.
type frameTap struct {
	mu sync.Mutex

	// inHead: a client's tap starts in the server's HTTP response, whose
	// end (headEnd bytes of "\r\n\r\n" seen so far) is where frames begin.
	inHead  bool
	headEnd int

	hdr     [14]byte // the frame header being collected
	hdrLen  int
	op      byte
	payLeft int64 // payload bytes of the current frame still to come
	mask    [4]byte
	masked  bool

	// A close frame is held back from its first byte until it is whole:
	// held keeps what was read from then on, closePay its payload.
	holding   bool
	releasing bool // the close was fine: held goes up before any new read
	held      []byte
	closePay  []byte
	collect   bool // closePay is being filled

	unread []byte // bytes read before the tap took over, to scan first
	done   bool   // a close went up or the stream stopped making sense
	err    error  // sticky: the peer broke a rule the tap enforces

	// frames[head:] are the data frames whose payload the reader has not
	// all taken, oldest first.
	frames []tapFrame
	head   int
}

// tapFrame is a data frame as the reader consumes it.
type tapFrame struct {
	left int64 // payload bytes not yet taken
	fin  bool
}

func newFrameTap(inHead bool) *frameTap { return &frameTap{inHead: inHead} }

// read is the connection's Read with the tap in the way.
func (t *frameTap) read(src io.Reader, p []byte) (int, error) {
	for {
		t.mu.Lock()
		if t.releasing {
			n := copy(p, t.held)
			t.held = t.held[n:]
			if len(t.held) == 0 {
				t.releasing, t.held = false, nil
			}
			t.mu.Unlock()
			return n, nil
		}
		if t.err != nil {
			err := t.err
			t.mu.Unlock()
			return 0, err
		}
		var n int
		var err error
		if len(t.unread) > 0 {
			n = copy(p, t.unread)
			t.unread = t.unread[n:]
		} else {
			t.mu.Unlock()
			n, err = src.Read(p)
			t.mu.Lock()
		}
		k := t.scan(p[:n])
		t.mu.Unlock()
		if k > 0 || err != nil {
			return k, err
		}
		// Everything read is held back (a close frame not yet whole), or
		// was refused: read on, or report the refusal.
	}
}

// scan parses b and returns how many of its leading bytes may go up now;
// the rest is kept in held.
func (t *frameTap) scan(b []byte) int {
	if t.done {
		return len(b)
	}
	up := len(b) // bytes before the hold starts
	if t.holding {
		up = 0
	}
	for i := 0; i < len(b) && !t.done; {
		switch {
		case t.inHead:
			t.headEnd = nextHeadEnd(t.headEnd, b[i])
			t.inHead = t.headEnd < 4
			i++
		case t.payLeft > 0:
			m := int(min(int64(len(b)-i), t.payLeft))
			if t.collect {
				t.closePay = append(t.closePay, b[i:i+m]...)
			}
			i += m
			t.payLeft -= int64(m)
			if t.payLeft == 0 {
				t.frameEnd()
			}
		default:
			if t.hdrLen == 0 && b[i]&0xf == opClose && !t.holding {
				t.holding, up = true, i
			}
			t.hdr[t.hdrLen] = b[i]
			t.hdrLen++
			i++
			t.headerByte()
		}
	}
	if t.holding || t.releasing {
		t.held = append(t.held, b[up:]...)
	}
	if t.err != nil {
		t.held = nil
	}
	return up
}

// nextHeadEnd advances the count of "\r\n\r\n" bytes seen by c.
func nextHeadEnd(seen int, c byte) int {
	switch {
	case c == "\r\n\r\n"[seen]:
		return seen + 1
	case c == '\r':
		return 1
	}
	return 0
}

// headerByte starts the frame once its header is whole.
func (t *frameTap) headerByte() {
	if t.hdrLen < 2 {
		return
	}
	need := 2
	switch t.hdr[1] & 0x7f {
	case 126:
		need += 2
	case 127:
		need += 8
	}
	t.masked = t.hdr[1]&0x80 != 0
	if t.masked {
		need += 4
	}
	if t.hdrLen < need {
		return
	}
	var n int64
	switch l := t.hdr[1] & 0x7f; l {
	case 126:
		n = int64(t.hdr[2])<<8 | int64(t.hdr[3])
	case 127:
		for _, c := range t.hdr[2:10] {
			n = n<<8 | int64(c)
		}
	default:
		n = int64(l)
	}
	if t.masked {
		copy(t.mask[:], t.hdr[need-4:need])
	}
	if n < 0 {
		// coder/websocket refuses the frame; nothing after it counts.
		t.release()
		t.done = true
		return
	}
	t.op = t.hdr[0] & 0xf
	t.hdrLen = 0
	t.payLeft = n
	switch {
	case t.op <= opBinary:
		t.frames = append(t.frames, tapFrame{left: n, fin: t.hdr[0]&0x80 != 0})
	case t.op == opClose && n <= 125:
		t.collect, t.closePay = true, t.closePay[:0]
	case t.op == opClose:
		// Too long for a control frame: coder/websocket fails it.
		t.release()
	}
	if n == 0 {
		t.frameEnd()
	}
}

// frameEnd runs when the current frame's payload is complete.
func (t *frameTap) frameEnd() {
	if !t.collect {
		return
	}
	t.collect = false
	p := t.closePay
	if t.masked {
		for i := range p {
			p[i] ^= t.mask[i&3]
		}
	}
	t.done = true // the peer may send nothing after a close
	if len(p) > 2 && !utf8.Valid(p[2:]) {
		t.err = errCloseReasonNotUTF8
		t.holding = false
		return
	}
	t.release()
}

func (t *frameTap) release() {
	if t.holding {
		t.holding, t.releasing = false, true
	}
}

// took records that the reader was given n > 0 payload bytes, which
// coder/websocket never takes from more than one frame, and reports
// whether they end the message and how many bytes of their frame are still
// to come (lws_remaining_packet_payload).
func (t *frameTap) took(n int) (final bool, left int64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for t.head < len(t.frames) && t.frames[t.head].left == 0 && !t.frames[t.head].fin {
		t.pop() // empty fragments carry nothing to deliver
	}
	if t.head == len(t.frames) {
		return false, 0 // the tap lost track: the message's end will tell
	}
	f := &t.frames[t.head]
	f.left -= int64(n)
	left, final = max(f.left, 0), f.fin && f.left <= 0
	if f.left <= 0 {
		t.pop()
	}
	return final, left
}

// ended drops what is left of a message coder/websocket has ended: its
// empty frames, up to and including the final one.
func (t *frameTap) ended() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for t.head < len(t.frames) && t.frames[t.head].left == 0 {
		fin := t.frames[t.head].fin
		t.pop()
		if fin {
			return
		}
	}
}

func (t *frameTap) pop() {
	t.head++
	if t.head == len(t.frames) {
		t.frames, t.head = t.frames[:0], 0
	}
}
