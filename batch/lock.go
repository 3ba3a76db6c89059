package batch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// ErrLocked is returned by Run when another live process is writing the
// same output.
var ErrLocked = errors.New("output is being written by another yusuan batch")

// lockFile is an O_EXCL lock file holding the owner's PID.
type lockFile struct {
	path string
	pid  int
}

// acquireLock creates the lock at path. If it exists and its process is
// alive it returns ErrLocked; a lock whose process is gone (or that holds no
// PID) is taken over.
func acquireLock(path string) (*lockFile, error) {
	pid := os.Getpid()
	for attempt := 0; ; attempt++ {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, werr := fmt.Fprintf(f, "%d\n", pid)
			cerr := f.Close()
			if werr != nil || cerr != nil {
				os.Remove(path)
				return nil, fmt.Errorf("lock %s: %w", path, errors.Join(werr, cerr))
			}
			return &lockFile{path: path, pid: pid}, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("lock: %w", err)
		}
		owner, ok := readLockPID(path)
		if ok && owner != pid && processAlive(owner) {
			return nil, fmt.Errorf("%w (pid %d holds %s); wait for it to finish, or remove the lock file if that process is not yusuan", ErrLocked, owner, path)
		}
		if attempt > 0 {
			// Someone else took the stale lock between our remove and create.
			return nil, fmt.Errorf("%w: %s was taken over by another run", ErrLocked, path)
		}
		// Stale: its process is gone. Take it over.
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("lock: removing stale %s: %w", path, err)
		}
	}
}

// readLockPID reads the PID in a lock file. A lock that is empty or being
// written reads as not ok.
func readLockPID(path string) (int, bool) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, false
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 {
		return 0, false
	}
	return pid, true
}

// release removes the lock if it is still ours.
func (l *lockFile) release() error {
	if l == nil {
		return nil
	}
	if pid, ok := readLockPID(l.path); ok && pid != l.pid {
		return nil
	}
	if err := os.Remove(l.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("lock: %w", err)
	}
	return nil
}
