package mount

import (
	"io/fs"
	"net/url"
	"strings"
	"testing"
)

// FuzzResolve checks the promise the handler's safety rests on: whatever
// the path, Resolve does not panic, and a name it accepts is one fs.FS
// implementations take as is, with no way up the tree.
func FuzzResolve(f *testing.F) {
	for _, p := range traversal {
		f.Add(p)
	}
	f.Add("/static/deep/")
	f.Add("/bad/")

	f.Fuzz(func(t *testing.T, urlPath string) {
		idx, file, ok := Resolve(resolveMounts, urlPath)
		if idx < -1 || idx >= len(resolveMounts) {
			t.Fatalf("idx %d out of range", idx)
		}
		if !ok {
			if file != "" {
				t.Fatalf("refused but file %q", file)
			}
			return
		}
		if idx < 0 {
			t.Fatalf("ok without a mount")
		}
		if !fs.ValidPath(file) || file == "." {
			t.Fatalf("%q -> invalid path %q", urlPath, file)
		}
		if strings.Contains(file, "..") || strings.ContainsAny(file, "\\\x00") {
			t.Fatalf("%q -> unsafe %q", urlPath, file)
		}
		for i := 0; i < len(file); i++ {
			if file[i] < 0x20 || file[i] == 0x7f {
				t.Fatalf("%q -> control byte in %q", urlPath, file)
			}
		}
		// And the mount it picked really covers the decoded path.
		p, err := url.PathUnescape(urlPath)
		if err != nil || len(urlPath) > MaxPathLen {
			t.Fatalf("%q accepted though undecodable or too long", urlPath)
		}
		if !mountMatches(normMountpoint(resolveMounts[idx].Mountpoint), p) {
			t.Fatalf("%q -> mount %d does not cover it", urlPath, idx)
		}
	})
}
