package main

import (
	"bufio"
	"context"
	crand "crypto/rand"
	"crypto/sha1"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// wsConn is the client side of an RFC 6455 connection, reduced to what a
// load tool needs: read messages, answer pings and closes, send pings and a
// close. It is not coder/websocket's client for two reasons. The tool
// shares the machine's cores with the server under test, and that client
// takes a lock and, with a cancellable context, registers a
// context.AfterFunc for every message it reads: CPU the server is being
// measured on. And the checker must see what the server actually sent,
// where that client would fail the connection on the first oddity. Here a
// frame costs a few reads from a bufio.Reader. It speaks plain ws:// only,
// offers no extension, and is used by one goroutine at a time.
type wsConn struct {
	nc  net.Conn
	br  *bufio.Reader
	msg []byte // the message being assembled; reused
	out []byte // the control frame being written; reused
	ctl [125]byte

	closeSent bool // a close went out: one arriving now is the echo

	// The message being assembled survives a call that returns a pong
	// between its fragments.
	inMsg    bool
	msgOp    byte
	msgTrunc bool
}

const (
	opCont   = 0x0
	opText   = 0x1
	opBinary = 0x2
	opClose  = 0x8
	opPing   = 0x9
	opPong   = 0xa

	// maxMessage is how much of one message the client keeps. The
	// messages under test are a dozen bytes; a longer one is damage, and
	// the rest of it is read and dropped rather than held.
	maxMessage = 4096

	wsGUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
)

// closeError is a close frame from the server (already answered).
type closeError struct {
	code   int // 1005 when the frame carried no code
	reason string
}

func (e *closeError) Error() string {
	return fmt.Sprintf("server closed: %d %q", e.code, e.reason)
}

// dialWS connects and does the opening handshake; protocol "" offers no
// subprotocol. The handshake is bounded by ctx's deadline, or 10 s.
func dialWS(ctx context.Context, rawURL, protocol string, bufSize int) (*wsConn, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "ws" && u.Scheme != "http" {
		return nil, fmt.Errorf("%s: only ws:// is supported", rawURL)
	}
	host := u.Host
	if u.Port() == "" {
		host = net.JoinHostPort(u.Hostname(), "80")
	}
	var d net.Dialer
	nc, err := d.DialContext(ctx, "tcp", host)
	if err != nil {
		return nil, err
	}
	deadline, ok := ctx.Deadline()
	if !ok {
		deadline = time.Now().Add(10 * time.Second)
	}
	_ = nc.SetDeadline(deadline)
	c := &wsConn{nc: nc, br: bufio.NewReaderSize(nc, bufSize)}
	if err := c.handshake(u, protocol); err != nil {
		nc.Close()
		return nil, err
	}
	_ = nc.SetDeadline(time.Time{})
	return c, nil
}

func (c *wsConn) handshake(u *url.URL, protocol string) error {
	var nonce [16]byte
	_, _ = crand.Read(nonce[:])
	key := base64.StdEncoding.EncodeToString(nonce[:])
	path := u.RequestURI()
	var req strings.Builder
	fmt.Fprintf(&req, "GET %s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
		"Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n", path, u.Host, key)
	if protocol != "" {
		fmt.Fprintf(&req, "Sec-WebSocket-Protocol: %s\r\n", protocol)
	}
	req.WriteString("\r\n")
	if _, err := io.WriteString(c.nc, req.String()); err != nil {
		return err
	}
	// A 101 has no body, so the reader keeps any frame that came with it.
	resp, err := http.ReadResponse(c.br, &http.Request{Method: http.MethodGet, URL: u})
	if err != nil {
		return fmt.Errorf("handshake: %w", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSwitchingProtocols {
		return fmt.Errorf("handshake: status %s", resp.Status)
	}
	sum := sha1.Sum([]byte(key + wsGUID))
	if got := resp.Header.Get("Sec-WebSocket-Accept"); got != base64.StdEncoding.EncodeToString(sum[:]) {
		return fmt.Errorf("handshake: bad Sec-WebSocket-Accept %q", got)
	}
	if got := resp.Header.Get("Sec-WebSocket-Protocol"); got != protocol {
		return fmt.Errorf("handshake: server chose subprotocol %q, offered %q", got, protocol)
	}
	return nil
}

// next returns the next data message whole (op is opText or opBinary;
// fragments joined) or a pong. Pings are answered on the way. p is valid
// until the next call; truncated says p holds only the first maxMessage
// bytes. A close frame is echoed and returned as *closeError.
func (c *wsConn) next() (op byte, p []byte, truncated bool, err error) {
	for {
		h, err := c.br.Peek(2)
		if err != nil {
			return 0, nil, false, err
		}
		h0, h1 := h[0], h[1]
		_, _ = c.br.Discard(2)
		fin, fop := h0&0x80 != 0, h0&0x0f
		if h0&0x70 != 0 {
			return 0, nil, false, errors.New("protocol: reserved bits set, no extension negotiated")
		}
		if h1&0x80 != 0 {
			return 0, nil, false, errors.New("protocol: masked frame from server")
		}
		n := uint64(h1 & 0x7f)
		switch n {
		case 126:
			b, err := c.readN(2)
			if err != nil {
				return 0, nil, false, err
			}
			n = uint64(binary.BigEndian.Uint16(b))
		case 127:
			b, err := c.readN(8)
			if err != nil {
				return 0, nil, false, err
			}
			if n = binary.BigEndian.Uint64(b); n>>63 != 0 {
				return 0, nil, false, errors.New("protocol: 64-bit length with the top bit set")
			}
		}

		if fop&0x8 != 0 {
			if !fin || n > 125 {
				return 0, nil, false, errors.New("protocol: bad control frame")
			}
			b := c.ctl[:n]
			if _, err := io.ReadFull(c.br, b); err != nil {
				return 0, nil, false, err
			}
			switch fop {
			case opPing:
				if err := c.writeControl(opPong, b); err != nil {
					return 0, nil, false, err
				}
			case opPong:
				return opPong, b, false, nil
			case opClose:
				ce := &closeError{code: 1005}
				if len(b) >= 2 {
					ce.code, ce.reason = int(binary.BigEndian.Uint16(b)), string(b[2:])
				}
				if !c.closeSent {
					c.closeSent = true
					_ = c.writeControl(opClose, b[:min(len(b), 2)])
				}
				return 0, nil, false, ce
			default:
				return 0, nil, false, fmt.Errorf("protocol: unknown control opcode %#x", fop)
			}
			continue
		}

		switch {
		case fop == opCont && c.inMsg:
		case (fop == opText || fop == opBinary) && !c.inMsg:
			c.inMsg, c.msgOp, c.msgTrunc = true, fop, false
			c.msg = c.msg[:0]
		default:
			return 0, nil, false, fmt.Errorf("protocol: unexpected opcode %#x", fop)
		}
		keep := min(n, uint64(maxMessage-len(c.msg)))
		c.msg = slices.Grow(c.msg, int(keep))
		if _, err := io.ReadFull(c.br, c.msg[len(c.msg):len(c.msg)+int(keep)]); err != nil {
			return 0, nil, false, err
		}
		c.msg = c.msg[:len(c.msg)+int(keep)]
		if rest := n - keep; rest > 0 {
			c.msgTrunc = true
			if _, err := io.CopyN(io.Discard, c.br, int64(rest)); err != nil {
				return 0, nil, false, err
			}
		}
		if fin {
			c.inMsg = false
			return c.msgOp, c.msg, c.msgTrunc, nil
		}
	}
}

func (c *wsConn) readN(n int) ([]byte, error) {
	b := c.ctl[:n]
	_, err := io.ReadFull(c.br, b)
	return b, err
}

// writeControl sends a masked control frame (payload <= 125 bytes), with
// its own short write deadline: a server that stopped reading must not
// hang the tool.
func (c *wsConn) writeControl(op byte, p []byte) error {
	var key [4]byte
	binary.LittleEndian.PutUint32(key[:], rand.Uint32())
	c.out = append(c.out[:0], 0x80|op, 0x80|byte(len(p)), key[0], key[1], key[2], key[3])
	for i, b := range p {
		c.out = append(c.out, b^key[i&3])
	}
	_ = c.nc.SetWriteDeadline(time.Now().Add(5 * time.Second))
	_, err := c.nc.Write(c.out)
	return err
}

// ping sends a ping with payload p.
func (c *wsConn) ping(p []byte) error { return c.writeControl(opPing, p) }

// sendClose starts the closing handshake with 1000.
func (c *wsConn) sendClose() error {
	c.closeSent = true
	return c.writeControl(opClose, []byte{0x03, 0xe8})
}

// setReadDeadline bounds every following read.
func (c *wsConn) setReadDeadline(t time.Time) { _ = c.nc.SetReadDeadline(t) }

func (c *wsConn) close() error { return c.nc.Close() }
