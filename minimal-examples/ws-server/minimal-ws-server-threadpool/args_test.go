package minimalthreadpool

import (
	"testing"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

func TestHelpAndBadArgs(t *testing.T) {
	exampletest.CheckArgs(t, Main, "-origin", "-msgs", "-threads", "-cpuprofile")
}
