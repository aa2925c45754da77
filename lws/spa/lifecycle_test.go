package spa

import (
	"fmt"
	"testing"
)

// recorder is a file callback that records its calls.
type recorder struct{ calls []string }

func (r *recorder) cb(data any, name, filename string, buf []byte, n int, st FileUploadState) int {
	r.calls = append(r.calls, fmt.Sprintf("%s %s %s %d", st, name, filename, n))
	return 0
}

func (r *recorder) closes() int {
	n := 0
	for _, c := range r.calls {
		if len(c) >= len("LWS_UFS_CLOSE") && c[:len("LWS_UFS_CLOSE")] == "LWS_UFS_CLOSE" {
			n++
		}
	}
	return n
}

func newRecorded(ct string, r *recorder) *Spa {
	return newSpa(ct, &CreateInfo{ParamNames: fields, CountParams: 2, OptCB: r.cb})
}

// UFSClose comes exactly once, whichever way the Spa ends: lws sends it
// from finalize, or from destroy when finalize never ran, failure or not.
func TestCloseExactlyOnce(t *testing.T) {
	const mp = "multipart/form-data; boundary=XyZ"
	good := []byte(part(`name="f"; filename="a"`, "abc") + closing)
	bad := []byte("--XyZ\r\n" + disp(`name="a"`) + disp(`name="b"`))
	for _, c := range []struct {
		name  string
		body  []byte
		steps string // F: Finalize, D: Destroy
		last  string // the UFSClose call
	}{
		{"finalize, destroy", good, "FD", "LWS_UFS_CLOSE   0"},
		{"destroy only", good, "D", "LWS_UFS_CLOSE   0"},
		{"twice each", good, "FFDD", "LWS_UFS_CLOSE   0"},
		{"cut inside the file, destroy", good[:66], "D", "LWS_UFS_CLOSE f a 0"},
		{"failed, destroy", bad, "D", "LWS_UFS_CLOSE a  0"},
		{"failed, finalize, destroy", bad, "FD", "LWS_UFS_CLOSE a  0"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := &recorder{}
			s := newRecorded(mp, r)
			s.Process(c.body, len(c.body))
			for _, st := range c.steps {
				if st == 'F' {
					s.Finalize()
				} else if s.Destroy() != 0 {
					t.Error("Destroy returned non-zero")
				}
			}
			if r.closes() != 1 || r.calls[len(r.calls)-1] != c.last {
				t.Errorf("calls %q: want one UFSClose, last, %q", r.calls, c.last)
			}
		})
	}
}

// lws ignores what comes after finalize; golws also refuses anything
// after a failure, where lws would carry on from a broken state.
func TestProcessAfterTheEnd(t *testing.T) {
	r := &recorder{}
	s := newRecorded("", r)
	if s.Process([]byte("text1=a"), 7) != 0 || s.Finalize() != 0 {
		t.Fatal("the form did not parse")
	}
	calls := len(r.calls)
	if s.Process([]byte("&send=b"), 7) != 0 {
		t.Error("Process after Finalize: want 0, as lws")
	}
	if s.GetString(0) != "a" || s.GetLength(1) != 0 || len(r.calls) != calls {
		t.Errorf("Process after Finalize changed something: %q %d %q", s.GetString(0), s.GetLength(1), r.calls)
	}

	s = newRecorded("", r)
	if s.Process([]byte("text1=%zz"), 9) == 0 {
		t.Fatal("a bad escape did not fail")
	}
	consumed := s.consumed
	if s.Process([]byte("&send=b"), 7) != -1 || s.consumed != consumed {
		t.Errorf("Process after a failure: want -1 without parsing (consumed %d, was %d)", s.consumed, consumed)
	}
	if s.Finalize() != -1 || s.GetLength(1) != 0 {
		t.Error("Finalize after a failure: want -1 and nothing kept")
	}
	s.Destroy()
}

// Destroy lets go of everything, even when the caller keeps the pointer,
// and the Spa is then inert.
func TestDestroyReleases(t *testing.T) {
	r := &recorder{}
	s := newRecorded("multipart/form-data; boundary=XyZ", r)
	body := []byte(part(`name="text1"`, "v") + part(`name="f"; filename="a"`, "abc"))
	s.Process(body, len(body))
	if s.GetString(0) != "v" || len(s.val.buf) == 0 {
		t.Fatalf("setup: value %q, buffered %d", s.GetString(0), len(s.val.buf))
	}
	if s.Destroy() != 0 {
		t.Error("Destroy returned non-zero")
	}
	if s.values != nil || s.names != nil || s.val.buf != nil || s.cb != nil || s.cbData != nil || s.mime != nil {
		t.Errorf("Destroy kept references: %+v", s)
	}
	if s.GetString(0) != "" || s.GetLength(0) != 0 {
		t.Error("getters after Destroy: want \"\" and 0")
	}
	if s.Process([]byte("x"), 1) != -1 || s.Finalize() != -1 || s.Destroy() != 0 {
		t.Error("after Destroy: want Process -1, Finalize -1, Destroy 0")
	}
	if r.closes() != 1 {
		t.Errorf("calls %q", r.calls)
	}
}

// What C leaves undefined is refused, never a panic.
func TestMisuse(t *testing.T) {
	var nilSpa *Spa
	if nilSpa.Process([]byte("a"), 1) != -1 || nilSpa.Finalize() != 0 || nilSpa.Destroy() != 0 ||
		nilSpa.GetLength(0) != 0 || nilSpa.GetString(0) != "" {
		t.Error("nil Spa: want Process -1, Finalize 0, Destroy 0, getters empty")
	}
	s := newSpa("", &CreateInfo{ParamNames: fields, CountParams: 2})
	if s.Process([]byte("text1=a"), 8) != -1 || s.Process([]byte("text1=a"), -1) != -1 || s.consumed != 0 {
		t.Error("a length outside the buffer must fail without parsing")
	}
	if s.GetLength(-1) != 0 || s.GetString(2) != "" {
		t.Error("ordinals out of range: want 0 and \"\"")
	}
	for _, c := range []struct {
		name string
		info *CreateInfo
	}{
		{"nil info", nil},
		{"negative storage", &CreateInfo{MaxStorage: -1}},
		{"count past the names", &CreateInfo{ParamNames: fields, CountParams: 3}},
		{"negative count", &CreateInfo{ParamNames: fields, CountParams: -1}},
	} {
		if newSpa("", c.info) != nil {
			t.Errorf("%s: want nil", c.name)
		}
	}
}

// CountParams limits the fields to the first ones, as count_params does.
func TestCountParams(t *testing.T) {
	s := newSpa("", &CreateInfo{ParamNames: fields, CountParams: 1})
	s.Process([]byte("text1=a&send=b"), 14)
	s.Finalize()
	if s.GetString(0) != "a" || s.GetLength(1) != 0 {
		t.Errorf("got %q %d; want a, and send not kept", s.GetString(0), s.GetLength(1))
	}
}

// Calls into the Spa from its own callback are refused (-1), and the
// parse goes on unharmed.
func TestReentry(t *testing.T) {
	var s *Spa
	var got []int
	cb := func(data any, name, filename string, buf []byte, n int, st FileUploadState) int {
		if st == UFSOpen {
			got = append(got, s.Process([]byte("x"), 1), s.Finalize(), s.Destroy())
		}
		return 0
	}
	s = newSpa("multipart/form-data; boundary=XyZ", &CreateInfo{ParamNames: fields, CountParams: 2, OptCB: cb})
	body := []byte(part(`name="f"; filename="a"`, "abc") + part(`name="send"`, "S") + closing)
	if s.Process(body, len(body)) != 0 || s.Finalize() != 0 || s.GetString(1) != "S" {
		t.Errorf("the parse was harmed: %q", s.GetString(1))
	}
	if fmt.Sprint(got) != "[-1 -1 -1]" {
		t.Errorf("calls from the callback returned %v, want [-1 -1 -1]", got)
	}
	s.Destroy()
}
