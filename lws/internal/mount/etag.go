package mount

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"strings"
)

// etagFor returns the quoted ETag of a file. With a modification time it is
// lws's "%08llX%08lX" of size and mtime seconds, plus the nanoseconds so a
// same-size rewrite within one second still changes it. Without one
// (embed.FS, fstest.MapFS) only the content can tell versions apart, so it
// hashes r, which the caller must rewind before sending the body.
func etagFor(fi fs.FileInfo, r io.Reader) (string, error) {
	if mt := fi.ModTime(); !mt.IsZero() {
		return fmt.Sprintf(`"%08X%08X%08X"`, uint64(fi.Size()),
			uint64(mt.Unix()), uint32(mt.Nanosecond())), nil
	}
	sum := sha256.New()
	if _, err := io.Copy(sum, r); err != nil {
		return "", err
	}
	return `"` + hex.EncodeToString(sum.Sum(nil)[:12]) + `"`, nil
}

// notModified reports whether an If-None-Match header names tag. lws does
// a plain strcmp against its bare tag; this also accepts the quoted form,
// the weak "W/" form and comma-separated lists, which is what browsers send
// back. "*" is not honoured, as in lws.
func notModified(req http.Header, tag string) bool {
	bare := strings.Trim(tag, `"`)
	for _, line := range req.Values("If-None-Match") {
		for cand := range strings.SplitSeq(line, ",") {
			cand = strings.TrimPrefix(strings.TrimSpace(cand), "W/")
			if cand == tag || cand == bare {
				return true
			}
		}
	}
	return false
}
