//go:build !race

package service

// raceBuild is false: ownership tracking is opt-in (GOLWS_DEBUG=1) so normal
// builds pay no per-round stack walk.
const raceBuild = false
