package logs

import (
	"context"
	"log/slog"
	"strings"
)

// SlogEmitter returns an emitter that sends lines to l. Use it as
// SetEmitter(SlogEmitter(l)). slog adds its own time, so the message is
// the text alone, without the "[timestamp] L: " prefix and without the
// trailing newline. The lws level letter goes in the attribute "lws".
// Levels map as follows: ERR to LevelError, WARN to LevelWarn, NOTICE and
// USER to LevelInfo, and everything else to LevelDebug. If l is nil,
// slog.Default() is used, looked up on each line so later SetDefault
// calls take effect.
func SlogEmitter(l *slog.Logger) func(level int, line string) {
	return func(level int, line string) {
		lg := l
		if lg == nil {
			lg = slog.Default()
		}
		lv := slogLevel(level)
		ctx := context.Background()
		if !lg.Enabled(ctx, lv) {
			return
		}
		msg := strings.TrimSuffix(stripPrefix(line), "\n")
		lg.LogAttrs(ctx, lv, msg, slog.String("lws", string(LevelLetter(level))))
	}
}

// slogLevel maps an lws level to an slog level, using the lowest defined
// bit like LevelLetter.
func slogLevel(level int) slog.Level {
	switch LevelLetter(level) {
	case 'E':
		return slog.LevelError
	case 'W':
		return slog.LevelWarn
	case 'N', 'U':
		return slog.LevelInfo
	}
	return slog.LevelDebug
}

// stripPrefix removes a leading "[...] L: " as built by appendPrefix. A
// line without that shape (e.g. from a caller's own code) is returned
// as it is.
func stripPrefix(line string) string {
	if !strings.HasPrefix(line, "[") {
		return line
	}
	i := strings.Index(line, "] ")
	if i < 0 || len(line) < i+5 || line[i+3:i+5] != ": " {
		return line
	}
	return line[i+5:]
}
