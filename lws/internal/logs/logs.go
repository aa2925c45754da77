package logs

import (
	"bytes"
	"strconv"
	"sync"
	"time"
)

// MaxLineLen is the longest line, prefix and newline included, that Logf
// builds before the dupes note. C's buffer is 1024 bytes including the NUL.
const MaxLineLen = 1023

// dupeWindow: a repeated line is dropped if it arrives sooner than this
// after the last emitted line.
const dupeWindow = time.Second

// state is the process-wide state of the C statics: emitter, clock and
// duplicate tracking. mu also serialises calls to the emitter, see doc.go.
var state struct {
	mu   sync.Mutex
	emit func(level int, line string)
	now  func() time.Time // clock hook for tests

	prev     []byte    // text (after the prefix) of the last distinct line
	havePrev bool      // false until the first line, so "" is not a dupe of nothing
	dupes    int       // repeats of prev since it was last emitted
	last     time.Time // when a line was last emitted

	line []byte // reused buffer for building the line
}

func init() {
	state.emit = EmitStderr
	state.now = time.Now
}

// SetLogLevel is lws_set_log_level: it sets the mask and, if emit is not
// nil, the emitter.
func SetLogLevel(level int, emit func(level int, line string)) {
	mask.Store(int64(level))
	if emit != nil {
		SetEmitter(emit)
	}
}

// SetEmitter sets the function that receives each finished line: prefix,
// text and trailing newline. nil restores [EmitStderr]. Emitters are
// called one at a time and must not log; see the package documentation.
func SetEmitter(emit func(level int, line string)) {
	if emit == nil {
		emit = EmitStderr
	}
	state.mu.Lock()
	state.emit = emit
	state.mu.Unlock()
}

// ResetForTest restores the starting state: default mask, stderr emitter,
// real clock, and no duplicate history. Tests that set the mask or
// emitter should call it in t.Cleanup.
func ResetForTest() {
	mask.Store(DefaultMask)
	state.mu.Lock()
	defer state.mu.Unlock()
	state.emit = EmitStderr
	state.now = time.Now
	state.prev = state.prev[:0]
	state.havePrev = false
	state.dupes = 0
	state.last = time.Time{}
}

// Logf logs a printf-style message at level (one of the level bits). See
// the package documentation for the format rules. Logf is small enough to
// be inlined, so the masked-off case costs the caller one atomic load.
func Logf(level int, format string, args ...any) {
	if mask.Load()&int64(level) == 0 {
		return
	}
	logf(level, format, args)
}

// bufPool holds buffers for formatting the text outside the lock.
var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 256); return &b }}

// maxPooled: larger buffers are not put back, so one huge message does
// not keep its memory alive in the pool.
const maxPooled = 4 << 10

func logf(level int, format string, args []any) {
	bp := bufPool.Get().(*[]byte)
	text := Appendf((*bp)[:0], format, args...)
	if len(text) == 0 || text[len(text)-1] != '\n' {
		text = append(text, '\n')
	}
	emitText(level, text)
	if cap(text) <= maxPooled {
		*bp = text[:0]
		bufPool.Put(bp)
	}
}

// emitText does the part under the lock: timestamp, truncation, duplicate
// swallowing and the call to the emitter. text ends in '\n' and may be
// changed in place.
func emitText(level int, text []byte) {
	state.mu.Lock()
	// defer, so that a panicking emitter does not leave logging locked.
	defer state.mu.Unlock()

	// Read the clock under the lock so lines reach the emitter in
	// timestamp order.
	t := state.now()
	line := appendPrefix(state.line[:0], t, level)
	if len(line)+len(text) > MaxLineLen {
		keep := max(MaxLineLen-4-len(line), 0)
		text = append(text[:keep], "...\n"...)
	}

	if state.havePrev && bytes.Equal(text, state.prev) {
		state.dupes++
		if t.Sub(state.last) < dupeWindow {
			return
		}
		line = append(line, text[:len(text)-1]...)
		line = append(line, " (swallowed "...)
		line = strconv.AppendInt(line, int64(state.dupes), 10)
		line = append(line, " dupes)\n"...)
		state.dupes = 0
	} else {
		state.prev = append(state.prev[:0], text...)
		state.havePrev = true
		state.dupes = 0
		line = append(line, text...)
	}
	state.last = t
	state.line = line
	state.emit(level, string(line))
}

// appendPrefix appends "[YYYY/MM/DD HH:MM:SS:ffff] L: " for t in local
// time. ffff is ten-thousandths of a second, as lws prints
// (microseconds / 100 % 10000). Written by hand because time.Format has
// no layout for ten-thousandths with ':' before them, and to avoid
// allocating.
func appendPrefix(b []byte, t time.Time, level int) []byte {
	t = t.Local()
	year, month, day := t.Date()
	hour, minute, sec := t.Clock()
	b = append(b, '[')
	b = appendPad(b, year, 4)
	b = append(b, '/')
	b = appendPad(b, int(month), 2)
	b = append(b, '/')
	b = appendPad(b, day, 2)
	b = append(b, ' ')
	b = appendPad(b, hour, 2)
	b = append(b, ':')
	b = appendPad(b, minute, 2)
	b = append(b, ':')
	b = appendPad(b, sec, 2)
	b = append(b, ':')
	b = appendPad(b, t.Nanosecond()/100000, 4)
	return append(b, ']', ' ', LevelLetter(level), ':', ' ')
}

// appendPad appends v in decimal, zero-padded to width digits, like
// C's %0*d (width <= 20).
func appendPad(b []byte, v, width int) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
		width--
	}
	var d [20]byte
	i := len(d)
	for v > 0 || i == len(d) {
		i--
		d[i] = byte('0' + v%10)
		v /= 10
	}
	for len(d)-i < width {
		i--
		d[i] = '0'
	}
	return append(b, d[i:]...)
}
