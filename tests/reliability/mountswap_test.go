package reliability

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golws/golws/lws"
)

const (
	swapFor      = 3 * time.Second // how long the file is swapped and fetched
	swapRequests = 20000           // or until this many requests went out
	swapClients  = 2
)

// TestMountSymlinkSwap: a served file is swapped, as fast as a goroutine
// can, between a regular file and a symbolic link to a secret outside the
// mount (absolute and relative in turn), while clients fetch it in a loop.
// Checking the path and then opening it is a race the swap can win; the
// secret must never be served, and the regular file must be.
func TestMountSymlinkSwap(t *testing.T) {
	noLeaks(t)
	base := t.TempDir()
	www := filepath.Join(base, "www")
	const public, secret = "public page", "TOP-SECRET-never-served"
	mustWriteFile(t, filepath.Join(base, "secret.txt"), secret)
	mustWriteFile(t, filepath.Join(base, "public.txt"), public)
	mustWriteFile(t, filepath.Join(www, "page.txt"), public)
	s := startServer(t, lws.ContextCreationInfo{
		Protocols: []lws.Protocol{{Name: "http", Callback: lws.CallbackHTTPDummy}},
		Mounts:    &lws.HTTPMount{Mountpoint: "/", Origin: www, OriginProtocol: lws.MountProtoFile},
	})

	ctx, cancel := context.WithTimeout(context.Background(), swapFor)
	defer cancel()
	var wg sync.WaitGroup

	swaps := make(chan error, 1)
	wg.Go(func() {
		swaps <- swapLoop(ctx, www, filepath.Join(base, "public.txt"), filepath.Join(base, "secret.txt"))
	})

	var sent, served, leaked atomic.Int64
	var firstLeak atomic.Value
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: waitBound}
	url := fmt.Sprintf("http://%s/page.txt", s.addr)
	for range swapClients {
		wg.Go(func() {
			for ctx.Err() == nil && sent.Add(1) <= swapRequests {
				resp, err := client.Get(url)
				if err != nil {
					if ctx.Err() == nil {
						t.Errorf("GET: %v", err)
					}
					return
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				switch {
				case err != nil:
					t.Errorf("reading the body: %v", err)
					return
				case strings.Contains(string(body), secret):
					leaked.Add(1)
					firstLeak.CompareAndSwap(nil, fmt.Sprintf("%d %q", resp.StatusCode, body))
				case resp.StatusCode == http.StatusOK && string(body) == public:
					served.Add(1)
				case resp.StatusCode != http.StatusNotFound:
					t.Errorf("GET: %d %q", resp.StatusCode, body)
				}
			}
			cancel() // the request budget is spent: stop the swapper too
		})
	}
	wg.Wait()
	if err := <-swaps; err != nil {
		t.Fatal(err)
	}
	n := min(sent.Load(), swapRequests)
	if l := leaked.Load(); l > 0 {
		t.Fatalf("the secret outside the mount was served %d times in %d requests; first: %s", l, n, firstLeak.Load())
	}
	if served.Load() == 0 {
		t.Fatalf("the regular file was never served in %d requests", n)
	}
	t.Logf("%d requests, %d served the regular file, the rest 404", n, served.Load())
}

// swapLoop replaces dir/page.txt, until ctx ends, by a hard link to the
// regular file public and by a symbolic link to the file secret, absolute
// and relative in turn. Each step is a rename, so the name always exists,
// and each state lasts about as long as the other. It returns the first
// error.
func swapLoop(ctx context.Context, dir, public, secret string) error {
	rel, err := filepath.Rel(dir, secret)
	if err != nil {
		return err
	}
	page := filepath.Join(dir, "page.txt")
	reg, lnk := filepath.Join(dir, ".reg"), filepath.Join(dir, ".lnk")
	for i := 0; ctx.Err() == nil; i++ {
		if err := os.Link(public, reg); err != nil {
			return err
		}
		if err := os.Rename(reg, page); err != nil {
			return err
		}
		target := secret
		if i%2 == 1 {
			target = rel
		}
		if err := os.Symlink(target, lnk); err != nil {
			return err
		}
		if err := os.Rename(lnk, page); err != nil {
			return err
		}
	}
	return nil
}

func mustWriteFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
