package reliability

import (
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golws/golws/lws"
	"github.com/golws/golws/lws/threadpool"
)

// The perf protocol is the threadpool example's perf variant made
// observable: each connection's task produces one message per SYNC, with
// no sleep, msgs of them (0: until stopped), each size bytes ("pos N"
// padded); the WRITEABLE handler is the example's, pending timeouts
// included (PENDING_TIMEOUT_THREADPOOL 30 s at ESTABLISHED,
// PENDING_TIMEOUT_THREADPOOL_TASK 5 s at each write). The server counts
// what happens, and per connection (when the client names itself with
// "id-X" among its subprotocols) when it last set its pending timeout
// before a write, and when it closed.

const perfName = "perf"

type perfConfig struct {
	threads, depth int
	msgs, size     int
	sendLimit      int // ContextCreationInfo.SendBufferLimit; 0: lws's default
}

type perfServer struct {
	*server
	cfg perfConfig
	tp  *threadpool.Threadpool
	ev  *events // connection ends of named connections

	established, refused, closed atomic.Int64
	enqueued, cleanups, twice    atomic.Int64
	creates, destroys            atomic.Int64 // WSI_CREATE / WSI_DESTROY, on either protocol

	mu    sync.Mutex
	conns map[string]*perfConn
}

// perfConn is one connection's record; the service goroutine writes it.
type perfConn struct {
	id     string
	writes atomic.Int64
	// armedAt is when PENDING_TIMEOUT_THREADPOOL_TASK was last set (just
	// before the write that followed), closedAt when CLOSED came; both
	// monoNow readings, so that their difference is a monotonic interval.
	armedAt  atomic.Int64
	closedAt atomic.Int64
	task     atomic.Pointer[threadpool.Task]
}

// monoEpoch and monoNow give monotonic timestamps that fit an atomic.Int64.
var monoEpoch = time.Now()

func monoNow() int64 { return int64(time.Since(monoEpoch)) }

type perfTask struct {
	pos, end int
	buf      []byte
	cleaned  atomic.Int32
}

func startPerf(t testing.TB, cfg perfConfig) *perfServer {
	t.Helper()
	ps := &perfServer{cfg: cfg, ev: newEvents(), conns: map[string]*perfConn{}}
	ps.server = startServer(t, lws.ContextCreationInfo{
		SendBufferLimit: cfg.sendLimit,
		Protocols: []lws.Protocol{
			{Name: "http", Callback: ps.http},
			{Name: perfName, Callback: ps.callback, PerSessionData: func() any { return new(perfConn) }},
		},
	})
	return ps
}

func (ps *perfServer) conn(id string) *perfConn {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return ps.conns[id]
}

func (ps *perfServer) http(wsi *lws.Wsi, reason lws.CallbackReason, user, in any, n int) int {
	switch reason {
	case lws.CallbackWSICreate:
		ps.creates.Add(1)
	case lws.CallbackWSIDestroy:
		ps.destroys.Add(1)
	}
	return lws.CallbackHTTPDummy(wsi, reason, user, in, n)
}

func (ps *perfServer) run(user any, st threadpool.TaskStatus) threadpool.TaskReturn {
	pt := user.(*perfTask)
	if st == threadpool.StatusStopping {
		return threadpool.ReturnStopped
	}
	if pt.end > 0 && pt.pos == pt.end {
		return threadpool.ReturnFinished
	}
	pt.pos++
	b := strconv.AppendInt(append(pt.buf[:0], "pos "...), int64(pt.pos), 10)
	for len(b) < ps.cfg.size {
		b = append(b, '.')
	}
	pt.buf = b
	return threadpool.ReturnSync
}

func (ps *perfServer) cleanup(_ *lws.Wsi, user any) {
	if user.(*perfTask).cleaned.Add(1) != 1 {
		ps.twice.Add(1)
	}
	ps.cleanups.Add(1)
}

func (ps *perfServer) callback(wsi *lws.Wsi, reason lws.CallbackReason, user, in any, n int) int {
	pc, _ := user.(*perfConn)
	switch reason {
	case lws.CallbackProtocolInit:
		ps.tp = threadpool.Create(wsi.Context(), &threadpool.CreateArgs{Threads: ps.cfg.threads, MaxQueueDepth: ps.cfg.depth}, "perf")
		if ps.tp == nil {
			return 1
		}
	case lws.CallbackProtocolDestroy:
		ps.tp.Finish()
		ps.tp.Destroy()
	case lws.CallbackFilterProtocolConnection:
		if pc.id = idFrom(in.(string)); pc.id != "" {
			ps.mu.Lock()
			ps.conns[pc.id] = pc
			ps.mu.Unlock()
		}
	case lws.CallbackEstablished:
		ps.established.Add(1)
		pt := &perfTask{end: ps.cfg.msgs}
		task := ps.tp.Enqueue(&threadpool.TaskArgs{Wsi: wsi, User: pt, Task: ps.run, Cleanup: ps.cleanup}, "perf")
		if task == nil {
			ps.refused.Add(1)
			return 1
		}
		ps.enqueued.Add(1)
		pc.task.Store(task)
		wsi.SetTimeout(lws.PendingTimeoutThreadpool, 30)
	case lws.CallbackWSServerDropProtocol:
		threadpool.DequeueTask(threadpool.GetTaskWsi(wsi))
	case lws.CallbackWSIDestroy:
		ps.destroys.Add(1)
	case lws.CallbackClosed:
		pc.closedAt.Store(monoNow())
		ps.closed.Add(1)
		if pc.id != "" {
			ps.ev.add("closed %s", pc.id)
		}
	case lws.CallbackServerWriteable:
		task := threadpool.GetTaskWsi(wsi)
		if task == nil {
			return 0
		}
		st, u := task.Status()
		if st != threadpool.StatusSyncing {
			return 0
		}
		pt := u.(*perfTask)
		pc.armedAt.Store(monoNow())
		wsi.SetTimeout(lws.PendingTimeoutThreadpoolTask, 5)
		if wsi.Write(pt.buf, lws.WriteText) < len(pt.buf) {
			threadpool.TaskSync(task, 1)
			return -1
		}
		pc.writes.Add(1)
		threadpool.TaskSync(task, 0)
	}
	return 0
}

// streamReader reads a raw connection's frames as fast as they come,
// into one reused buffer, counting them, until the connection ends.
type streamReader struct {
	c      *rawConn
	frames atomic.Int64
	closes atomic.Int64 // close frames seen
	done   chan struct{}
	err    error
}

func newStreamReader(t testing.TB, c *rawConn) *streamReader {
	r := &streamReader{c: c, done: make(chan struct{})}
	c.nc.SetDeadline(time.Time{})
	go func() {
		defer close(r.done)
		buf := make([]byte, 64<<10)
		for {
			f, err := c.readFrame(buf)
			if err != nil {
				r.err = err
				return
			}
			if f.op == opClose {
				r.closes.Add(1)
			}
			r.frames.Add(1)
		}
	}()
	t.Cleanup(func() {
		c.nc.Close()
		<-r.done
	})
	return r
}

// waitFrames blocks (polling: frames have no per-frame signal) until n
// frames arrived.
func (r *streamReader) waitFrames(t testing.TB, n int64) {
	t.Helper()
	if !pollUntil(waitBound, 5*time.Millisecond, func() bool { return r.frames.Load() >= n }) {
		t.Fatalf("stream: %d frames, waited for %d (%v)", r.frames.Load(), n, r.err)
	}
}
