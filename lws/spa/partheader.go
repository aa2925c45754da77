package spa

import (
	"bytes"
	"mime"
	"strings"

	"github.com/golws/golws/lws"
)

// header takes one complete part header line (without its line end). Only
// Content-Disposition matters, as in lws: its name and filename parameters
// make the part a field or a file, and a file is announced to the file
// callback (UFSOpen) as soon as its header line ends, where lws announces
// it. Other headers, lines without a colon, and a Content-Disposition that
// does not parse are ignored, as mime/multipart ignores them: the part
// then has no name and its data goes nowhere.
func (m *multipart) header(s *Spa) bool {
	key, val, ok := bytes.Cut(m.line, []byte{':'})
	if !ok || !strings.EqualFold(string(bytes.TrimSpace(key)), "Content-Disposition") {
		return true
	}
	if m.disposition {
		lws.Notice("lws_spa_process: a part with two Content-Disposition headers")
		return false
	}
	m.disposition = true
	_, params, err := mime.ParseMediaType(string(val))
	if err != nil {
		lws.Info("lws_spa_process: ignoring Content-Disposition %q: %v", val, err)
		return true
	}
	m.name, m.filename = params["name"], params["filename"]
	s.field = m.name
	if m.filename == "" || s.cb == nil {
		return true
	}
	return s.cb(s.cbData, m.name, m.filename, nil, 0, UFSOpen) >= 0
}
