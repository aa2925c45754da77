package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"time"
)

// httpTarget is a golws HTTP example and the page of it the matrix loads.
type httpTarget struct {
	name string // the row's name
	pkg  string // built when no binary is given
	path string // what every request asks for
	bin  string // the binary; "" builds pkg
}

// The pages of issue 12's benchmark: the dynamic example's page, written
// from HTTP_WRITEABLE without a length (so lws, and golws, close the
// connection after it), and a page a threadpool task makes in 16 lines,
// each handed to HTTP_WRITEABLE by a SYNC, with a length (so the
// connection is kept for the next request).
func defaultHTTPTargets() []httpTarget {
	return []httpTarget{
		{name: "dynamic page", pkg: "github.com/golws/golws/minimal-examples/http-server/minimal-http-server-dynamic", path: "/dyn/bench"},
		{name: "threadpool page, 16 lines", pkg: "github.com/golws/golws/minimal-examples/http-server/minimal-http-server-threadpool", path: "/page?lines=16&delay=0"},
	}
}

type httpMatrixConfig struct {
	targets  []httpTarget
	baseline []string // argv prefix that runs `lwsload httpbaseline`
	conns    []int
	duration time.Duration // per run
	runs     int           // per scenario and server; the median counts
	maxTime  time.Duration
	log      io.Writer
}

// httpScenario is a row of the HTTP table: one page, one client count.
type httpScenario struct {
	Name     string      `json:"name"`
	Page     int         `json:"page_bytes"`
	Close    bool        `json:"close"` // the page ends its connection
	Golws    *httpResult `json:"golws,omitempty"`
	Base     *httpResult `json:"baseline,omitempty"`
	GolwsErr string      `json:"golws_err,omitempty"`
	BaseErr  string      `json:"baseline_err,omitempty"`
}

func (s *httpScenario) clean() bool {
	return s.GolwsErr == "" && s.BaseErr == "" &&
		(s.Golws == nil || s.Golws.clean()) && (s.Base == nil || s.Base.clean())
}

// runHTTPMatrix measures each target against the plain net/http handler
// serving the bytes the target served first, each run on a fresh server
// process, golws and baseline runs interleaved.
func runHTTPMatrix(ctx context.Context, cfg httpMatrixConfig) ([]httpScenario, error) {
	ctx, cancel := context.WithTimeout(ctx, cfg.maxTime)
	defer cancel()
	dir, err := os.MkdirTemp("", "lwsload-http")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	var rows []httpScenario
	for _, t := range cfg.targets {
		// A target that cannot be built or fetched is a failed row; the
		// others are still measured.
		golwsArgv, page, err := prepareTarget(ctx, cfg.log, t, dir)
		if err != nil {
			rows = append(rows, httpScenario{Name: t.name, GolwsErr: err.Error()})
			continue
		}
		pageFile := filepath.Join(dir, "page")
		if err := os.WriteFile(pageFile, page.Body, 0o600); err != nil {
			return rows, err
		}
		baseArgv := slices.Concat(cfg.baseline, []string{"--iface", "127.0.0.1", "--page", pageFile, "--content-type", page.ContentType})
		if page.Close {
			baseArgv = append(baseArgv, "--close")
		}
		for _, n := range cfg.conns {
			s := httpScenario{Name: fmt.Sprintf("%s, %s", t.name, plural(n, "conn")), Page: len(page.Body), Close: page.Close}
			hc := httpConfig{conns: n, duration: cfg.duration, timeout: cfg.duration + 30*time.Second}
			var g, b httpSet
			for i := range cfg.runs {
				golws := func() { g.add(measureHTTP(ctx, cfg.log, "golws", golwsArgv, t.path, hc)) }
				base := func() { b.add(measureHTTP(ctx, cfg.log, "baseline", baseArgv, t.path, hc)) }
				if i%2 == 0 {
					golws()
					base()
				} else {
					base()
					golws()
				}
			}
			s.Golws, s.GolwsErr = g.median()
			s.Base, s.BaseErr = b.median()
			rows = append(rows, s)
		}
	}
	return rows, ctx.Err()
}

// prepareTarget builds t's binary when none is given, starts it once and
// fetches the page it serves; it returns the argv to start it with.
func prepareTarget(ctx context.Context, log io.Writer, t httpTarget, dir string) ([]string, httpPage, error) {
	if t.bin == "" {
		t.bin = filepath.Join(dir, path.Base(t.pkg))
		fmt.Fprintf(log, "building %s\n", t.pkg)
		if out, err := exec.CommandContext(ctx, "go", "build", "-o", t.bin, t.pkg).CombinedOutput(); err != nil {
			return nil, httpPage{}, fmt.Errorf("go build %s (run from inside the module): %v: %s", t.pkg, err, out)
		}
	}
	argv := []string{t.bin, "--iface", "127.0.0.1", "-d", "3"}
	p, err := withServer(ctx, argv, func(srv *serverProc) (httpPage, error) {
		return fetchPage(ctx, srv.httpURL(t.path))
	})
	if p == nil {
		return nil, httpPage{}, errors.New(err)
	}
	return argv, *p, nil
}

func measureHTTP(ctx context.Context, log io.Writer, who string, argv []string, path string, hc httpConfig) (*httpResult, string) {
	return withServer(ctx, argv, func(srv *serverProc) (httpResult, error) {
		hc.url, hc.pid = srv.httpURL(path), srv.pid()
		r, err := runHTTP(ctx, hc)
		fmt.Fprintf(log, "%-8s %s\n", who, httpLine(r))
		return r, err
	})
}

// httpSet collects a scenario's runs on one server.
type httpSet struct {
	ok  []httpResult
	err string // the first failure
}

func (s *httpSet) add(r *httpResult, err string) {
	if r != nil {
		s.ok = append(s.ok, *r)
	} else if s.err == "" {
		s.err = err
	}
}

// median is the run with the median requests/s (the lower middle for an
// even count), with the errors of every run summed.
func (s *httpSet) median() (*httpResult, string) {
	if len(s.ok) == 0 {
		return nil, s.err
	}
	rs := slices.Clone(s.ok)
	slices.SortFunc(rs, func(a, b httpResult) int { return cmp.Compare(a.ReqPerSec, b.ReqPerSec) })
	m := rs[(len(rs)-1)/2]
	m.Errors = 0
	for _, r := range rs {
		m.Errors += r.Errors
		if m.FirstError == "" {
			m.FirstError = r.FirstError
		}
	}
	return &m, s.err
}

// httpLine is an HTTP run's one-line summary.
func httpLine(r httpResult) string {
	s := fmt.Sprintf("conns=%d requests=%d seconds=%.3f req/s=%.0f dials=%d body=%d..%d errors=%d server_cpu_s=%.2f server_cpu_us_per_req=%.1f server_rss_mb=%.1f client_cpu_s=%.2f",
		r.Conns, r.Requests, r.Seconds, r.ReqPerSec, r.Dials, r.MinBody, r.MaxBody, r.Errors, r.ServerCPU, r.CPUPerReqUS, r.ServerRSSMB, r.ClientCPU)
	if r.FirstError != "" {
		s += fmt.Sprintf(" first_error=%q", r.FirstError)
	}
	return s
}

// printHTTPTable writes the HTTP rows as one markdown table: requests/s
// (higher is better) and server CPU per request (lower is better), each
// with its golws/baseline ratio.
func printHTTPTable(w io.Writer, rows []httpScenario) {
	fmt.Fprintln(w, "| scenario | page bytes | connection | golws req/s | baseline req/s | golws/baseline | golws CPU µs/req | baseline CPU µs/req | golws/baseline | golws errors | baseline errors |")
	fmt.Fprintln(w, "|---|--:|---|--:|--:|--:|--:|--:|--:|---|---|")
	for _, s := range rows {
		conn := "kept alive"
		if s.Close {
			conn = "closed per page"
		}
		gr, gc, ge := httpCells(s.Golws, s.GolwsErr)
		br, bc, be := httpCells(s.Base, s.BaseErr)
		fmt.Fprintf(w, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
			s.Name, s.Page, conn, gr, br, ratioOf(s.Golws, s.Base, rate), gc, bc, ratioOf(s.Golws, s.Base, cpuPerReq), ge, be)
	}
}

func rate(r *httpResult) float64      { return r.ReqPerSec }
func cpuPerReq(r *httpResult) float64 { return r.CPUPerReqUS }

func ratioOf(g, b *httpResult, f func(*httpResult) float64) string {
	if g == nil || b == nil {
		return "-"
	}
	return ratio(f(g), f(b))
}

func httpCells(r *httpResult, err string) (reqs, cpu, errs string) {
	if r == nil && err == "" {
		return "not run", "-", "-"
	}
	if r == nil {
		return "failed", "-", "error: " + err
	}
	errs = strconv.Itoa(r.Errors)
	if r.FirstError != "" {
		errs += " (" + r.FirstError + ")"
	}
	return thousands(r.ReqPerSec), fmt.Sprintf("%.1f", r.CPUPerReqUS), errs
}
