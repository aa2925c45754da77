package threadpool_test

import (
	"context"
	"fmt"

	"github.com/coder/websocket"
	"github.com/golws/golws/lws"
	"github.com/golws/golws/lws/threadpool"
)

// job is a task's private data. It belongs to the task, not to the
// connection: the connection may close while the task still runs.
type job struct {
	step int
	msg  string
}

// count produces "step 1" to "step 3", pausing in SYNC after each until the
// connection's WRITEABLE handler has sent it.
func count(user any, s threadpool.TaskStatus) threadpool.TaskReturn {
	j := user.(*job)
	if s == threadpool.StatusStopping {
		return threadpool.ReturnStopped
	}
	if j.step == 3 {
		return threadpool.ReturnFinished
	}
	j.step++ // a slice of real work would go here
	j.msg = fmt.Sprintf("step %d", j.step)
	return threadpool.ReturnSync
}

// A task bound to a connection: the worker runs it, and each time it
// returns ReturnSync the service goroutine gets SERVER_WRITEABLE, finds the
// task in StatusSyncing, sends its output and lets it go on with TaskSync.
// When the task has ended, Task.Status reaps it (its Cleanup runs) and the
// handler closes the connection.
func Example() {
	var tp *threadpool.Threadpool
	released := make(chan struct{})

	cb := func(wsi *lws.Wsi, reason lws.CallbackReason, user, in any, n int) int {
		switch reason {
		case lws.CallbackEstablished:
			args := threadpool.TaskArgs{
				Wsi:     wsi,
				User:    new(job),
				Task:    count,
				Cleanup: func(wsi *lws.Wsi, user any) { close(released) },
			}
			if tp.Enqueue(&args, "count %s", wsi.PeerSimple()) == nil {
				return -1
			}

		case lws.CallbackServerWriteable:
			task := threadpool.GetTaskWsi(wsi)
			if task == nil {
				break
			}
			switch st, user := task.Status(); st {
			case threadpool.StatusSyncing: // the task waits for us
				j := user.(*job)
				if wsi.Write([]byte(j.msg), lws.WriteText) < len(j.msg) {
					threadpool.TaskSync(task, 1)
					return -1
				}
				threadpool.TaskSync(task, 0)
			case threadpool.StatusFinished: // reaped: Cleanup has run
				wsi.CloseReason(lws.CloseStatusNormal, []byte("done"))
				return -1
			}

		case lws.CallbackWSServerDropProtocol:
			threadpool.DequeueTask(threadpool.GetTaskWsi(wsi))
		}
		return 0
	}

	ctx, err := lws.CreateContext(&lws.ContextCreationInfo{
		Port:      0,
		Iface:     "127.0.0.1",
		Protocols: []lws.Protocol{{Name: "count", Callback: cb}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	// Before Run takes over, this goroutine may create the pool.
	tp = threadpool.Create(ctx, &threadpool.CreateArgs{Threads: 1, MaxQueueDepth: 4}, "example")
	url := fmt.Sprintf("ws://127.0.0.1:%d/", ctx.Vhost().Port())

	goCtx, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		ctx.Run(goCtx)
		ctx.Destroy() // destroys the pool too
	}()

	c, _, err := websocket.Dial(goCtx, url, &websocket.DialOptions{Subprotocols: []string{"count"}})
	if err == nil {
		for {
			_, msg, err := c.Read(goCtx)
			if err != nil {
				fmt.Println("closed:", websocket.CloseStatus(err))
				break
			}
			fmt.Printf("%s\n", msg)
		}
		<-released
		fmt.Println("task data released")
	}

	stop()
	<-done
	// Output:
	// step 1
	// step 2
	// step 3
	// closed: StatusNormalClosure
	// task data released
}

// sum adds up 1..100, ten numbers per call, so that it can be told to stop
// between slices.
type sum struct{ next, total int }

// A task without a wsi (a Go addition): nobody's WRITEABLE reaps it, so its
// worker does, calling Cleanup with a nil wsi as soon as it ends.
func ExampleThreadpool_Enqueue() {
	ctx, err := lws.CreateContext(&lws.ContextCreationInfo{
		Port:      lws.ContextPortNoListen,
		Protocols: []lws.Protocol{{Name: "http", Callback: lws.CallbackHTTPDummy}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	tp := threadpool.Create(ctx, &threadpool.CreateArgs{Threads: 1, MaxQueueDepth: 4}, "sums")

	started, release := make(chan struct{}), make(chan struct{})
	result := make(chan int)
	task := tp.Enqueue(&threadpool.TaskArgs{
		User: &sum{next: 1},
		Task: func(user any, s threadpool.TaskStatus) threadpool.TaskReturn {
			p := user.(*sum)
			if p.next == 1 { // hold the first call, to look at the pool
				close(started)
				<-release
			}
			if s == threadpool.StatusStopping {
				return threadpool.ReturnStopped
			}
			for end := p.next + 10; p.next < end; p.next++ {
				p.total += p.next
			}
			if p.next > 100 {
				return threadpool.ReturnFinished
			}
			return threadpool.ReturnCheckingIn
		},
		Cleanup: func(wsi *lws.Wsi, user any) { result <- user.(*sum).total },
	}, "sum 1..%d", 100)
	if task == nil {
		fmt.Println("queue full")
		return
	}

	<-started
	running, size, waiting := tp.Diagnose()
	fmt.Printf("running %d, pool %d, waiting %d\n", running, size, waiting)
	close(release)

	fmt.Println("sum:", <-result)
	running, size, waiting = tp.Diagnose()
	fmt.Printf("running %d, pool %d, waiting %d\n", running, size, waiting)
	fmt.Println(task.StatusNoreap())

	tp.Destroy()
	ctx.Destroy()
	// Output:
	// running 1, pool 1, waiting 0
	// sum: 5050
	// running 0, pool 1, waiting 0
	// FINISHED
}
