package logs

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteLineColour(t *testing.T) {
	var b bytes.Buffer
	writeLine(&b, true, Err, "[t] E: bad\n")
	if got, want := b.String(), "\x1b[31;1m[t] E: bad\x1b[0m\n"; got != want {
		t.Errorf("ERR: got %q, want %q", got, want)
	}
	b.Reset()
	writeLine(&b, true, Notice, "[t] N: plain\n")
	if got, want := b.String(), "[t] N: plain\n"; got != want {
		t.Errorf("NOTICE: got %q, want %q", got, want)
	}
	b.Reset()
	writeLine(&b, true, Warn, "no newline")
	if got, want := b.String(), "\x1b[33;1mno newline\x1b[0m"; got != want {
		t.Errorf("WARN: got %q, want %q", got, want)
	}
	for n := 0; n < Count; n++ {
		b.Reset()
		writeLine(&b, false, 1<<n, "x\n")
		if b.String() != "x\n" {
			t.Errorf("level %d without colour: %q", 1<<n, b.String())
		}
	}
}

// TestEmitStderrFile checks that, with stderr a regular file, lines go
// out byte for byte with no colour.
func TestEmitStderrFile(t *testing.T) {
	ResetForTest()
	t.Cleanup(ResetForTest)
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	old := os.Stderr
	os.Stderr = f
	defer func() { os.Stderr = old }()

	if colourFor(f) {
		t.Fatal("regular file taken for a terminal")
	}
	Logf(Err, "to the file %d", 1)
	Logf(Debug, "masked")
	EmitStderr(Warn, "direct\n")
	got, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.SplitAfter(got, []byte("\n"))
	if len(lines) != 3 || len(lines[2]) != 0 {
		t.Fatalf("got %q", got)
	}
	if l := stripPrefix(string(lines[0])); l != "to the file 1\n" || lines[0][0] != '[' {
		t.Errorf("line 0: %q", lines[0])
	}
	if string(lines[1]) != "direct\n" {
		t.Errorf("line 1: %q", lines[1])
	}
}

func TestIsTerminal(t *testing.T) {
	if isTerminal(nil) {
		t.Error("nil file is a terminal")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if isTerminal(w) {
		t.Error("pipe is a terminal")
	}
}
