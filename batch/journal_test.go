package batch

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestJournalTornTail(t *testing.T) {
	tests := []struct {
		name    string
		content string
		paths   []string // paths read back
		bad     int
	}{
		{"empty", "", nil, 0},
		{"clean", `{"yusuan_batch_journal":1,"format":"xlsx"}` + "\n" + `{"path":"a","status":"ok"}` + "\n", []string{"a"}, 0},
		{"torn last line", `{"yusuan_batch_journal":1,"format":"xlsx"}` + "\n" + `{"path":"a","status":"ok"}` + "\n" + `{"path":"b","sta`, []string{"a"}, 1},
		{"torn only line", `{"path":"b","sta`, nil, 1},
		{"garbage in the middle", `{"yusuan_batch_journal":1,"format":"xlsx"}` + "\n" + "\x00\x00\n" + `{"path":"c","status":"failed"}` + "\n", []string{"c"}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "j.jsonl")
			if err := os.WriteFile(p, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			entries, _, bad, err := readJournal(p)
			if err != nil {
				t.Fatal(err)
			}
			if bad != tc.bad || len(entries) != len(tc.paths) {
				t.Fatalf("read %d entries, %d bad; want %d, %d", len(entries), bad, len(tc.paths), tc.bad)
			}
			for _, path := range tc.paths {
				if _, ok := entries[path]; !ok {
					t.Errorf("entry %q missing", path)
				}
			}
			// Reopening cuts the torn tail, so the next entry is a line of its own.
			j, err := openJournal(p, "xlsx")
			if err != nil {
				t.Fatal(err)
			}
			if err := j.append(Entry{Path: "new", Status: StatusOK}); err != nil {
				t.Fatal(err)
			}
			j.close()
			entries, format, _, err := readJournal(p)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := entries["new"]; !ok || len(entries) != len(tc.paths)+1 {
				t.Errorf("after append: %d entries (want %d), new present %v", len(entries), len(tc.paths)+1, ok)
			}
			if strings.HasPrefix(tc.content, `{"yusuan`) || tc.content == "" {
				if format != "xlsx" {
					t.Errorf("format %q, want xlsx", format)
				}
			}
		})
	}
}

func TestJournalLastEntryWins(t *testing.T) {
	p := filepath.Join(t.TempDir(), "j.jsonl")
	j, err := openJournal(p, "json")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []Entry{
		{Path: "a", SHA256: "1", Status: StatusTimeout},
		{Path: "b", SHA256: "2", Status: StatusOK},
		{Path: "a", SHA256: "1", Status: StatusOK, Issuer: "某局"},
	} {
		if err := j.append(e); err != nil {
			t.Fatal(err)
		}
	}
	j.close()
	entries, format, bad, err := readJournal(p)
	if err != nil || bad != 0 || format != "json" {
		t.Fatalf("readJournal: %v, bad %d, format %q", err, bad, format)
	}
	if e := entries["a"]; e.Status != StatusOK || e.Issuer != "某局" {
		t.Errorf("a = %+v, want the later ok entry", e)
	}
}

func TestJournalVersionRefused(t *testing.T) {
	p := filepath.Join(t.TempDir(), "j.jsonl")
	os.WriteFile(p, []byte(`{"yusuan_batch_journal":99,"format":"xlsx"}`+"\n"), 0o644)
	if _, _, _, err := readJournal(p); err == nil || !strings.Contains(err.Error(), "--fresh") {
		t.Errorf("want a version error pointing at --fresh, got %v", err)
	}
}

// deadPID returns the PID of a process that has exited.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skipf("cannot run true: %v", err)
	}
	pid := cmd.Process.Pid
	if processAlive(pid) {
		t.Skipf("pid %d was reused", pid)
	}
	return pid
}

func TestLock(t *testing.T) {
	tests := []struct {
		name    string
		content func(t *testing.T) string // existing lock's content; nil: no lock
		refused bool
	}{
		{"no lock", nil, false},
		{"held by a live process", func(t *testing.T) string { return strconv.Itoa(os.Getppid()) }, true},
		{"stale: process gone", func(t *testing.T) string { return strconv.Itoa(deadPID(t)) }, false},
		{"garbage", func(t *testing.T) string { return "not a pid" }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "x.lock")
			if tc.content != nil {
				os.WriteFile(p, []byte(tc.content(t)+"\n"), 0o644)
			}
			l, err := acquireLock(p)
			if tc.refused {
				if !errors.Is(err, ErrLocked) {
					t.Fatalf("acquireLock = %v, want ErrLocked", err)
				}
				if !strings.Contains(err.Error(), strconv.Itoa(os.Getppid())) {
					t.Errorf("message should name the owner's pid: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("acquireLock: %v", err)
			}
			if pid, ok := readLockPID(p); !ok || pid != os.Getpid() {
				t.Errorf("lock holds %d, want our pid %d", pid, os.Getpid())
			}
			if err := l.release(); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(p); !os.IsNotExist(err) {
				t.Errorf("lock not removed on release")
			}
		})
	}
}

func TestLockReleaseKeepsOthers(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.lock")
	l, err := acquireLock(p)
	if err != nil {
		t.Fatal(err)
	}
	// Someone took the lock over (we were thought dead): leave theirs alone.
	os.WriteFile(p, []byte(strconv.Itoa(os.Getppid())), 0o644)
	l.release()
	if _, err := os.Stat(p); err != nil {
		t.Errorf("release removed another process's lock")
	}
}
