package compare

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/schema"
)

// A disclosure published as several files (a narrative and its tables)
// is one row: its files share schema.DisclosureID. Each figure is taken
// from the first file (in path order) that states it, and a figure stated
// by two files is checked: when they differ by more than their printing
// can explain, the row says so, naming both files.

// unitYuan is what one printed unit is worth in 元.
var unitYuan = map[string]decimal.Decimal{
	"元": decimal.FromInt(1), "千元": decimal.FromInt(1000), "万元": decimal.FromInt(10000), "亿元": decimal.FromInt(100000000),
}

// halfUnit is half the last printed digit of a, in 元: how far the exact
// figure may be from what is printed. ok is false when the unit is unknown.
func halfUnit(a *schema.Amount) (decimal.Decimal, bool) {
	u, ok := unitYuan[a.Unit]
	if !ok {
		return decimal.Decimal{}, false
	}
	return decimal.FromInt(5).Shift(-(a.Value.Scale() + 1)).Mul(u), true
}

// mergeDisclosures folds the documents of one disclosure into one, in the
// place of the first; documents without a disclosure id stay as they are.
func mergeDisclosures(docs []figures) []figures {
	members := map[string][]int{}
	for i, d := range docs {
		if d.disclosure != "" {
			members[d.disclosure] = append(members[d.disclosure], i)
		}
	}
	var out []figures
	for i, d := range docs {
		idx := members[d.disclosure]
		switch {
		case d.disclosure == "" || len(idx) == 1:
			out = append(out, d)
		case idx[0] == i:
			group := make([]figures, len(idx))
			for j, k := range idx {
				group[j] = docs[k]
			}
			out = append(out, merge(group))
		}
	}
	return out
}

// merge makes one set of figures from the files of one disclosure.
func merge(group []figures) figures {
	slices.SortFunc(group, func(a, b figures) int { return strings.Compare(a.path, b.path) })
	m := group[0]
	m.notes = slices.Clone(m.notes)
	for f := range numFigs {
		if m.figs[f] != nil {
			m.from[f] = m.path
		}
	}
	paths := []string{}
	for _, g := range group {
		paths = append(paths, g.path)
	}
	m.path = strings.Join(paths, " + ")
	m.notes = append(m.notes, fmt.Sprintf("%d份文件合并为一份公开", len(group)))
	for _, g := range group[1:] {
		m.findings += g.findings
		for f := range numFigs {
			if g.figs[f] == nil {
				continue
			}
			if m.figs[f] == nil {
				m.figs[f], m.tol[f], m.from[f] = g.figs[f], g.tol[f], g.path
				continue
			}
			if note := disagreement(f, m, g); note != "" {
				m.notes = append(m.notes, note)
				m.findings++
			}
		}
	}
	return m
}

// disagreement describes figure f when a and b state it differently beyond
// rounding ("" when they agree, or when a unit is unknown).
func disagreement(f int, a, b figures) string {
	if a.tol[f] == nil || b.tol[f] == nil {
		return ""
	}
	diff := a.figs[f].Sub(*b.figs[f]).Abs()
	if diff.Cmp(a.tol[f].Add(*b.tol[f])) <= 0 {
		return ""
	}
	return fmt.Sprintf("%s不一致：%s为%s万元，%s为%s万元", figNames[f],
		filepath.Base(a.from[f]), wan(a.figs[f]), filepath.Base(b.path), wan(b.figs[f]))
}

// withNotes puts the notes of merging before each row's own note.
func withNotes(rows []Row) []Row {
	for i := range rows {
		if n := rows[i].notes; len(n) > 0 {
			rows[i].note = strings.Join(append(slices.Clone(n), rows[i].note), "；")
			rows[i].note = strings.TrimSuffix(rows[i].note, "；")
		}
	}
	return rows
}
