package main

import (
	"os"
	"path/filepath"
	"testing"
)

// A fake /proc entry whose command name holds a space and a ')', as a
// process may name itself anything.
const (
	fakeStat = "4242 (we ird) x) S 1 4242 4242 0 -1 4194560 1234 0 0 0 250 150 0 0 20 0 7 0 12345 1234567 890 " +
		"18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n"
	fakeStatus = "Name:\twe ird x)\nState:\tS (sleeping)\nVmPeak:\t 1000000 kB\nVmHWM:\t    9000 kB\n" +
		"VmRSS:\t    8192 kB\nThreads:\t7\n"
)

func fakeProc(t *testing.T, stat, status string) {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "4242")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{"stat": stat, "status": status} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := procRoot
	procRoot = root
	t.Cleanup(func() { procRoot = old })
}

func TestSampleProcFake(t *testing.T) {
	fakeProc(t, fakeStat, fakeStatus)
	s, err := sampleProc(4242)
	if err != nil {
		t.Fatal(err)
	}
	if s.cpuTicks != 400 || s.cpuSeconds() != 4 {
		t.Errorf("cpu %d ticks, %v s; want 400, 4", s.cpuTicks, s.cpuSeconds())
	}
	if s.rssKB != 8192 || s.hwmKB != 9000 {
		t.Errorf("rss %d hwm %d", s.rssKB, s.hwmKB)
	}
}

func TestSampleProcBad(t *testing.T) {
	cases := map[string][2]string{
		"no parenthesis": {"4242 name S 1 2 3", fakeStatus},
		"short stat":     {"4242 (x) S 1 2 3", fakeStatus},
		"bad utime":      {"4242 (x) S 1 2 3 4 5 6 7 8 9 10 x 5 0", fakeStatus},
		"no VmRSS":       {fakeStat, "Name:\tx\nVmHWM:\t 9000 kB\n"},
		"bad unit":       {fakeStat, "VmHWM:\t9000 kB\nVmRSS:\t8 MB\n"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			fakeProc(t, c[0], c[1])
			if s, err := sampleProc(4242); err == nil {
				t.Fatalf("accepted: %+v", s)
			}
		})
	}
	if _, err := sampleProc(4243); err == nil {
		t.Fatal("a missing process was sampled")
	}
}

// The real /proc has the same shape as the fake one.
func TestSampleProcSelf(t *testing.T) {
	s, err := sampleProc(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if s.rssKB <= 0 || s.hwmKB < s.rssKB {
		t.Fatalf("rss %d kB, hwm %d kB", s.rssKB, s.hwmKB)
	}
}
