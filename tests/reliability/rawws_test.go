package reliability

import (
	"bufio"
	"crypto/sha1"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// A WebSocket client written out by hand, frame by frame, so that a test
// can send what no library would: bad handshakes, unmasked frames, reserved
// bits, lying lengths.

const (
	opCont   = 0x0
	opText   = 0x1
	opBinary = 0x2
	opClose  = 0x8
	opPing   = 0x9
	opPong   = 0xA
)

// sampleKey is RFC 6455's example Sec-WebSocket-Key.
const sampleKey = "dGhlIHNhbXBsZSBub25jZQ=="

// acceptFor is the Sec-WebSocket-Accept a server must answer key with.
func acceptFor(key string) string {
	h := sha1.Sum([]byte(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"))
	return base64.StdEncoding.EncodeToString(h[:])
}

// upgradeRequest is a well-formed handshake offering protocols (none when
// empty), with extra header lines (each ending in \r\n) appended.
func upgradeRequest(addr, protocols, extra string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "GET / HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
		"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: %s\r\n", addr, sampleKey)
	if protocols != "" {
		fmt.Fprintf(&b, "Sec-WebSocket-Protocol: %s\r\n", protocols)
	}
	b.WriteString(extra)
	b.WriteString("\r\n")
	return b.String()
}

type rawConn struct {
	nc net.Conn
	br *bufio.Reader
}

// rawDial opens a TCP connection with every operation on it bounded by
// bound from now; the test closes it at its end.
func rawDial(t testing.TB, addr string, bound time.Duration) *rawConn {
	t.Helper()
	c, err := dialRaw(addr, bound)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.nc.Close() })
	return c
}

func dialRaw(addr string, bound time.Duration) (*rawConn, error) {
	nc, err := net.DialTimeout("tcp", addr, bound)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", addr, err)
	}
	nc.SetDeadline(time.Now().Add(bound))
	return &rawConn{nc: nc, br: bufio.NewReader(nc)}, nil
}

func (c *rawConn) send(s string) error {
	_, err := io.WriteString(c.nc, s)
	return err
}

// response reads one HTTP response head (and a body, if it has a length
// and is small). A connection closed before any byte gives (nil, err)
// with err io.EOF or a reset: lws's "no response".
func (c *rawConn) response() (*http.Response, error) {
	resp, err := http.ReadResponse(c.br, nil)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusSwitchingProtocols && resp.ContentLength >= 0 && resp.ContentLength < 1<<20 {
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		resp.Body = io.NopCloser(strings.NewReader(string(body)))
	}
	return resp, nil
}

// wsHandshake dials, upgrades with protocols and checks the 101.
func wsHandshake(t testing.TB, addr, protocols string) *rawConn {
	t.Helper()
	c, err := handshake(addr, protocols, waitBound)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.nc.Close() })
	return c
}

func handshake(addr, protocols string, bound time.Duration) (*rawConn, error) {
	c, err := dialRaw(addr, bound)
	if err != nil {
		return nil, err
	}
	if err := c.send(upgradeRequest(addr, protocols, "")); err != nil {
		c.nc.Close()
		return nil, fmt.Errorf("send handshake: %w", err)
	}
	resp, err := c.response()
	switch {
	case err != nil:
		err = fmt.Errorf("handshake: no response: %w", err)
	case resp.StatusCode != http.StatusSwitchingProtocols:
		err = fmt.Errorf("handshake: %s", resp.Status)
	case resp.Header.Get("Sec-WebSocket-Accept") != acceptFor(sampleKey):
		err = fmt.Errorf("handshake: Sec-WebSocket-Accept %q, want %q", resp.Header.Get("Sec-WebSocket-Accept"), acceptFor(sampleKey))
	}
	if err != nil {
		c.nc.Close()
		return nil, err
	}
	return c, nil
}

var maskKey = [4]byte{0x37, 0xfa, 0x21, 0x3d}

// header encodes a frame header claiming length bytes of payload.
func header(fin bool, rsv, op byte, masked bool, length uint64) []byte {
	b0 := op & 0x0f
	if fin {
		b0 |= 0x80
	}
	b0 |= (rsv & 7) << 4
	h := []byte{b0, 0}
	switch {
	case length < 126:
		h[1] = byte(length)
	case length <= 0xffff:
		h[1] = 126
		h = binary.BigEndian.AppendUint16(h, uint16(length))
	default:
		h[1] = 127
		h = binary.BigEndian.AppendUint64(h, length)
	}
	if masked {
		h[1] |= 0x80
		h = append(h, maskKey[:]...)
	}
	return h
}

// masked returns p masked with maskKey from offset off of the payload.
func masked(p []byte, off int) []byte {
	out := make([]byte, len(p))
	for i := range p {
		out[i] = p[i] ^ maskKey[(off+i)%4]
	}
	return out
}

// frame encodes a whole frame; client frames are masked unless told not.
func frame(fin bool, rsv, op byte, mask bool, payload []byte) []byte {
	f := header(fin, rsv, op, mask, uint64(len(payload)))
	if mask {
		return append(f, masked(payload, 0)...)
	}
	return append(f, payload...)
}

func (c *rawConn) write(b []byte) error {
	_, err := c.nc.Write(b)
	return err
}

// writeMsg sends one masked, final frame.
func (c *rawConn) writeMsg(op byte, payload []byte) error {
	return c.write(frame(true, 0, op, true, payload))
}

// closePayload is a close frame's body.
func closePayload(code uint16, reason string) []byte {
	return append(binary.BigEndian.AppendUint16(nil, code), reason...)
}

type rxFrame struct {
	fin     bool
	rsv     byte
	op      byte
	payload []byte
}

// readFrame reads one server frame into buf (grown if needed). Server
// frames must not be masked.
func (c *rawConn) readFrame(buf []byte) (rxFrame, error) {
	var h [2]byte
	if _, err := io.ReadFull(c.br, h[:]); err != nil {
		return rxFrame{}, err
	}
	f := rxFrame{fin: h[0]&0x80 != 0, rsv: (h[0] >> 4) & 7, op: h[0] & 0x0f}
	if h[1]&0x80 != 0 {
		return f, errors.New("server frame is masked")
	}
	n := uint64(h[1] & 0x7f)
	switch n {
	case 126:
		var x [2]byte
		if _, err := io.ReadFull(c.br, x[:]); err != nil {
			return f, err
		}
		n = uint64(binary.BigEndian.Uint16(x[:]))
	case 127:
		var x [8]byte
		if _, err := io.ReadFull(c.br, x[:]); err != nil {
			return f, err
		}
		n = binary.BigEndian.Uint64(x[:])
	}
	if n > 64<<20 {
		return f, fmt.Errorf("server frame of %d bytes", n)
	}
	if uint64(cap(buf)) < n {
		buf = make([]byte, n)
	}
	f.payload = buf[:n]
	_, err := io.ReadFull(c.br, f.payload)
	return f, err
}

// readMsg reads the next data frame, skipping pings and pongs.
func (c *rawConn) readMsg() (rxFrame, error) {
	for {
		f, err := c.readFrame(nil)
		if err != nil || (f.op != opPing && f.op != opPong) {
			return f, err
		}
	}
}

// closeOutcome reads until the server closes and says how: the close
// frame's code (-1 if none came) and whether data frames came first.
func (c *rawConn) closeOutcome() (code int, reason string, err error) {
	for {
		f, err := c.readFrame(nil)
		if err != nil {
			return -1, "", err
		}
		if f.op == opClose {
			if len(f.payload) >= 2 {
				return int(binary.BigEndian.Uint16(f.payload)), string(f.payload[2:]), nil
			}
			return 1005, "", nil
		}
	}
}

// closePolitely sends close 1000 and reads until the server's close frame.
func (c *rawConn) closePolitely() (int, error) {
	if err := c.writeMsg(opClose, closePayload(1000, "")); err != nil {
		return -1, err
	}
	code, _, err := c.closeOutcome()
	c.nc.Close()
	return code, err
}

func bufioReader(s string) *bufio.Reader { return bufio.NewReader(strings.NewReader(s)) }
