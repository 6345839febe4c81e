//go:build linux

package main

import (
	"os"
	"syscall"
)

// peakRSS is a finished process's peak resident set in bytes, counting the
// children it waited for; Linux reports it in kilobytes.
func peakRSS(ps *os.ProcessState) (int64, bool) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, false
	}
	return int64(ru.Maxrss) * 1024, true
}
