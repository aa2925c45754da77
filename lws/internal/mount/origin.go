package mount

import (
	"errors"
	"io/fs"
	"os"
	"sync"
	"sync/atomic"
)

// Origin is a mount's origin directory (lws_http_mount.origin) as an fs.FS
// that cannot reach outside it. Every open, stat and readlink goes through
// an os.Root, which resolves the name inside the directory and refuses any
// step, link or "..", that would leave it. followLinks' lexical check runs
// first and gives the same answers; the Root is what makes them hold when
// the tree changes between that check and the open (a file swapped for a
// link to /etc/passwd is then a 404, never the file).
//
// The directory is opened at the first request, and tried again at each
// later one while that fails, so that, as with lws, a directory missing at
// startup answers 404 until it appears. Once open it stays open until
// Close: the directory it named is served even if the path is later made
// to name another one.
type Origin struct {
	dir string

	root atomic.Pointer[os.Root] // nil until opened, and after Close
	mu   sync.Mutex              // serialises opening and closing
	shut bool
}

// OpenOrigin returns the Origin serving dir. It does not touch the file
// system: see Origin for when dir is opened.
func OpenOrigin(dir string) *Origin { return &Origin{dir: dir} }

// fsys returns the Root's file system, opening the directory if needed.
func (o *Origin) fsys() (fs.FS, error) {
	if r := o.root.Load(); r != nil {
		return r.FS(), nil
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.shut {
		return nil, fs.ErrClosed
	}
	if r := o.root.Load(); r != nil {
		return r.FS(), nil
	}
	r, err := os.OpenRoot(o.dir)
	if err != nil {
		return nil, err
	}
	o.root.Store(r)
	return r.FS(), nil
}

// Open opens name inside the directory (fs.FS).
func (o *Origin) Open(name string) (fs.File, error) {
	fsys, err := o.fsys()
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return fsys.Open(name)
}

// Lstat describes name without following a final link (fs.ReadLinkFS).
func (o *Origin) Lstat(name string) (fs.FileInfo, error) {
	fsys, err := o.fsys()
	if err != nil {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: err}
	}
	return fs.Lstat(fsys, name)
}

// ReadLink returns the target of the link name (fs.ReadLinkFS).
func (o *Origin) ReadLink(name string) (string, error) {
	fsys, err := o.fsys()
	if err != nil {
		return "", &fs.PathError{Op: "readlink", Path: name, Err: err}
	}
	return fs.ReadLink(fsys, name)
}

// Close releases the directory. Files already open stay readable; every
// later call fails with fs.ErrClosed, so requests still arriving get 404.
// Calling it again does nothing.
func (o *Origin) Close() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.shut = true
	if r := o.root.Swap(nil); r != nil {
		return r.Close()
	}
	return nil
}

// Close closes the Origin of every mount of h: Origins are the handler's
// to close, whoever built the mount list gave them up with it.
func (h *Handler) Close() error {
	var errs []error
	for _, m := range h.mounts {
		if o, ok := m.FS.(*Origin); ok {
			errs = append(errs, o.Close())
		}
	}
	return errors.Join(errs...)
}
