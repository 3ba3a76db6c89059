package codebook_test

import (
	"bufio"
	"cmp"
	"context"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/internal/codebook"
	"github.com/yusuan/yusuan/internal/testcorpus"
)

var update = flag.Bool("update", false, "rebuild codebook.tsv from the corpus")

// maxSources is how many documents a row cites by path.
const maxSources = 3

// TestCodebookFromCorpus rebuilds the book from the corpus tables and
// compares it with codebook.tsv (-update writes it). A name is known for a
// code and a year where documents of two issuers of that year print it and
// no other name is printed as often; or where one document prints it and
// testdata/knowledge.tsv gives it as the year's 政府收支分类科目 name.
func TestCodebookFromCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test skipped in -short mode")
	}
	corpus := testcorpus.Shared(t, "corpus")
	var paths []string
	for _, m := range []string{"MANIFEST.tsv", "raw2/MANIFEST.tsv", "raw3/MANIFEST.tsv"} {
		paths = append(paths, testcorpus.ManifestPaths(t, filepath.Join(corpus, m))...)
	}
	obs := harvest(t, corpus, paths)
	book := build(obs, readKnowledge(t))
	var sb strings.Builder
	sb.WriteString("# Code book of 支出功能分类 (functional) and 支出经济分类 (economic) names by year, harvested from\n")
	sb.WriteString("# the tables of the corpus (../shared/corpus): see package doc. Rebuilt by\n")
	sb.WriteString("#   go test ./internal/codebook/ -run TestCodebookFromCorpus -update\n")
	sb.WriteString("# years: the fiscal years the name is known for; documents: how many printed it in those years;\n")
	sb.WriteString("# sources: some of them by corpus path (testdata/knowledge.tsv where a year rests on one document).\n")
	sb.WriteString(codebook.Header + "\n")
	for _, e := range book {
		years := make([]string, len(e.Years))
		for i, y := range e.Years {
			years[i] = strconv.Itoa(y)
		}
		fmt.Fprintf(&sb, "%s\t%s\t%s\t%d\t%d\t%s\t%d\t%s\n", e.Classification, e.Code, e.Name, e.Years[0], e.Years[len(e.Years)-1],
			strings.Join(years, ","), e.Documents, strings.Join(e.Sources, "; "))
	}
	if *update {
		testcorpus.Golden(t, "codebook.tsv", []byte(sb.String()), true)
		return
	}
	// The committed book must not contradict the corpus as read today.
	// Counts, sources and newly harvested entries move with every
	// improvement in table reading; they are refreshed with -update and do
	// not fail the test.
	committed, err := os.ReadFile("codebook.tsv")
	if err != nil {
		t.Fatal(err)
	}
	old, err := codebook.Parse(string(committed))
	if err != nil {
		t.Fatal(err)
	}
	rebuilt, err := codebook.Parse(sb.String())
	if err != nil {
		t.Fatal(err)
	}
	if msgs := contradictions(old, rebuilt); len(msgs) > 0 {
		t.Errorf("codebook.tsv contradicts the corpus (review and rerun with -update):\n%s", strings.Join(msgs, "\n"))
	}
}

// contradictions lists the committed entries whose name the rebuilt book
// gives differently for one of their years.
func contradictions(committed, rebuilt *codebook.Book) []string {
	var out []string
	for _, e := range committed.All() {
		for _, y := range e.Years {
			if r, ok := rebuilt.Name(e.Classification, e.Code, y); ok && codebook.Canon(r.Name) != codebook.Canon(e.Name) {
				out = append(out, fmt.Sprintf("%s %s %d: book %q, corpus %q", e.Classification, e.Code, y, e.Name, r.Name))
			}
		}
	}
	return out
}

// sighting is one document printing a name for a code.
type sighting struct {
	classification, code, name string
	year                       int
	path, issuer               string
}

func harvest(t *testing.T, corpus string, paths []string) []sighting {
	out := make([][]sighting, len(paths))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			d, err := yusuan.ConvertFile(context.Background(), filepath.Join(corpus, p), yusuan.Options{})
			if err != nil || d.Meta.FiscalYear == 0 {
				return
			}
			issuer := cmp.Or(d.Meta.Issuer.Name, p)
			for _, tb := range d.Tables {
				for _, li := range tb.LineItems {
					name := codebook.Display(li.Name)
					if codebook.ValidCode(li.Classification, li.Code) && plausibleName(name) {
						out[i] = append(out[i], sighting{li.Classification, li.Code, name, d.Meta.FiscalYear, p, issuer})
					}
				}
			}
		}()
	}
	wg.Wait()
	return slices.Concat(out...)
}

// plausibleName: at least two ideographs and no digits (a digit is a code
// or figure run into the name by a wrapped cell).
func plausibleName(name string) bool {
	han := 0
	for _, r := range name {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.Is(unicode.Han, r):
			han++
		}
	}
	return han >= 2
}

type yearKey struct {
	classification, code string
	year                 int
}

type knowledgeRow struct {
	classification, code, name string
	from, to                   int
}

func build(obs []sighting, kn []knowledgeRow) []codebook.Entry {
	type seen struct {
		names   map[string]int // display form → count
		paths   map[string]bool
		issuers map[string]bool
	}
	byYear := map[yearKey]map[string]*seen{} // canon → what was seen
	for _, s := range obs {
		k := yearKey{s.classification, s.code, s.year}
		if byYear[k] == nil {
			byYear[k] = map[string]*seen{}
		}
		c := codebook.Canon(s.name)
		v := byYear[k][c]
		if v == nil {
			v = &seen{names: map[string]int{}, paths: map[string]bool{}, issuers: map[string]bool{}}
			byYear[k][c] = v
		}
		v.names[s.name]++
		v.paths[s.path] = true
		v.issuers[s.issuer] = true
	}
	type entryKey struct{ classification, code, canon string }
	entries := map[entryKey]*codebook.Entry{}
	entryPaths := map[entryKey]map[string]bool{}
	entryKnowledge := map[entryKey]bool{}
	for _, k := range slices.SortedFunc(maps.Keys(byYear), func(a, b yearKey) int {
		return cmp.Or(cmp.Compare(a.classification, b.classification), cmp.Compare(a.code, b.code), cmp.Compare(a.year, b.year))
	}) {
		names := byYear[k]
		canon, ok := agreed(names, func(v *seen) int { return len(v.issuers) })
		viaKnowledge := false
		if !ok {
			canon, ok = confirmed(k, slices.Collect(maps.Keys(names)), kn)
			viaKnowledge = ok
		}
		if !ok {
			continue
		}
		v := names[canon]
		ek := entryKey{k.classification, k.code, canon}
		e := entries[ek]
		if e == nil {
			e = &codebook.Entry{Classification: k.classification, Code: k.code}
			entries[ek] = e
			entryPaths[ek] = map[string]bool{}
		}
		e.Years = append(e.Years, k.year)
		for n, c := range v.names { // the display form most printed
			if c > 0 && (e.Name == "" || n < e.Name && c >= v.names[e.Name] || c > v.names[e.Name]) {
				e.Name = n
			}
		}
		maps.Copy(entryPaths[ek], v.paths)
		entryKnowledge[ek] = entryKnowledge[ek] || viaKnowledge
	}
	var out []codebook.Entry
	for ek, e := range entries {
		ps := slices.Sorted(maps.Keys(entryPaths[ek]))
		e.Documents = len(ps)
		e.Sources = ps[:min(len(ps), maxSources)]
		if entryKnowledge[ek] {
			e.Sources = append(e.Sources, "internal/codebook/testdata/knowledge.tsv")
		}
		out = append(out, *e)
	}
	slices.SortFunc(out, func(a, b codebook.Entry) int {
		return cmp.Or(cmp.Compare(a.Classification, b.Classification), cmp.Compare(a.Code, b.Code), cmp.Compare(a.Years[0], b.Years[0]), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// agreed returns the name two or more issuers print where no other name
// is printed by as many.
func agreed[V any](names map[string]V, issuers func(V) int) (string, bool) {
	best, bestN, second := "", 0, 0
	for c, v := range names {
		switch n := issuers(v); {
		case n > bestN:
			best, bestN, second = c, n, bestN
		case n > second:
			second = n
		}
	}
	return best, bestN >= 2 && bestN > second
}

// confirmed returns the one printed name knowledge.tsv gives for the code
// in the year.
func confirmed(k yearKey, printed []string, kn []knowledgeRow) (string, bool) {
	for _, r := range kn {
		if r.classification == k.classification && r.code == k.code && r.from <= k.year && k.year <= r.to {
			c := codebook.Canon(r.name)
			return c, slices.Contains(printed, c)
		}
	}
	return "", false
}

// readKnowledge reads testdata/knowledge.tsv: classification, code, name,
// first and last year the annual 政府收支分类科目 gives that name, a note.
func readKnowledge(t *testing.T) []knowledgeRow {
	f, err := os.Open(filepath.Join("testdata", "knowledge.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []knowledgeRow
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		if len(fs) < 5 {
			t.Fatalf("knowledge.tsv:%d: %d fields, want 5 or more", n, len(fs))
		}
		from, err1 := strconv.Atoi(fs[3])
		to, err2 := strconv.Atoi(fs[4])
		if err1 != nil || err2 != nil || !codebook.ValidCode(fs[0], fs[1]) {
			t.Fatalf("knowledge.tsv:%d: bad row %q", n, line)
		}
		out = append(out, knowledgeRow{fs[0], fs[1], fs[2], from, to})
	}
	return out
}
