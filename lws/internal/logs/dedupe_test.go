package logs

import (
	"slices"
	"testing"
	"time"
)

func TestDedupe(t *testing.T) {
	c, clk := setup(t, DefaultMask)
	at := func(s string) string { return "[2026/11/23 17:05:" + s + "] N: " }

	// 5 identical lines within a second: only the first is emitted.
	for range 5 {
		Logf(Notice, "same %d", 1)
		clk.advance(100 * time.Millisecond)
	}
	if got := c.get(); len(got) != 1 {
		t.Fatalf("5 dupes within 1 s: got %q", got)
	}
	// 999 ms after the first emit: still swallowed (dupes = 5).
	clk.t = t0.Add(999 * time.Millisecond)
	Logf(Notice, "same 1")
	if got := c.get(); len(got) != 1 {
		t.Fatalf("dupe at 999 ms was emitted: %q", got)
	}
	// 1 s after the first emit: emitted, with N counting this line too,
	// so 4 + 1 + 1 = 6.
	clk.t = t0.Add(time.Second)
	Logf(Notice, "same 1")
	// The counter and the last-emit time were reset: a dupe 500 ms later
	// is swallowed again, one 1 s after the annotated line is emitted.
	clk.advance(500 * time.Millisecond)
	Logf(Notice, "same 1")
	clk.advance(500 * time.Millisecond)
	Logf(Notice, "same 1")
	// A different line is emitted at once and becomes the new previous
	// line, so the old text is new again.
	Logf(Notice, "other")
	Logf(Notice, "same 1")
	Logf(Notice, "same 1") // dupe of the line just emitted, same instant

	want := []string{
		at("09:1234") + "same 1\n",
		at("10:1234") + "same 1 (swallowed 6 dupes)\n",
		at("11:1234") + "same 1 (swallowed 2 dupes)\n",
		at("11:1234") + "other\n",
		at("11:1234") + "same 1\n",
	}
	if got := c.get(); !slices.Equal(got, want) {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
}

// TestDedupeBriefCase is the case from the design brief, counted by the
// rules: one line, then 4 dupes within a second (swallowed), then a fifth
// dupe a second after the first line, so N = 5.
func TestDedupeBriefCase(t *testing.T) {
	c, clk := setup(t, DefaultMask)
	for range 5 {
		Logf(Notice, "x")
	}
	clk.advance(time.Second)
	Logf(Notice, "x")
	want := []string{
		prefix0 + "N: x\n",
		"[2026/11/23 17:05:10:1234] N: x (swallowed 5 dupes)\n",
	}
	if got := c.get(); !slices.Equal(got, want) {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
}

func TestDedupeIgnoresMaskedLines(t *testing.T) {
	c, _ := setup(t, DefaultMask)
	Logf(Notice, "a")
	Logf(Debug, "b") // masked off: never compared
	Logf(Notice, "a")
	if got := c.get(); len(got) != 1 {
		t.Fatalf("got %q", got)
	}
}

func TestDedupeAcrossLevels(t *testing.T) {
	// The comparison is on the text only, as the brief says, so the same
	// text at another level is a dupe too.
	c, _ := setup(t, DefaultMask)
	Logf(Err, "a")
	Logf(Warn, "a")
	if got := c.get(); len(got) != 1 {
		t.Fatalf("got %q", got)
	}
}

func TestFirstEmptyLineIsNotADupe(t *testing.T) {
	c, _ := setup(t, DefaultMask)
	Logf(Notice, "")
	if got := c.get(); len(got) != 1 {
		t.Fatalf("got %q", got)
	}
}

func TestResetForTestClearsDupes(t *testing.T) {
	c, _ := setup(t, DefaultMask)
	Logf(Notice, "a")
	ResetForTest()
	if Mask() != DefaultMask {
		t.Fatalf("mask %d", Mask())
	}
	SetEmitter(c.emit)
	Logf(Notice, "a")
	if got := c.get(); len(got) != 2 {
		t.Fatalf("got %q", got)
	}
}
