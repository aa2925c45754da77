// Package testbin builds the project's commands for tests that run them as
// real processes (signals, exit codes, a load tool beside the server).
//
// A command is built once per test binary and without the race detector:
// a race-enabled binary sleeps a second at exit, which would hide exit
// times under test (the same code runs in-process under -race elsewhere).
package testbin

import (
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sync"
)

// Binary is one command, built on first use.
type Binary struct {
	pkg  string
	once sync.Once
	dir  string
	path string
	err  error
}

// New names the command by its import path; nothing is built yet.
func New(pkg string) *Binary { return &Binary{pkg: pkg} }

// Path builds the command the first time and returns the executable.
func (b *Binary) Path() (string, error) {
	b.once.Do(func() {
		b.dir, b.err = os.MkdirTemp("", "golws-testbin")
		if b.err != nil {
			return
		}
		b.path = filepath.Join(b.dir, path.Base(b.pkg))
		if out, err := exec.Command("go", "build", "-o", b.path, b.pkg).CombinedOutput(); err != nil {
			b.err = fmt.Errorf("go build %s: %v\n%s", b.pkg, err, out)
		}
	})
	return b.path, b.err
}

// Remove deletes what Path built; call it from TestMain after the tests.
func (b *Binary) Remove() {
	if b.dir != "" {
		os.RemoveAll(b.dir)
	}
}
