package batch

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestResumable is the rule for taking a journal entry instead of
// converting again.
func TestResumable(t *testing.T) {
	dir := t.TempDir()
	tg, err := resolveTarget(filepath.Join(dir, "out"), "")
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(tg.path, 0o755)
	os.WriteFile(filepath.Join(tg.path, "a.json"), []byte("{}"), 0o644)
	p := probe{Path: "a.txt", SHA256: "h1"}
	tests := []struct {
		name  string
		old   Entry
		retry bool
		want  bool
	}{
		{"converted", Entry{SHA256: "h1", Status: StatusOK, Output: "a.json"}, false, true},
		{"converted, retry asked", Entry{SHA256: "h1", Status: StatusOK, Output: "a.json"}, true, true},
		{"content changed", Entry{SHA256: "h0", Status: StatusOK, Output: "a.json"}, false, false},
		{"output deleted", Entry{SHA256: "h1", Status: StatusOK, Output: "gone.json"}, false, false},
		{"failed", Entry{SHA256: "h1", Status: StatusFailed}, false, true},
		{"failed, retry asked", Entry{SHA256: "h1", Status: StatusFailed}, true, false},
		{"timed out, retry asked", Entry{SHA256: "h1", Status: StatusTimeout}, true, false},
		{"disk was full", Entry{SHA256: "h1", Status: StatusFailed, Environmental: true}, false, false},
	}
	for _, tc := range tests {
		if got := resumable(tc.old, p, tg, tc.retry); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestPlan sorts probed inputs into duplicates, resumed, failed at probing
// (journaled at once) and to convert, naming JSON outputs stably.
func TestPlan(t *testing.T) {
	dir := t.TempDir()
	tg, err := resolveTarget(filepath.Join(dir, "out"), "")
	if err != nil {
		t.Fatal(err)
	}
	if err := tg.prepare(); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(tg.path, "b.json"), []byte("{}"), 0o644)
	j, err := openJournal(tg.journal, tg.format)
	if err != nil {
		t.Fatal(err)
	}
	defer j.close()
	probes := []probe{
		{Path: "in/a.txt", SHA256: "ha"},
		{Path: "in/b.txt", SHA256: "hb"},
		{Path: "in/c.txt", SHA256: "ha"}, // same bytes as a
		{Path: "in/d.txt", Err: errors.New("empty file")},
	}
	done := map[string]Entry{resumeKey("in/b.txt"): {Path: "/elsewhere/in/b.txt", SHA256: "hb", Status: StatusOK, Output: "b.json"}}
	rep := &Report{}
	entries, todo, err := plan(probes, done, tg, false, j, rep)
	if err != nil {
		t.Fatal(err)
	}
	if len(todo) != 1 || todo[0] != 0 || entries[0].Output != "a.json" {
		t.Errorf("todo %v, a's output %q; want a only, as a.json", todo, entries[0].Output)
	}
	if entries[1].Path != "in/b.txt" || rep.Resumed != 1 {
		t.Errorf("b: %+v, resumed %d; want resumed under the path typed now", entries[1], rep.Resumed)
	}
	if entries[2].Status != StatusDuplicate || entries[2].DuplicateOf != "in/a.txt" {
		t.Errorf("c: %+v, want a duplicate of a", entries[2])
	}
	if entries[3].Status != StatusFailed || rep.Converted != 1 {
		t.Errorf("d: %+v, converted %d; want failed and counted", entries[3], rep.Converted)
	}
	if got, _, _, _ := readJournal(tg.journal); got["in/d.txt"].Status != StatusFailed {
		t.Errorf("d's failure should be journaled at once")
	}
}

// TestPartsToKeep keeps the part of each input's latest entry.
func TestPartsToKeep(t *testing.T) {
	done := map[string]Entry{
		resumeKey("a"): {Path: "a", Part: "parts/old-a.json"},
		resumeKey("b"): {Path: "b", Part: "parts/b.json"},
	}
	keep := partsToKeep(done, []Entry{{Path: "a", Part: "parts/new-a.json"}})
	if !keep["new-a.json"] || keep["old-a.json"] || !keep["b.json"] {
		t.Errorf("keep = %v, want new-a.json and b.json", keep)
	}
}
