// Package logs is golws's port of libwebsockets' lwsl_* logging
// (lib/core/logs.c). The public package lws wraps it thinly, e.g.
//
//	func Err(format string, args ...any) { logs.Logf(logs.Err, format, args...) }
//
// # Why a port rather than log/slog
//
// People check golws against the C library by comparing log output line
// by line, so this package reproduces lws's line format, its level bits,
// its default mask and its truncation. For programs that would rather
// use slog, [SlogEmitter] forwards lines to a *slog.Logger.
//
// # Line format
//
// Each line passed to the emitter looks like
//
//	[2026/11/23 17:05:09:1234] N: text\n
//
// with local time, ten-thousandths of a second, and the level letter from
// [LevelLetter]. The text is the printf-style result of the format and
// args. Exactly one newline is added if the text does not already end
// with one; a trailing newline already there is left alone.
//
// # Format verbs
//
// Formats ported from C keep working. C length modifiers (hh h l ll L q j
// z Z t) are removed, %u and %i become %d, and the C ' (grouping) flag is
// dropped, since in the C locale it has no effect. Everything else goes to
// fmt unchanged, so Go verbs (%v, %q, %t, %T ...) work as well. See
// cformat.go for the rules. Because of this, go vet does not treat Logf
// as a printf wrapper, which it couldn't anyway since it would reject %lu.
//
// # Truncation
//
// C formats into a 1024-byte buffer, so a line holds at most 1023 bytes
// plus the NUL. The rule here: if prefix + text + newline is longer than
// [MaxLineLen] (1023) bytes, the first MaxLineLen-4 bytes are kept and
// "...\n" is appended, so the line is exactly MaxLineLen bytes long. The
// cut is made on bytes, not runes, as in C. The " (swallowed N dupes)"
// note below is added after truncation, so such a line can be longer by
// the length of that note.
//
// # Duplicate swallowing
//
// A line whose text (after truncation) equals the previous emitted text
// only increments a counter, unless at least a second has passed since
// the last line was emitted. In that case it is emitted with
// " (swallowed N dupes)" before its newline (N counts this line too), and
// the counter is reset. Only lines that pass the mask take part. The state
// is process-wide, like the C statics it mirrors.
//
// # Concurrency and cost
//
// All functions are safe for concurrent use. A call whose level is masked
// off costs one atomic load and allocates nothing in this package.
// Callers still pay to box non-constant arguments into ...any, so guard
// expensive calls with [Enabled]. Emitted lines are formatted outside the
// lock. Deduplication and the call to the emitter are serialised under
// one mutex, so emitters are called one at a time, in timestamp order, and
// need no locking of their own. An emitter must not call Logf or the
// setters, or it will deadlock.
package logs
