package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
)

// clockTicks is USER_HZ, the unit of utime and stime in /proc/<pid>/stat.
// Linux fixes it at 100 for that interface whatever the kernel's HZ, and
// Go has no sysconf to ask.
const clockTicks = 100

// procRoot is where the process files are; tests point it at a fake tree.
var procRoot = "/proc"

// procSample is one reading of a process: CPU time so far and memory now.
type procSample struct {
	cpuTicks uint64 // utime + stime
	rssKB    int64  // VmRSS
	hwmKB    int64  // VmHWM, the peak RSS
}

func (s procSample) cpuSeconds() float64 { return float64(s.cpuTicks) / clockTicks }

// sampleProc reads /proc/<pid>/stat and /proc/<pid>/status.
func sampleProc(pid int) (procSample, error) {
	dir := filepath.Join(procRoot, strconv.Itoa(pid))
	stat, err := os.ReadFile(filepath.Join(dir, "stat"))
	if err != nil {
		return procSample{}, err
	}
	status, err := os.ReadFile(filepath.Join(dir, "status"))
	if err != nil {
		return procSample{}, err
	}
	var s procSample
	if s.cpuTicks, err = parseStat(stat); err != nil {
		return procSample{}, fmt.Errorf("%s/stat: %w", dir, err)
	}
	if s.rssKB, s.hwmKB, err = parseStatus(status); err != nil {
		return procSample{}, fmt.Errorf("%s/status: %w", dir, err)
	}
	return s, nil
}

// parseStat returns utime + stime (fields 14 and 15). The command name,
// field 2, is in parentheses and may itself hold spaces and ')', so the
// fields are counted from the last ')'.
func parseStat(b []byte) (uint64, error) {
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, errors.New("no command name")
	}
	f := bytes.Fields(b[i+1:]) // f[0] is field 3, the state
	if len(f) < 13 {
		return 0, errors.New("too few fields")
	}
	utime, err := strconv.ParseUint(string(f[11]), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("utime: %w", err)
	}
	stime, err := strconv.ParseUint(string(f[12]), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("stime: %w", err)
	}
	return utime + stime, nil
}

// parseStatus returns VmRSS and VmHWM in kB. A kernel thread or a zombie
// has neither; that is an error here, since the tool measures servers.
func parseStatus(b []byte) (rss, hwm int64, err error) {
	found := 0
	for line := range bytes.Lines(b) {
		key, val, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue
		}
		var dst *int64
		switch string(key) {
		case "VmRSS":
			dst = &rss
		case "VmHWM":
			dst = &hwm
		default:
			continue
		}
		f := bytes.Fields(val)
		if len(f) != 2 || string(f[1]) != "kB" {
			return 0, 0, fmt.Errorf("%s: unexpected %q", key, bytes.TrimSpace(val))
		}
		if *dst, err = strconv.ParseInt(string(f[0]), 10, 64); err != nil {
			return 0, 0, fmt.Errorf("%s: %w", key, err)
		}
		found++
	}
	if found != 2 {
		return 0, 0, errors.New("no VmRSS/VmHWM")
	}
	return rss, hwm, nil
}

// selfCPU is this process's own CPU time, so that a report can show how
// much of the machine the client took from the server.
func selfCPU() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
