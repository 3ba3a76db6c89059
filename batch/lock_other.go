//go:build !unix

package batch

import "os"

// processAlive reports whether a process with this PID exists. Without
// signal 0, FindProcess is the best available check (on Windows it opens
// the process).
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
