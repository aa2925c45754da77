package logs

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"slices"
	"testing"
)

// recHandler records slog records.
type recHandler struct{ recs []slog.Record }

func (h *recHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h *recHandler) Handle(_ context.Context, r slog.Record) error {
	h.recs = append(h.recs, r)
	return nil
}
func (h *recHandler) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *recHandler) WithGroup(string) slog.Handler      { return h }

func TestSlogEmitter(t *testing.T) {
	setup(t, 1<<Count-1)
	h := &recHandler{}
	SetEmitter(SlogEmitter(slog.New(h)))

	want := map[int]slog.Level{
		Err: slog.LevelError, Warn: slog.LevelWarn,
		Notice: slog.LevelInfo, User: slog.LevelInfo,
		Info: slog.LevelDebug, Debug: slog.LevelDebug, Parser: slog.LevelDebug,
		Header: slog.LevelDebug, Ext: slog.LevelDebug, Client: slog.LevelDebug,
		Latency: slog.LevelDebug, Thread: slog.LevelDebug,
	}
	for n := 0; n < Count; n++ {
		Logf(1<<n, "msg %d: [x] y: z\n", n)
	}
	if len(h.recs) != Count {
		t.Fatalf("got %d records", len(h.recs))
	}
	for n, r := range h.recs {
		level := 1 << n
		if r.Level != want[level] {
			t.Errorf("level %d: slog level %v, want %v", level, r.Level, want[level])
		}
		// Prefix and newline removed, the "[x] y: " inside the text kept.
		if wantMsg := fmt.Sprintf("msg %d: [x] y: z", n); r.Message != wantMsg {
			t.Errorf("message %q, want %q", r.Message, wantMsg)
		}
		var attrs []string
		r.Attrs(func(a slog.Attr) bool { attrs = append(attrs, a.Key+"="+a.Value.String()); return true })
		if wantA := []string{"lws=" + string(LevelLetter(level))}; !slices.Equal(attrs, wantA) {
			t.Errorf("attrs %q, want %q", attrs, wantA)
		}
	}
}

func TestSlogEmitterTextHandler(t *testing.T) {
	setup(t, DefaultMask)
	var buf bytes.Buffer
	l := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	SetEmitter(SlogEmitter(l))
	Logf(Warn, "disk %lu%% full", uint64(93))
	Logf(Info, "masked off by lws")
	Logf(User, "debug is filtered by the handler level, info is not")
	want := "level=WARN msg=\"disk 93% full\" lws=W\n" +
		"level=INFO msg=\"debug is filtered by the handler level, info is not\" lws=U\n"
	if buf.String() != want {
		t.Fatalf("got  %q\nwant %q", buf.String(), want)
	}
}

func TestStripPrefix(t *testing.T) {
	for in, want := range map[string]string{
		"[2026/11/23 17:05:09:1234] N: hello\n": "hello\n",
		"[2026/11/23 17:05:09:1234] N: ":        "",
		"no prefix\n":                           "no prefix\n",
		"[broken":                               "[broken",
		"[x] ab":                                "[x] ab",
	} {
		if got := stripPrefix(in); got != want {
			t.Errorf("stripPrefix(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSlogEmitterNilUsesDefault(t *testing.T) {
	setup(t, DefaultMask)
	h := &recHandler{}
	old := slog.Default()
	slog.SetDefault(slog.New(h))
	defer slog.SetDefault(old)
	SetEmitter(SlogEmitter(nil))
	Logf(Err, "to default")
	if len(h.recs) != 1 || h.recs[0].Message != "to default" {
		t.Fatalf("records %v", h.recs)
	}
}
