package main

import (
	"bytes"
	"context"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// asMainEnv makes the test binary act as lwsload itself: the matrix test
// starts it as the baseline server, since os.Executable is the test binary.
const asMainEnv = "LWSLOAD_TEST_AS_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(asMainEnv) == "1" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := lwsload(ctx, os.Args[1:], os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	goleak.VerifyTestMain(m, goleak.Cleanup(func(code int) {
		golwsServer.Remove()
		threadpoolExample.Remove()
		os.Exit(code) // goleak leaves the exit to Cleanup
	}))
}

// testCtx bounds a test's network work.
func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func TestUsage(t *testing.T) {
	cases := []struct {
		args []string
		code int
	}{
		{nil, 2},
		{[]string{"bogus"}, 2},
		{[]string{"help"}, 0},
		{[]string{"run"}, 2},
		{[]string{"run", "--url", "ws://127.0.0.1:1/", "--step", "0"}, 2},
		{[]string{"run", "-h"}, 0},
		{[]string{"idle"}, 2},
		{[]string{"matrix", "--threads", "3,x"}, 2},
		{[]string{"matrix", "--msgs", "0"}, 2},
		{[]string{"baseline", "--msgs", "-1"}, 2},
		{[]string{"baseline", "extra"}, 2},
	}
	for _, tc := range cases {
		var out, errb bytes.Buffer
		if code := lwsload(testCtx(t), tc.args, &out, &errb); code != tc.code {
			t.Errorf("lwsload %q = %d, want %d (%s)", tc.args, code, tc.code, errb.String())
		}
	}
}

// The command line against the in-process baseline: a complete run exits
// 0, one that expects more than the server sends exits 1 with the
// shortfall as gaps.
func TestRunCommand(t *testing.T) {
	b, err := startBaseline("127.0.0.1:0", 300)
	if err != nil {
		t.Fatal(err)
	}
	defer b.close()
	url := "ws://" + b.ln.Addr().String() + "/"
	var out, errb bytes.Buffer
	if code := lwsload(testCtx(t), []string{"run", "--url", url, "--conns", "2", "--expect", "300", "--pid", "0"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s %s", code, out.String(), errb.String())
	}
	if !strings.Contains(out.String(), "frames=600 ") || !strings.Contains(out.String(), "dups=0 gaps=0 damaged=0") {
		t.Fatalf("output %q", out.String())
	}
	out.Reset()
	if code := lwsload(testCtx(t), []string{"run", "--url", url, "--conns", "2", "--expect", "301", "--json"}, &out, &errb); code != 1 {
		t.Fatalf("exit %d: %s %s", code, out.String(), errb.String())
	}
	if !strings.Contains(out.String(), `"gaps": 2,`) || !strings.Contains(out.String(), `"per_conn"`) {
		t.Fatalf("output %s", out.String())
	}
}
