package main

import (
	"bufio"
	"crypto/sha1"
	"encoding/base64"
	"encoding/binary"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// frame builds an unmasked server frame (payload < 64 KiB).
func frame(fin bool, op byte, p []byte) []byte {
	b0 := op
	if fin {
		b0 |= 0x80
	}
	var out []byte
	switch {
	case len(p) < 126:
		out = []byte{b0, byte(len(p))}
	default:
		out = []byte{b0, 126, 0, 0}
		binary.BigEndian.PutUint16(out[2:], uint16(len(p)))
	}
	return append(out, p...)
}

func text(s string) []byte { return frame(true, opText, []byte(s)) }

// clientFrame is a frame as the server side of rawServer read it.
type clientFrame struct {
	op     byte
	p      []byte
	masked bool
}

// rawServer serves one connection by hand: it answers the handshake
// (edit may spoil the response headers), writes out, then reads the
// client's frames until EOF, echoing a close. A nil in out drops the
// connection without a close frame. It returns the URL and a function that
// waits for the connection to end and gives the client's frames.
func rawServer(t *testing.T, edit func(http.Header), out ...[]byte) (string, func() []clientFrame) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var got []clientFrame
	var wg sync.WaitGroup
	wg.Go(func() {
		defer ln.Close()
		nc, err := ln.Accept()
		if err != nil {
			return
		}
		defer nc.Close()
		_ = nc.SetDeadline(time.Now().Add(10 * time.Second))
		br := bufio.NewReader(nc)
		req, err := http.ReadRequest(br)
		if err != nil {
			return
		}
		sum := sha1.Sum([]byte(req.Header.Get("Sec-WebSocket-Key") + wsGUID))
		h := http.Header{}
		h.Set("Upgrade", "websocket")
		h.Set("Connection", "Upgrade")
		h.Set("Sec-WebSocket-Accept", base64.StdEncoding.EncodeToString(sum[:]))
		if p := req.Header.Get("Sec-WebSocket-Protocol"); p != "" {
			h.Set("Sec-WebSocket-Protocol", strings.Split(p, ",")[0])
		}
		if edit != nil {
			edit(h)
		}
		resp := "HTTP/1.1 101 Switching Protocols\r\n"
		for k, vs := range h {
			for _, v := range vs {
				resp += k + ": " + v + "\r\n"
			}
		}
		if _, err := io.WriteString(nc, resp+"\r\n"); err != nil {
			return
		}
		for _, f := range out {
			if f == nil {
				return // a nil frame: drop the connection here
			}
			if _, err := nc.Write(f); err != nil {
				return
			}
		}
		for {
			var h [2]byte
			if _, err := io.ReadFull(br, h[:]); err != nil {
				return
			}
			f := clientFrame{op: h[0] & 0x0f, masked: h[1]&0x80 != 0}
			n := int(h[1] & 0x7f) // the client sends control frames only
			var key [4]byte
			if f.masked {
				if _, err := io.ReadFull(br, key[:]); err != nil {
					return
				}
			}
			f.p = make([]byte, n)
			if _, err := io.ReadFull(br, f.p); err != nil {
				return
			}
			for i := range f.p {
				f.p[i] ^= key[i&3]
			}
			got = append(got, f)
			if f.op == opClose {
				_, _ = nc.Write(frame(true, opClose, f.p)) // the echo
			}
		}
	})
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	return "ws://" + ln.Addr().String() + "/", func() []clientFrame { wg.Wait(); return got }
}

// What a broken server could send, and what the run makes of it: a
// repeat, a ping on the way (answered), a message in two fragments, a torn
// frame, an oversized message, then a close before the sequence is done.
func TestRunCountsDamage(t *testing.T) {
	big := "pos 4" + strings.Repeat("0", maxMessage)
	url, clientFrames := rawServer(t, nil,
		text("pos 1"), text("pos 1"),
		frame(true, opPing, []byte("hi")),
		frame(false, opText, []byte("po")), frame(true, opCont, []byte("s 3")),
		text("\x00os 4"), text(big), text("pos 6"),
		frame(true, opClose, []byte{0x03, 0xe8}))
	r, err := runLoad(testCtx(t), runConfig{url: url, protocol: "lws-minimal", conns: 1, expect: 6, step: 1, timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if r.Frames != 6 || r.Dups != 1 || r.Gaps != 3 || r.Damaged != 2 || r.Errors != 1 || r.clean() {
		t.Fatalf("%s", runLine(r))
	}
	if r.FirstDamaged != `"\x00os 4"` || !strings.Contains(r.FirstError, "server closed: 1000") {
		t.Fatalf("%s", runLine(r))
	}
	cf := clientFrames()
	if len(cf) != 2 || cf[0].op != opPong || string(cf[0].p) != "hi" || cf[1].op != opClose ||
		string(cf[1].p) != "\x03\xe8" || !cf[0].masked || !cf[1].masked {
		t.Fatalf("client sent %+v", cf)
	}
}

// Once the sequence is complete the client closes; frames after it are
// still checked.
func TestRunClosesWhenComplete(t *testing.T) {
	url, clientFrames := rawServer(t, nil, text("pos 1"), text("pos 2"), text("pos 2"))
	r, err := runLoad(testCtx(t), runConfig{url: url, protocol: "p", conns: 1, expect: 2, step: 1, timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if r.Frames != 3 || r.Dups != 1 || r.Errors != 0 || r.TimedOut {
		t.Fatalf("%s", runLine(r))
	}
	if cf := clientFrames(); len(cf) != 1 || cf[0].op != opClose {
		t.Fatalf("client sent %+v", cf)
	}
}

// A control frame may come between a message's fragments; a pong is
// returned to the caller then, and the message must survive it.
func TestPongBetweenFragments(t *testing.T) {
	url, _ := rawServer(t, nil, frame(false, opText, []byte("po")), frame(true, opPong, []byte("x")),
		frame(false, opCont, []byte("s")), frame(true, opCont, []byte(" 1")))
	r, err := runLoad(testCtx(t), runConfig{url: url, conns: 1, expect: 1, step: 1, timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if !r.clean() || r.Frames != 1 {
		t.Fatalf("%s", runLine(r))
	}
}

// Without --expect the run reads until the server ends the connection,
// with a close frame or, like lws's stock example, without one.
func TestRunOpenEnded(t *testing.T) {
	for name, end := range map[string][]byte{"close": frame(true, opClose, []byte{0x03, 0xe8}), "drop": nil} {
		t.Run(name, func(t *testing.T) {
			url, _ := rawServer(t, nil, text("pos 1000000"), text("pos 2000000"), end)
			r, err := runLoad(testCtx(t), runConfig{url: url, conns: 1, step: 1000000, timeout: 10 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			if !r.clean() || r.Frames != 2 {
				t.Fatalf("%s", runLine(r))
			}
		})
	}
}

func TestHandshakeAndProtocolErrors(t *testing.T) {
	cases := map[string]struct {
		edit  func(http.Header)
		out   [][]byte
		proto string
		want  string
	}{
		"wrong accept":       {edit: func(h http.Header) { h.Set("Sec-WebSocket-Accept", "x") }, want: "Sec-WebSocket-Accept"},
		"protocol ignored":   {edit: func(h http.Header) { h.Del("Sec-WebSocket-Protocol") }, proto: "p", want: "subprotocol"},
		"protocol unasked":   {edit: func(h http.Header) { h.Set("Sec-WebSocket-Protocol", "q") }, want: "subprotocol"},
		"masked from server": {out: [][]byte{{0x81, 0x85, 1, 2, 3, 4, 'p', 'o', 's', ' ', '1'}}, want: "masked"},
		"reserved bits":      {out: [][]byte{{0xc1, 0x05, 'p', 'o', 's', ' ', '1'}}, want: "reserved"},
		"long control":       {out: [][]byte{frame(true, opPing, make([]byte, 126))}, want: "control"},
		"stray continuation": {out: [][]byte{frame(true, opCont, []byte("x"))}, want: "opcode"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			url, _ := rawServer(t, tc.edit, tc.out...)
			r, err := runLoad(testCtx(t), runConfig{url: url, protocol: tc.proto, conns: 1, expect: 1, step: 1, timeout: 10 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			if r.Errors != 1 || !strings.Contains(r.FirstError, tc.want) {
				t.Fatalf("%s", runLine(r))
			}
		})
	}
}

// A server that sends nothing: the run ends at its timeout, reported.
func TestRunTimeout(t *testing.T) {
	url, _ := rawServer(t, nil)
	r, err := runLoad(testCtx(t), runConfig{url: url, conns: 1, expect: 1, step: 1, timeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if !r.TimedOut || r.Errors != 1 || r.clean() {
		t.Fatalf("%s", runLine(r))
	}
}

// The baseline server and the run, in process, over loopback: with a
// known count, and reading until the server closes.
func TestBaselineRun(t *testing.T) {
	b, err := startBaseline("127.0.0.1:0", 500)
	if err != nil {
		t.Fatal(err)
	}
	defer b.close()
	url := "ws://" + b.ln.Addr().String() + "/"
	for _, expect := range []uint64{500, 0} {
		r, err := runLoad(testCtx(t), runConfig{url: url, protocol: baselineProtocol, conns: 4, expect: expect, step: 1,
			pid: os.Getpid(), timeout: 10 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		if !r.clean() || r.Frames != 2000 || r.FramesPerSec <= 0 || r.ServerRSSMB <= 0 || len(r.PerConn) != 4 {
			t.Fatalf("expect %d: %s", expect, runLine(r))
		}
	}
}

// Idle connections offering no subprotocol are held, answer a ping after
// the hold, and the server's RSS is read.
func TestBaselineIdle(t *testing.T) {
	b, err := startBaseline("127.0.0.1:0", 500)
	if err != nil {
		t.Fatal(err)
	}
	defer b.close()
	r, err := runIdle(testCtx(t), idleConfig{url: "ws://" + b.ln.Addr().String() + "/", conns: 50, pid: os.Getpid(),
		settle: 50 * time.Millisecond, timeout: 10 * time.Second, dialers: 8})
	if err != nil {
		t.Fatal(err)
	}
	if !r.clean() || r.Opened != 50 || r.RSSAfterKB <= 0 {
		t.Fatalf("%s", idleLine(r))
	}
}

// An "idle" connection that gets messages is reported.
func TestIdleNotIdle(t *testing.T) {
	b, err := startBaseline("127.0.0.1:0", 5)
	if err != nil {
		t.Fatal(err)
	}
	defer b.close()
	r, err := runIdle(testCtx(t), idleConfig{url: "ws://" + b.ln.Addr().String() + "/", protocol: baselineProtocol,
		conns: 2, settle: 50 * time.Millisecond, timeout: 5 * time.Second, dialers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if r.clean() || r.Errors != 2 || !strings.Contains(r.FirstError, "got a message") {
		t.Fatalf("%s", idleLine(r))
	}
}
