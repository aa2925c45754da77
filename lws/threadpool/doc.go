// Package threadpool is libwebsockets' lws_threadpool_* in Go: a fixed
// set of worker goroutines that run long tasks for the connections (wsis)
// of one lws context, and hand their output back to the service goroutine
// one piece at a time.
//
// # Why
//
// Protocol callbacks run on the context's single service goroutine and
// must not block. Work that takes long (a computation, a slow library
// call) goes to a pool instead. The task works in slices, returning after
// each one, so that it can be told to stop; when it has output for its
// connection it returns ReturnSync and waits until the connection's
// WRITEABLE handler has sent that output and called TaskSync. The task's
// private data belongs to the task, not to the wsi, because the
// connection may close at any moment while the task still runs: Cleanup
// frees it exactly once, whenever the task finally goes.
//
// # Names
//
// One Go function per C function:
//
//	lws_threadpool_create            Create
//	lws_threadpool_finish            (*Threadpool).Finish
//	lws_threadpool_destroy           (*Threadpool).Destroy
//	lws_threadpool_enqueue           (*Threadpool).Enqueue
//	lws_threadpool_dequeue_task      DequeueTask
//	lws_threadpool_dequeue           Dequeue (deprecated, as in C)
//	lws_threadpool_task_status       (*Task).Status
//	lws_threadpool_task_status_noreap (*Task).StatusNoreap
//	lws_threadpool_task_status_wsi   TaskStatusWsi (deprecated, as in C)
//	lws_threadpool_task_sync         TaskSync
//	lws_threadpool_dump              (*Threadpool).Dump
//	lws_threadpool_diagnose          (*Threadpool).Diagnose
//	lws_threadpool_get_task_wsi      GetTaskWsi
//	lws_threadpool_foreach_task_wsi  ForeachTaskWsi
//
// The task-status functions are methods because Go cannot have a function
// and a type both called TaskStatus. The C spellings (Lws_threadpool_*,
// LWS_TP_*) are in package lwsc (include-like/). The enums keep C's
// values: StatusQueued 0 ... StatusStopped 5; ReturnCheckingIn 0,
// ReturnSync 1, ReturnFinished 2, ReturnStopped 3, ReturnFlagOutlive 64
// (OR-ed on; the kind is ret & 7, TaskReturn.Kind).
//
// # Life of a task
//
//  1. Enqueue: QUEUED, bound to its wsi, oldest first; refused (nil) when
//     MaxQueueDepth tasks already wait or the pool is finishing.
//  2. A worker takes the oldest task: RUNNING. It calls Task(user, status)
//     again and again; before each call the status becomes STOPPING if the
//     pool is finishing or the task lost its wsi (not for Async tasks), so
//     the task only ever sees RUNNING or STOPPING. A STOPPING call is the
//     last one. Returns: CHECKING_IN, call again; SYNC, see 3; FINISHED
//     and STOPPED end the task; OUTLIVE, on any return, lets the task
//     outlive its wsi.
//  3. SYNC with a wsi: SYNCING; CancelService makes the service goroutine
//     ask for WRITEABLE on the wsi; the handler sees SYNCING, consumes the
//     output and calls TaskSync(task, 0) to go on or (task, 1) to stop.
//     Without a wsi the SYNC is skipped. A wait that is not answered
//     within SyncTimeout is re-asked, SyncRetries times in all, then the
//     task is detached and stopped. If the wsi closes meanwhile, an
//     outliving task gets its STOPPING call (an Async one just goes on);
//     any other ends without one.
//  4. The task ends FINISHED or STOPPED (STOPPING becomes STOPPED). With a
//     wsi it joins the done list and the pool asks for WRITEABLE, where
//     the handler's Task.Status reaps it like waitpid: Cleanup(wsi, user).
//     Without one its worker reaps it: Cleanup(nil, user).
//  5. DequeueTask, wsi close, Finish and Destroy cut this short; every
//     path ends in exactly one Cleanup call.
//
// # Which goroutine runs what
//
//   - Task: always on a worker goroutine of the pool.
//   - The hooks (wsi close, CancelService wake, context destroy) run on the
//     service goroutine; so does the WRITEABLE handler, which calls
//     Task.Status and TaskSync.
//   - Cleanup runs where the task is reaped:
//     on the goroutine calling Task.Status (the service goroutine in the
//     WRITEABLE handler) for an ended task with a wsi;
//     on its worker for a task that ends without a wsi (never had one,
//     was detached by DequeueTask or wsi close, or timed out in SYNC);
//     on the goroutine calling DequeueTask for a queued or done task;
//     on the service goroutine, during the wsi's close, for a done task
//     whose wsi closes before it was reaped (Cleanup(nil, user));
//     on the goroutine calling Finish or TaskSync(task, 1) for a queued
//     task without a wsi;
//     on the goroutine calling Destroy for tasks still on the done list
//     (the service goroutine when the context's Destroy does it).
//     Cleanup is never called with the pool lock held.
//   - Create must run on the service goroutine or before the context is
//     serviced (its first call for a context adds hooks to it). Every
//     other function is goroutine-safe; Destroy must not be called from a
//     task or a Cleanup of its own pool.
//
// Workers are started by Create and have all returned when Destroy
// returns; the context's Destroy destroys any pool still alive, so no
// goroutine of a pool outlives its context.
//
// # Locking
//
// One mutex per pool guards the pool's lists and every mutable field of
// its tasks, so a state change and the list move that goes with it are
// seen together. A worker waits for work on a sync.Cond and in SYNC on
// the task's one-slot channel with a timer. The package's list of pools
// per context has its own mutex, never held together with a pool's.
//
// # DEVIATIONS
//
// Where golws differs from the C threadpool, and why:
//
//   - No duplicate delivery. C changes state in task_sync without the pool
//     lock and leaves the task SYNCING until the worker wakes, so a second
//     WRITEABLE can see SYNCING again and send the same output twice (the
//     C example then writes the same buffer twice: duplicate, skipped and
//     torn frames with 8 or more connections). TaskSync here moves the
//     task out of SYNCING under the pool lock before it returns.
//   - Finish stops every queued task. C's finish walks into the done list
//     after moving the first queued task, so it can leave tasks queued or
//     loop.
//   - DequeueTask returns 1 when the task was asked to stop asynchronously
//     (it is still on a worker), as the C header promises; C always
//     returns 0. It also destroys a done task that outlives its wsi, which
//     C would leave on the done list until destroy.
//   - A task bound to an HTTP wsi is detached when its transaction ends
//     (lws_http_transaction_completed), as if the wsi had closed: it is
//     told to stop and can never write into the next request on a
//     kept-alive connection. C detaches tasks only when the wsi closes,
//     so a task of the last transaction could write into the next.
//   - Dump works (at THREAD level); C compiles it out.
//   - Async (C's async_task) is implemented as the C header describes it;
//     C never reads the flag.
//   - A task may be enqueued without a wsi (C requires one): it runs like
//     a task that never lost a wsi, its SYNCs are skipped, and its worker
//     reaps it.
//   - Finish, Destroy, DequeueTask and wsi close end a SYNC wait at once.
//     C lets the worker sleep until its 3 s wait times out, and Destroy
//     with a task in SYNC could wait the whole 100 x 3 s.
//   - A SYNC that times out for good detaches and stops every task; C
//     leaves an outliving one on the done list in state SYNCING, where
//     nothing ever reaps it.
//   - Destroy without Finish cleans up queued tasks too; C leaves them
//     without calling their cleanup.
//   - A done task whose wsi closes before it was reaped is reaped at once
//     (Cleanup with a nil wsi); C keeps it until destroy.
//   - TaskSync(task, 1) on a queued task stops it (StatusStopped on the
//     done list); C sets STOPPING and the worker then overwrites it with
//     RUNNING. On a done task it does nothing; C would make it STOPPING
//     and never reap it.
//   - ForeachTaskWsi calls cb without the pool lock (and across every pool
//     of the context), so cb may call DequeueTask or Task.Status; in C
//     that deadlocks. GetTaskWsi likewise looks in every pool.
//   - Task.Status on a reaped task, DequeueTask on a reaped task and nil
//     tasks are safe and do nothing (C: use after free, NULL deref).
//   - Create returns nil for fewer than one thread (C builds a pool that
//     never runs anything). Enqueue refuses a nil Task function and a wsi
//     of another context.
//   - Names are cut to 31 bytes on a rune boundary; C's buffer keeps 30.
//     C format verbs (%lu, %u ...) are accepted.
//   - A panic in a task function or a cleanup does not crash the process
//     (unless the context has NoPanicRecovery): it is logged at ERR with
//     its stack, the task ends as STOPPED, and its connection is closed
//     with 1011 from the service goroutine. In C a fault on a worker
//     thread takes every connection down.
//   - Log lines other than the NOTICE "lws_threadpool_enqueue: queue
//     reached limit N" are golws's own, mostly at THREAD level; workers
//     leaving are not NOTICEs.
package threadpool
