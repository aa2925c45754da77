package ring

import (
	"math/rand/v2"
	"testing"
)

// TestModel runs long random operation streams against the model for
// every ring size the fuzz target uses, both element widths and with and
// without a destroy function. The streams are long enough to wrap the
// head and tails around many times.
func TestModel(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for count := range 12 {
		for mode := range 4 {
			for range 3 {
				data := make([]byte, 2+3*1500)
				for i := range data {
					data[i] = byte(rng.IntN(256))
				}
				data[0], data[1] = byte(count), byte(mode)
				runBytes(t, data)
				if t.Failed() {
					return
				}
			}
		}
	}
}

// TestModelWrapsManyTimes is a steady multi-reader stream: insert, let
// three readers at different paces consume, and check the head really
// went round the ring many times.
func TestModelWrapsManyTimes(t *testing.T) {
	h := newHarness(t, 5, true, func(id uint64) uint64 { return id })
	for range 3 {
		h.addTail()
	}
	for i := range 600 {
		h.insert(2)
		h.consumeAndUpdate(0, 2)
		if i%2 == 0 {
			h.consumeAndUpdate(1, 1)
		}
		h.consumeAndUpdate(2, 3)
		if i%3 == 0 {
			h.consumeAndUpdate(1, 4)
		}
	}
	if h.m.head < 100*uint64(h.m.count) {
		t.Fatalf("only %d elements went through", h.m.head)
	}
	h.finish()
}
