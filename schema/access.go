package schema

import (
	"regexp"
	"strconv"
	"strings"
)

// Accessors normalize's table filling and the rules share: one notion of
// "the first table of a kind", "the row with a key", "the amount of a row"
// and "the sum of amounts".

// Table returns the first non-empty table of one of the kinds, in document
// order, that did not fail its self-check, or nil.
func (d *Document) Table(kinds ...TableKind) *Table {
	for i := range d.Tables {
		t := &d.Tables[i]
		if t.Empty || t.Unreadable() {
			continue
		}
		for _, k := range kinds {
			if t.Kind == k {
				return t
			}
		}
	}
	return nil
}

// Row returns the first row with the key, or nil. A nil table has no rows.
func (t *Table) Row(key RowKey) *LineItem {
	if t == nil {
		return nil
	}
	for i := range t.LineItems {
		if t.LineItems[i].Key == key {
			return &t.LineItems[i]
		}
	}
	return nil
}

// RowAmount is the main amount of the row with the key (see LineItem.Main).
func (t *Table) RowAmount(key RowKey) *Amount { return t.Row(key).Main() }

// TotalRow is the table's 合计 (or 总计) row, without code or parent, or
// its only row; nil if neither.
func (t *Table) TotalRow() *LineItem {
	if t == nil {
		return nil
	}
	for i := range t.LineItems {
		it := &t.LineItems[i]
		if (it.RowKind == RowTotal || it.RowKind == RowGrandTotal) && it.Code == "" && it.Parent == "" {
			return it
		}
	}
	if len(t.LineItems) == 1 {
		return &t.LineItems[0]
	}
	return nil
}

// mainColumns are the columns that hold a row's own amount, by preference.
var mainColumns = []ColumnKey{ColTotal, ColAmount, ColTotal.With(MeasureFinal), ColGeneralPublicBudget, ColExpend}

// Main is the amount of a row: its total (合计, 金额, the 决算数 total, the
// 一般公共预算 column of a 财政拨款 table, or the 本年支出 小计 of a table
// that prints no 合计), else its sole amount; nil
// when none of these is printed, so the result never depends on the
// order of a map. A nil row has none.
func (it *LineItem) Main() *Amount {
	if it == nil {
		return nil
	}
	for _, k := range mainColumns {
		if a := it.Amounts[k]; a != nil {
			return a
		}
	}
	// The sole amount printed; a row whose only amount is a blank cell
	// (counted as 0) has that one.
	var sole *Amount
	printed := 0
	for _, a := range it.Amounts {
		if a != nil && !a.Blank() {
			sole = a
			printed++
		}
	}
	if printed == 1 {
		return sole
	}
	if printed == 0 && len(it.Amounts) == 1 {
		for _, a := range it.Amounts {
			return a
		}
	}
	return nil
}

// Blank reports whether a is a printed row's blank cell, counted as 0
// (schema.md): no text, yuan 0, not derived.
func (a *Amount) Blank() bool {
	return a != nil && a.Text == "" && a.Derived == "" && a.Yuan.IsZero()
}

// Printed reports whether the row has an amount printed in a cell, not
// only blank cells counted as 0.
func (it *LineItem) Printed() bool {
	for _, a := range it.Amounts {
		if a != nil && !a.Blank() {
			return true
		}
	}
	return false
}

// Sum adds the printed amounts (nil ones are skipped) into one figure
// named text; its Value keeps the most decimals any part was printed
// with. Nil when no part is printed.
func Sum(text string, parts ...*Amount) *Amount {
	var s *Amount
	for _, p := range parts {
		if p == nil {
			continue
		}
		if s == nil {
			c := *p
			c.Text = text
			s = &c
			continue
		}
		s.Yuan = s.Yuan.Add(p.Yuan)
		s.Value = s.Value.Add(p.Value)
		if p.Value.Scale() > s.Value.Scale() {
			s.Value = s.Value.Round(p.Value.Scale())
		}
	}
	return s
}

// BlankOrZero reports whether a is not printed or is 0.
func BlankOrZero(a *Amount) bool { return a == nil || a.Yuan.IsZero() }

// DataRow is the first row with amounts that is about the fiscal year (a
// 三公 table printed as one row per year: not 上年, not a row named after
// another year, not the 增减 row); nil if none. A fiscal year of 0 skips
// only 上年 and 增减 rows.
func (t *Table) DataRow(fiscal int) *LineItem {
	if t == nil {
		return nil
	}
	for i := range t.LineItems {
		it := &t.LineItems[i]
		if it.Printed() && !strings.Contains(it.Name, "上年") && !strings.Contains(it.Name, "增减") && !namesOtherYear(it.Name, fiscal) {
			return it
		}
	}
	return nil
}

var yearInName = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)

// namesOtherYear reports whether a label names a year other than fiscal.
func namesOtherYear(label string, fiscal int) bool {
	if fiscal == 0 {
		return false
	}
	for _, m := range yearInName.FindAllStringSubmatch(label, -1) {
		if y, err := strconv.Atoi(m[1]); err == nil && y != fiscal {
			return true
		}
	}
	return false
}

// ThisYearTotal is a two-sided table's 本年 total on one side (SideRevenue
// or SideExpenditure): the 本年 row, else the 总计 when nothing is carried.
func (t *Table) ThisYearTotal(side string) *Amount {
	if a := t.RowAmount(TotalKey(side)); a != nil {
		return a
	}
	carry := RowRevenueCarriedOver
	if side == SideExpenditure {
		carry = RowExpenditureCarriedForward
	}
	if BlankOrZero(t.RowAmount(carry)) {
		return t.RowAmount(GrandTotalKey(side))
	}
	return nil
}

// HasColumn reports whether the table prints a column with the key. A
// table whose columns were not mapped (no Columns) is taken to have any.
func (t *Table) HasColumn(k ColumnKey) bool {
	if len(t.Columns) == 0 {
		return true
	}
	for _, c := range t.Columns {
		if c.Key == k {
			return true
		}
	}
	return false
}
