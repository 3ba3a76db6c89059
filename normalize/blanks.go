package normalize

import (
	"strings"

	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/schema"
)

// A row printed in a listed table but left blank counts as 0 (schema.md):
// its line item's amounts hold 0 with text "" and the cell's at. A blank
// cell is only a printed blank where the table was read right — a lost or
// misplaced cell also reads as blank — so the 0s are given only to tables
// whose self-check passes, only under amount columns the header prints,
// and only when the table still checks out with them: a 0 that breaks a
// sum was a lost figure, not a blank.

// blankCell is a blank cell of a row under a printed amount column.
type blankCell struct {
	key  schema.ColumnKey
	unit string
	at   schema.At
}

// blankCell describes the blank cell (r, c), unless its column is no
// amount column the header prints: a percentage, a column the header
// leaves unnamed, one it names as no amount (备注, 序号), one with no
// figure at all.
func (s *tableShape) blankCell(r, c int, unit string) (blankCell, bool) {
	ci := &s.cols[c]
	if ci.role != roleValue || ci.key == "" || !s.headerSaysValue(strings.Join(ci.path, "|")) || strings.HasSuffix(string(ci.key), "_pct") {
		return blankCell{}, false
	}
	if !s.columnPrints(c) {
		return blankCell{}, false
	}
	at := s.v.t.Rows[r][c].At
	if at.Row == nil {
		at = s.rowAt(r).InTable(s.v.index, r, c)
	}
	return blankCell{key: ci.key, unit: blankUnit(unit), at: at}, true
}

// columnPrints: some body cell of column c holds text. A column blank
// from top to bottom is no printed column but a gap of the grid (a header
// cell wider than the figures under it).
func (s *tableShape) columnPrints(c int) bool {
	if s.printing == nil {
		s.printing = make([]int8, s.ncol)
	}
	if s.printing[c] == 0 {
		s.printing[c] = -1
		for r := s.header; r < s.nrow; r++ {
			if !s.colNumRows[r] && s.ownText(r, c) != "" {
				s.printing[c] = 1
				break
			}
		}
	}
	return s.printing[c] > 0
}

// blankUnit is the unit a table's blank 0 is stated in.
func blankUnit(u string) string {
	if u == "" {
		return "万元"
	}
	return u
}

// fillPrintedBlanks gives the blank cells of every table that checked out
// their 0, keeping them only where the table still checks out.
func fillPrintedBlanks(d *schema.Document, views []*tableView) {
	for i := range d.Tables {
		t := &d.Tables[i]
		if t.Check == nil || t.Check.Status != schema.CheckOK || i >= len(views) || views[i].shape == nil || !itemized(t.Kind) {
			continue
		}
		blanks := views[i].shape.blanks
		if len(blanks) != len(t.LineItems) || !printsAmount(t) {
			continue // a blank form stays blank
		}
		items := withBlanks(t.LineItems, blanks, views[i].index)
		if items == nil {
			continue
		}
		trial := *d
		trial.Tables = append([]schema.Table(nil), d.Tables...)
		trial.Tables[i].LineItems = items
		check := schema.CheckTable(&trial, i)
		if check == nil || check.Status != schema.CheckOK {
			continue
		}
		t.LineItems = items
		if t.Check.Reason != "" {
			check.Reason = t.Check.Reason // a re-read table says how it was read
		}
		t.Check = check
	}
}

// withBlanks returns a copy of items with each blank cell's 0 added, or
// nil when there is none to add.
func withBlanks(items []schema.LineItem, blanks [][]blankCell, table int) []schema.LineItem {
	out := make([]schema.LineItem, len(items))
	added := false
	for k := range items {
		out[k] = items[k]
		if len(blanks[k]) == 0 {
			continue
		}
		amounts := make(map[schema.ColumnKey]*schema.Amount, len(items[k].Amounts)+len(blanks[k]))
		for key, a := range items[k].Amounts {
			amounts[key] = a
		}
		for _, b := range blanks[k] {
			if amounts[b.key] != nil {
				continue // a second column of the same name: its figure stands
			}
			at := b.at
			if at.Table == nil {
				at = at.InTable(table, -1, -1)
			}
			amounts[b.key] = &schema.Amount{Yuan: decimal.Decimal{}, Value: decimal.Decimal{}, Unit: b.unit, At: at}
			added = true
		}
		out[k].Amounts = amounts
	}
	if !added {
		return nil
	}
	return out
}

// printsAmount: some cell of the table holds a figure.
func printsAmount(t *schema.Table) bool {
	for _, it := range t.LineItems {
		for _, a := range it.Amounts {
			if a != nil && a.Text != "" {
				return true
			}
		}
	}
	return false
}
