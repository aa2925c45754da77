package service

import "runtime"

// InRound reports whether a round is running at this moment. It cannot tell
// which goroutine runs it: a goroutine other than the loop's also sees true
// during a round, so it is not a substitute for AssertOnLoop.
func (l *Loop) InRound() bool { return l.inRound.Load() }

// AssertOnLoop panics with "golws: <what> called off the service goroutine"
// if it is called from a goroutine other than the one running the current
// round. It checks nothing outside rounds, where the race detector is the
// guard. It is active in race builds and, in other builds, only when
// GOLWS_DEBUG=1 was set when the Loop was created; otherwise it costs one
// branch.
func (l *Loop) AssertOnLoop(what string) {
	if !l.track || !l.inRound.Load() {
		return
	}
	if goid() != l.owner.Load() {
		panic("golws: " + what + " called off the service goroutine")
	}
}

func (l *Loop) enterRound() {
	if !l.inRound.CompareAndSwap(false, true) {
		panic("service: round started while another is running (nested or concurrent RunOnce/Run)")
	}
	if l.track {
		l.owner.Store(goid())
	}
}

// goid returns the current goroutine's id, parsed from the first line of its
// stack trace, "goroutine N [...". Slow (a stack walk); only used when
// tracking is on.
func goid() int64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	const prefix = "goroutine "
	if len(b) < len(prefix) || string(b[:len(prefix)]) != prefix {
		return -1
	}
	var id int64
	for _, c := range b[len(prefix):] {
		if c < '0' || c > '9' {
			break
		}
		id = id*10 + int64(c-'0')
	}
	return id
}

// Checking reports whether the loop runs with the debug checks on (race
// builds, or GOLWS_DEBUG=1): packages built on it enable their own
// invariant checks by the same switch.
func (l *Loop) Checking() bool { return l.track }
