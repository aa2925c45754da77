package logs

import (
	"fmt"
	"math"
	"testing"
)

// appendfCases are formats and arguments Appendf must print as fmt
// prints them: the ones it formats itself and the ones it hands over.
var appendfCases = []struct {
	format string
	args   []any
}{
	{"%d.%d: this is some content... ", []any{3, 41}},
	{"plain text", nil},
	{"%s and %s", []any{"a", []byte("b")}},
	{"100%% of %lu/%zu/%u/%i", []any{uint64(math.MaxUint64), uintptr(7), uint8(255), int8(-128)}},
	{"%d %d %d %d", []any{int16(-3), int32(math.MinInt32), int64(math.MinInt64), uint32(9)}},
	{"%d %d", []any{uint(1), uint16(2)}},
	// handed to fmt: flags, width, other verbs and types, wrong counts
	{"%5d|%-3s|%05u", []any{1, "x", 2}},
	{"%x %c %q %v", []any{255, 'a', "q", true}},
	{"%s", []any{fmt.Errorf("an error")}},
	{"%d", []any{"not a number"}},
	{"%s", []any{42}},
	{"%d %d", []any{1}},
	{"%d", []any{1, 2}},
	{"trailing %", nil},
	{"%[1]d", []any{5}},
	{"%d", []any{myInt(6)}},
	{"%s", []any{myString("named")}},
	{"%s", []any{nil}},
}

type myInt int

type myString string

func (s myString) String() string { return "String(" + string(s) + ")" }

func TestAppendfLikeFmt(t *testing.T) {
	for _, c := range appendfCases {
		want := fmt.Sprintf(toGoFormat(c.format), c.args...)
		if got := string(Appendf([]byte("pre:"), c.format, c.args...)); got != "pre:"+want {
			t.Errorf("Appendf(%q, %v) = %q, want %q", c.format, c.args, got, "pre:"+want)
		}
	}
}

// The simple conversions cost no allocation beyond the buffer's growth.
func TestAppendfNoAllocation(t *testing.T) {
	buf := make([]byte, 0, 256)
	n, s := 12345, "content"
	if a := testing.AllocsPerRun(100, func() { Appendf(buf[:0], "%d.%d: %s... ", n, n, s) }); a != 0 {
		t.Errorf("%.0f allocations per call", a)
	}
}

// Whatever the format, Appendf prints what fmt prints.
func FuzzAppendf(f *testing.F) {
	for _, c := range appendfCases {
		f.Add(c.format, "x", int64(-7), uint64(7))
	}
	f.Fuzz(func(t *testing.T, format, s string, i int64, u uint64) {
		for _, args := range [][]any{{s, i, u}, {i, u, s}, {u, []byte(s)}, nil} {
			want := fmt.Sprintf(toGoFormat(format), args...)
			if got := string(Appendf(nil, format, args...)); got != want {
				t.Fatalf("Appendf(%q, %v) = %q, fmt gives %q", format, args, got, want)
			}
		}
	})
}

func BenchmarkAppendfSimple(b *testing.B) {
	buf := make([]byte, 0, 256)
	for i := 0; i < b.N; i++ {
		buf = Appendf(buf[:0], "%d.%d: this is some content... ", i, 7)
	}
}

func BenchmarkFmtAppendf(b *testing.B) {
	buf := make([]byte, 0, 256)
	for i := 0; i < b.N; i++ {
		buf = fmt.Appendf(buf[:0], "%d.%d: this is some content... ", i, 7)
	}
}
