// Package service is the engine that drives a golws context: a Loop that runs
// every callback on one goroutine, the "service goroutine".
//
// libwebsockets is single-threaded per service thread: protocol callbacks,
// timers (the "sul", sorted usec list) and lws_cancel_service wakeups are all
// dispatched from lws_service on that one thread, so user code never needs
// locks around connection state. golws keeps that contract. Whatever
// goroutine calls Run or RunOnce becomes the service goroutine, and the Loop
// funnels the three sources of work onto it:
//
//   - events: Post queues a func from any goroutine (network readers, user
//     code); it runs on the loop in FIFO order;
//   - timers: Schedule arms an embedded Timer, the analogue of an lws sul;
//   - wake: Wake runs the hook set with SetWakeHook once, however many times
//     it is called before the loop gets to it (lws_cancel_service delivering
//     LWS_CALLBACK_EVENT_WAIT_CANCELLED).
//
// The loop never polls: with nothing queued and no timer due it blocks on a
// channel, with a single runtime timer armed only for the earliest deadline.
//
// The package knows nothing about websockets.
package service
