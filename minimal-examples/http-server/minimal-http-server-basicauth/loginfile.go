package main

import (
	_ "embed"
	"os"
)

// baPasswords is the login file's content, one "user:password" a line:
// test credentials of ours, built into the binary.
//
//go:embed ba-passwords
var baPasswords []byte

// writeLoginFile writes baPasswords to a new file of the system's
// temporary directory, readable by this user only, and returns its path
// and the function that removes it.
//
// lws reads a mount's login file by path, at each request. C names it
// "./ba-passwords", found only when the server is started from the
// example's directory; `go run` from the repository's root and `go test`
// start it elsewhere, and a built binary may be anywhere. A file written
// at start works from any directory, and since it is read at each
// request, editing it while the server runs changes who may log in.
func writeLoginFile() (path string, remove func(), err error) {
	f, err := os.CreateTemp("", "golws-ba-passwords-")
	if err != nil {
		return "", nil, err
	}
	path = f.Name()
	remove = func() { _ = os.Remove(path) }
	if _, err = f.Write(baPasswords); err != nil {
		_ = f.Close()
		remove()
		return "", nil, err
	}
	if err = f.Close(); err != nil {
		remove()
		return "", nil, err
	}
	return path, remove, nil
}
