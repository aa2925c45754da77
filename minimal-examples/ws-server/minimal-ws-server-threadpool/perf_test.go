package minimalthreadpool

import (
	"fmt"
	"testing"
)

// The perf variant: every connection gets exactly its messages, in order,
// one per SYNC: no duplicate, gap or torn frame (C's race shows 8-11 %
// duplicates at this size).
func TestPerfVariantExactlyOnce(t *testing.T) {
	const msgs = 2000
	e := startExample(t, 0, "--msgs", fmt.Sprint(msgs), "--threads", "3")
	cs := e.dialQueued(8)
	for i, c := range cs {
		for j, m := range c.WaitCount(t, msgs)[:msgs] {
			if want := fmt.Sprintf("pos %d", j+1); m != want {
				t.Fatalf("client %d message %d: %q, want %q", i, j, m, want)
			}
		}
	}
	if code, _ := e.stop(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	for i, c := range cs {
		if got, _ := c.WaitEnd(t); len(got) != msgs {
			t.Fatalf("client %d got %d messages, want %d", i, len(got), msgs)
		}
	}
}
