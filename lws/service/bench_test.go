package service

import (
	"context"
	"testing"
	"time"
)

// runLoop drives l on its own goroutine for the length of a benchmark.
func runLoop(b *testing.B, l *Loop) {
	errc := make(chan error, 1)
	go func() { errc <- l.Run(context.Background()) }()
	b.Cleanup(func() {
		l.Stop()
		if err := <-errc; err != nil {
			b.Error(err)
		}
	})
}

// BenchmarkPostToRun measures the round trip from Post on another goroutine
// to the func running on the loop (which answers on a channel). Compare with
// BenchmarkChannelHandoff.
func BenchmarkPostToRun(b *testing.B) {
	l := New()
	runLoop(b, l)
	ack := make(chan struct{}, 1)
	fn := func() { ack <- struct{}{} }
	b.ReportAllocs()
	for b.Loop() {
		l.Post(fn)
		<-ack
	}
}

// BenchmarkChannelHandoff is the baseline for BenchmarkPostToRun: a buffered
// chan func() consumed by one goroutine.
func BenchmarkChannelHandoff(b *testing.B) {
	work := make(chan func(), 1024)
	exited := make(chan struct{})
	go func() {
		defer close(exited)
		for fn := range work {
			fn()
		}
	}()
	defer func() { close(work); <-exited }()
	ack := make(chan struct{}, 1)
	fn := func() { ack <- struct{}{} }
	b.ReportAllocs()
	for b.Loop() {
		work <- fn
		<-ack
	}
}

// BenchmarkPostBatch measures throughput: one producer posts continuously
// and the loop drains in batches. ns/op is per post.
func BenchmarkPostBatch(b *testing.B) {
	l := New()
	runLoop(b, l)
	n := 0
	fn := func() { n++ }
	b.ReportAllocs()
	for b.Loop() {
		l.Post(fn)
	}
	done := make(chan struct{})
	l.Post(func() { close(done) })
	<-done
}

// BenchmarkChannelHandoffBatch is the baseline for BenchmarkPostBatch.
func BenchmarkChannelHandoffBatch(b *testing.B) {
	work := make(chan func(), 1024)
	exited := make(chan struct{})
	go func() {
		defer close(exited)
		for fn := range work {
			fn()
		}
	}()
	n := 0
	fn := func() { n++ }
	b.ReportAllocs()
	for b.Loop() {
		work <- fn
	}
	close(work)
	<-exited
}

// BenchmarkTimerScheduleCancel arms and disarms a timer among 1024 others,
// the common lws pattern of a per-connection timeout pushed back on activity.
func BenchmarkTimerScheduleCancel(b *testing.B) {
	l := New()
	bg := make([]Timer, 1024)
	fn := func() {}
	for i := range bg {
		l.Schedule(&bg[i], time.Duration(i+1)*time.Millisecond+time.Hour, fn)
	}
	var t Timer
	b.ReportAllocs()
	for b.Loop() {
		l.Schedule(&t, 500*time.Millisecond+time.Hour, fn)
		l.Cancel(&t)
	}
}

// BenchmarkTimerFire measures arming a due timer and one RunOnce(0) round
// that fires it.
func BenchmarkTimerFire(b *testing.B) {
	l := New()
	var t Timer
	n := 0
	fn := func() { n++ }
	b.ReportAllocs()
	for b.Loop() {
		l.Schedule(&t, 0, fn)
		l.RunOnce(0)
	}
	if n == 0 {
		b.Fatal("timer never fired")
	}
}
