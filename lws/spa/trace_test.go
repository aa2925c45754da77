package spa

import (
	"fmt"
	"strconv"
	"strings"
)

// form describes one parse: the request's Content-Type, the fields asked
// for, the storage, and whether a file callback is set (fail makes its
// fail-th call, counting from 1, return -1).
type form struct {
	ct      string
	names   []string
	storage int
	files   bool
	fail    int
	// positive makes the callback return 1 where it does not fail: lws
	// takes that as success.
	positive bool
}

// outcome is everything a parse shows its caller, as text so that two
// parses compare with ==: each file callback call, whether and on which
// byte Process failed, what Finalize returned, and each field's value.
type outcome struct {
	calls    []string
	failed   bool
	failByte int // 1-based offset of the byte Process failed on
	finalize int
	values   []string
}

func (o outcome) String() string {
	var b strings.Builder
	for _, c := range o.calls {
		b.WriteString(c + "\n")
	}
	if o.failed {
		fmt.Fprintf(&b, "FAIL at byte %d\n", o.failByte)
	} else {
		fmt.Fprintf(&b, "FINALIZE %d\n", o.finalize)
	}
	for i, v := range o.values {
		fmt.Fprintf(&b, "V %d %s\n", i, v)
	}
	return b.String()
}

// run parses body cut into pieces at the offsets in cuts (ascending), the
// way an lws user does: Process each piece until one fails; then, if none
// did, Finalize and read the values; then Destroy. It also checks what
// holds for every parse (see checkCalls) and reports breaches in bad.
func (f form) run(body []byte, cuts []int) (o outcome, bad []string) {
	var cb FileUploadCB
	ncalls := 0
	if f.files {
		cb = func(data any, name, filename string, buf []byte, n int, st FileUploadState) int {
			if data != "opt-data" {
				bad = append(bad, fmt.Sprintf("callback got data %v", data))
			}
			if n != len(buf) {
				bad = append(bad, fmt.Sprintf("callback got n %d with %d bytes", n, len(buf)))
			}
			d := "-"
			if st == UFSContent || st == UFSFinalContent {
				d = strconv.Quote(string(buf))
			} else if buf != nil {
				bad = append(bad, st.String()+" with a buffer")
			}
			o.calls = append(o.calls, fmt.Sprintf("CB %s %q %q %d %s", st, name, filename, n, d))
			ncalls++
			if ncalls == f.fail {
				o.calls = append(o.calls, "CBFAIL")
				return -1
			}
			if f.positive {
				return 1
			}
			return 0
		}
	}
	s := newSpa(f.ct, &CreateInfo{ParamNames: f.names, CountParams: len(f.names), MaxStorage: f.storage, OptCB: cb, OptData: "opt-data"})
	if s == nil {
		return outcome{calls: []string{"CREATE NULL"}}, nil
	}
	from := 0
	for _, to := range append(cuts, len(body)) {
		if to < from {
			continue
		}
		// Each piece in a buffer of its own, longer than n, with bytes
		// that would show if parsed: Process must look at n bytes only.
		piece := append(append([]byte(nil), body[from:to]...), "&send=J\r\n--XyZ--\r\n"...)
		if s.Process(piece, to-from) != 0 {
			o.failed = true
			o.failByte = s.consumed
			if (s.consumed <= from || s.consumed > to) && !(s.bad != "" && s.consumed == 0) {
				bad = append(bad, fmt.Sprintf("failed on byte %d, outside its piece %d..%d", s.consumed, from+1, to))
			}
			break
		}
		from = to
	}
	if !o.failed {
		o.finalize = s.Finalize()
		for i := range f.names {
			v, ok := s.Lookup(i)
			if ok != (s.GetLength(i) > 0) || len(v) != s.GetLength(i) || v != s.GetString(i) {
				bad = append(bad, fmt.Sprintf("getters disagree on %d: %q %v %d", i, v, ok, s.GetLength(i)))
			}
			if ok {
				o.values = append(o.values, fmt.Sprintf("%d %q", len(v), v))
			} else {
				o.values = append(o.values, "NULL")
			}
		}
	}
	if s.used > s.maxStorage-1 && s.used > 0 {
		bad = append(bad, fmt.Sprintf("storage used %d of %d", s.used, s.maxStorage))
	}
	if s.Destroy() != 0 {
		bad = append(bad, "Destroy returned non-zero")
	}
	bad = append(bad, checkCalls(o.calls, f.files)...)
	return o, bad
}

// checkCalls checks the order of file callback calls: a file opens before
// its data, ends with one UFSFinalContent, no chunk is empty but the last,
// and UFSClose comes exactly once, last.
func checkCalls(calls []string, files bool) []string {
	var bad []string
	open, closes := false, 0
	last := len(calls) - 1
	if last >= 0 && calls[last] == "CBFAIL" {
		last--
	}
	for i, c := range calls {
		switch {
		case c == "CBFAIL":
		case strings.HasPrefix(c, "CB LWS_UFS_OPEN "):
			if open {
				bad = append(bad, fmt.Sprintf("call %d: open inside a file", i))
			}
			open = true
		case strings.HasPrefix(c, "CB LWS_UFS_CONTENT "):
			if !open {
				bad = append(bad, fmt.Sprintf("call %d: content outside a file", i))
			}
			if strings.HasSuffix(c, ` 0 ""`) {
				bad = append(bad, fmt.Sprintf("call %d: empty content", i))
			}
		case strings.HasPrefix(c, "CB LWS_UFS_FINAL_CONTENT "):
			if !open {
				bad = append(bad, fmt.Sprintf("call %d: final content outside a file", i))
			}
			open = false
		case strings.HasPrefix(c, "CB LWS_UFS_CLOSE "):
			closes++
			if i != last {
				bad = append(bad, fmt.Sprintf("call %d: close is not last", i))
			}
		}
	}
	if files && closes != 1 {
		bad = append(bad, fmt.Sprintf("%d closes", closes))
	}
	return bad
}
