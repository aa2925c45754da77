package main

import (
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/golws/golws/minimal-examples/test-apps/internal/peers"
)

// Logged by the POST demo when it refuses a body, and when a connection
// ends (after the upload is gone) before the body did.
const (
	logRefused = "protocol-post-demo: 127.0.0.1: the form's body does not parse, closing"
	logCut     = "protocol-post-demo: 127.0.0.1: the connection ended before the form's body did"
	logUnended = "protocol-post-demo: 127.0.0.1: the form's body ended unparsed"
)

// mpPart is one hand-made part of a multipart body: header lines, then the
// content.
func mpPart(headers, content string) string {
	return "--" + formBoundary + "\r\n" + headers + "\r\n\r\n" + content + "\r\n"
}

const mpEnd = "--" + formBoundary + "--\r\n"

// Bad bodies get lws's answers from ours, and a NOTICE line where C says
// nothing: a value past the spa's storage, a bad escape or a too long name
// close the connection without an answer; a value past the storage at the
// very end of the body, a multipart body without a part or its end, and a
// file past the 100000 bytes kept get the page with what could be read.
// Two multipart bodies lws reads on with and the spa refuses close ours
// (the spa's deviations). Each refusal or unended body makes the spa log
// its own line first, so ours is never swallowed as a repeat of the last.
func TestFormtestBadInputAgainstC(t *testing.T) {
	s := startFormServers(t)
	text := `Content-Disposition: form-data; name="text"`
	cases := []struct {
		name   string
		req    []byte
		upload string
		log    string // the line ours logs, "" for none of ours
		// ours is set where our answer is the spa's documented
		// deviation from lws (lws/spa DEVIATIONS): ours is
		// then checked on its own, C's against what lws answers.
		ours, c *formAnswer
	}{
		{name: "urlencoded value past the storage, more after it",
			req: urlencoded("text=" + strings.Repeat("a", 1100) + "&send=x"), log: logRefused},
		{name: "multipart value past the storage, more after it",
			req: formPost(multipartType, []byte(mpPart(text, strings.Repeat("a", 1100))+mpPart(`Content-Disposition: form-data; name="send"`, "x")+mpEnd)),
			log: logRefused},
		{name: "bad escape", req: urlencoded("text=%zz&send=x"), log: logRefused},
		{name: "name too long", req: urlencoded(strings.Repeat("n", 40) + "=1&text=x"), log: logRefused},
		{name: "multipart body without boundary lines",
			req: formPost(multipartType, []byte("just some text\r\nand no boundary\r\n")), log: logUnended},
		{name: "multipart body that ends inside a part",
			req: formPost(multipartType, []byte(mpPart(text, "hi there"))), log: logUnended},
		{name: "multipart part without Content-Disposition",
			req: formPost(multipartType, []byte(mpPart("Content-Type: text/plain", "hi")+mpEnd))},
		{name: "multipart with another boundary",
			req: formPost("multipart/form-data; boundary=other", []byte(mpPart(text, "hi")+mpEnd)), log: logUnended},
		{name: "file past the 100000 bytes kept", upload: "big.bin",
			req: formPost(multipartType, []byte(mpPart(`Content-Disposition: form-data; name="file"; filename="big.bin"`, strings.Repeat("z", 150000))+
				mpPart(`Content-Disposition: form-data; name="upload"`, "Upload")+mpEnd))},
		// lws keeps reading the body as a preamble and answers with
		// nothing found; the spa refuses a multipart type without a
		// boundary.
		{name: "multipart type without a boundary",
			req: formPost("multipart/form-data", []byte(mpPart(text, "hi")+mpEnd)), log: logRefused,
			ours: &formAnswer{Closed: true}, c: &formAnswer{Status: http.StatusOK}},
		// lws skips the line (4.1.6 then misses the part, lws main
		// reads it); the spa refuses part header lines over 4096 bytes.
		{name: "multipart header line over 4096 bytes",
			req: formPost(multipartType, []byte(mpPart("X-Junk: "+strings.Repeat("j", 5000)+"\r\n"+text, "hi")+mpEnd)), log: logRefused,
			ours: &formAnswer{Closed: true}, c: &formAnswer{Status: http.StatusOK}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := s.goSrv.Log.Count(tc.log)
			if tc.ours == nil {
				s.postBoth(t, tc.upload, tc.req)
			} else {
				g, c := exchange(t, s.goSrv.Port, tc.req)[0], exchange(t, s.cSrv.Port, tc.req)[0]
				if g.Closed != tc.ours.Closed || g.Status != tc.ours.Status {
					t.Errorf("ours: %+v, want %+v", g, tc.ours)
				}
				if c.Closed != tc.c.Closed || c.Status != tc.c.Status {
					t.Errorf("C: %+v, want %+v", c, tc.c)
				}
			}
			if tc.log != "" && s.goSrv.Log.Count(tc.log) <= before {
				t.Errorf("ours did not log %q", tc.log)
			}
		})
	}

	// A value past the storage at the very end of the body: the spa finds
	// out only at the end, and both answer with the field empty. lws marks
	// the field present and then shows whatever its storage holds, with no
	// NUL in it (a read past the storage); ours shows NULL. That cell is
	// the only difference.
	t.Run("value past the storage at the end", func(t *testing.T) {
		req := urlencoded("text=" + strings.Repeat("a", 1023))
		g, c := exchange(t, s.goSrv.Port, req)[0], exchange(t, s.cSrv.Port, req)[0]
		junk := regexp.MustCompile(`<td><b>text</b></td><td>0</td><td>[^<]*</td>`)
		if !junk.MatchString(c.Body) {
			t.Fatalf("C did not show text with length 0: %+v", c)
		}
		checkLength(t, "C", c)
		c.Body = junk.ReplaceAllString(c.Body, "<td><b>text</b></td><td>0</td><td>NULL</td>")
		c.Header.Set("Content-Length", strconv.Itoa(len(c.Body)))
		s.compareAnswers(t, g, c, "")
		if s.goSrv.Log.Count(logUnended) == 0 {
			t.Errorf("ours did not log %q", logUnended)
		}
	})

	if left, _ := os.ReadDir(s.tmpDir); len(left) != 0 {
		t.Errorf("uploads left in $TMPDIR: %v", left)
	}
	if errs := peers.ErrorLines(s.goSrv.Log.String()); len(errs) > 0 {
		t.Errorf("ours logged errors: %q", errs)
	}
}
