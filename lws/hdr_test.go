package lws

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// The request readers, checked against lws itself: a scratch C server
// built on lws main answered each request below with the dump hdrDump
// makes, through the same C calls (lws_hdr_total_length, lws_hdr_copy
// ...). The wanted dumps are what it answered, except where golws
// deliberately differs; those lines say what lws gave.

// hdrArgNames are the query argument names every dump looks up.
var hdrArgNames = []string{"a", "a=", "b", "b=", "x", "x=", "mir", "mirror", "mirror=", "q", "k", "a_b", "A"}

// hdrDump reports what the readers say about the wsi's request, in the
// scratch C server's format. dst starts as "ZZZ" before each call, so the
// dump shows whether a call wrote its NUL. With all set, tokens 0, 3, 15
// and 76 are reported even when absent.
func hdrDump(w *Wsi, all bool) string {
	var o strings.Builder
	dst := make([]byte, 4096)
	reset := func() { copy(dst, "ZZZ\x00") }
	cstr := func() string { return fmt.Sprintf("[%s]", esc(dst[:strings.IndexByte(string(dst), 0)])) }

	m, uri := w.HTTPGetURIAndMethod()
	fmt.Fprintf(&o, "M %d %d ", m, len(uri))
	if m >= 0 {
		fmt.Fprintf(&o, "[%s]", esc([]byte(uri)))
	}
	o.WriteString("\n")

	for t := range TokenCount {
		tl := w.HdrTotalLength(t)
		reset()
		r := w.HdrCopyFragment(dst, len(dst), t, 0)
		if !all && tl == 0 && !w.HdrExtant(t) && r == -1 {
			continue
		}
		if all && t != 0 && t != 3 && t != 15 && t != 76 {
			continue
		}
		fmt.Fprintf(&o, "T %d tl=%d ex=%d", t, tl, b2i(w.HdrExtant(t)))
		reset()
		fmt.Fprintf(&o, " cp=%d%s", w.HdrCopy(dst, len(dst), t), cstr())
		if tl != 0 {
			reset()
			fmt.Fprintf(&o, " short=%d%s", w.HdrCopy(dst, tl, t), cstr())
		}
		for f := 0; f < 40; f++ {
			fl := w.HdrFragmentLength(t, f)
			reset()
			r := w.HdrCopyFragment(dst, len(dst), t, f)
			fmt.Fprintf(&o, " f%d=%d/%d", f, fl, r)
			if r == -1 && f > 0 {
				break
			}
			if r >= 0 {
				fmt.Fprintf(&o, "[%s]", esc(dst[:r]))
			} else {
				o.WriteString(cstr())
			}
			if r > 0 {
				reset()
				fmt.Fprintf(&o, "/%d%s", w.HdrCopyFragment(dst, r, t, f), cstr())
			}
			if r == -1 {
				break
			}
		}
		o.WriteString("\n")
	}

	r := w.HdrCustomNameForeach(func(name string) {
		l := w.HdrCustomLength(name)
		fmt.Fprintf(&o, "C [%s] l=%d", name, l)
		reset()
		fmt.Fprintf(&o, " cp=%d%s", w.HdrCustomCopy(dst, len(dst), name), cstr())
		if l >= 0 {
			reset()
			fmt.Fprintf(&o, " short=%d%s", w.HdrCustomCopy(dst, l, name), cstr())
		}
		fmt.Fprintf(&o, " upper=%d nocolon=%d\n", w.HdrCustomLength(strings.ToUpper(name)),
			w.HdrCustomLength(strings.TrimSuffix(name, ":")))
	})
	fmt.Fprintf(&o, "F %d\n", r)
	reset()
	fmt.Fprintf(&o, "X x-none: %d", w.HdrCustomLength("x-none:"))
	fmt.Fprintf(&o, " cp=%d%s host: %d\n", w.HdrCustomCopy(dst, len(dst), "x-none:"), cstr(), w.HdrCustomLength("host:"))

	o.WriteString("A")
	for _, name := range hdrArgNames {
		reset()
		r := w.URLArgByName(name, dst, len(dst))
		fmt.Fprintf(&o, " %s:%d", name, r)
		switch {
		case r >= 0:
			fmt.Fprintf(&o, "[%s]", esc(dst[:r]))
			reset()
			fmt.Fprintf(&o, "/%d%s", w.URLArgByName(name, dst, r), cstr())
		case string(dst[:4]) != "ZZZ\x00":
			o.WriteString(cstr())
		}
	}
	o.WriteString("\n")
	return o.String()
}

// esc shows bytes as the C dump does: printable ASCII as is, the rest
// (and the brackets and backslash around it) as \xHH.
func esc(b []byte) string {
	var o strings.Builder
	for _, c := range b {
		if c < 0x20 || c >= 0x7f || c == '[' || c == ']' || c == '\\' {
			fmt.Fprintf(&o, "\\x%02x", c)
		} else {
			o.WriteByte(c)
		}
	}
	return o.String()
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// hdrDumpProtocol answers every request with its dump, as the C server
// does: the head from HTTP, the dump from HTTP_WRITEABLE. A request for
// /sse is marked as server-sent events first, which lets its request go,
// and dumped after.
func hdrDumpProtocol() Protocol {
	type pss struct {
		dump string
		sse  bool
	}
	return Protocol{
		Name:           "http",
		PerSessionData: func() any { return new(pss) },
		Callback: func(w *Wsi, reason CallbackReason, user, in any, n int) int {
			ps, _ := user.(*pss)
			switch reason {
			case CallbackHTTP:
				uri, _ := in.(string)
				ps.dump = fmt.Sprintf("in=[%s]\n", esc([]byte(uri)))
				ps.sse = strings.HasPrefix(uri, "/sse")
				length := int64(IllegalHTTPContentLen)
				if !ps.sse {
					ps.dump += hdrDump(w, false)
					length = int64(len(ps.dump))
				}
				if writeHead(w, HTTPStatusOK, "text/plain", length) != 0 {
					return 1
				}
				if ps.sse {
					w.MarkSSE()
				}
				w.CallbackOnWritable()
				return 0
			case CallbackHTTPBody, CallbackHTTPBodyCompletion:
				return 0 // the dump goes out from WRITEABLE
			case CallbackHTTPWriteable:
				if ps == nil || ps.dump == "" {
					return 0
				}
				if ps.sse {
					ps.dump += "after mark_sse:\n" + hdrDump(w, true)
				}
				w.Write([]byte(ps.dump), WriteHTTPFinal)
				ps.dump = ""
				if ps.sse || w.TransactionCompleted() != 0 {
					return -1
				}
				return 0
			}
			return CallbackHTTPDummy(w, reason, user, in, n)
		},
	}
}

// rawRequest sends raw on a new connection to addr and returns the
// response's body.
func rawRequest(t *testing.T, addr, raw string) string {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, waitBound)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(waitBound))
	if _, err := io.WriteString(c, raw); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("%q: %v", raw, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%q: body: %v", raw, err)
	}
	return string(body)
}

func TestHdrReadersMatchLws(t *testing.T) {
	s := startServer(t, ContextCreationInfo{Protocols: []Protocol{hdrDumpProtocol()}})
	addr := strings.TrimPrefix(s.url, "ws://")
	for _, tc := range hdrCases {
		t.Run(tc.name, func(t *testing.T) {
			if got := rawRequest(t, addr, tc.raw); got != tc.want {
				t.Errorf("%q:\ngot:\n%s\nwant:\n%s", tc.raw, got, tc.want)
			}
		})
	}
}

// Each method lws knows reads back as its index in lws's table, with the
// URI under its own token only; HEAD, which has no body to carry a dump,
// is checked here.
func TestHTTPGetURIAndMethodTable(t *testing.T) {
	for i, m := range []string{"GET", "POST", "OPTIONS", "PUT", "PATCH", "DELETE", "CONNECT", "HEAD"} {
		w := &Wsi{req: httptest.NewRequest(m, "/a/../b?x=1", nil)}
		if got, uri := w.HTTPGetURIAndMethod(); got != i || uri != "/b" {
			t.Errorf("%s: %d %q, want %d \"/b\"", m, got, uri, i)
		}
		for j, tok := range methodTokens {
			if w.HdrExtant(tok) != (i == j) {
				t.Errorf("%s: token %d extant %v", m, tok, !(i == j))
			}
		}
	}
	w := &Wsi{req: httptest.NewRequest("TRACE", "/x", nil)}
	if got, uri := w.HTTPGetURIAndMethod(); got != -1 || uri != "" {
		t.Errorf("TRACE: %d %q, want -1, as lws knows no such method", got, uri)
	}
}

// Whatever n says, the readers never write past the buffer they are
// given: a value that does not fit in it is refused as too long.
func TestHdrReadersStayInBuffer(t *testing.T) {
	r := httptest.NewRequest("GET", "/p?a=12345", nil)
	r.Header.Set("X-Foo", "12345")
	w := &Wsi{req: r}
	small := []byte("ZZZZ")
	for name, got := range map[string]int{
		"HdrCopy":         w.HdrCopy(small[:3], 100, TokenHTTPURIArgs),
		"HdrCopyFragment": w.HdrCopyFragment(small[:3], 100, TokenHTTPURIArgs, 0),
		"HdrCustomCopy":   w.HdrCustomCopy(small[:3], 100, "x-foo:"),
		"URLArgByName":    w.URLArgByName("a", small[:3], 100),
		"HdrCopy nil":     w.HdrCopy(nil, 100, TokenHTTPURIArgs),
	} {
		if got >= 0 {
			t.Errorf("%s into 3 bytes with n=100: %d", name, got)
		}
	}
	if small[3] != 'Z' {
		t.Errorf("wrote past the buffer: %q", small)
	}
}
