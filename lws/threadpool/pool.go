package threadpool

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/golws/golws/lws"
)

// Default SYNC wait, as in C: a worker waits 3 s for the service goroutine
// to answer a SYNC, re-asks up to 100 times, then stops the task.
const (
	DefaultSyncTimeout = 3 * time.Second
	DefaultSyncRetries = 100
)

// CreateArgs sizes a pool (struct lws_threadpool_create_args).
type CreateArgs struct {
	// Threads is the number of workers; each is a goroutine that lives
	// from Create to Destroy. It must be at least 1.
	Threads int
	// MaxQueueDepth is how many tasks may wait for a worker; running
	// tasks do not count. A task waits at least until a worker takes it,
	// so 0 refuses every Enqueue, as in C.
	MaxQueueDepth int

	// SyncTimeout is how long one SYNC wait lasts before the worker asks
	// for WRITEABLE again; 0 means DefaultSyncTimeout. Go addition.
	SyncTimeout time.Duration
	// SyncRetries is how many SYNC waits time out before the task is
	// stopped; 0 means DefaultSyncRetries. Go addition.
	SyncRetries int
}

// Threadpool is a fixed set of workers running tasks for the connections
// of one context (struct lws_threadpool).
//
// Every field below mu is guarded by it, and so are the mutable fields of
// the pool's tasks: one lock makes each state change of a task atomic
// with the lists it moves between, which is what keeps the service
// goroutine and the workers from ever seeing a half-made change.
type Threadpool struct {
	ctx         *lws.Context
	cp          *ctxPools // the context's pool list, this pool on it
	name        string
	threads     int
	maxQueue    int
	syncTimeout time.Duration
	syncRetries int
	recovers    bool // recover panics in tasks and cleanups (the context's choice)

	// writable asks for WRITEABLE on a wsi from the service goroutine;
	// (*lws.Wsi).CallbackOnWritable except in this package's benchmarks,
	// which have no connection to ask.
	writable func(*lws.Wsi)

	wg        sync.WaitGroup // the workers
	alive     atomic.Int32   // workers not yet returned, for tests
	destroyed chan struct{}  // closed when Destroy has finished

	mu         sync.Mutex
	idle       sync.Cond // workers wait here for queued work or the end
	queue      []*Task   // waiting, oldest first
	onWorker   []*Task   // the task of each worker, nil when idle
	running    int       // tasks on workers
	done       []*Task   // ended, waiting for Task.Status to reap them
	byWsi      map[*lws.Wsi][]*Task
	finishing  bool // Finish or Destroy ran: no new work, tasks stop
	destroying bool // Destroy began; a second call waits on destroyed
}

// Create starts a pool of args.Threads workers for the connections of ctx
// and lists it on ctx (lws_threadpool_create). The name is formatted
// printf-style from format and a (C verbs such as %lu work) and kept to
// 31 bytes. It returns nil, with an ERR line, if ctx or args is nil or
// args.Threads < 1 (C would build a pool that can never run anything).
//
// Call it on the service goroutine (typically in CallbackProtocolInit) or
// before the context is serviced: the pools are kept on the context. The pool must be ended with Destroy, or goes with the
// context's Destroy.
func Create(ctx *lws.Context, args *CreateArgs, format string, a ...any) *Threadpool {
	if ctx == nil || args == nil || args.Threads < 1 {
		lws.Err("lws_threadpool_create: needs a context and at least one thread")
		return nil
	}
	tp := &Threadpool{
		ctx:         ctx,
		name:        formatName(format, a),
		threads:     args.Threads,
		maxQueue:    args.MaxQueueDepth,
		syncTimeout: args.SyncTimeout,
		syncRetries: args.SyncRetries,
		recovers:    lwsImpl.RecoversPanics(ctx),
		writable:    func(w *lws.Wsi) { w.CallbackOnWritable() },
		destroyed:   make(chan struct{}),
		onWorker:    make([]*Task, args.Threads),
		byWsi:       make(map[*lws.Wsi][]*Task),
	}
	if tp.syncTimeout <= 0 {
		tp.syncTimeout = DefaultSyncTimeout
	}
	if tp.syncRetries <= 0 {
		tp.syncRetries = DefaultSyncRetries
	}
	tp.idle.L = &tp.mu
	tp.cp = poolsFor(ctx, true)
	tp.cp.add(tp)
	tp.wg.Add(tp.threads)
	tp.alive.Store(int32(tp.threads))
	for i := 0; i < tp.threads; i++ {
		go tp.worker(i)
	}
	if tracing() {
		lws.Thread("lws_threadpool_create: %s: %d workers, queue depth %d",
			tp.name, tp.threads, tp.maxQueue)
	}
	return tp
}

// Name returns the pool's name as Create formatted it. Go addition.
func (tp *Threadpool) Name() string { return tp.name }

// Finish stops the pool taking work (lws_threadpool_finish): Enqueue
// returns nil from now on, every waiting task becomes StatusStopped on
// the done list (or is reaped at once, its Cleanup called here with a nil
// wsi, if it has no wsi), and every running task sees StatusStopping at
// its next call; a task waiting in SYNC is woken for that call at once.
// Workers leave when they have no task. Finish does not reap: that is
// Task.Status's job, or Destroy's. Goroutine-safe; calling it again does
// nothing more.
func (tp *Threadpool) Finish() {
	tp.mu.Lock()
	reap := tp.finishLocked()
	var stopped []*Task
	for _, t := range tp.done {
		if t.wsi != nil {
			stopped = append(stopped, t)
		}
	}
	tp.mu.Unlock()
	runCleanups(reap)
	// Tasks with a wsi that just stopped need a WRITEABLE to be reaped.
	for _, t := range stopped {
		t.askService()
	}
}

// finishLocked does Finish's work under tp.mu and returns the tasks to
// clean up once the lock is released.
func (tp *Threadpool) finishLocked() []*Task {
	tp.finishing = true
	var reap []*Task
	for i, t := range tp.queue {
		tp.queue[i] = nil
		if t.stopQueuedLocked() {
			reap = append(reap, t)
		}
	}
	tp.queue = tp.queue[:0]
	for _, t := range tp.onWorker {
		if t != nil {
			t.wakeLocked() // a SYNC wait ends; the next call sees STOPPING
		}
	}
	tp.idle.Broadcast()
	return reap
}

// Destroy ends the pool (lws_threadpool_destroy): it does what Finish does
// if Finish was not called, waits for every worker to return (a task is
// never interrupted: a task that does not return blocks Destroy, as in C),
// then cleans up every task left on the done list, calling its Cleanup on
// the calling goroutine with the task's wsi (nil if it lost it), and takes
// the pool off its context. When Destroy returns no goroutine of the pool
// is left. Goroutine-safe; a second call waits for the first to finish.
// Never call it from a task or a Cleanup of the same pool: the worker
// would wait for itself.
func (tp *Threadpool) Destroy() {
	tp.mu.Lock()
	if tp.destroying {
		tp.mu.Unlock()
		<-tp.destroyed
		return
	}
	tp.destroying = true
	reap := tp.finishLocked()
	tp.mu.Unlock()
	runCleanups(reap)

	tp.wg.Wait()

	tp.mu.Lock()
	reap = tp.done
	tp.done = nil
	for _, t := range reap {
		t.inDone = false
		t.reaped = true
		tp.unbindLocked(t)
	}
	tp.mu.Unlock()
	for _, t := range reap {
		if tracing() {
			lws.Thread("lws_threadpool_destroy: %s: cleaning up %s task %s", tp.name, t.status, t.name)
		}
	}
	runCleanups(reap)
	tp.cp.remove(tp)
	if tracing() {
		lws.Thread("lws_threadpool_destroy: %s: destroyed", tp.name)
	}
	close(tp.destroyed)
}

// Diagnose returns, at one instant, the number of tasks on workers, the
// number of workers and the number of tasks waiting for one
// (lws_threadpool_diagnose). Goroutine-safe.
func (tp *Threadpool) Diagnose() (running, poolSize, waiting int) {
	tp.mu.Lock()
	defer tp.mu.Unlock()
	return tp.running, tp.threads, len(tp.queue)
}

// tracing reports whether THREAD lines are logged. Call sites test it
// before building a line, so that with THREAD off (the default) the hot
// paths do not box log arguments.
func tracing() bool { return lws.LogVisible(lws.LogThread) }
