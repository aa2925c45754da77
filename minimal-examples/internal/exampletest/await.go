package exampletest

import "time"

// Await waits until cond is true, checking it at once and then each time
// changed delivers, and reports whether it became true before bound
// passed. changed is a buffered channel of one that the code cond
// watches sends on without blocking whenever it changes something, so
// that no wait needs a sleep.
func Await(changed <-chan struct{}, bound time.Duration, cond func() bool) bool {
	deadline := time.NewTimer(bound)
	defer deadline.Stop()
	for !cond() {
		select {
		case <-changed:
		case <-deadline.C:
			return cond()
		}
	}
	return true
}

// Notify sends on changed without blocking: one token is enough for Await.
func Notify(changed chan<- struct{}) {
	select {
	case changed <- struct{}{}:
	default:
	}
}
