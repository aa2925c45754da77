package threadpool

import "strconv"

// TaskStatus is where a task is in its life (enum lws_threadpool_task_status).
// The values are C's.
type TaskStatus int

// Task states with their C values.
const (
	// StatusQueued: waiting for a worker (LWS_TP_STATUS_QUEUED).
	StatusQueued TaskStatus = 0
	// StatusRunning: on a worker (LWS_TP_STATUS_RUNNING).
	StatusRunning TaskStatus = 1
	// StatusSyncing: the task returned ReturnSync and its worker waits for
	// the service goroutine to call TaskSync (LWS_TP_STATUS_SYNCING).
	StatusSyncing TaskStatus = 2
	// StatusStopping: the task has been asked to stop (LWS_TP_STATUS_STOPPING).
	StatusStopping TaskStatus = 3
	// StatusFinished: the task returned ReturnFinished; Task.Status reaps
	// it (LWS_TP_STATUS_FINISHED).
	StatusFinished TaskStatus = 4
	// StatusStopped: the task ended early; Task.Status reaps it
	// (LWS_TP_STATUS_STOPPED).
	StatusStopped TaskStatus = 5
)

var statusNames = [...]string{
	StatusQueued:   "QUEUED",
	StatusRunning:  "RUNNING",
	StatusSyncing:  "SYNCING",
	StatusStopping: "STOPPING",
	StatusFinished: "FINISHED",
	StatusStopped:  "STOPPED",
}

// String returns the state's name without the LWS_TP_STATUS_ prefix.
func (s TaskStatus) String() string {
	if s >= 0 && int(s) < len(statusNames) {
		return statusNames[s]
	}
	return "TaskStatus(" + strconv.Itoa(int(s)) + ")"
}

// ended reports whether the task has nothing more to do: only reaping is
// left.
func (s TaskStatus) ended() bool { return s == StatusFinished || s == StatusStopped }

// TaskReturn is what a task function tells its worker
// (enum lws_threadpool_task_return). The kind is ret & 7 (see Kind);
// ReturnFlagOutlive may be OR-ed on.
type TaskReturn int

// Task returns with their C values.
const (
	// ReturnCheckingIn: more to do; call me again unless I must stop
	// (LWS_TP_RETURN_CHECKING_IN).
	ReturnCheckingIn TaskReturn = 0
	// ReturnSync: my output is ready; wait until the service goroutine
	// has consumed it and called TaskSync (LWS_TP_RETURN_SYNC).
	ReturnSync TaskReturn = 1
	// ReturnFinished: done (LWS_TP_RETURN_FINISHED).
	ReturnFinished TaskReturn = 2
	// ReturnStopped: I stopped before the end (LWS_TP_RETURN_STOPPED).
	ReturnStopped TaskReturn = 3
	// ReturnFlagOutlive, OR-ed on any return, marks the task as one that
	// may outlive its wsi (LWS_TP_RETURN_FLAG_OUTLIVE).
	ReturnFlagOutlive TaskReturn = 64
)

// kindMask selects the kind of a TaskReturn, as C's `ret & 7`.
const kindMask TaskReturn = 7

// Kind returns r without its flags.
func (r TaskReturn) Kind() TaskReturn { return r & kindMask }

var returnNames = [...]string{
	ReturnCheckingIn: "CHECKING_IN",
	ReturnSync:       "SYNC",
	ReturnFinished:   "FINISHED",
	ReturnStopped:    "STOPPED",
}

// String names the kind and adds "|OUTLIVE" when the flag is set.
func (r TaskReturn) String() string {
	k := r.Kind()
	var s string
	if int(k) < len(returnNames) {
		s = returnNames[k]
	} else {
		s = "TaskReturn(" + strconv.Itoa(int(k)) + ")"
	}
	if r&ReturnFlagOutlive != 0 {
		s += "|OUTLIVE"
	}
	if rest := r &^ (kindMask | ReturnFlagOutlive); rest != 0 {
		s += "|" + strconv.Itoa(int(rest))
	}
	return s
}
