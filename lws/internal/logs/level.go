package logs

import (
	"math/bits"
	"sync/atomic"
)

// Level bits, identical to lws's LLL_* values so masks given as numbers
// (e.g. "-d 1031" on a command line) mean the same as in C.
const (
	Err = 1 << iota
	Warn
	Notice
	Info
	Debug
	Parser
	Header
	Ext
	Client
	Latency
	User
	Thread

	// Count is the number of defined level bits (LLL_COUNT).
	Count = 12
)

// DefaultMask is lws's default log level: ERR|WARN|NOTICE|USER = 1031.
const DefaultMask = Err | Warn | Notice | User

// letters holds the level letters in bit order (Err first).
const letters = "EWNIDPHXCLUT"

// mask is the current level mask. Logf reads it on every call, so it is
// an atomic: the masked-off path must not touch the mutex.
var mask atomic.Int64

func init() { mask.Store(DefaultMask) }

// Enabled reports whether any bit of level is in the current mask. Use it
// to skip building expensive arguments (the equivalent of lwsl_visible).
func Enabled(level int) bool { return mask.Load()&int64(level) != 0 }

// Mask returns the current level mask.
func Mask() int { return int(mask.Load()) }

// LevelLetter returns the letter used in the line prefix for level: one of
// "EWNIDPHXCLUT". If several bits are set, the lowest one counts, since
// lower bits are more severe. It returns '?' if no defined bit is set.
func LevelLetter(level int) byte {
	l := uint(level) & (1<<Count - 1)
	if l == 0 {
		return '?'
	}
	return letters[bits.TrailingZeros(l)]
}
