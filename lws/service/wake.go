package service

// SetWakeHook sets the function Wake runs on the loop goroutine; this is the
// target of lws_cancel_service. Call it before the loop first runs, or on
// the loop goroutine.
func (l *Loop) SetWakeHook(fn func()) { l.hook = fn }

// Wake makes the loop run its wake hook in a round soon. It is safe from any
// goroutine and coalesces: any number of Wakes before that round starts run
// the hook once. A Wake during the hook runs it again in a later round.
func (l *Loop) Wake() {
	// The flag, not the channel, carries the request: the channel token is
	// shared with Post and may be consumed by a round that only ran posts.
	if !l.woken.Swap(true) {
		l.signal()
	}
}
