package lws

import (
	"bytes"
	"log/slog"
	"regexp"
	"strings"
	"testing"
)

func TestLogLineFormatAndMask(t *testing.T) {
	logs := captureLogs(t, LogDefault)
	Err("e %d", 1)
	Warn("w %u", 2)
	Notice("n %s", "3")
	Info("not shown at the default mask")
	User("u %lu", 4)
	Thread("not shown either")
	logs.mu.Lock()
	lines := append([]string(nil), logs.lines...)
	logs.mu.Unlock()
	re := regexp.MustCompile(`^\[\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}:\d{4}\] ([EWNU]): (.*)\n$`)
	want := []string{"E: e 1", "W: w 2", "N: n 3", "U: u 4"}
	if len(lines) != len(want) {
		t.Fatalf("lines %q, want %d", lines, len(want))
	}
	for i, l := range lines {
		m := re.FindStringSubmatch(l)
		if m == nil || m[1]+": "+m[2] != want[i] {
			t.Errorf("line %q, want the lws format ending %q", l, want[i])
		}
	}
	if LogDefault != 1031 {
		t.Fatalf("default mask %d", LogDefault)
	}
	SetLogLevel(LogDefault|LogThread, nil)
	if !LogVisible(LogThread) || LogVisible(LogInfo) {
		t.Fatal("mask not applied")
	}
}

func TestLogToSlog(t *testing.T) {
	var buf bytes.Buffer
	t.Cleanup(func() { LogToSlog(nil) })
	SetLogLevel(LogDefault, nil)
	LogToSlog(slog.New(slog.NewTextHandler(&buf, nil)))
	Notice("to slog %d", 7)
	out := buf.String()
	if !strings.Contains(out, "msg=\"to slog 7\"") || !strings.Contains(out, "lws=N") {
		t.Fatalf("slog output %q", out)
	}
}
