package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// httpConfig is one HTTP run: conns clients, each sending GETs for path one
// after another on a kept-alive connection (dialing again whenever the
// server closes it) until duration has passed.
type httpConfig struct {
	url      string // http://host:port/path?query
	conns    int
	duration time.Duration
	pid      int // the server, for CPU and RSS; 0: not measured
	timeout  time.Duration
}

// httpResult is a run's totals. Seconds runs from the first dial to the
// last answer (requests sent before the duration ended are answered and
// counted), and the server's CPU is taken over the same window.
type httpResult struct {
	Conns       int     `json:"conns"`
	Requests    uint64  `json:"requests"`
	Seconds     float64 `json:"seconds"`
	ReqPerSec   float64 `json:"req_per_sec"`
	Dials       uint64  `json:"dials"` // more than conns: the server closed connections
	BodyBytes   uint64  `json:"body_bytes"`
	MinBody     int64   `json:"min_body"`
	MaxBody     int64   `json:"max_body"`
	Errors      int     `json:"errors"`
	FirstError  string  `json:"first_error,omitempty"`
	ServerCPU   float64 `json:"server_cpu_s"`
	CPUPerReqUS float64 `json:"server_cpu_us_per_req"`
	ServerRSSMB float64 `json:"server_rss_mb"`
	ClientCPU   float64 `json:"client_cpu_s"`
}

// clean says every request got a 200 with a body.
func (r *httpResult) clean() bool { return r.Errors == 0 && r.Requests > 0 && r.MinBody > 0 }

// httpClient is one client's tally.
type httpClient struct {
	requests, dials, bytes uint64
	minBody, maxBody       int64
	err                    error
}

// runHTTP loads cfg.url. A client stops at its first error (a status
// other than 200 counts as one) and the run goes on with the others; the
// errors are counted and the first reported.
func runHTTP(ctx context.Context, cfg httpConfig) (httpResult, error) {
	u, req, err := getRequest(cfg.url)
	if err != nil {
		return httpResult{}, err
	}
	if cfg.conns < 1 || cfg.duration <= 0 {
		return httpResult{}, errors.New("conns must be >= 1 and duration > 0")
	}

	ctx, cancel := context.WithTimeout(ctx, max(cfg.timeout, cfg.duration+5*time.Second))
	defer cancel()
	var before procSample
	if cfg.pid != 0 {
		if before, err = sampleProc(cfg.pid); err != nil {
			return httpResult{}, err
		}
	}
	cpu0 := selfCPU()
	start := time.Now()
	deadline := start.Add(cfg.duration)
	clients := make([]httpClient, cfg.conns)
	var wg sync.WaitGroup
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			clients[i].run(ctx, u.Host, req, deadline)
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)

	r := httpResult{Conns: cfg.conns, Seconds: elapsed.Seconds(), MinBody: -1, ClientCPU: selfCPU() - cpu0}
	for _, c := range clients {
		r.Requests += c.requests
		r.Dials += c.dials
		r.BodyBytes += c.bytes
		if c.requests > 0 {
			if r.MinBody < 0 || c.minBody < r.MinBody {
				r.MinBody = c.minBody
			}
			r.MaxBody = max(r.MaxBody, c.maxBody)
		}
		if c.err != nil {
			r.Errors++
			if r.FirstError == "" {
				r.FirstError = c.err.Error()
			}
		}
	}
	r.ReqPerSec = float64(r.Requests) / r.Seconds
	if cfg.pid != 0 {
		after, err := sampleProc(cfg.pid)
		if err != nil {
			return r, err
		}
		r.ServerCPU = after.cpuSeconds() - before.cpuSeconds()
		r.ServerRSSMB = float64(after.rssKB) / 1024
		if r.Requests > 0 {
			r.CPUPerReqUS = r.ServerCPU / float64(r.Requests) * 1e6
		}
	}
	return r, ctx.Err()
}

// run sends requests until deadline, on one connection while the server
// keeps it, on a fresh one when the server closes it.
func (c *httpClient) run(ctx context.Context, host string, req []byte, deadline time.Time) {
	var conn net.Conn
	var br *bufio.Reader
	defer func() {
		if conn != nil {
			conn.Close()
		}
	}()
	for time.Now().Before(deadline) {
		if err := ctx.Err(); err != nil {
			c.err = err
			return
		}
		if conn == nil {
			d := net.Dialer{Timeout: 5 * time.Second}
			var err error
			if conn, err = d.DialContext(ctx, "tcp", host); err != nil {
				c.err = err
				return
			}
			c.dials++
			br = bufio.NewReaderSize(conn, 16<<10)
		}
		// Every answer is bounded, so a stuck server ends the run.
		_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
		keep, err := c.get(conn, br, req)
		if err != nil {
			c.err = err
			return
		}
		if !keep {
			conn.Close()
			conn = nil
		}
	}
}

// get sends one request and reads its answer whole; keep says the
// connection can carry the next.
func (c *httpClient) get(conn net.Conn, br *bufio.Reader, req []byte) (keep bool, err error) {
	if _, err := conn.Write(req); err != nil {
		return false, err
	}
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		return false, err
	}
	n, err := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil {
		return false, err
	}
	if resp.StatusCode != http.StatusOK {
		return false, fmt.Errorf("status %d", resp.StatusCode)
	}
	c.requests++
	c.bytes += uint64(n)
	if c.requests == 1 || n < c.minBody {
		c.minBody = n
	}
	c.maxBody = max(c.maxBody, n)
	return !resp.Close, nil
}

// fetchPage GETs rawURL once, as the load's clients ask (HTTP/1.1, no
// "connection: close" of its own, so that Close tells whether the server
// ends the connection by itself), and returns the answer; anything but a
// 200 with a body is an error.
func fetchPage(ctx context.Context, rawURL string) (httpPage, error) {
	u, req, err := getRequest(rawURL)
	if err != nil {
		return httpPage{}, err
	}
	d := net.Dialer{Timeout: 5 * time.Second}
	conn, err := d.DialContext(ctx, "tcp", u.Host)
	if err != nil {
		return httpPage{}, err
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := conn.Write(req); err != nil {
		return httpPage{}, err
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		return httpPage{}, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return httpPage{}, err
	}
	if resp.StatusCode != http.StatusOK || len(body) == 0 {
		return httpPage{}, fmt.Errorf("GET %s: status %d, %d bytes", rawURL, resp.StatusCode, len(body))
	}
	return httpPage{Body: body, ContentType: resp.Header.Get("Content-Type"), Close: resp.Close}, nil
}

// getRequest is the bytes of a GET for rawURL, as every client sends it.
func getRequest(rawURL string) (*url.URL, []byte, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Scheme != "http" || u.Host == "" {
		return nil, nil, fmt.Errorf("url %q: want http://host:port/path", rawURL)
	}
	return u, []byte("GET " + u.RequestURI() + " HTTP/1.1\r\nHost: " + u.Host + "\r\nUser-Agent: lwsload\r\n\r\n"), nil
}
