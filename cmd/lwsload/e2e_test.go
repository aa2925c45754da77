package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/golws/golws/internal/testbin"
)

// golwsServer is the headline server, built on first use.
var golwsServer = testbin.New(golwsPackage)

func golwsBinary() (string, error) { return golwsServer.Path() }

// A small matrix end to end: the golws binary in its perf variant and in
// its normal mode (idle connections on protocol 0), and the baseline as a
// child process (this test binary acting as lwsload), all clean, all
// reaped, in one table.
func TestMatrixSmall(t *testing.T) {
	bin, err := golwsBinary()
	if err != nil {
		t.Fatal(err)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(asMainEnv, "1")
	var log bytes.Buffer
	rows, err := runMatrix(testCtx(t), matrixConfig{
		server: bin, baseline: []string{self, "baseline"},
		msgs: 300, threads: []int{2}, conns: []int{1, 3}, runs: 2, idle: 30,
		settle: 100 * time.Millisecond, timeout: 10 * time.Second, maxTime: 14 * time.Second, log: &log,
	})
	if err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	var table bytes.Buffer
	printTable(&table, rows)
	t.Logf("\n%s%s", log.String(), table.String())
	if len(rows) != 3 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, s := range rows {
		if !s.clean() {
			t.Errorf("%s: not clean: golws %q baseline %q", s.Name, s.GolwsErr, s.BaseErr)
		}
	}
	if g := rows[1].Golws; g == nil || g.Frames != 900 || g.ServerCPU < 0 || g.ServerRSSMB <= 0 {
		t.Errorf("golws 3 conns: %+v", g)
	}
	if g := rows[2].GolwsIdl; g == nil || g.Alive != 30 || g.PerConnKB <= 0 {
		t.Errorf("golws idle: %+v", g)
	}
	for _, want := range []string{"| threads 2, 3 conns × 300 msgs | frames/s |", "| idle, 30 conns | kB/conn |", "held 30/30"} {
		if !strings.Contains(table.String(), want) {
			t.Errorf("table lacks %q", want)
		}
	}
}
