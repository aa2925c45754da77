package logs

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestLineFormat(t *testing.T) {
	c, _ := setup(t, DefaultMask)
	Logf(Notice, "hello")
	want := []string{"[2026/11/23 17:05:09:1234] N: hello\n"}
	if got := c.get(); !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	if c.levels[0] != Notice {
		t.Fatalf("level %d, want %d", c.levels[0], Notice)
	}
}

func TestTimestampPadding(t *testing.T) {
	c, clk := setup(t, DefaultMask)
	clk.t = time.Date(2026, 1, 2, 3, 4, 5, 600000, time.Local) // 0.0006 s
	Logf(Err, "x")
	clk.t = time.Date(2026, 1, 2, 3, 4, 5, 99999, time.Local) // < 0.0001 s
	Logf(Err, "y")
	want := []string{
		"[2026/01/02 03:04:05:0006] E: x\n",
		"[2026/01/02 03:04:05:0000] E: y\n",
	}
	if got := c.get(); !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestTimestampIsLocal(t *testing.T) {
	c, clk := setup(t, DefaultMask)
	// The same instant given in UTC must print as local time.
	clk.t = t0.UTC()
	Logf(Notice, "hello")
	if got := c.get(); got[0] != prefix0+"N: hello\n" {
		t.Fatalf("got %q", got[0])
	}
}

func TestLevelLetters(t *testing.T) {
	c, _ := setup(t, 1<<Count-1)
	for n := 0; n < Count; n++ {
		Logf(1<<n, "lvl %d", n)
	}
	got := c.get()
	if len(got) != Count {
		t.Fatalf("got %d lines, want %d: %q", len(got), Count, got)
	}
	for n, l := range "EWNIDPHXCLUT" {
		want := prefix0 + string(l) + ": lvl " + strconv.Itoa(n) + "\n"
		if got[n] != want {
			t.Errorf("bit %d: got %q, want %q", n, got[n], want)
		}
		if LevelLetter(1<<n) != byte(l) {
			t.Errorf("LevelLetter(%d) = %c", 1<<n, LevelLetter(1<<n))
		}
	}
	for level, want := range map[int]byte{0: '?', 1 << Count: '?', Warn | Info: 'W', Err | Thread: 'E'} {
		if got := LevelLetter(level); got != want {
			t.Errorf("LevelLetter(%d) = %c, want %c", level, got, want)
		}
	}
}

func TestConstants(t *testing.T) {
	if DefaultMask != 1031 || Thread != 2048 || User != 1024 || Count != 12 {
		t.Fatal("level constants differ from lws")
	}
}

func TestMaskFiltering(t *testing.T) {
	c, _ := setup(t, DefaultMask)
	if Mask() != DefaultMask {
		t.Fatalf("Mask() = %d", Mask())
	}
	for n := 0; n < Count; n++ {
		Logf(1<<n, "bit %d", n)
	}
	want := []string{
		prefix0 + "E: bit 0\n",
		prefix0 + "W: bit 1\n",
		prefix0 + "N: bit 2\n",
		prefix0 + "U: bit 10\n",
	}
	if got := c.get(); !slices.Equal(got, want) {
		t.Fatalf("default mask: got %q, want %q", got, want)
	}
	for n := 0; n < Count; n++ {
		if want := DefaultMask&(1<<n) != 0; Enabled(1<<n) != want {
			t.Errorf("Enabled(%d) = %v", 1<<n, !want)
		}
	}

	SetLogLevel(Debug|Info, nil) // nil keeps the capture emitter
	Logf(Err, "no")
	Logf(Debug, "yes")
	if got := c.get(); len(got) != 5 || got[4] != prefix0+"D: yes\n" {
		t.Fatalf("after SetLogLevel: %q", got)
	}
	SetLogLevel(0, nil)
	Logf(Err, "no")
	if len(c.get()) != 5 || Enabled(Err) {
		t.Fatal("mask 0 must drop everything")
	}
}

func TestCVerbs(t *testing.T) {
	c, _ := setup(t, DefaultMask)
	var p *int = new(int)
	Logf(Notice, "%d %u %lu %s %zu %llu %ld %i %hhx %5.2lf %c|%-4u|%x", -1, 2, uint64(3), "four", 5, uint64(6), int64(-7), 8, 255, 3.14159, 'z', 9, 10)
	Logf(Notice, "%p", p)
	Logf(Notice, "100%% %t %q %v", true, "q", []int{1})
	want := []string{
		prefix0 + "N: -1 2 3 four 5 6 -7 8 ff  3.14 z|9   |a\n",
		prefix0 + "N: " + fmt.Sprintf("%p", p) + "\n",
		prefix0 + "N: 100% true \"q\" [1]\n",
	}
	if got := c.get(); !slices.Equal(got, want) {
		t.Fatalf("got %q\nwant %q", got, want)
	}
}

func TestSingleTrailingNewline(t *testing.T) {
	c, clk := setup(t, DefaultMask)
	Logf(Notice, "a\n")
	clk.advance(0)
	Logf(Notice, "b")
	Logf(Notice, "")
	Logf(Notice, "\n") // same text as "" once the newline is added: a dupe
	Logf(Notice, "c\n\n")
	want := []string{
		prefix0 + "N: a\n",
		prefix0 + "N: b\n",
		prefix0 + "N: \n",
		prefix0 + "N: c\n\n", // as in C, a newline already there is kept
	}
	if got := c.get(); !slices.Equal(got, want) {
		t.Fatalf("got %q\nwant %q", got, want)
	}
}

func TestTruncation(t *testing.T) {
	c, clk := setup(t, DefaultMask)
	room := MaxLineLen - len(prefix0+"N: ") - 1 // text bytes that fit with '\n'
	fits := strings.Repeat("a", room)
	Logf(Notice, "%s", fits)
	clk.advance(2 * time.Second)
	Logf(Notice, "%s\n", fits) // same line, newline given: a dupe after 2 s
	Logf(Notice, "%s", fits+"b")
	Logf(Notice, "%s", strings.Repeat("c", 5000))
	got := c.get()
	if len(got) != 4 {
		t.Fatalf("got %d lines", len(got))
	}
	if got[0] != prefix0+"N: "+fits+"\n" || len(got[0]) != MaxLineLen {
		t.Errorf("line that fits was changed: len %d", len(got[0]))
	}
	if !strings.HasSuffix(got[1], "a (swallowed 1 dupes)\n") {
		t.Errorf("dupe of full line: %q", got[1][len(got[1])-30:])
	}
	cut := "[2026/11/23 17:05:11:1234] N: " + strings.Repeat("a", room-3) + "...\n"
	if got[2] != cut || len(got[2]) != MaxLineLen {
		t.Errorf("one byte too long: len %d, tail %q", len(got[2]), got[2][len(got[2])-10:])
	}
	if len(got[3]) != MaxLineLen || !strings.HasSuffix(got[3], "ccc...\n") {
		t.Errorf("long line: len %d", len(got[3]))
	}
}

func TestAppendPad(t *testing.T) {
	for _, tc := range []struct {
		v, w int
		want string
	}{{0, 4, "0000"}, {7, 2, "07"}, {12345, 4, "12345"}, {0, 1, "0"}, {-5, 3, "-05"}} {
		if got := string(appendPad(nil, tc.v, tc.w)); got != tc.want {
			t.Errorf("appendPad(%d, %d) = %q, want %q", tc.v, tc.w, got, tc.want)
		}
	}
}
