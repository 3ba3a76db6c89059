package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInspectHTML(t *testing.T) {
	out := filepath.Join(t.TempDir(), "page.html")
	code, _, stderr := runCLI(t, "inspect", "--format", "html", "-o", out, sample("qinghe-agriculture-2023-budget.txt"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<!DOCTYPE html>", `data-field="summary.revenue.total"`, `data-show-finding=`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("page lacks %s", want)
		}
	}
	code, stdout, _ := runCLI(t, "inspect", "--format", "html", sample("qinghe-agriculture-2023-budget.txt"))
	if code != exitOK || !strings.HasPrefix(stdout, "<!DOCTYPE html>") {
		t.Errorf("to stdout: exit %d, %.40q", code, stdout)
	}
	if code, _, _ := runCLI(t, "inspect", "--format", "html", sample("qinghe-agriculture-2023-budget.txt"), sample("shili-culture-2024-final.txt")); code != exitUsage {
		t.Errorf("two files: exit %d, want usage error", code)
	}
}

func TestReportUsage(t *testing.T) {
	if code, _, stderr := runCLI(t, "report", t.TempDir()); code != exitUsage {
		t.Errorf("report without -o: exit %d (%s)", code, stderr)
	}
	if code, _, stderr := runCLI(t, "report", "-o", t.TempDir(), t.TempDir()); code != exitFail || !strings.Contains(stderr, "index.jsonl") {
		t.Errorf("report of a folder without index.jsonl: exit %d, %s", code, stderr)
	}
}
