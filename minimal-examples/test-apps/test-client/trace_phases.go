package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
)

// The script's phases, in the order script runs them. Each leaves no
// connection open behind it.

// phaseChoice: of several offered subprotocols the server takes the first
// it has.
func (tr *tracer) phaseChoice() bool {
	c := tr.connect("choice", "no-such-protocol, lws-mirror-protocol, dumb-increment-protocol")
	ok := tr.established(c) && tr.closeAndWait(c)
	tr.leftovers(c)
	return ok
}

// phaseDumb: the first numbers, "reset\n" and "closeme\n".
func (tr *tracer) phaseDumb() bool {
	d := tr.connect("dumb", "dumb-increment-protocol")
	if !tr.established(d) {
		return false
	}
	last := -1
	for range 5 {
		v, ok := tr.number(d)
		if !ok {
			return false
		}
		tr.line("dumb: rx %d", v)
		last = v
	}

	// Numbers already on their way keep counting until the reset lands;
	// how many is timing, so only their order is traced.
	tr.send(d, "reset\n")
	inOrder := true
	for {
		v, ok := tr.number(d)
		if !ok {
			return false
		}
		if v == 0 {
			break
		}
		inOrder = inOrder && v == last+1
		last = v
		if v > 1000 {
			return tr.fail("dumb: reset ignored")
		}
	}
	tr.line("dumb: reset, counting again from 0 (numbers before it in order: %v)", inOrder)
	for range 2 {
		v, ok := tr.number(d)
		if !ok {
			return false
		}
		tr.line("dumb: rx %d", v)
		last = v
	}

	tr.send(d, "closeme\n")
	for {
		ev, ok := tr.next(d)
		if !ok {
			return tr.fail("dumb: no close after closeme within %v", traceWait)
		}
		if ev.kind == "rx" {
			inOrder = inOrder && ev.data == strconv.Itoa(last+1)
			last++
			continue
		}
		if ev.kind != "peer-close" {
			return tr.fail("dumb: wanted the server's close, got %s %q", ev.kind, ev.data)
		}
		tr.line("dumb: the server closed with %s (numbers before it in order: %v)", ev.data, inOrder)
		break
	}
	if _, ok := tr.expect(d, "closed"); !ok {
		return false
	}
	tr.line("dumb: closed")
	tr.leftovers(d)
	return true
}

// number waits for the next dumb-increment message and parses it.
func (tr *tracer) number(d *traceConn) (int, bool) {
	s, ok := tr.expect(d, "rx")
	if !ok {
		return 0, false
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return 0, tr.fail("dumb: not a number: %q", s)
	}
	return v, true
}

// phaseMirror: two members of one mirror instance each see every message,
// their own included.
func (tr *tracer) phaseMirror() bool {
	a := tr.connect("mirror a", "lws-mirror-protocol")
	if !tr.established(a) {
		return false
	}
	// a's own echo proves a joined before b connects.
	tr.send(a, "a: hello")
	if !tr.rx(a) {
		return false
	}
	b := tr.connect("mirror b", "lws-mirror-protocol")
	if !tr.established(b) {
		return false
	}
	// The server reads b only once b joined, so this reaches both.
	tr.send(b, "b: hello")
	if !tr.rx(b) || !tr.rx(a) {
		return false
	}
	tr.send(a, "a: again")
	if !tr.rx(a) || !tr.rx(b) {
		return false
	}
	ok := tr.closeAndWait(a) && tr.closeAndWait(b)
	tr.leftovers(a, b)
	return ok
}

func (tr *tracer) rx(tc *traceConn) bool {
	m, ok := tr.expect(tc, "rx")
	if ok {
		tr.line("%s: rx %q", tc.label, m)
	}
	return ok
}

// phaseStatus: every lws-status connection gets the list of live ones
// when one connects and when one goes away.
func (tr *tracer) phaseStatus() bool {
	s1 := tr.connect("status 1", "lws-status")
	if !tr.established(s1) || !tr.status(s1) {
		return false
	}
	s2 := tr.connect("status 2", "lws-status")
	if !tr.established(s2) || !tr.status(s2) || !tr.status(s1) {
		return false
	}
	if !tr.closeAndWait(s2) || !tr.status(s1) {
		return false
	}
	ok := tr.closeAndWait(s1)
	tr.leftovers(s1, s2)
	return ok
}

// status traces the shape of one lws-status message: its fields, the
// entries of "conns" in order. "version" is only said to be there (lws
// and golws differ by design) and "wsi" goes to a separate "trace-raw:"
// line with the whole JSON: C's counts every connection ever made, golws's
// the live ones (see ../protocols DEVIATIONS).
func (tr *tracer) status(tc *traceConn) bool {
	m, ok := tr.expect(tc, "rx")
	if !ok {
		return false
	}
	fmt.Fprintf(tr.out, "trace-raw: %s: %s\n", tc.label, m)
	var js struct {
		Version   *string             `json:"version"`
		WssOverH2 *string             `json:"wss_over_h2"`
		Hostname  *string             `json:"hostname"`
		Wsi       *string             `json:"wsi"`
		Conns     []map[string]string `json:"conns"`
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal([]byte(m), &js); err != nil || json.Unmarshal([]byte(m), &keys) != nil {
		tr.line("%s: rx not JSON: %q", tc.label, m)
		return true
	}
	host, _ := os.Hostname()
	conns := make([]string, 0, len(js.Conns))
	for _, c := range js.Conns {
		conns = append(conns, fmt.Sprintf("{peer:%q time:%q ua:%q keys:%d}", c["peer"], c["time"], c["ua"], len(c)))
	}
	tr.line("%s: rx status keys=%s version=%v wss_over_h2=%s hostname-is-local=%v wsi=%v conns=[%s]",
		tc.label, strings.Join(slices.Sorted(maps.Keys(keys)), ","),
		js.Version != nil && *js.Version != "", deref(js.WssOverH2),
		js.Hostname != nil && *js.Hostname == host, js.Wsi != nil, strings.Join(conns, " "))
	return true
}

func deref(s *string) string {
	if s == nil {
		return "<missing>"
	}
	return strconv.Quote(*s)
}
