package httpexample

import (
	"slices"
	"testing"

	. "github.com/golws/golws/include-like"
)

// Reasons returns the reasons of wsi's events that are among keep, in
// order, up to and including the first one that is until.
func Reasons(evs []Event, wsi *Lws, until Lws_callback_reasons, keep ...Lws_callback_reasons) []Lws_callback_reasons {
	var out []Lws_callback_reasons
	for _, e := range Of(evs, wsi) {
		if slices.Contains(keep, e.Reason) || e.Reason == until {
			out = append(out, e.Reason)
		}
		if e.Reason == until {
			break
		}
	}
	return out
}

// CheckPostAfterFileMiss waits for the BODY_COMPLETION of the one POST
// rec's protocol got and checks that it came the way lws main hands on a
// POST for a URI its file mount has no file for (traced on lws main):
// LWS_CALLBACK_HTTP with the whole URI, with no bind before it (no
// BIND_PROTOCOL, no CHECK_ACCESS_RIGHTS), then the body. A bind after the
// answer is a kept connection's return to protocol 0, and not looked at.
func CheckPostAfterFileMiss(t testing.TB, rec *Recorder, uri string) {
	t.Helper()
	evs := rec.WaitFor(t, "BODY_COMPLETION", func(evs []Event) bool {
		return Count(evs, LWS_CALLBACK_HTTP_BODY_COMPLETION) == 1
	})
	h, ok := First(evs, LWS_CALLBACK_HTTP)
	if !ok || h.In != uri {
		t.Fatalf("LWS_CALLBACK_HTTP: %v, %v; want in %q", h, ok, uri)
	}
	got := Reasons(evs, h.Wsi, LWS_CALLBACK_HTTP_BODY_COMPLETION,
		LWS_CALLBACK_HTTP_BIND_PROTOCOL, LWS_CALLBACK_CHECK_ACCESS_RIGHTS,
		LWS_CALLBACK_HTTP, LWS_CALLBACK_HTTP_BODY)
	want := []Lws_callback_reasons{LWS_CALLBACK_HTTP, LWS_CALLBACK_HTTP_BODY, LWS_CALLBACK_HTTP_BODY_COMPLETION}
	if !slices.Equal(got, want) {
		t.Errorf("callbacks %v, want %v; all:\n%v", got, want, Of(evs, h.Wsi))
	}
}
