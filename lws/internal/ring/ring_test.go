package ring

import (
	"slices"
	"strings"
	"testing"
)

// msg mirrors the examples' struct msg: a payload freed by destroy.
type msg struct {
	payload *string
	id      int
}

// newMsgRing makes a ring of msg whose destroy records the ids it sees.
func newMsgRing(t *testing.T, count int) (*Ring[msg], *[]int) {
	t.Helper()
	var destroyed []int
	r := Create(count, func(m *msg) {
		destroyed = append(destroyed, m.id)
		m.payload = nil
	})
	if r == nil {
		t.Fatalf("Create(%d) = nil", count)
	}
	return r, &destroyed
}

func msgs(from, n int) []msg {
	out := make([]msg, n)
	for i := range out {
		s := "x"
		out[i] = msg{payload: &s, id: from + i}
	}
	return out
}

func ids(ms []msg) []int {
	out := make([]int, len(ms))
	for i, m := range ms {
		out[i] = m.id
	}
	return out
}

func wantInts(t *testing.T, what string, got, want []int) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Fatalf("%s = %v, want %v", what, got, want)
	}
}

func wantInt(t *testing.T, what string, got, want int) {
	t.Helper()
	if got != want {
		t.Fatalf("%s = %d, want %d", what, got, want)
	}
}

func TestCreateRejectsBadCount(t *testing.T) {
	for _, n := range []int{0, -1} {
		if r := Create[int](n, nil); r != nil {
			t.Errorf("Create(%d) = %v, want nil", n, r)
		}
	}
	var r *Ring[int]
	r.Destroy() // a nil ring may be destroyed, like a ring never created
}

func TestSingleTailFillAndPartialInsert(t *testing.T) {
	r, destroyed := newMsgRing(t, 8)
	wantInt(t, "free when empty", r.GetCountFreeElements(), 7)
	if p := r.GetElement(nil); p != nil {
		t.Fatalf("GetElement on empty ring = %+v", *p)
	}

	// 10 offered, 7 fit: one slot stays empty.
	wantInt(t, "Insert(10)", r.Insert(msgs(1, 10)), 7)
	wantInt(t, "free when full", r.GetCountFreeElements(), 0)
	wantInt(t, "waiting", r.GetCountWaitingElements(nil), 7)
	wantInt(t, "Insert into full", r.Insert(msgs(8, 1)), 0)
	wantInt(t, "GetElement", r.GetElement(nil).id, 1)

	// The ring's own tail consumes: elements are copied, then destroyed.
	dest := make([]msg, 3)
	wantInt(t, "Consume", r.Consume(nil, dest, 3), 3)
	wantInts(t, "consumed", ids(dest), []int{1, 2, 3})
	if dest[0].payload == nil {
		t.Fatal("copy lost its payload when the slot was destroyed")
	}
	wantInts(t, "destroyed", *destroyed, []int{1, 2, 3})
	wantInt(t, "free", r.GetCountFreeElements(), 3)

	// Only 3 fit again, and they wrap around the end.
	wantInt(t, "Insert(5)", r.Insert(msgs(8, 5)), 3)
	dest = make([]msg, 20)
	wantInt(t, "Consume all", r.Consume(nil, dest, 20), 7)
	wantInts(t, "consumed", ids(dest[:7]), []int{4, 5, 6, 7, 8, 9, 10})
	if p := r.GetElement(nil); p != nil {
		t.Fatalf("GetElement after draining = %+v", *p)
	}
	r.Destroy()
	wantInts(t, "destroyed", *destroyed, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
}

// TestOneByteElements checks C's "fewer than 2 bytes free means none"
// rule: it only matters for one-byte elements and only when exactly one
// slot is free.
func TestOneByteElements(t *testing.T) {
	b := Create[byte](8, nil)
	wantInt(t, "byte free", b.GetCountFreeElements(), 7)
	wantInt(t, "byte Insert in one go", b.Insert(make([]byte, 8)), 7)

	b = Create[byte](8, nil)
	n := 0
	for b.Insert([]byte{1}) == 1 {
		n++
	}
	wantInt(t, "byte Inserts one at a time", n, 6)
	wantInt(t, "byte ring of 2", Create[byte](2, nil).GetCountFreeElements(), 0)

	w := Create[uint16](8, nil)
	n = 0
	for w.Insert([]uint16{1}) == 1 {
		n++
	}
	wantInt(t, "uint16 Inserts one at a time", n, 7)
	wantInt(t, "uint16 ring of 2", Create[uint16](2, nil).GetCountFreeElements(), 1)
	wantInt(t, "ring of 1", Create[uint16](1, nil).GetCountFreeElements(), 0)
}

// TestMultiTail sets three readers at different positions and checks that
// space and destruction follow the oldest tail only.
func TestMultiTail(t *testing.T) {
	r, destroyed := newMsgRing(t, 8)
	tails := []uint32{r.GetOldestTail(), r.GetOldestTail(), r.GetOldestTail()}
	all := slices.Values(tails)
	wantInt(t, "Insert", r.Insert(msgs(1, 5)), 5)

	// Readers 1 and 2 move on; reader 0 (the oldest) does not.
	dest := make([]msg, 8)
	wantInt(t, "Consume 1", r.Consume(&tails[1], dest, 2), 2)
	wantInts(t, "reader 1 got", ids(dest[:2]), []int{1, 2})
	wantInt(t, "Consume 2", r.Consume(&tails[2], nil, 4), 4)
	wantInts(t, "tails", []int{int(tails[0]), int(tails[1]), int(tails[2])}, []int{0, 2, 4})
	for i, w := range []int{5, 3, 1} {
		wantInt(t, "waiting", r.GetCountWaitingElements(&tails[i]), w)
	}
	wantInt(t, "reader 2 next", r.GetElement(&tails[2]).id, 5)
	// Explicit tails free nothing and destroy nothing.
	wantInt(t, "free", r.GetCountFreeElements(), 2)
	wantInts(t, "destroyed", *destroyed, nil)

	// A reader that is not the oldest consuming changes nothing global.
	r.ConsumeAndUpdateOldestTail(&tails[1], 1, all)
	wantInt(t, "free", r.GetCountFreeElements(), 2)
	wantInts(t, "destroyed", *destroyed, nil)

	// The oldest reader overtakes reader 1: the oldest tail is now
	// reader 1's (slot 3), and elements 1 to 3 are retired.
	r.ConsumeAndUpdateOldestTail(&tails[0], 4, all)
	wantInt(t, "oldest", int(r.GetOldestTail()), 3)
	wantInts(t, "destroyed", *destroyed, []int{1, 2, 3})
	wantInt(t, "free", r.GetCountFreeElements(), 5)

	// Retired slots are zeroed so their payloads can be collected.
	for i := range 3 {
		if r.buf[i] != (msg{}) {
			t.Fatalf("slot %d not zeroed: %+v", i, r.buf[i])
		}
	}

	// UpdateOldestTail retires up to the given tail.
	r.UpdateOldestTail(tails[2])
	wantInts(t, "destroyed", *destroyed, []int{1, 2, 3, 4})

	r.Destroy()
	wantInts(t, "destroyed", *destroyed, []int{1, 2, 3, 4, 5})
}

// TestCullLaggingReader follows minimal-ws-server-ring: the lagging reader
// is dropped from the list before its tail is consumed, and the oldest
// tail moves to the worst survivor.
func TestCullLaggingReader(t *testing.T) {
	r, destroyed := newMsgRing(t, 8)
	r.Insert(msgs(1, 7))
	lagging := r.GetOldestTail()
	survivors := []uint32{3, 5}
	before := r.GetCountWaitingElements(&lagging)
	most := r.GetCountWaitingElements(&survivors[0])
	r.ConsumeAndUpdateOldestTail(&lagging, before-most, slices.Values(survivors))
	wantInt(t, "oldest", int(r.GetOldestTail()), 3)
	wantInts(t, "destroyed", *destroyed, []int{1, 2, 3})

	// With nobody left, the consumer's own tail becomes the oldest.
	r.ConsumeAndUpdateOldestTail(&survivors[0], 1, nil)
	wantInt(t, "oldest", int(r.GetOldestTail()), 4)
	r.Destroy()
}

func TestSingleTailHelperWrapsAround(t *testing.T) {
	r, destroyed := newMsgRing(t, 4)
	var tail uint32
	id := 1
	for range 50 {
		wantInt(t, "Insert", r.Insert(msgs(id, 2)), 2)
		for range 2 {
			wantInt(t, "GetElement", r.GetElement(&tail).id, id)
			r.ConsumeSingleTail(&tail, 1)
			id++
		}
	}
	if r.GetElement(&tail) != nil {
		t.Fatal("GetElement after draining is not nil")
	}
	wantInt(t, "destroy calls", len(*destroyed), 100)
	r.Destroy()
	wantInt(t, "destroy calls", len(*destroyed), 100)
}

func TestConsumeShortDest(t *testing.T) {
	r := Create[int](8, nil)
	r.Insert([]int{1, 2, 3, 4, 5})
	dest := make([]int, 2)
	wantInt(t, "Consume", r.Consume(nil, dest, 5), 2)
	wantInts(t, "dest", dest, []int{1, 2})
	wantInt(t, "Consume empty dest", r.Consume(nil, []int{}, 5), 0)
	wantInt(t, "Consume negative", r.Consume(nil, nil, -1), 0)
	wantInt(t, "waiting", r.GetCountWaitingElements(nil), 3)
}

func TestLinearInsert(t *testing.T) {
	r := Create[byte](8, nil)
	r.Insert([]byte("abcde"))
	r.Consume(nil, nil, 5)
	// head 5, oldest 5: 7 free, but only 3 before the end.
	span := r.NextLinearInsertRange()
	wantInt(t, "first span", len(span), 3)
	copy(span, "fgh")
	r.BumpHead(3)
	span = r.NextLinearInsertRange()
	wantInt(t, "second span", len(span), 4)
	copy(span, "ijkl")
	r.BumpHead(4)
	if span := r.NextLinearInsertRange(); span != nil {
		t.Fatalf("span on full ring = %q", span)
	}
	got := make([]byte, 8)
	n := r.Consume(nil, got, 8)
	if string(got[:n]) != "fghijkl" {
		t.Fatalf("read back %q", got[:n])
	}
}

// TestNoDestroyStillZeroes checks that a ring without destroy function
// drops references to retired elements, and that a rewind (allowed in C
// without a destroy function) leaves the data alone.
func TestNoDestroyStillZeroes(t *testing.T) {
	v := 1
	r := Create[*int](4, nil)
	r.Insert([]*int{&v, &v, &v})
	r.Consume(nil, nil, 2)
	if r.buf[0] != nil || r.buf[1] != nil || r.buf[2] != &v {
		t.Fatalf("slots after consume: %v", r.buf)
	}
	r.UpdateOldestTail(0) // behind the oldest tail: C just stores it
	wantInt(t, "oldest", int(r.GetOldestTail()), 0)
	if r.buf[2] != &v {
		t.Fatal("rewind cleared a live slot")
	}
}

func TestBadTailPanics(t *testing.T) {
	r := Create[int](4, func(*int) {})
	bad := uint32(4)
	for name, f := range map[string]func(){
		"UpdateOldestTail": func() { r.UpdateOldestTail(bad) },
		"GetElement":       func() { r.GetElement(&bad) },
		"Consume":          func() { r.Consume(&bad, nil, 1) },
		"Waiting":          func() { r.GetCountWaitingElements(&bad) },
		"BumpHead":         func() { r.BumpHead(-1) },
		"ConsumeAndUpdate": func() { r.ConsumeAndUpdateOldestTail(nil, 1, nil) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s did not panic", name)
				}
			}()
			f()
		}()
	}
}

func TestDump(t *testing.T) {
	r := Create[int](8, nil)
	r.Insert([]int{1, 2, 3})
	tail := uint32(1)
	s := r.Dump(&tail)
	for _, want := range []string{"count 8", "head 3", "oldest tail 0", "free 4", "tail 1: waiting 2"} {
		if !strings.Contains(s, want) {
			t.Errorf("Dump = %q, missing %q", s, want)
		}
	}
}
