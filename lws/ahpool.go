package lws

import (
	"errors"
	"net"
	"os"
	"strings"
	"sync/atomic"
	"time"
)

// lws's limits on request headers, and its defaults.
const (
	defaultHeaderData = 4096  // LWS_DEF_HEADER_LEN
	maxHeaderData     = 32768 // lws caps max_http_header_data here
)

// errHeaderSpace ends a connection whose request headers outgrew
// MaxHTTPHeaderData. It reaches net/http as a failed read, which it
// answers with nothing, as lws does.
var errHeaderSpace = errors.New("lws: ran out of header data space")

// ahPool is lws's pool of allocated header tables ("ah"), one per context:
// how many connections may hold request headers at once (slots) and how
// many header bytes each may send (data). Waiting for a slot, a connection
// is not read, as lws takes no POLLIN from it; so the memory that request
// headers can hold is bounded by slots x data, as in lws.
type ahPool struct {
	data  int
	slots chan struct{} // a token per slot in use
	dying <-chan struct{}
}

func newAhPool(data, pool int, dying <-chan struct{}) *ahPool {
	if data <= 0 {
		data = defaultHeaderData
	}
	if data > maxHeaderData {
		Warn("lws_create_context: capping max http header data to 32KB")
		data = maxHeaderData
	}
	if pool <= 0 {
		pool = openFileLimit()
	}
	return &ahPool{data: data, slots: make(chan struct{}, pool), dying: dying}
}

// ahState is a server connection's share of the pool. From the first byte
// of a request's headers to the end of the transaction (or the upgrade)
// the connection holds a slot; until the headers end it counts their
// bytes. net/http's ConnState hook marks the transaction's edges (see
// Vhost.connState); the reads in between run on net/http's connection
// goroutine, one at a time.
type ahState struct {
	pool    *ahPool // nil: not an HTTP server connection
	reading bool    // in a request's headers
	held    bool    // holds a slot
	seen    int     // header bytes read of this request
	blank   bool    // the line being read is empty so far
	// line holds the start of the header line being read, enough to
	// recognise the framing headers; framing says which were seen.
	line    [len("transfer-encoding:")]byte
	lineLen int
	framing framingHeaders
	// deadline is the read deadline net/http set (UnixNano, 0 for none):
	// waiting for a slot honours it.
	deadline atomic.Int64
}

// took accounts for header bytes p just read: it takes a slot, waiting for
// one if the pool is busy, and counts the bytes up to the end of the
// headers. The error, if any, is the read's.
func (a *ahState) took(p []byte) error {
	if !a.held {
		if err := a.acquire(); err != nil {
			return err
		}
	}
	for i, c := range p {
		switch c {
		case '\n':
			if a.blank {
				a.reading = false
				a.seen += i + 1
				return a.check()
			}
			a.blank = true
			a.framing |= framingOf(a.line[:a.lineLen])
			a.lineLen = 0
		case '\r':
		default:
			a.blank = false
			if a.lineLen < len(a.line) {
				a.line[a.lineLen] = c
				a.lineLen++
			}
		}
	}
	a.seen += len(p)
	return a.check()
}

func (a *ahState) check() error {
	if a.seen <= a.pool.data {
		return nil
	}
	Err("Ran out of header data space")
	return &net.OpError{Op: "read", Net: "tcp", Err: errHeaderSpace}
}

// acquire takes a slot, waiting until one is free, the read deadline
// passes or the context is destroyed.
func (a *ahState) acquire() error {
	select {
	case a.pool.slots <- struct{}{}:
		a.held = true
		a.attached()
		return nil
	default:
	}
	if LogVisible(LogInfo) {
		Info("lws_header_table_attach: no ah free (%d in use), waiting", cap(a.pool.slots))
	}
	var expired <-chan time.Time
	if d := a.deadline.Load(); d != 0 {
		t := time.NewTimer(time.Until(time.Unix(0, d)))
		defer t.Stop()
		expired = t.C
	}
	select {
	case a.pool.slots <- struct{}{}:
		a.held = true
		a.attached()
		return nil
	case <-expired:
		return &net.OpError{Op: "read", Net: "tcp", Err: os.ErrDeadlineExceeded}
	case <-a.pool.dying:
		return &net.OpError{Op: "read", Net: "tcp", Err: net.ErrClosed}
	}
}

func (a *ahState) attached() {
	if LogVisible(LogInfo) {
		Info("lws_header_table_attach: ah attached (%d in use)", len(a.pool.slots))
	}
}

// framingHeaders records which of the headers that frame a request body
// a request sent: net/http keeps only the one it obeys, lws refuses a
// request with both.
type framingHeaders uint8

const (
	sentContentLength framingHeaders = 1 << iota
	sentTransferEncoding
)

// framingOf says which framing header line starts with.
func framingOf(line []byte) framingHeaders {
	switch {
	case hasPrefixFold(line, "content-length:"):
		return sentContentLength
	case hasPrefixFold(line, "transfer-encoding:"):
		return sentTransferEncoding
	}
	return 0
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

// next starts a request's headers: at the connection's start and after
// each transaction.
func (a *ahState) next() {
	a.release()
	a.reading, a.seen, a.blank = true, 0, false
	a.lineLen, a.framing = 0, 0
}

// release gives the slot back: the transaction is over, the connection
// upgraded or closed.
func (a *ahState) release() {
	a.reading = false
	if a.held {
		a.held = false
		<-a.pool.slots
	}
}
