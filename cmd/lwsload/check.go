package main

import (
	"fmt"
	"math/bits"
)

// maxOpenIndex bounds the sequence index a checker accepts when it does
// not know how many messages to expect: a damaged frame such as
// "pos 99999999999" must not make it allocate gigabytes of bitmap.
const maxOpenIndex = 1 << 26

// checker follows one connection's "pos <n>" messages. The sequence is
// step, 2*step, ..., expect*step (expect 0: open-ended). It keeps a bitmap
// of the indexes seen rather than only the last one, so that a repeat is
// told apart from a late arrival and every count is exact.
type checker struct {
	step   uint64
	expect uint64

	seen     []uint64 // bit i: index i+1 arrived
	distinct uint64   // indexes seen at least once
	highest  uint64   // highest index seen

	frames    uint64 // every data message, good or not
	dups      uint64 // a valid index that had already arrived
	damaged   uint64 // not "pos <canonical decimal>" or not in the sequence
	reordered uint64 // a new index below the highest already seen

	firstDamaged string // a sample, quoted, for the report
}

func newChecker(step, expect uint64) *checker {
	if step == 0 {
		step = 1
	}
	c := &checker{step: step, expect: expect}
	if expect > 0 {
		c.seen = make([]uint64, (expect+63)/64)
	}
	return c
}

// frame checks one data message. truncated says the message was longer
// than the client keeps, which no "pos <n>" message can be.
func (c *checker) frame(p []byte, truncated bool) {
	c.frames++
	v, ok := parsePos(p)
	if !ok || truncated || v%c.step != 0 {
		c.damage(p)
		return
	}
	idx := v / c.step
	if (c.expect > 0 && idx > c.expect) || (c.expect == 0 && idx > maxOpenIndex) {
		c.damage(p)
		return
	}
	w, b := (idx-1)/64, (idx-1)%64
	if w >= uint64(len(c.seen)) {
		c.seen = append(c.seen, make([]uint64, w+1-uint64(len(c.seen)))...)
	}
	if c.seen[w]&(1<<b) != 0 {
		c.dups++
		return
	}
	c.seen[w] |= 1 << b
	c.distinct++
	if idx < c.highest {
		c.reordered++
	} else {
		c.highest = idx
	}
}

func (c *checker) damage(p []byte) {
	c.damaged++
	if c.firstDamaged == "" {
		if len(p) > 32 {
			p = p[:32]
		}
		c.firstDamaged = fmt.Sprintf("%q", p)
	}
}

// gaps counts the indexes that never arrived: all of 1..expect when the
// count is known, else those below the highest that did arrive (a lost
// tail cannot be seen without knowing where the sequence ends).
func (c *checker) gaps() uint64 {
	if c.expect > 0 {
		return c.expect - c.distinct
	}
	return c.highest - c.distinct
}

// complete says every expected index has arrived.
func (c *checker) complete() bool { return c.expect > 0 && c.distinct == c.expect }

// parsePos reads exactly "pos " and a canonical positive decimal (no sign,
// no leading zero, no overflow). Anything else is damage: a torn frame
// such as "\x00os 5" or "pos 1\x002" must not pass for a message, and
// servers print the number plainly. (A frame cut short to another valid
// number shows up as a duplicate or reordering instead.)
func parsePos(p []byte) (uint64, bool) {
	if len(p) < 5 || p[0] != 'p' || p[1] != 'o' || p[2] != 's' || p[3] != ' ' || p[4] == '0' {
		return 0, false
	}
	var v uint64
	for _, ch := range p[4:] {
		if ch < '0' || ch > '9' {
			return 0, false
		}
		hi, lo := bits.Mul64(v, 10)
		if hi != 0 {
			return 0, false
		}
		sum, carry := bits.Add64(lo, uint64(ch-'0'), 0)
		if carry != 0 {
			return 0, false
		}
		v = sum
	}
	return v, true
}
