//go:build race

package service

// raceBuild turns ownership tracking on for every Loop: race builds are where
// misuse should be caught, and the per-round stack walk is affordable there.
const raceBuild = true
