package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"time"
)

func httpCmd(ctx context.Context, fs *flag.FlagSet, stdout, stderr io.Writer) func() int {
	var cfg httpConfig
	fs.StringVar(&cfg.url, "url", "", "page URL, http://host:port/path")
	fs.IntVar(&cfg.conns, "conns", 8, "clients, each on its own kept-alive connection")
	fs.DurationVar(&cfg.duration, "duration", 3*time.Second, "how long to send requests")
	fs.IntVar(&cfg.pid, "pid", 0, "server pid, for its CPU per request and RSS")
	fs.DurationVar(&cfg.timeout, "timeout", 60*time.Second, "bound on the whole run")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	return func() int {
		if cfg.url == "" {
			fmt.Fprintln(stderr, "lwsload http: --url is required")
			return 2
		}
		r, err := runHTTP(ctx, cfg)
		if err != nil {
			fmt.Fprintf(stderr, "lwsload http: %v\n", err)
			return 2
		}
		if *asJSON {
			_ = printJSON(stdout, r)
		} else {
			fmt.Fprintln(stdout, httpLine(r))
		}
		if !r.clean() {
			return 1
		}
		return 0
	}
}

func httpBaselineCmd(ctx context.Context, fs *flag.FlagSet, stderr io.Writer) func() int {
	port := fs.Int("port", 7681, "port to listen on")
	iface := fs.String("iface", "127.0.0.1", "address to bind")
	pageFile := fs.String("page", "", "file whose bytes answer every request")
	contentType := fs.String("content-type", "text/html", "the answers' content-type")
	closeConn := fs.Bool("close", false, "close the connection after each answer")
	return func() int {
		if *pageFile == "" {
			fmt.Fprintln(stderr, "lwsload httpbaseline: --page is required")
			return 2
		}
		body, err := os.ReadFile(*pageFile)
		if err != nil {
			fmt.Fprintf(stderr, "lwsload httpbaseline: %v\n", err)
			return 2
		}
		b, err := startHTTPBaseline(net.JoinHostPort(*iface, strconv.Itoa(*port)),
			httpPage{Body: body, ContentType: *contentType, Close: *closeConn})
		if err != nil {
			fmt.Fprintf(stderr, "lwsload httpbaseline: %v\n", err)
			return 2
		}
		fmt.Fprintf(stderr, "lwsload httpbaseline: listening on %s, %d bytes per answer\n", b.ln.Addr(), len(body))
		<-ctx.Done()
		if err := b.close(); err != nil {
			fmt.Fprintf(stderr, "lwsload httpbaseline: %v\n", err)
			return 1
		}
		return 0
	}
}

func httpMatrixCmd(ctx context.Context, fs *flag.FlagSet, stdout, stderr io.Writer) func() int {
	cfg := httpMatrixConfig{log: stderr, targets: defaultHTTPTargets(), conns: []int{1, 8}}
	fs.StringVar(&cfg.targets[0].bin, "dynamic", "", "golws dynamic example binary (default: go build "+cfg.targets[0].pkg+")")
	fs.StringVar(&cfg.targets[1].bin, "threadpool", "", "golws threadpool example binary (default: go build "+cfg.targets[1].pkg+")")
	fs.Func("conns", "client counts, comma-separated (default 1,8)", intList(&cfg.conns))
	fs.DurationVar(&cfg.duration, "duration", 3*time.Second, "per run")
	fs.IntVar(&cfg.runs, "runs", 3, "runs per scenario and server; the table shows the median")
	fs.DurationVar(&cfg.maxTime, "max-time", 3*time.Minute, "bound on the whole matrix")
	asJSON := fs.Bool("json", false, "print the results as JSON instead of the table")
	return func() int {
		if cfg.runs < 1 || cfg.duration <= 0 {
			fmt.Fprintln(stderr, "lwsload httpmatrix: --runs must be >= 1 and --duration > 0")
			return 2
		}
		self, err := os.Executable()
		if err != nil {
			fmt.Fprintf(stderr, "lwsload httpmatrix: %v\n", err)
			return 2
		}
		cfg.baseline = []string{self, "httpbaseline"}
		start := time.Now()
		rows, err := runHTTPMatrix(ctx, cfg)
		if *asJSON {
			_ = printJSON(stdout, rows)
		} else {
			fmt.Fprintf(stdout, "Each run on a fresh server process, %v of GETs; req/s and CPU/req are the median of %s, errors the sum. "+
				"The baseline is a plain net/http handler serving the bytes golws served.\n\n", cfg.duration, plural(cfg.runs, "run"))
			printHTTPTable(stdout, rows)
			fmt.Fprintf(stdout, "\nhttpmatrix took %.0f s\n", time.Since(start).Seconds())
		}
		if err != nil {
			fmt.Fprintf(stderr, "lwsload httpmatrix: %v\n", err)
			return 2
		}
		for _, s := range rows {
			if !s.clean() {
				return 1
			}
		}
		return 0
	}
}
