package minimalthreadpool

import (
	"strings"
	"testing"
	"time"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

func TestHelpAndBadArgs(t *testing.T) {
	exampletest.CheckArgs(t, Main, "-origin", "-msgs", "-threads", "-cpuprofile")
}

// -d sets the log mask: with THREAD (2048) added to the default 1031, the
// once-a-second sul dumps the pool at THREAD level; without it, nothing
// at that level appears.
func TestLogMaskFlag(t *testing.T) {
	for _, tc := range []struct {
		mask  string
		dumps bool
	}{{"3079", true}, {"1031", false}} {
		e := startExample(t, time.Millisecond, "-d", tc.mask)
		e.waitFor("a DIAG line", func() bool {
			for _, l := range e.lines {
				if strings.Contains(l, "] U: DIAG: ongoing: ") {
					return true
				}
			}
			return false
		})
		e.mu.Lock()
		dumped := e.hasLine("T", "lws_threadpool_dump: default: queued 0, running 0, done 0, workers 3")
		e.mu.Unlock()
		if dumped != tc.dumps {
			t.Errorf("-d %s: THREAD dump logged %v, want %v", tc.mask, dumped, tc.dumps)
		}
		if code, _ := e.stop(); code != 0 {
			t.Fatalf("exit %d", code)
		}
	}
}
