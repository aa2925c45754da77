package threadpool

import (
	"testing"
	"time"

	"github.com/golws/golws/lws"
)

// BenchmarkSyncRoundTrip measures one SYNC round trip without a network:
// the task returns SYNC, its worker waits, CancelService wakes the service
// loop, the wake hook runs the WRITEABLE-equivalent (Task.Status sees
// SYNCING, TaskSync(task, 0)) on the service goroutine, and the worker
// calls the task again. The task is bound to the context's stand-in wsi
// and the pool's WRITEABLE request is replaced by a direct call of that
// handler, since a stand-in wsi gets no WRITEABLE. The handler also reaps
// the task when it finishes.
func BenchmarkSyncRoundTrip(b *testing.B) {
	h := newHarness()
	h.writable = func(w *lws.Wsi) {
		ForeachTaskWsi(w, nil, func(task *Task, _ any) int {
			if st, _ := task.Status(); st == StatusSyncing {
				TaskSync(task, 0)
			}
			return 0
		})
	}
	h.start(b, false, &CreateArgs{Threads: 1, MaxQueueDepth: 1})
	done := make(chan struct{})
	n := b.N
	args := &TaskArgs{
		Wsi: h.standIn,
		Task: func(any, TaskStatus) TaskReturn {
			if n == 0 {
				return ReturnFinished
			}
			n--
			return ReturnSync
		},
		Cleanup: func(*lws.Wsi, any) { close(done) },
	}
	b.ReportAllocs()
	b.ResetTimer()
	if h.tp.Enqueue(args, "bench") == nil {
		b.Fatal("enqueue refused")
	}
	select {
	case <-done:
	case <-time.After(time.Minute):
		b.Fatal("round trips did not finish")
	}
	b.StopTimer()
	h.tp.Destroy()
}

// BenchmarkBaselineChanRoundTrip is the same handshake done by hand: a
// worker goroutine hands its output to a "service" goroutine over one
// channel and waits for the go-ahead on another.
func BenchmarkBaselineChanRoundTrip(b *testing.B) {
	out := make(chan int)
	ack := make(chan struct{})
	quit := make(chan struct{})
	go func() { // the service goroutine
		for {
			select {
			case <-out:
				ack <- struct{}{}
			case <-quit:
				return
			}
		}
	}()
	done := make(chan struct{})
	b.ReportAllocs()
	b.ResetTimer()
	go func() { // the worker
		for i := 0; i < b.N; i++ {
			out <- i
			<-ack
		}
		close(done)
	}()
	<-done
	b.StopTimer()
	close(quit)
}

// BenchmarkEnqueueToReap measures Enqueue of an empty task without a wsi
// until its worker has reaped it (Cleanup called), one at a time.
func BenchmarkEnqueueToReap(b *testing.B) {
	h := newHarness().start(b, false, &CreateArgs{Threads: 1, MaxQueueDepth: 1})
	reaped := make(chan struct{}, 1)
	args := &TaskArgs{
		Task:    func(any, TaskStatus) TaskReturn { return ReturnFinished },
		Cleanup: func(*lws.Wsi, any) { reaped <- struct{}{} },
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if h.tp.Enqueue(args, "") == nil {
			b.Fatal("enqueue refused")
		}
		<-reaped
	}
	b.StopTimer()
	h.tp.Destroy()
}

// BenchmarkBaselineChanEnqueueToReap is the hand-made equivalent: a job
// sent to a worker goroutine over a channel, its completion reported on
// another.
func BenchmarkBaselineChanEnqueueToReap(b *testing.B) {
	jobs := make(chan func(), 1)
	reaped := make(chan struct{}, 1)
	go func() {
		for job := range jobs {
			job()
			reaped <- struct{}{}
		}
	}()
	job := func() {}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		jobs <- job
		<-reaped
	}
	b.StopTimer()
	close(jobs)
}
