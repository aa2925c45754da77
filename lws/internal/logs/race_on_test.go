//go:build race

package logs

// raceEnabled: under the race detector sync.Pool drops some Puts on
// purpose, so allocation counts that depend on pooling are not stable.
const raceEnabled = true
