//go:build unix

package lws

import (
	"math"
	"syscall"
)

// openFileLimit is the process's open-file limit, lws's max_fds.
func openFileLimit() int {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil || rl.Cur == 0 {
		return 1024
	}
	return int(min(rl.Cur, math.MaxInt32))
}
