package main

import "testing"

func TestParsePos(t *testing.T) {
	good := map[string]uint64{
		"pos 1":                    1,
		"pos 1000000":              1000000,
		"pos 18446744073709551615": 1<<64 - 1,
	}
	for in, want := range good {
		if v, ok := parsePos([]byte(in)); !ok || v != want {
			t.Errorf("parsePos(%q) = %d, %v; want %d", in, v, ok, want)
		}
	}
	bad := []string{"", "pos", "pos ", "pos 0", "pos 01", "\x00os 5", "pos 5\x00", "pos 1\x002",
		"POS 5", "pos -1", "pos +1", "pos  5", "pos 5 ", "pos 18446744073709551616", "xpos 5", "os 5"}
	for _, in := range bad {
		if v, ok := parsePos([]byte(in)); ok {
			t.Errorf("parsePos(%q) = %d, accepted", in, v)
		}
	}
}

func TestChecker(t *testing.T) {
	type counts struct{ frames, dups, gaps, damaged, reordered uint64 }
	cases := []struct {
		name         string
		step, expect uint64
		frames       []string
		want         counts
		complete     bool
	}{
		{"clean", 1, 3, []string{"pos 1", "pos 2", "pos 3"}, counts{3, 0, 0, 0, 0}, true},
		{"duplicate", 1, 3, []string{"pos 1", "pos 2", "pos 2", "pos 3"}, counts{4, 1, 0, 0, 0}, true},
		{"gap", 1, 4, []string{"pos 1", "pos 4"}, counts{2, 0, 2, 0, 0}, false},
		{"short tail", 1, 5, []string{"pos 1", "pos 2"}, counts{2, 0, 3, 0, 0}, false},
		{"torn", 1, 3, []string{"pos 1", "\x00os 2", "pos 3"}, counts{3, 0, 1, 1, 0}, false},
		{"late", 1, 3, []string{"pos 1", "pos 3", "pos 2"}, counts{3, 0, 0, 0, 1}, true},
		{"beyond expect", 1, 2, []string{"pos 1", "pos 2", "pos 3"}, counts{3, 0, 0, 1, 0}, true},
		{"step", 1000000, 3, []string{"pos 1000000", "pos 2000000", "pos 2500000", "pos 3000000"}, counts{4, 0, 0, 1, 0}, true},
		{"open-ended", 1, 0, []string{"pos 1", "pos 2", "pos 5", "pos 5"}, counts{4, 1, 2, 0, 0}, false},
		{"open-ended huge", 1, 0, []string{"pos 1", "pos 99999999999"}, counts{2, 0, 0, 1, 0}, false},
		{"open-ended grows", 1, 0, []string{"pos 1000", "pos 1"}, counts{2, 0, 998, 0, 1}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newChecker(tc.step, tc.expect)
			for _, f := range tc.frames {
				c.frame([]byte(f), false)
			}
			got := counts{c.frames, c.dups, c.gaps(), c.damaged, c.reordered}
			if got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
			if c.complete() != tc.complete {
				t.Errorf("complete() = %v", c.complete())
			}
			if (tc.want.damaged > 0) != (c.firstDamaged != "") {
				t.Errorf("firstDamaged = %q", c.firstDamaged)
			}
		})
	}
}

// A message the client cut short is damage even when its kept prefix
// reads as a valid message.
func TestCheckerTruncated(t *testing.T) {
	c := newChecker(1, 2)
	c.frame([]byte("pos 1"), true)
	if c.damaged != 1 || c.distinct != 0 {
		t.Fatalf("damaged %d distinct %d", c.damaged, c.distinct)
	}
}

// The hot path must not allocate: it runs once per frame.
func TestCheckerNoAlloc(t *testing.T) {
	c := newChecker(1, 1000)
	msgs := [][]byte{[]byte("pos 1"), []byte("pos 2"), []byte("pos 2")}
	if n := testing.AllocsPerRun(100, func() {
		for _, m := range msgs {
			c.frame(m, false)
		}
	}); n != 0 {
		t.Fatalf("%v allocations per run", n)
	}
}

// The matrix's median: the middle speed, with every run's problems.
func TestRunSetMedian(t *testing.T) {
	var s runSet
	s.add(&runResult{FramesPerSec: 300, Dups: 1}, "")
	s.add(nil, "first failure")
	s.add(&runResult{FramesPerSec: 100, Gaps: 2, FirstError: "late"}, "")
	s.add(&runResult{FramesPerSec: 200, ServerCPU: 7}, "")
	s.add(nil, "second failure")
	m, err := s.median()
	if m.FramesPerSec != 200 || m.ServerCPU != 7 || m.Dups != 1 || m.Gaps != 2 || m.FirstError != "late" || err != "first failure" {
		t.Fatalf("%+v %q", m, err)
	}
	var none runSet
	none.add(nil, "x")
	if m, err := none.median(); m != nil || err != "x" {
		t.Fatalf("%+v %q", m, err)
	}
}
