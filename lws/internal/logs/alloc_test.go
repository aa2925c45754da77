package logs

import (
	"testing"
	"time"
)

func TestMaskedOffAllocatesNothing(t *testing.T) {
	c, _ := setup(t, Err)
	n := testing.AllocsPerRun(1000, func() {
		// Constant arguments: boxing them costs nothing, so any
		// allocation would be this package's.
		Logf(Debug, "masked %d %s %lu", 42, "x", 7)
		_ = Enabled(Debug)
	})
	if n != 0 {
		t.Fatalf("masked-off Logf: %v allocs per call", n)
	}
	if len(c.get()) != 0 {
		t.Fatal("masked-off line was emitted")
	}
}

func TestEmittedAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops items on purpose under -race")
	}
	_, clk := setup(t, DefaultMask)
	lines := 0
	SetEmitter(func(int, string) { lines++ })
	n := testing.AllocsPerRun(1000, func() {
		// Every call is a dupe emitted a second after the previous line,
		// with the " (swallowed 1 dupes)" note.
		clk.advance(time.Second)
		Logf(Notice, "emitted %lu", 42)
	})
	if lines != 1001 {
		t.Fatalf("%d lines emitted", lines)
	}
	// Only the line string handed to the emitter may be allocated.
	if n > 1 {
		t.Fatalf("emitted Logf: %v allocs per call", n)
	}
}

func BenchmarkLogMasked(b *testing.B) {
	setup(b, Err)
	b.ReportAllocs()
	for b.Loop() {
		Logf(Debug, "masked %d %s", 42, "x")
	}
}

func BenchmarkLogEmitted(b *testing.B) {
	setup(b, DefaultMask)
	SetEmitter(func(int, string) {})
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		// i changes, so every line is distinct and emitted. Kept below
		// 256 so that boxing it allocates nothing: what is measured is
		// this package, whose only allocation is the line string.
		Logf(Notice, "emitted %d %s %lu", i%256, "x", uint64(7))
	}
}

func BenchmarkLogEmittedParallel(b *testing.B) {
	setup(b, DefaultMask)
	SetEmitter(func(int, string) {})
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			i++
			Logf(Notice, "emitted %d", i)
		}
	})
}

func BenchmarkLogDupe(b *testing.B) {
	setup(b, DefaultMask)
	SetEmitter(func(int, string) {})
	b.ReportAllocs()
	for b.Loop() {
		Logf(Notice, "same line %s", "x")
	}
}
