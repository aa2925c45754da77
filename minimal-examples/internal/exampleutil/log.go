package exampleutil

import (
	"io"
	"os"

	. "github.com/golws/golws/include-like"
)

// SetLogging sets the lws log mask and sends the lines to w. Real stderr
// keeps lws's own emitter, which colours lines on a terminal; any other
// writer (a test's) gets the plain lines.
func SetLogging(mask int, w io.Writer) {
	if w == io.Writer(os.Stderr) {
		Lws_set_log_level(mask, nil)
		return
	}
	Lws_set_log_level(mask, func(_ int, line string) { _, _ = io.WriteString(w, line) })
}
