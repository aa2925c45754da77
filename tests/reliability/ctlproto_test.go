package reliability

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golws/golws/lws"
	"github.com/golws/golws/lws/threadpool"
)

// The ctl protocol: each connection enqueues one threadpool task whose
// every phase the test decides. The client names its job in the offered
// subprotocols ("ctl, id-V"); the test registers the job first. The task
// function waits for commands with a bounded select, checking in between
// so that it notices when it must stop, as a real task does:
//
//	"sync"   produce "<id> <n>" and return SYNC; the WRITEABLE handler
//	         sends it and lets the task go on, unless hold is set, in
//	         which case the task stays in SYNCING;
//	"finish" return FINISHED; the WRITEABLE handler reaps it, unless
//	         noreap is set, in which case it stays finished, not reaped.
//
// Every phase is reported as an event: "start V" (first call), "running V"
// (second call: by then an OUTLIVE flag returned by the first call is in
// force), "sync V n", "held V", "finish V", "unreaped V", "stopping V"
// (called with STOPPING), "cleanup V"; and from the wsi: "enq V", "drop V",
// "closed V".

const (
	ctlName = "ctl"
	checkIn = 5 * time.Millisecond // longest a task call waits for a command
)

type job struct {
	id  string
	ev  *events
	cmd chan string

	async   bool        // TaskArgs.Async
	outlive bool        // every return ORs ReturnFlagOutlive
	hold    atomic.Bool // WRITEABLE leaves the SYNC unanswered
	noreap  atomic.Bool // WRITEABLE does not reap the ended task

	task       atomic.Pointer[threadpool.Task]
	cleanups   atomic.Int32
	cleanupWsi atomic.Bool // the last Cleanup was given a wsi

	// The worker's; msg is handed to WRITEABLE through the pool's lock
	// (written before SYNC, read while SYNCING).
	calls int
	n     int
	msg   string
	timer *time.Timer
}

func newJob(ev *events, id string) *job {
	t := time.NewTimer(time.Hour)
	t.Stop()
	return &job{id: id, ev: ev, cmd: make(chan string, 8), timer: t}
}

func (j *job) run(_ any, st threadpool.TaskStatus) threadpool.TaskReturn {
	var flag threadpool.TaskReturn
	if j.outlive {
		flag = threadpool.ReturnFlagOutlive
	}
	j.calls++
	switch j.calls {
	case 1:
		j.ev.add("start %s", j.id)
		if st == threadpool.StatusRunning {
			return threadpool.ReturnCheckingIn | flag
		}
	case 2:
		j.ev.add("running %s", j.id)
	}
	if st == threadpool.StatusStopping {
		j.ev.add("stopping %s", j.id)
		return threadpool.ReturnStopped | flag
	}
	j.timer.Reset(checkIn)
	defer j.timer.Stop()
	select {
	case c := <-j.cmd:
		switch c {
		case "sync":
			j.n++
			j.msg = fmt.Sprintf("%s %d", j.id, j.n)
			j.ev.add("sync %s %d", j.id, j.n)
			return threadpool.ReturnSync | flag
		case "finish":
			j.ev.add("finish %s", j.id)
			return threadpool.ReturnFinished | flag
		}
	case <-j.timer.C:
	}
	return threadpool.ReturnCheckingIn | flag
}

// status is the task's state, without reaping it.
func (j *job) status() threadpool.TaskStatus { return j.task.Load().StatusNoreap() }

type ctlServer struct {
	*server
	ev      *events
	threads int
	tp      *threadpool.Threadpool

	mu   sync.Mutex
	jobs map[string]*job
}

type ctlSession struct{ job *job }

// startCtl runs a ctl server whose pool has threads workers.
func startCtl(t *testing.T, threads int) *ctlServer {
	t.Helper()
	cs := &ctlServer{ev: newEvents(), threads: threads, jobs: map[string]*job{}}
	cs.server = startServer(t, lws.ContextCreationInfo{Protocols: []lws.Protocol{
		{Name: "http", Callback: lws.CallbackHTTPDummy},
		{Name: ctlName, Callback: cs.callback, PerSessionData: func() any { return new(ctlSession) }},
	}})
	return cs
}

// job registers a job for the connection that will name id.
func (cs *ctlServer) job(id string, opts ...func(*job)) *job {
	j := newJob(cs.ev, id)
	for _, o := range opts {
		o(j)
	}
	cs.mu.Lock()
	cs.jobs[id] = j
	cs.mu.Unlock()
	return j
}

func asyncJob(j *job)   { j.async = true }
func outliveJob(j *job) { j.outlive = true }

// dial connects the client of job id and waits until its task is queued.
func (cs *ctlServer) dial(t *testing.T, id string) *wsClient {
	t.Helper()
	c := dialWS(t, cs.url, ctlName, "id-"+id)
	cs.ev.waitEvent(t, "enq "+id)
	return c
}

func (cs *ctlServer) allJobs() []*job {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	var js []*job
	for _, j := range cs.jobs {
		js = append(js, j)
	}
	return js
}

// cleanupsOnce checks that every job whose task was queued was cleaned up
// exactly once.
func (cs *ctlServer) cleanupsOnce(t *testing.T) {
	t.Helper()
	for _, j := range cs.allJobs() {
		if j.task.Load() == nil {
			continue
		}
		if n := j.cleanups.Load(); n != 1 {
			t.Errorf("task %s: cleanup ran %d times, want once", j.id, n)
		}
	}
}

func (cs *ctlServer) callback(wsi *lws.Wsi, reason lws.CallbackReason, user, in any, n int) int {
	s, _ := user.(*ctlSession)
	switch reason {
	case lws.CallbackProtocolInit:
		cs.tp = threadpool.Create(wsi.Context(), &threadpool.CreateArgs{Threads: cs.threads, MaxQueueDepth: 16}, "ctl")
		if cs.tp == nil {
			return 1
		}
	case lws.CallbackProtocolDestroy:
		// As the C example does.
		cs.tp.Finish()
		cs.tp.Destroy()
	case lws.CallbackFilterProtocolConnection:
		cs.mu.Lock()
		s.job = cs.jobs[idFrom(in.(string))]
		cs.mu.Unlock()
		if s.job == nil {
			return 1
		}
	case lws.CallbackEstablished:
		j := s.job
		task := cs.tp.Enqueue(&threadpool.TaskArgs{Wsi: wsi, User: j, Async: j.async, Task: j.run, Cleanup: cs.cleanup}, "ctl %s", j.id)
		if task == nil {
			cs.ev.add("refused %s", j.id)
			return 1
		}
		j.task.Store(task)
		cs.ev.add("enq %s", j.id)
	case lws.CallbackServerWriteable:
		task := threadpool.GetTaskWsi(wsi)
		if task == nil {
			return 0
		}
		j := s.job
		switch st := task.StatusNoreap(); st {
		case threadpool.StatusSyncing:
			if j.hold.Load() {
				cs.ev.add("held %s", j.id)
				return 0
			}
			if wsi.Write([]byte(j.msg), lws.WriteText) < 0 {
				threadpool.TaskSync(task, 1)
				return -1
			}
			threadpool.TaskSync(task, 0)
		case threadpool.StatusFinished, threadpool.StatusStopped:
			if j.noreap.Load() {
				cs.ev.add("unreaped %s %s", j.id, st)
				return 0
			}
			task.Status() // reaps: Cleanup runs here
		}
	case lws.CallbackWSServerDropProtocol:
		cs.ev.add("drop %s", s.job.id)
		threadpool.DequeueTask(threadpool.GetTaskWsi(wsi)) // as the C example does
	case lws.CallbackClosed:
		cs.ev.add("closed %s", s.job.id)
	}
	return 0
}

func (cs *ctlServer) cleanup(wsi *lws.Wsi, user any) {
	j := user.(*job)
	j.cleanupWsi.Store(wsi != nil)
	j.cleanups.Add(1)
	cs.ev.add("cleanup %s", j.id)
}
