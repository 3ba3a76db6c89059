package schema_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/internal/testcorpus"
	"github.com/yusuan/yusuan/schema"
)

// TestCorpusFindings converts every document of the shared corpus and
// asserts that no rule reports an error on it (an error is an identity
// broken far beyond rounding: on real documents it has always been a
// misread). The warnings are listed per document against
// testdata/corpus_findings.golden, so that a change in them is reviewed;
// rewrite it with go test ./schema -run TestCorpusFindings -update.
func TestCorpusFindings(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus tests skipped in -short mode")
	}
	root := testcorpus.Shared(t, "corpus", "raw")
	var files []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	if len(files) == 0 {
		t.Skipf("no documents under %s", root)
	}
	rules := map[string]bool{}
	for _, name := range schema.RuleNames() {
		rules[name] = true
	}
	lines := make([][]string, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			rel, _ := filepath.Rel(root, f)
			d, err := yusuan.ConvertFile(context.Background(), f, yusuan.Options{})
			if err != nil {
				lines[i] = []string{rel, "  not converted: " + err.Error()}
				return
			}
			out := []string{filepath.ToSlash(rel)}
			for _, fd := range d.Findings {
				if !rules[fd.Rule] {
					continue // extraction notes are the extractors' business
				}
				if fd.Severity == schema.SevError {
					t.Errorf("%s: error finding: %s: %s", rel, fd.Rule, fd.Message)
				}
				if fd.Severity != schema.SevInfo {
					out = append(out, fmt.Sprintf("  %s %s: %s", fd.Severity, fd.Rule, fd.Message))
				}
			}
			lines[i] = out
		}()
	}
	wg.Wait()
	var b strings.Builder
	for _, l := range lines {
		for _, s := range l {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
	update := false
	if u := flag.Lookup("update"); u != nil {
		update = u.Value.String() == "true"
	}
	testcorpus.Golden(t, filepath.Join("testdata", "corpus_findings.golden"), []byte(b.String()), update)
}
