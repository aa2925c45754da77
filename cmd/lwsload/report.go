package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// printJSON writes v indented, for scripts.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// runLine is a run's one-line summary: key=value pairs, easy to grep.
func runLine(r runResult) string {
	var b strings.Builder
	fmt.Fprintf(&b, "conns=%d frames=%d seconds=%.3f frames/s=%.0f dups=%d gaps=%d damaged=%d reordered=%d errors=%d",
		r.Conns, r.Frames, r.Seconds, r.FramesPerSec, r.Dups, r.Gaps, r.Damaged, r.Reordered, r.Errors)
	fmt.Fprintf(&b, " server_cpu_s=%.2f server_rss_mb=%.1f server_hwm_mb=%.1f client_cpu_s=%.2f",
		r.ServerCPU, r.ServerRSSMB, r.ServerHWMMB, r.ClientCPU)
	if r.TimedOut {
		b.WriteString(" TIMED-OUT")
	}
	if r.FirstError != "" {
		fmt.Fprintf(&b, " first_error=%q", r.FirstError)
	}
	if r.FirstDamaged != "" {
		fmt.Fprintf(&b, " first_damaged=%s", r.FirstDamaged)
	}
	return b.String()
}

// idleLine is an idle hold's one-line summary.
func idleLine(r idleResult) string {
	s := fmt.Sprintf("conns=%d opened=%d alive=%d errors=%d open_s=%.2f server_rss_kb=%d->%d per_conn_kb=%.2f",
		r.Conns, r.Opened, r.Alive, r.Errors, r.OpenSeconds, r.RSSBeforeKB, r.RSSAfterKB, r.PerConnKB)
	if r.FirstError != "" {
		s += fmt.Sprintf(" first_error=%q", r.FirstError)
	}
	return s
}

// scenario is one row of the matrix: a streaming run or an idle hold on
// each server. A nil result is a run that could not be made (err says why).
type scenario struct {
	Name     string      `json:"name"`
	Idle     bool        `json:"idle"`
	Golws    *runResult  `json:"golws,omitempty"`
	Base     *runResult  `json:"baseline,omitempty"`
	GolwsIdl *idleResult `json:"golws_idle,omitempty"`
	BaseIdl  *idleResult `json:"baseline_idle,omitempty"`
	GolwsErr string      `json:"golws_err,omitempty"`
	BaseErr  string      `json:"baseline_err,omitempty"`
}

func (s *scenario) clean() bool {
	ok := s.GolwsErr == "" && s.BaseErr == ""
	for _, r := range []*runResult{s.Golws, s.Base} {
		ok = ok && (r == nil || r.clean())
	}
	for _, r := range []*idleResult{s.GolwsIdl, s.BaseIdl} {
		ok = ok && (r == nil || r.clean())
	}
	return ok
}

// printTable writes the matrix as one markdown table. Streaming rows give
// frames/s, idle rows kB per connection; the ratio is golws/baseline
// either way (higher is better for f/s, lower for kB/conn).
func printTable(w io.Writer, rows []scenario) {
	fmt.Fprintln(w, "| scenario | unit | golws | baseline | golws/baseline | golws dups/gaps/damaged | baseline dups/gaps/damaged | golws CPU s | baseline CPU s | golws RSS MB | baseline RSS MB |")
	fmt.Fprintln(w, "|---|---|--:|--:|--:|---|---|--:|--:|--:|--:|")
	for _, s := range rows {
		var c [10]string
		if s.Idle {
			var g, b float64
			c[0] = "kB/conn"
			c[1], g = idleCells(s.GolwsIdl)
			c[2], b = idleCells(s.BaseIdl)
			c[3] = ratio(g, b)
			c[4], c[5] = idleState(s.GolwsIdl, s.GolwsErr), idleState(s.BaseIdl, s.BaseErr)
			c[6], c[7] = "-", "-"
			c[8], c[9] = idleRSS(s.GolwsIdl), idleRSS(s.BaseIdl)
		} else {
			var g, b float64
			c[0] = "frames/s"
			c[1], g = runRate(s.Golws)
			c[2], b = runRate(s.Base)
			c[3] = ratio(g, b)
			c[4], c[5] = runState(s.Golws, s.GolwsErr), runState(s.Base, s.BaseErr)
			c[6], c[7] = runCPU(s.Golws), runCPU(s.Base)
			c[8], c[9] = runRSS(s.Golws), runRSS(s.Base)
		}
		fmt.Fprintf(w, "| %s | %s |\n", s.Name, strings.Join(c[:], " | "))
	}
}

func runRate(r *runResult) (string, float64) {
	if r == nil {
		return "failed", 0
	}
	return thousands(r.FramesPerSec), r.FramesPerSec
}

func runState(r *runResult, err string) string {
	if r == nil {
		return "error: " + err
	}
	s := fmt.Sprintf("%d/%d/%d", r.Dups, r.Gaps, r.Damaged)
	if r.Reordered > 0 {
		s += fmt.Sprintf(" reordered %d", r.Reordered)
	}
	if r.Errors > 0 {
		s += fmt.Sprintf(" errors %d", r.Errors)
	}
	if r.TimedOut {
		s += " TIMED OUT"
	}
	return s
}

func runCPU(r *runResult) string {
	if r == nil {
		return "-"
	}
	return fmt.Sprintf("%.2f", r.ServerCPU)
}

func runRSS(r *runResult) string {
	if r == nil {
		return "-"
	}
	return fmt.Sprintf("%.1f", r.ServerRSSMB)
}

func idleCells(r *idleResult) (string, float64) {
	if r == nil {
		return "failed", 0
	}
	return fmt.Sprintf("%.2f", r.PerConnKB), r.PerConnKB
}

func idleRSS(r *idleResult) string {
	if r == nil {
		return "-"
	}
	return fmt.Sprintf("%.1f", float64(r.RSSAfterKB)/1024)
}

func idleState(r *idleResult, err string) string {
	if r == nil {
		return "error: " + err
	}
	s := fmt.Sprintf("held %d/%d", r.Alive, r.Conns)
	if r.Errors > 0 {
		s += fmt.Sprintf(" errors %d", r.Errors)
	}
	return s
}

func ratio(a, b float64) string {
	if a <= 0 || b <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", a/b)
}

// thousands formats n rounded, with commas: 123,456.
func thousands(n float64) string {
	s := strconv.FormatInt(int64(n+0.5), 10)
	var b strings.Builder
	for i, ch := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(ch)
	}
	return b.String()
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
