package mount

import (
	"io/fs"
	"path"
	"path/filepath"
	"strings"
)

// maxLinkHops bounds symlink chains (lws gives up after 5 spins; the kernel
// after 40). Anything longer is a loop or an attack.
const maxLinkHops = 8

// followLinks resolves the symbolic links along name lexically, refusing
// any whose target is absolute or leaves the FS. Without fs.ReadLinkFS
// there is nothing to inspect (embed.FS has no links) and name is returned
// as is. os.DirFS follows links wherever they point, which is why this
// check exists; an Origin or (*os.Root).FS enforces the same rule in the
// kernel when it opens, which the check, done before, cannot.
func followLinks(fsys fs.FS, name string) (string, bool) {
	rl, ok := fsys.(fs.ReadLinkFS)
	if !ok {
		return name, true
	}
	hops := 0
	todo := strings.Split(name, "/")
	done := "" // resolved prefix, free of links
	for len(todo) > 0 {
		cur := path.Join(done, todo[0])
		todo = todo[1:]
		fi, err := rl.Lstat(cur)
		if err != nil {
			return "", false
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			done = cur
			continue
		}
		if hops++; hops > maxLinkHops {
			return "", false
		}
		target, err := rl.ReadLink(cur)
		if err != nil || target == "" || strings.HasPrefix(target, "/") ||
			strings.Contains(target, "\\") || filepath.IsAbs(target) {
			return "", false
		}
		// The target is relative to the link's directory; path.Join
		// cleans it, so an escape shows up as a leading "..".
		joined := path.Join(done, target)
		if joined == "." {
			// A link to the FS root: start over from the top.
			done = ""
			continue
		}
		if !fs.ValidPath(joined) {
			return "", false
		}
		// The target may itself go through links: walk it again.
		todo = append(strings.Split(joined, "/"), todo...)
		done = ""
	}
	if done == "" {
		return ".", true // the whole name led back to the root directory
	}
	return done, true
}
