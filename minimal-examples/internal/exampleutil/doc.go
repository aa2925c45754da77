// Package exampleutil is the part of every example's main that is the same
// in all of them, so that each example's main.go is left with what makes
// it that example: its creation info, its protocols and its C-like
// sequence of calls.
//
// lws's minimal examples repeat the same scaffolding in every main.c:
// lws_cmdline_option for -d and friends, a SIGINT handler setting
// "interrupted", and the loop
//
//	while (n >= 0 && !interrupted)
//		n = lws_service(context, 0);
//
// In C that is a few lines each; in Go the handler is a goroutine that has
// to be started, woken and joined, and the command line a flag.FlagSet
// with usage and error handling. Written out in every port it is dozens of
// lines of copies that can drift apart. Here it is once:
//
//   - [Main] is func main: SIGINT to the example's run function, its exit
//     code to the process.
//   - [NewFlags] and [Flags.Parse] read -d, --port and --iface (and the
//     example's own switches), print the usage for --help and refuse stray
//     arguments and bad ports; [ParseCommon] does it for an example with
//     no switches of its own, and [UsageExit] turns a refusal into run's
//     exit code.
//   - [SetLogging] sends lws's log to run's stderr, which is how the tests
//     read it.
//   - [ServiceLoop] and [ServiceLoopUntil] are the C service loop with its
//     SIGINT handler; [OnInterrupt] is the handler alone, for a loop of the
//     example's own. [Ready] tells a test the port the example listens on.
//
// A run function has the shape of [Run]: the command line, where to write,
// a channel standing for SIGINT, and a channel that hears the listening
// port once the context exists; tests call it in-process through
// ../exampletest.
package exampleutil
