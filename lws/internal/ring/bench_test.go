package ring

import (
	"slices"
	"testing"
)

type benchMsg struct {
	payload []byte
	len     int
}

// BenchmarkInsertConsume is the single-reader echo pattern: insert one
// message, read it in place, consume it.
func BenchmarkInsertConsume(b *testing.B) {
	r := Create[benchMsg](8, nil)
	defer r.Destroy()
	var tail uint32
	m := []benchMsg{{payload: make([]byte, 64), len: 64}}
	for b.Loop() {
		r.Insert(m)
		if p := r.GetElement(&tail); p == nil || p.len != 64 {
			b.Fatal("no element")
		}
		r.ConsumeSingleTail(&tail, 1)
	}
}

// BenchmarkInsertConsumeFanOut is the broadcast pattern: one message,
// four readers each taking it and updating the oldest tail.
func BenchmarkInsertConsumeFanOut(b *testing.B) {
	r := Create[benchMsg](8, func(m *benchMsg) { m.payload = nil })
	defer r.Destroy()
	tails := make([]uint32, 4)
	all := slices.Values(tails) // ranges over tails live, so made once
	m := []benchMsg{{payload: make([]byte, 64), len: 64}}
	for b.Loop() {
		r.Insert(m)
		for i := range tails {
			r.ConsumeAndUpdateOldestTail(&tails[i], 1, all)
		}
	}
}

// BenchmarkBatch moves 64 elements at a time through a 1000-slot ring,
// so most calls copy in two pieces across the wrap.
func BenchmarkBatch(b *testing.B) {
	r := Create[uint64](1000, nil)
	defer r.Destroy()
	src, dst := make([]uint64, 64), make([]uint64, 64)
	for b.Loop() {
		r.Insert(src)
		r.Consume(nil, dst, len(dst))
	}
}
