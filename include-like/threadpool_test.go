package lwsc

import (
	"testing"
	"time"
)

// The LWS_TP_* constants keep lws-threadpool.h's values.
func TestThreadpoolConstants(t *testing.T) {
	pins := []struct {
		name      string
		got, want int
	}{
		{"LWS_TP_STATUS_QUEUED", int(LWS_TP_STATUS_QUEUED), 0},
		{"LWS_TP_STATUS_RUNNING", int(LWS_TP_STATUS_RUNNING), 1},
		{"LWS_TP_STATUS_SYNCING", int(LWS_TP_STATUS_SYNCING), 2},
		{"LWS_TP_STATUS_STOPPING", int(LWS_TP_STATUS_STOPPING), 3},
		{"LWS_TP_STATUS_FINISHED", int(LWS_TP_STATUS_FINISHED), 4},
		{"LWS_TP_STATUS_STOPPED", int(LWS_TP_STATUS_STOPPED), 5},
		{"LWS_TP_RETURN_CHECKING_IN", int(LWS_TP_RETURN_CHECKING_IN), 0},
		{"LWS_TP_RETURN_SYNC", int(LWS_TP_RETURN_SYNC), 1},
		{"LWS_TP_RETURN_FINISHED", int(LWS_TP_RETURN_FINISHED), 2},
		{"LWS_TP_RETURN_STOPPED", int(LWS_TP_RETURN_STOPPED), 3},
		{"LWS_TP_RETURN_FLAG_OUTLIVE", int(LWS_TP_RETURN_FLAG_OUTLIVE), 64},
	}
	for _, p := range pins {
		if p.got != p.want {
			t.Errorf("%s = %d, want %d", p.name, p.got, p.want)
		}
	}
}

// The wrappers reach the pool with C's argument order and out-parameters.
func TestThreadpoolWrappers(t *testing.T) {
	ctx := Lws_create_context(&Lws_context_creation_info{
		Port:      -1,
		Protocols: []Lws_protocols{{Name: "x", Callback: func(*Lws, Lws_callback_reasons, any, any, int) int { return 0 }}},
	})
	if ctx == nil {
		t.Fatal("no context")
	}
	defer Lws_context_destroy(ctx)
	tp := Lws_threadpool_create(ctx, &Lws_threadpool_create_args{Threads: 1, MaxQueueDepth: 2}, "%s-%lu", "pool", uint64(7))
	if tp == nil || tp.Name() != "pool-7" {
		t.Fatalf("pool %v", tp)
	}
	var ongoing, possible, depth int
	Lws_threadpool_diagnose(tp, &ongoing, &possible, &depth)
	if ongoing != 0 || possible != 1 || depth != 0 {
		t.Errorf("diagnose %d %d %d", ongoing, possible, depth)
	}
	Lws_threadpool_diagnose(tp, nil, nil, nil)

	cleaned := make(chan any, 1)
	task := Lws_threadpool_enqueue(tp, &Lws_threadpool_task_args{
		User: "priv",
		Task: func(user any, s Enum_lws_threadpool_task_status) Lws_threadpool_task_return {
			return LWS_TP_RETURN_FINISHED
		},
		Cleanup: func(wsi *Lws, user any) { cleaned <- user },
	}, "task %d", 1)
	if task == nil {
		t.Fatal("enqueue refused")
	}
	select {
	case u := <-cleaned:
		if u != "priv" {
			t.Errorf("cleanup user %v", u)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("task never reaped")
	}
	var user any
	if st := Lws_threadpool_task_status(task, &user); st != LWS_TP_STATUS_FINISHED || user != "priv" {
		t.Errorf("task_status %d %v", st, user)
	}
	if st := Lws_threadpool_task_status_noreap(task); st != LWS_TP_STATUS_FINISHED {
		t.Errorf("noreap %d", st)
	}
	Lws_threadpool_task_sync(task, 0)
	if r := Lws_threadpool_dequeue_task(task); r != 0 {
		t.Errorf("dequeue_task %d", r)
	}
	if Lws_threadpool_get_task_wsi(nil) != nil {
		t.Error("task for a nil wsi")
	}
	if r := Lws_threadpool_foreach_task_wsi(nil, nil, func(*Lws_threadpool_task, any) int { return 1 }); r != 0 {
		t.Errorf("foreach %d", r)
	}
	var tk *Lws_threadpool_task
	if st := Lws_threadpool_task_status_wsi(nil, &tk, &user); st != LWS_TP_STATUS_FINISHED || tk != nil {
		t.Errorf("task_status_wsi without a task: %d %v", st, tk)
	}
	if r := Lws_threadpool_dequeue(nil); r != 0 {
		t.Errorf("dequeue %d", r)
	}
	Lws_threadpool_dump(tp)
	Lws_threadpool_finish(tp)
	Lws_threadpool_destroy(tp)
}
