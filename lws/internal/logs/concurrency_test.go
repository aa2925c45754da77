package logs

import (
	"strconv"
	"strings"
	"sync"
	"testing"
)

// TestConcurrentLogging runs many goroutines that log distinct lines
// (none may be lost), identical lines (at most one per second may get
// through), and change settings, all under the race detector.
func TestConcurrentLogging(t *testing.T) {
	ResetForTest()
	t.Cleanup(ResetForTest)
	c := &capture{}
	SetLogLevel(DefaultMask, c.emit)

	const workers, per = 16, 200
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range per {
				Logf(Notice, "w%d i%d %lu", w, i, uint64(i))
				Logf(Debug, "masked %d", i)
				_ = Enabled(Warn)
			}
		})
	}
	for range 4 {
		wg.Go(func() {
			for range per {
				Logf(Warn, "same")
				_ = Mask()
			}
		})
	}
	wg.Go(func() {
		for range per {
			SetLogLevel(DefaultMask, c.emit)
			SetEmitter(c.emit)
		}
	})
	wg.Wait()

	got := c.get()
	seen := map[string]bool{}
	same := 0
	for _, l := range got {
		if len(l) < 31 || l[0] != '[' || !strings.HasSuffix(l, "\n") || strings.Count(l, "\n") != 1 {
			t.Fatalf("malformed line %q", l)
		}
		text := stripPrefix(l)
		if text == "same\n" || strings.HasPrefix(text, "same (swallowed") {
			same++
			continue
		}
		if seen[text] {
			t.Fatalf("line emitted twice: %q", text)
		}
		seen[text] = true
	}
	if len(seen) != workers*per {
		t.Fatalf("got %d distinct lines, want %d", len(seen), workers*per)
	}
	for w := range workers {
		for i := range per {
			k := "w" + strconv.Itoa(w) + " i" + strconv.Itoa(i) + " " + strconv.Itoa(i) + "\n"
			if !seen[k] {
				t.Fatalf("missing %q", k)
			}
		}
	}
	if same == 0 {
		t.Fatal("no \"same\" line at all")
	}
}
