//go:build race

package service

import "testing"

func TestAssertOnLoopRace(t *testing.T) {
	t.Setenv("GOLWS_DEBUG", "0") // race builds check regardless
	assertOffLoop(t, New())
}
