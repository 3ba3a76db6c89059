package pdf

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/yusuan/yusuan/extract"
)

// corpusDir finds shared/corpus next to the repository root by walking up
// from the package directory.
func corpusDir(t testing.TB) string {
	t.Helper()
	dir, _ := filepath.Abs(".")
	for d := dir; ; d = filepath.Dir(d) {
		c := filepath.Join(d, "shared", "corpus")
		if st, err := os.Stat(c); err == nil && st.IsDir() {
			return c
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	t.Skipf("corpus not found: no shared/corpus in any parent of %s (expected e.g. ../../../shared/corpus)", dir)
	return ""
}

func corpusPDFs(t testing.TB) []string {
	if testing.Short() {
		t.Skip("corpus tests skipped in -short mode")
	}
	dir := corpusDir(t)
	var out []string
	filepath.WalkDir(filepath.Join(dir, "raw"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".pdf") {
			out = append(out, p)
		}
		return nil
	})
	if len(out) == 0 {
		t.Skipf("no PDFs under %s/raw", dir)
	}
	sort.Strings(out)
	return out
}

func TestCorpusExtract(t *testing.T) {
	for _, path := range corpusPDFs(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Extract(context.Background(), data, extract.Options{})
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			for _, p := range doc.Problems {
				if p.Code == "extract.page_failed" {
					t.Errorf("%s: %s", path, p.Message)
				}
			}
			if len(doc.Blocks) == 0 {
				t.Errorf("%s: no blocks", path)
			}
		})
	}
}

func isCJK(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

func cjkCount(s string, m map[rune]int) {
	for _, r := range s {
		if isCJK(r) {
			m[r]++
		}
	}
}

// cjkScore is Σ min(ours, theirs) / Σ theirs over CJK characters.
func cjkScore(ours, theirs map[rune]int) (float64, int) {
	total, hit := 0, 0
	for r, n := range theirs {
		total += n
		hit += min(n, ours[r])
	}
	if total == 0 {
		return 1, 0
	}
	return float64(hit) / float64(total), total
}

type pageScore struct {
	path  string
	page  int
	score float64
	total int
	diff  string
}

func diffSample(ours, theirs map[rune]int) string {
	var miss, extra []string
	for r, n := range theirs {
		if ours[r] < n {
			miss = append(miss, fmt.Sprintf("%c×%d", r, n-ours[r]))
		}
	}
	for r, n := range ours {
		if theirs[r] < n {
			extra = append(extra, fmt.Sprintf("%c×%d", r, n-theirs[r]))
		}
	}
	sort.Strings(miss)
	sort.Strings(extra)
	return fmt.Sprintf("missing %v extra %v", miss[:min(12, len(miss))], extra[:min(12, len(extra))])
}

// TestCorpusCJK compares, page by page, the CJK characters of our glyph
// layer and of the final blocks with pdftotext's output.
func TestCorpusCJK(t *testing.T) {
	paths := corpusPDFs(t)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not on PATH (apt-get install poppler-utils)")
	}
	var worst []pageScore
	var sumHit, sumTotal float64
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", path, err)
		}
		theirPages := bytes.Split(out, []byte("\f"))
		f, err := Read(context.Background(), data, extract.Options{})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for i, p := range f.Pages {
			if i >= len(theirPages) {
				break
			}
			ours, theirs := map[rune]int{}, map[rune]int{}
			for _, g := range p.Glyphs {
				cjkCount(g.Text, ours)
			}
			cjkCount(string(theirPages[i]), theirs)
			s, total := cjkScore(ours, theirs)
			sumHit += s * float64(total)
			sumTotal += float64(total)
			worst = append(worst, pageScore{path, p.Number, s, total, diffSample(ours, theirs)})
		}
	}
	sort.Slice(worst, func(i, j int) bool { return worst[i].score < worst[j].score })
	t.Logf("overall CJK match %.4f over %.0f characters", sumHit/sumTotal, sumTotal)
	failed := false
	for _, w := range worst {
		if w.score < 0.995 {
			failed = true
		}
	}
	if failed {
		for _, w := range worst[:min(10, len(worst))] {
			t.Errorf("%s page %d: %.4f of %d: %s", filepath.Base(w.path), w.page, w.score, w.total, w.diff)
		}
	}
}
