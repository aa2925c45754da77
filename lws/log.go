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

// Err logs at ERR (lwsl_err); format takes C printf verbs as well as Go's.
func Err(format string, a ...any) { logs.Logf(logs.Err, format, a...) }

// Warn logs at WARN (lwsl_warn); format takes C printf verbs as well as Go's.
func Warn(format string, a ...any) { logs.Logf(logs.Warn, format, a...) }

// Notice logs at NOTICE (lwsl_notice); format takes C printf verbs as well as Go's.
func Notice(format string, a ...any) { logs.Logf(logs.Notice, format, a...) }

// Info logs at INFO (lwsl_info); format takes C printf verbs as well as Go's.
func Info(format string, a ...any) { logs.Logf(logs.Info, format, a...) }

// Debug logs at DEBUG (lwsl_debug); format takes C printf verbs as well as Go's.
func Debug(format string, a ...any) { logs.Logf(logs.Debug, format, a...) }

// Parser logs at PARSER (lwsl_parser); format takes C printf verbs as well as Go's.
func Parser(format string, a ...any) { logs.Logf(logs.Parser, format, a...) }

// Header logs at HEADER (lwsl_header); format takes C printf verbs as well as Go's.
func Header(format string, a ...any) { logs.Logf(logs.Header, format, a...) }

// Ext logs at EXT (lwsl_ext); format takes C printf verbs as well as Go's.
func Ext(format string, a ...any) { logs.Logf(logs.Ext, format, a...) }

// Client logs at CLIENT (lwsl_client); format takes C printf verbs as well as Go's.
func Client(format string, a ...any) { logs.Logf(logs.Client, format, a...) }

// Latency logs at LATENCY (lwsl_latency); format takes C printf verbs as well as Go's.
func Latency(format string, a ...any) { logs.Logf(logs.Latency, format, a...) }

// User logs at USER (lwsl_user); format takes C printf verbs as well as Go's.
func User(format string, a ...any) { logs.Logf(logs.User, format, a...) }

// Thread logs at THREAD (lwsl_thread); format takes C printf verbs as well as Go's.
func Thread(format string, a ...any) { logs.Logf(logs.Thread, format, a...) }

// Snprintf formats like fmt.Sprintf and accepts C printf verbs too (%u,
// %lu, %llu, %zu ...), as lws_snprintf would; Go has no buffer to bound, so
// it returns the string.
func Snprintf(format string, a ...any) string { return logs.Sprintf(format, a...) }
