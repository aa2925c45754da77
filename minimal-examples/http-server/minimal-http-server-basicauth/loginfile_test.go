package main

import (
	"bytes"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/golws/golws/minimal-examples/http-server/internal/httpexample"
	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// The login file is written where the log says, readable by its owner
// only, with the embedded logins; it is read at each request, so a login
// added while the server runs works at once; and it is gone once the
// server stopped.
func TestLoginFile(t *testing.T) {
	s := exampletest.Serve(t, run)
	const said = "logins for /secret are read from "
	line, ok := s.Log.Last(func(l string) bool { return strings.Contains(l, said) })
	if !ok {
		t.Fatalf("the login file is not named in the log:\n%s", s.Log)
	}
	path := line[strings.Index(line, said)+len(said):]

	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("the login file's mode is %v, want 0600", st.Mode().Perm())
	}
	if b, err := os.ReadFile(path); err != nil || !bytes.Equal(b, baPasswords) {
		t.Fatalf("login file %q, %v; want the embedded ba-passwords", b, err)
	}

	c := httpexample.Dial(t, s.Host)
	c.Send(httpexample.Get("/secret/", basic("late:comer")))
	resp, body := c.Response(http.MethodGet)
	check401(t, "late:comer before it was added", resp, body)

	if err := os.WriteFile(path, append(bytes.Clone(baPasswords), "late:comer\n"...), 0o600); err != nil {
		t.Fatal(err)
	}
	c.Send(httpexample.Get("/secret/", basic("late:comer")))
	resp, body = c.Response(http.MethodGet)
	checkPage(t, "late:comer once added", resp, body, file(t, "mount-secret-origin/index.html"))

	if code := s.Stop(t); code != 0 {
		t.Errorf("exit %d", code)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the login file is still there after the server stopped: %v", err)
	}
}

// The embedded logins are the two the tests use, one a line.
func TestEmbeddedLogins(t *testing.T) {
	if got := string(baPasswords); got != login+"\n"+otherLogin+"\n" {
		t.Fatalf("ba-passwords is %q", got)
	}
}
