package exampletest

import (
	"os"
	"testing"
	"time"

	"github.com/golws/golws/minimal-examples/internal/exampleutil"

	. "github.com/golws/golws/include-like"
)

// ServeContext creates a context from info, as a test's own main would,
// runs its service loop on a goroutine until the test ends and then
// destroys it. It returns the listening port of the default vhost; log
// says what to show when the context cannot be created.
func ServeContext(t testing.TB, info *Lws_context_creation_info, log *Log) int {
	t.Helper()
	context := Lws_create_context(info)
	if context == nil {
		t.Fatalf("creating the context failed; log:\n%s", log)
	}
	port := Lws_get_vhost_listen_port(Lws_get_vhost_by_name(context, "default"))
	interrupt := make(chan os.Signal, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		exampleutil.ServiceLoop(context, interrupt)
		Lws_context_destroy(context)
	}()
	t.Cleanup(func() {
		interrupt <- os.Interrupt
		select {
		case <-done:
		case <-time.After(WaitBound):
			t.Error("the server did not stop")
		}
	})
	return port
}
