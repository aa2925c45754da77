package logs

import (
	"io"
	"os"
	"sync"
	"sync/atomic"
)

// EmitStderr is the default emitter. It writes line to os.Stderr in one
// write, so lines from several processes sharing stderr do not get
// mixed together. As in lws, it adds ANSI colour only when stderr is a
// terminal, and never changes the bytes sent to a file or pipe. Setting
// the NO_COLOR environment variable (https://no-color.org) turns colour
// off.
func EmitStderr(level int, line string) {
	f := os.Stderr
	writeLine(f, colourFor(f), level, line)
}

// ttyCache remembers whether the current os.Stderr is a terminal, so the
// Stat system call is made once and not for every line. It is keyed by
// the *os.File, so a test or program that replaces os.Stderr gets a fresh
// answer.
type ttyCache struct {
	f      *os.File
	colour bool
}

var lastTTY atomic.Pointer[ttyCache]

func colourFor(f *os.File) bool {
	if c := lastTTY.Load(); c != nil && c.f == f {
		return c.colour
	}
	c := &ttyCache{f: f, colour: isTerminal(f) && os.Getenv("NO_COLOR") == ""}
	lastTTY.Store(c)
	return c.colour
}

// isTerminal uses the ModeCharDevice test rather than an ioctl, to avoid
// a dependency on x/term. It also counts /dev/null, which is harmless:
// nobody reads the colours there.
func isTerminal(f *os.File) bool {
	if f == nil {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// colours by level bit. The empty string means default colour. The
// choices: errors stand out, NOTICE (the normal chatter) stays plain,
// debug-type levels are muted.
var colours = [Count]string{
	"\x1b[31;1m", // ERR: bold red
	"\x1b[33;1m", // WARN: bold yellow
	"",           // NOTICE: plain
	"\x1b[32m",   // INFO: green
	"\x1b[36m",   // DEBUG: cyan (blue is hard to read on dark terminals)
	"\x1b[90m",   // PARSER: grey
	"\x1b[90m",   // HEADER: grey
	"\x1b[90m",   // EXT: grey
	"\x1b[90m",   // CLIENT: grey
	"\x1b[35m",   // LATENCY: magenta
	"\x1b[1m",    // USER: bold
	"\x1b[34m",   // THREAD: blue
}

const colourReset = "\x1b[0m"

// colourOf returns the escape sequence for level, using its lowest
// defined bit like LevelLetter does.
func colourOf(level int) string {
	for n := 0; n < Count; n++ {
		if level&(1<<n) != 0 {
			return colours[n]
		}
	}
	return ""
}

var colourBufPool = sync.Pool{New: func() any { b := make([]byte, 0, 256); return &b }}

// writeLine writes line to w, in colour if asked. The reset goes before
// the trailing newline, so a half-written terminal line never carries
// colour into the next program's output.
func writeLine(w io.Writer, colour bool, level int, line string) {
	esc := ""
	if colour {
		esc = colourOf(level)
	}
	if esc == "" {
		_, _ = io.WriteString(w, line)
		return
	}
	bp := colourBufPool.Get().(*[]byte)
	b := append((*bp)[:0], esc...)
	body, nl := line, ""
	if n := len(line); n > 0 && line[n-1] == '\n' {
		body, nl = line[:n-1], "\n"
	}
	b = append(b, body...)
	b = append(b, colourReset...)
	b = append(b, nl...)
	_, _ = w.Write(b) // nothing useful to do if stderr fails
	if cap(b) <= maxPooled {
		*bp = b[:0]
		colourBufPool.Put(bp)
	}
}
