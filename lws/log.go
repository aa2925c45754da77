package lws

import (
	"log/slog"

	"github.com/golws/golws/lws/internal/logs"
)

// Log levels (enum lws_log_levels, LLL_*): bits of the mask SetLogLevel takes.
const (
	LogErr     = logs.Err     // LLL_ERR
	LogWarn    = logs.Warn    // LLL_WARN
	LogNotice  = logs.Notice  // LLL_NOTICE
	LogInfo    = logs.Info    // LLL_INFO
	LogDebug   = logs.Debug   // LLL_DEBUG
	LogParser  = logs.Parser  // LLL_PARSER
	LogHeader  = logs.Header  // LLL_HEADER
	LogExt     = logs.Ext     // LLL_EXT
	LogClient  = logs.Client  // LLL_CLIENT
	LogLatency = logs.Latency // LLL_LATENCY
	LogUser    = logs.User    // LLL_USER
	LogThread  = logs.Thread  // LLL_THREAD
	LogCount   = logs.Count   // LLL_COUNT

	// LogDefault is the mask in force until SetLogLevel: ERR, WARN,
	// NOTICE and USER (1031), as in lws.
	LogDefault = logs.DefaultMask
)

// SetLogLevel sets the process-wide log mask and, when emit is not nil, the
// function that receives each finished line (lws_set_log_level). The line
// handed to emit has lws's timestamp prefix and ends in a newline.
func SetLogLevel(mask int, emit func(level int, line string)) { logs.SetLogLevel(mask, emit) }

// LogToSlog routes every emitted line to l (without lws's timestamp, which
// slog adds itself). Pass nil to go back to stderr.
func LogToSlog(l *slog.Logger) {
	if l == nil {
		logs.SetEmitter(nil)
		return
	}
	logs.SetEmitter(logs.SlogEmitter(l))
}

// LogVisible reports whether lines of level are emitted (lwsl_visible).
func LogVisible(level int) bool { return logs.Enabled(level) }

// Logging functions, one per lwsl_* macro. format takes C printf verbs as
// well as Go's, so that ported format strings work unchanged.
func Err(format string, a ...any)     { logs.Logf(logs.Err, format, a...) }
func Warn(format string, a ...any)    { logs.Logf(logs.Warn, format, a...) }
func Notice(format string, a ...any)  { logs.Logf(logs.Notice, format, a...) }
func Info(format string, a ...any)    { logs.Logf(logs.Info, format, a...) }
func Debug(format string, a ...any)   { logs.Logf(logs.Debug, format, a...) }
func Parser(format string, a ...any)  { logs.Logf(logs.Parser, format, a...) }
func Header(format string, a ...any)  { logs.Logf(logs.Header, format, a...) }
func Ext(format string, a ...any)     { logs.Logf(logs.Ext, format, a...) }
func Client(format string, a ...any)  { logs.Logf(logs.Client, format, a...) }
func Latency(format string, a ...any) { logs.Logf(logs.Latency, format, a...) }
func User(format string, a ...any)    { logs.Logf(logs.User, format, a...) }
func Thread(format string, a ...any)  { logs.Logf(logs.Thread, format, a...) }

// Snprintf formats like fmt.Sprintf and accepts C printf verbs too (%u,
// %lu, %llu, %zu ...), as lws_snprintf would; Go has no buffer to bound, so
// it returns the string.
func Snprintf(format string, a ...any) string { return logs.Sprintf(format, a...) }
