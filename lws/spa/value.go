package spa

import "github.com/golws/golws/lws"

// sinkKind says where the bytes of the value in progress go.
type sinkKind uint8

const (
	toNowhere sinkKind = iota // a field nobody asked for, or a file without a callback
	toParam                   // a kept field: into storage
	toFile                    // a file: to the file callback
)

// value is the value or file in progress. Its bytes gather in buf, lws's
// bounce buffer, which holds what the storage has left (room); lws hands
// it on when it is full, and so does golws, so that files arrive in the
// chunks lws would deliver and a kept value fails on the byte lws fails
// on.
type value struct {
	kind  sinkKind
	param int    // ordinal of the kept field, for toParam
	buf   []byte // not kept for toNowhere
}

// start begins a value of the field name, or of a file when filename is
// not empty.
func (s *Spa) start(name, filename string) {
	s.field = name
	s.val = value{kind: toNowhere, buf: s.val.buf[:0]}
	switch {
	case filename != "":
		if s.cb != nil {
			s.val.kind = toFile
		}
	case name != "":
		for i, p := range s.names {
			if p == name {
				s.val.kind, s.val.param = toParam, i
				break
			}
		}
	}
}

// room is how many bytes the bounce buffer holds before lws hands it on:
// the storage left, less the byte lws keeps for a NUL.
func (s *Spa) room() int { return s.maxStorage - s.used - 1 }

// full hands the bounce buffer on because it is full, counting reserve
// bytes (a boundary seen in part) as already in it, as lws does
// (LWS_UFS_CONTENT). A kept value that does not fit fails; one that fits
// only because of the reserve is stored now, as lws stores it: if the
// boundary completes, the value was whole; if not, the bytes given back
// overflow the little room left (less than the reserve), and fail.
func (s *Spa) full(reserve int) bool {
	v := &s.val
	if len(v.buf)+reserve < s.room() || len(v.buf) == 0 {
		return true
	}
	switch v.kind {
	case toParam:
		if len(v.buf) >= s.room() {
			return s.exceeded()
		}
		s.store()
	case toFile:
		if !s.deliver(UFSContent) {
			return false
		}
	}
	v.buf = v.buf[:0]
	return true
}

// put adds one byte to the value.
func (s *Spa) put(c byte) {
	if s.val.kind != toNowhere {
		s.val.buf = append(s.val.buf, c)
	}
}

// putBack adds the bytes of a boundary that turned out not to be one. lws
// copies them in pieces that fit the bounce buffer, handing it on when it
// is full; with no room at all it fails, whatever the value.
func (s *Spa) putBack(b []byte) bool {
	for len(b) > 0 {
		if len(s.val.buf) >= s.room() {
			if !s.full(0) {
				return false
			}
			if s.room() <= 0 {
				lws.Info("lws_spa_process: no storage left for a boundary lookalike")
				return false
			}
		}
		k := min(len(b), s.room()-len(s.val.buf))
		for _, c := range b[:k] {
			s.put(c)
		}
		b = b[k:]
	}
	return true
}

// finish ends the value (LWS_UFS_FINAL_CONTENT): a kept field is stored,
// a file gets its last chunk.
func (s *Spa) finish() bool {
	v := &s.val
	ok := true
	switch {
	case v.kind == toFile:
		ok = s.deliver(UFSFinalContent)
	case v.kind == toParam && len(v.buf) > 0:
		if len(v.buf) >= s.room() {
			ok = s.exceeded()
		} else {
			s.store()
		}
	}
	s.val = value{kind: toNowhere, buf: v.buf[:0]}
	return ok
}

// store keeps the buffered bytes as the field's value, taking their length
// plus one from the storage. The first value of a field is the one kept.
func (s *Spa) store() {
	v := &s.val
	s.used += len(v.buf) + 1
	if !s.present[v.param] {
		s.values[v.param] = string(v.buf)
		s.present[v.param] = true
	}
}

// deliver hands the buffered bytes of a file to the file callback.
func (s *Spa) deliver(st FileUploadState) bool {
	buf := s.val.buf
	filename := ""
	if s.mime != nil {
		filename = s.mime.filename
	}
	return s.cb(s.cbData, s.field, filename, buf, len(buf), st) >= 0
}

// exceeded fails a kept value that does not fit the storage.
func (s *Spa) exceeded() bool {
	lws.Info("lws_spa_process: exceeded storage")
	return false
}
