// Package codebook owns the book of classification codes and their names —
// 支出功能分类 (functional: 201 一般公共服务支出, 20101 人大事务, 2010101 行政运行)
// and 支出经济分类 (economic: 301 工资福利支出, 30101 基本工资; 政府经济分类 501,
// 50101 …) — by year, so that a check can tell a code printed with another
// code's name.
//
// The book is data, not code: codebook.tsv, embedded in the binary because
// yusuan runs without a network and the book must travel with it. Its names
// were harvested from the department tables of the project's corpus (a name
// is known for a year where two documents of that year print it for that
// code, or where one does and it is the name the year's 政府收支分类科目 gives,
// as listed in testdata/knowledge.tsv); every row cites the documents it was
// seen in. TestCodebookFromCorpus -update rebuilds it from the corpus.
package codebook

import (
	_ "embed"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/yusuan/yusuan/internal/radicals"
)

// Classifications of a code (as schema.LineItem.Classification).
const (
	Functional = "functional"
	Economic   = "economic"
)

// Entry is one name of one code, with the years it is known for.
type Entry struct {
	Classification string
	Code           string
	Name           string
	Years          []int    // ascending
	Documents      int      // how many documents printed it
	Sources        []string // some of them, by corpus path
}

// Book is the code book: entries by classification and code.
type Book struct {
	entries map[string][]Entry // key: classification + "/" + code
}

//go:embed codebook.tsv
var data string

// Default returns the embedded book (parsed once).
var Default = sync.OnceValue(func() *Book {
	b, err := Parse(data)
	if err != nil {
		panic(fmt.Sprintf("codebook: embedded codebook.tsv: %v", err)) // a build defect, caught by its test
	}
	return b
})

// Header is the first line of codebook.tsv.
const Header = "classification\tcode\tname\tfirst_year\tlast_year\tyears\tdocuments\tsources"

// Parse reads a book in the format of codebook.tsv: lines starting with #
// are comments, then the header, then one entry per line.
func Parse(text string) (*Book, error) {
	b := &Book{entries: map[string][]Entry{}}
	seenHeader := false
	for i, line := range strings.Split(text, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !seenHeader {
			if line != Header {
				return nil, fmt.Errorf("line %d: header %q, want %q", i+1, line, Header)
			}
			seenHeader = true
			continue
		}
		e, err := parseEntry(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", i+1, err)
		}
		k := e.Classification + "/" + e.Code
		b.entries[k] = append(b.entries[k], e)
	}
	return b, nil
}

func parseEntry(line string) (Entry, error) {
	f := strings.Split(line, "\t")
	if len(f) != 8 {
		return Entry{}, fmt.Errorf("%d fields, want 8", len(f))
	}
	e := Entry{Classification: f[0], Code: f[1], Name: f[2]}
	if e.Classification != Functional && e.Classification != Economic {
		return Entry{}, fmt.Errorf("classification %q", e.Classification)
	}
	if !validCode(e.Classification, e.Code) || e.Name == "" {
		return Entry{}, fmt.Errorf("code %q name %q", e.Code, e.Name)
	}
	for _, y := range strings.Split(f[5], ",") {
		n, err := strconv.Atoi(y)
		if err != nil {
			return Entry{}, fmt.Errorf("years %q: %w", f[5], err)
		}
		e.Years = append(e.Years, n)
	}
	if !slices.IsSorted(e.Years) || strconv.Itoa(e.Years[0]) != f[3] || strconv.Itoa(e.Years[len(e.Years)-1]) != f[4] {
		return Entry{}, fmt.Errorf("years %q do not run from %s to %s", f[5], f[3], f[4])
	}
	n, err := strconv.Atoi(f[6])
	if err != nil || n < 1 {
		return Entry{}, fmt.Errorf("documents %q", f[6])
	}
	e.Documents = n
	e.Sources = strings.Split(f[7], "; ")
	return e, nil
}

// validCode: functional codes are 2xx, 2xxxx, 2xxxxxx; economic ones 3xx
// or 5xx and their 5-digit 款.
func validCode(classification, code string) bool {
	for _, r := range code {
		if r < '0' || r > '9' {
			return false
		}
	}
	switch classification {
	case Functional:
		return code != "" && code[0] == '2' && (len(code) == 3 || len(code) == 5 || len(code) == 7)
	case Economic:
		return code != "" && (code[0] == '3' || code[0] == '5') && (len(code) == 3 || len(code) == 5)
	}
	return false
}

// ValidCode reports whether code has the shape of a code of the classification.
func ValidCode(classification, code string) bool { return validCode(classification, code) }

// All returns every entry of the book, by classification and code.
func (b *Book) All() []Entry {
	var out []Entry
	for _, k := range slices.Sorted(maps.Keys(b.entries)) {
		out = append(out, b.entries[k]...)
	}
	return out
}

// Entries returns every name the book has for the code, in any year.
func (b *Book) Entries(classification, code string) []Entry {
	return b.entries[classification+"/"+code]
}

// Name returns the code's name in year and whether the book knows it for
// that year (false when no entry covers the year, or two entries disagree).
func (b *Book) Name(classification, code string, year int) (Entry, bool) {
	var found []Entry
	for _, e := range b.Entries(classification, code) {
		if slices.Contains(e.Years, year) {
			found = append(found, e)
		}
	}
	if len(found) != 1 {
		return Entry{}, false
	}
	return found[0], true
}

// HasName reports whether some code of the classification carries the name
// (after Canon) in year: the printed name is then another code's name.
// Several codes share a name (行政运行 is the 01 of many 款): a sibling of
// near (same parent) is preferred, then the lowest code.
func (b *Book) HasName(classification, name string, year int, near string) (Entry, bool) {
	c := Canon(name)
	var found []Entry
	for _, es := range b.entries {
		for _, e := range es {
			if e.Classification == classification && slices.Contains(e.Years, year) && Canon(e.Name) == c {
				found = append(found, e)
			}
		}
	}
	if len(found) == 0 {
		return Entry{}, false
	}
	parent := near[:max(len(near)-2, 0)]
	return slices.MinFunc(found, func(x, y Entry) int {
		xs, ys := strings.HasPrefix(x.Code, parent) && len(x.Code) == len(near), strings.HasPrefix(y.Code, parent) && len(y.Code) == len(near)
		if xs != ys {
			if xs {
				return -1
			}
			return 1
		}
		return strings.Compare(x.Code, y.Code)
	}), true
}

// Display is a name as printed less what printing adds: spaces, radical
// look-alikes, list markers before it (-, ·, 其中：). Widths stay as
// printed (the book shows 党委办公厅（室）, not its half-width form).
func Display(name string) string {
	var sb strings.Builder
	for _, r := range name {
		if unicode.IsSpace(r) {
			continue
		}
		if f, ok := radicals.Fold(r); ok {
			r = f
		}
		sb.WriteRune(r)
	}
	s := strings.TrimLeft(sb.String(), "-—–·•.、:：")
	s = strings.TrimPrefix(s, "其中")
	return strings.TrimLeft(s, ":：")
}

// Clean is Display with widths folded (NFKC: full-width brackets and
// letters), for comparing names.
func Clean(name string) string {
	return Display(norm.NFKC.String(name))
}

// Canon is Clean less a trailing 支出 (其他X and 其他X支出 are one item):
// two names with one Canon are the same item.
func Canon(name string) string {
	return strings.TrimSuffix(Clean(name), "支出")
}
