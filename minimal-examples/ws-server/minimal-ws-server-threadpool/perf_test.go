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
	var cs []*client
	for i := 0; i < 8; i++ {
		cs = append(cs, e.dial(true))
	}
	for i, c := range cs {
		c.waitMsgs(t, msgs)
		c.mu.Lock()
		for j, m := range c.msgs[:msgs] {
			if want := fmt.Sprintf("pos %d", j+1); m != want {
				c.mu.Unlock()
				t.Fatalf("client %d message %d: %q, want %q", i, j, m, want)
			}
		}
		c.mu.Unlock()
	}
	if code, _ := e.stop(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	for i, c := range cs {
		c.waitEnd(t)
		if len(c.msgs) != msgs {
			t.Fatalf("client %d got %d messages, want %d", i, len(c.msgs), msgs)
		}
	}
}
