package lws

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"testing"
)

// chunkSource hands out its chunks one Read at a time, as a socket would.
type chunkSource struct{ chunks [][]byte }

func (s *chunkSource) Read(p []byte) (int, error) {
	if len(s.chunks) == 0 {
		return 0, io.EOF
	}
	n := copy(p, s.chunks[0])
	if s.chunks[0] = s.chunks[0][n:]; len(s.chunks[0]) == 0 {
		s.chunks = s.chunks[1:]
	}
	return n, nil
}

// splitEvery cuts b into pieces of size n.
func splitEvery(b []byte, n int) [][]byte {
	var out [][]byte
	for len(b) > n {
		out = append(out, b[:n])
		b = b[n:]
	}
	return append(out, b)
}

// tapThrough reads everything src gives through t, with reads of size
// bufSize, until an error.
func tapThrough(t *frameTap, src io.Reader, bufSize int) ([]byte, error) {
	var out []byte
	buf := make([]byte, bufSize)
	for {
		n, err := t.read(src, buf)
		out = append(out, buf[:n]...)
		if err != nil {
			return out, err
		}
	}
}

// wsFrame encodes a frame; key, when not nil, masks it as a client would.
func wsFrame(fin bool, op byte, key []byte, payload []byte) []byte {
	b0 := op
	if fin {
		b0 |= 0x80
	}
	h := []byte{b0, 0}
	switch n := len(payload); {
	case n < 126:
		h[1] = byte(n)
	case n <= 0xffff:
		h[1] = 126
		h = binary.BigEndian.AppendUint16(h, uint16(n))
	default:
		h[1] = 127
		h = binary.BigEndian.AppendUint64(h, uint64(n))
	}
	p := bytes.Clone(payload)
	if key != nil {
		h[1] |= 0x80
		h = append(h, key...)
		for i := range p {
			p[i] ^= key[i&3]
		}
	}
	return append(h, p...)
}

var tapKey = []byte{1, 2, 3, 4}

func closeBody(code uint16, reason string) []byte {
	return append(binary.BigEndian.AppendUint16(nil, code), reason...)
}

// The tap passes every byte through unchanged, in order, whatever the read
// sizes, and records the data frames in order.
func TestFrameTapTransparent(t *testing.T) {
	var stream []byte
	stream = append(stream, wsFrame(false, 1, tapKey, []byte("hello "))...)
	stream = append(stream, wsFrame(true, 9, tapKey, []byte("ping"))...)
	stream = append(stream, wsFrame(true, 0, tapKey, bytes.Repeat([]byte("w"), 300))...)
	stream = append(stream, wsFrame(true, 2, tapKey, bytes.Repeat([]byte{7}, 70000))...)
	stream = append(stream, wsFrame(true, 10, tapKey, nil)...)
	stream = append(stream, wsFrame(true, 1, tapKey, nil)...)
	stream = append(stream, wsFrame(true, 8, tapKey, closeBody(1000, "bye"))...)
	for _, piece := range []int{1, 2, 3, 7, 100, 4096, len(stream)} {
		for _, bufSize := range []int{1, 5, 4096} {
			tap := newFrameTap(false)
			out, err := tapThrough(tap, &chunkSource{splitEvery(stream, piece)}, bufSize)
			if err != io.EOF || !bytes.Equal(out, stream) {
				t.Fatalf("piece %d buf %d: %d of %d bytes came through, err %v", piece, bufSize, len(out), len(stream), err)
			}
			want := []tapFrame{{6, false}, {300, true}, {70000, true}, {0, true}}
			if got := tap.frames[tap.head:]; len(got) != len(want) {
				t.Fatalf("piece %d: frames %v, want %v", piece, got, want)
			}
			for i, f := range want {
				if tap.frames[tap.head+i] != f {
					t.Fatalf("piece %d: frame %d is %v, want %v", piece, i, tap.frames[tap.head+i], f)
				}
			}
		}
	}
}

// took and ended follow the reader through fragments, long frames and
// empty frames.
func TestFrameTapTook(t *testing.T) {
	tap := newFrameTap(false)
	tap.frames = []tapFrame{{5, false}, {0, false}, {300, true}, {3, false}, {0, true}, {0, true}}
	type step struct {
		n     int
		final bool
		left  int64
	}
	for i, s := range []step{{5, false, 0}, {128, false, 172}, {128, false, 44}, {44, true, 0}, {3, false, 0}} {
		final, left := tap.took(s.n)
		if final != s.final || left != s.left {
			t.Fatalf("step %d: took(%d) = %v %d, want %v %d", i, s.n, final, left, s.final, s.left)
		}
	}
	tap.ended() // the message of 3 bytes ends in an empty final frame
	if got := tap.frames[tap.head:]; len(got) != 1 || got[0] != (tapFrame{0, true}) {
		t.Fatalf("after ended: %v, want the empty message left", got)
	}
	tap.ended()
	if tap.head != 0 || len(tap.frames) != 0 {
		t.Fatalf("frames left: %v", tap.frames[tap.head:])
	}
	if final, left := tap.took(10); final || left != 0 {
		t.Fatalf("took with no frame: %v %d", final, left)
	}
}

// A close frame is not passed on until it is whole.
func TestFrameTapHoldsCloseUntilWhole(t *testing.T) {
	data := wsFrame(true, 1, tapKey, []byte("hi"))
	cl := wsFrame(true, 8, tapKey, closeBody(1000, "ok"))
	src := &chunkSource{[][]byte{append(bytes.Clone(data), cl[:3]...), cl[3:5], cl[5:]}}
	tap := newFrameTap(false)
	buf := make([]byte, 100)
	n, err := tap.read(src, buf)
	if err != nil || !bytes.Equal(buf[:n], data) {
		t.Fatalf("first read: %q %v, want the data frame only", buf[:n], err)
	}
	n, err = tap.read(src, buf)
	if err != nil || !bytes.Equal(buf[:n], cl) {
		t.Fatalf("second read: %q %v, want the whole close frame", buf[:n], err)
	}
}

// A close whose reason is not UTF-8 never goes up: the reads fail.
func TestFrameTapRefusesCloseReasonNotUTF8(t *testing.T) {
	data := wsFrame(true, 2, tapKey, []byte{0xff})
	stream := append(bytes.Clone(data), wsFrame(true, 8, tapKey, closeBody(1000, "\xc3\x28"))...)
	for _, piece := range []int{1, 4, len(stream)} {
		tap := newFrameTap(false)
		out, err := tapThrough(tap, &chunkSource{splitEvery(stream, piece)}, 64)
		if !errors.Is(err, errCloseReasonNotUTF8) || !bytes.Equal(out, data) {
			t.Fatalf("piece %d: got %q, %v; want the data frame, then the refusal", piece, out, err)
		}
		if _, err := tap.read(&chunkSource{}, make([]byte, 8)); !errors.Is(err, errCloseReasonNotUTF8) {
			t.Fatalf("piece %d: the refusal is not sticky: %v", piece, err)
		}
	}
}

// A client's tap skips the server's HTTP response before the frames; a
// server frame is not masked.
func TestFrameTapClientSkipsResponseHead(t *testing.T) {
	head := "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nX: a\r\r\n\r\n"
	stream := append([]byte(head), wsFrame(true, 1, nil, []byte("\r\n\r\nhi"))...)
	tap := newFrameTap(true)
	out, err := tapThrough(tap, &chunkSource{splitEvery(stream, 3)}, 16)
	if err != io.EOF || !bytes.Equal(out, stream) {
		t.Fatalf("got %q %v", out, err)
	}
	if got := tap.frames[tap.head:]; len(got) != 1 || got[0] != (tapFrame{6, true}) {
		t.Fatalf("frames %v, want one of 6 bytes", got)
	}
}

// Bytes net/http read before the hijack are scanned first.
func TestFrameTapUnread(t *testing.T) {
	f := wsFrame(true, 1, tapKey, []byte("early"))
	tap := newFrameTap(false)
	tap.unread = f[:4]
	out, err := tapThrough(tap, &chunkSource{[][]byte{f[4:]}}, 64)
	if err != io.EOF || !bytes.Equal(out, f) {
		t.Fatalf("got %q %v", out, err)
	}
	if final, left := tap.took(5); !final || left != 0 {
		t.Fatalf("took: %v %d", final, left)
	}
}

// Whatever arrives, in whatever pieces: no panic, the bytes that come
// through are a prefix of the input (all of it unless a close was
// refused), and the reader's bookkeeping never panics.
func FuzzFrameTap(f *testing.F) {
	f.Add(wsFrame(true, 1, tapKey, []byte("x")), uint8(1), false)
	f.Add(wsFrame(true, 8, tapKey, closeBody(1000, "\xff")), uint8(3), false)
	f.Add(append([]byte("HTTP/1.1 101 x\r\n\r\n"), wsFrame(false, 2, nil, []byte("ab"))...), uint8(2), true)
	f.Add([]byte{0x81, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4}, uint8(5), false)
	f.Fuzz(func(t *testing.T, in []byte, piece uint8, client bool) {
		tap := newFrameTap(client)
		out, err := tapThrough(tap, &chunkSource{splitEvery(bytes.Clone(in), int(piece)+1)}, 7)
		if !bytes.HasPrefix(in, out) {
			t.Fatalf("output is not a prefix of the input")
		}
		if err == io.EOF && !bytes.Equal(out, in) && !tap.holding {
			t.Fatalf("%d of %d bytes came through with no refusal", len(out), len(in))
		}
		for i := 0; i < 8; i++ {
			tap.took(int(piece) + 1)
			tap.ended()
		}
	})
}
