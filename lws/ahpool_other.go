//go:build !unix

package lws

// openFileLimit stands in for lws's max_fds where there is no rlimit.
func openFileLimit() int { return 1024 }
