package main

import (
	"bytes"
	"crypto/rand"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/golws/golws/minimal-examples/http-server/internal/httpexample"
	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

var uploadDirRE = regexp.MustCompile(`uploads are saved in (\S+) until`)

// serve runs the example and returns it with its upload directory, read
// from its log. When the test ends the example is stopped, and the test
// fails if the directory is still there.
func serve(t *testing.T) (*exampletest.Example, string) {
	t.Helper()
	s := exampletest.Serve(t, run)
	line, ok := s.Log.Last(uploadDirRE.MatchString)
	if !ok {
		t.Fatalf("no upload directory in the log:\n%s", s.Log)
	}
	dir := uploadDirRE.FindStringSubmatch(line)[1]
	if !strings.HasPrefix(filepath.Base(dir), uploadDirPattern) {
		t.Fatalf("upload directory %s", dir)
	}
	t.Cleanup(func() {
		s.Stop(t)
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("upload directory %s left behind (%v)", dir, err)
			_ = os.RemoveAll(dir)
		}
	})
	return s, dir
}

// upload posts parts as a multipart form and checks the answer is the
// redirect after the form.
func upload(t *testing.T, s *exampletest.Example, parts ...httpexample.Part) {
	t.Helper()
	ct, body := httpexample.Multipart(t, parts...)
	c := httpexample.Dial(t, s.Host)
	c.Send(httpexample.Post("/form1", ct, body))
	resp, b := c.Response(http.MethodPost)
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "after-form1.html" ||
		resp.Header.Get("Content-Length") != "0" || len(b) != 0 {
		t.Fatalf("%s, Location %q, Content-Length %q, body %q", resp.Status,
			resp.Header.Get("Location"), resp.Header.Get("Content-Length"), b)
	}
	httpexample.CheckSecurityHeaders(t, "redirect", resp.Header)
}

// checkFile fails t unless dir holds name with content, readable by its
// owner only, as C creates it.
func checkFile(t *testing.T, dir, name string, content []byte) {
	t.Helper()
	got, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, content) {
		t.Errorf("%s: %d bytes, not the %d uploaded", name, len(got), len(content))
	}
	if fi, err := os.Stat(filepath.Join(dir, name)); err != nil || fi.Mode().Perm() != 0600 {
		t.Errorf("%s: mode %v, %v", name, fi.Mode(), err)
	}
}

// What lws's README shows: the file is saved, its size logged, the fields
// logged, and the browser redirected. Then, unlike C, the directory goes
// when the server stops (checked by serve).
func TestUpload(t *testing.T) {
	s, dir := serve(t)
	text := strings.Repeat("hello upload\n", 300)
	upload(t, s, httpexample.Part{Name: "text1", Value: "xxx"},
		httpexample.Part{Name: "file", Filename: "up.txt", Value: text},
		httpexample.Part{Name: "send", Value: "Submit"})
	s.Log.WaitFor(t, "U: file_upload_cb: upload done, written 3900 to up.txt", 1)
	s.Log.WaitFor(t, "U: text1: (len 3) 'xxx'", 1)
	s.Log.WaitFor(t, "U: send: (len 6) 'Submit'", 1)
	checkFile(t, dir, "up.txt", []byte(text))

	// A binary file many times the spa's storage, which it passes on
	// in pieces.
	bin := make([]byte, 300<<10)
	_, _ = rand.Read(bin)
	upload(t, s, httpexample.Part{Name: "file", Filename: "big.bin", Value: string(bin)})
	s.Log.WaitFor(t, "upload done, written 307200 to big.bin", 1)
	checkFile(t, dir, "big.bin", bin)

	if code := s.Stop(t); code != 0 {
		t.Errorf("exit %d", code)
	}
	s.Log.WaitFor(t, "U: removed "+dir, 1)
}

// A filename is purified as lws does, and '/' too: whatever the client
// says, the file lands in the upload directory.
func TestHostileFilenames(t *testing.T) {
	s, dir := serve(t)
	for name, saved := range map[string]string{
		"../evil$%.txt":  "___evil__.txt",
		"/etc/passwd":    "_etc_passwd",
		`..\..\win.ini`:  "______win.ini",
		"a:b/../../c":    "a_b_______c",
		"...hidden":      "__.hidden",
		"plain name.txt": "plain name.txt",
	} {
		upload(t, s, httpexample.Part{Name: "file", Filename: name, Value: name})
		s.Log.WaitFor(t, "to "+saved, 1)
		checkFile(t, dir, saved, []byte(name))
	}
	entries, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(entries, func(e os.DirEntry) bool { return strings.Contains(e.Name(), "evil") }) {
		t.Errorf("a file was written beside the upload directory")
	}
}

// DEVIATION: an upload cut short is deleted when its connection ends.
// lws's build leaves the partial file (here it would sit in the upload
// directory until the server stops).
func TestUnfinishedUploadRemoved(t *testing.T) {
	s, dir := serve(t)
	ct, body := httpexample.Multipart(t, httpexample.Part{Name: "file", Filename: "cut.txt", Value: strings.Repeat("x", 8000)})
	c := httpexample.Dial(t, s.Host)
	raw := httpexample.Post("/form1", ct, body)
	c.Send(raw[:len(raw)-1000]) // inside the file
	c.Close()
	s.Log.WaitFor(t, "N: callback_http: removed the unfinished upload cut.txt", 1)
	if _, err := os.Stat(filepath.Join(dir, "cut.txt")); !os.IsNotExist(err) {
		t.Errorf("cut.txt is still there: %v", err)
	}
	if n := s.Log.Count("upload done"); n != 0 {
		t.Errorf("an unfinished upload was reported done")
	}
}
