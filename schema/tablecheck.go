package schema

import (
	"slices"

	"github.com/yusuan/yusuan/decimal"
)

// A table checks itself as it is read. A standard table carries its own
// identities (合计 = Σ rows, 类 = Σ款 = Σ项, row total = basic + project,
// the two sides of a 收支总表); when they break in many unrelated ways the
// fault is almost always in the reading (a shifted column, a lost row, a
// number wrapped in its cell), not in the document. Such a table is
// unreadable: one info finding says so, and none of its figures feed the
// summary or any check that reads across tables. When every broken sum is
// off by one and the same amount, that is one root cause — one finding,
// not one per row.

// Table check statuses.
const (
	CheckOK           = "ok"           // every identity the table prints holds (within rounding)
	CheckInconsistent = "inconsistent" // the sums that break are all off by one amount: one root cause
	CheckUnreadable   = "unreadable"   // the sums break by several unrelated amounts: misread
)

// TableCheck is how a table's own arithmetic came out.
type TableCheck struct {
	Status   string `json:"status" zh:"自检结果" desc:"ok: every identity the table prints holds within rounding; inconsistent: the sums that break are all off by the same amount (one root cause, reported once); unreadable: they break by several unrelated amounts, so the table was most likely misread and none of its figures are used." enum:"ok,inconsistent,unreadable"`
	Failed   int    `json:"failed,omitempty" zh:"不符处数" desc:"How many of the table's sums miss beyond rounding."`
	Causes   int    `json:"causes,omitempty" zh:"差额种数" desc:"How many different amounts they miss by."`
	Held     int    `json:"held,omitempty" zh:"相符处数" desc:"How many of the table's sums of non-zero figures hold (to rounding): how much the reading is borne out."`
	Reason   string `json:"reason,omitempty" zh:"原因" desc:"Why the table is inconsistent or unreadable, in a sentence, in Chinese."`
	ReasonEn string `json:"reason_en,omitempty" zh:"英文原因" desc:"The same in English, for developers."`
}

// ownArithmetic are the rules that read one table alone: together they
// are the table's self-check.
var ownArithmetic = map[string]bool{
	"tables.revenue_equals_expenditure":          true,
	"tables.grand_total_equals_total_plus_carry": true,
	"tables.side_total_equals_rows":              true,
	"tables.row_total_equals_parts":              true,
	"tables.parent_equals_children":              true,
	"tables.total_row_equals_classes":            true,
	"three_public.table_parts":                   true,
}

// CheckTables runs every table's self-check and records it in Table.Check.
// normalize calls it before it takes headline figures from the tables, so
// that an unreadable table gives none; Validate calls it for documents
// made otherwise.
func CheckTables(d *Document) {
	for i := range d.Tables {
		d.Tables[i].Check = checkTable(d, i)
	}
}

// CheckTable runs table i's self-check and returns it, leaving the table
// as it is (normalize uses it to try another reading of a table).
func CheckTable(d *Document, i int) *TableCheck { return checkTable(d, i) }

// checkTable runs the table's own-arithmetic rules on it alone.
func checkTable(d *Document, i int) *TableCheck {
	if len(d.Tables[i].LineItems) == 0 {
		return nil
	}
	// The table with the one after it, which may be its continuation.
	one := &Document{Meta: d.Meta, Tables: d.Tables[i:min(i+2, len(d.Tables))]}
	carries := carryOvers(d)
	var broken []Finding
	held := 0
	for r := range rules {
		if !ownArithmetic[rules[r].name] {
			continue
		}
		counting := rules[r] // a copy: the rules table is shared by every conversion
		counting.held = &held
		for _, f := range counting.check(&counting, one) {
			if ti, ok := tableOf(f); ok && ti != i {
				continue
			}
			if f.Severity != SevInfo && explainedBy(f, carries) == nil {
				broken = append(broken, f)
			}
		}
	}
	c := classify(broken)
	c.Held = held
	return c
}

// classify sorts a table's broken sums into a status.
func classify(broken []Finding) *TableCheck {
	if len(broken) == 0 {
		return &TableCheck{Status: CheckOK}
	}
	causes := differences(broken)
	c := &TableCheck{Failed: len(broken), Causes: len(causes)}
	if len(causes) == 1 {
		c.Status = CheckInconsistent
		c.SetReason(format(msgOneCause, len(broken), causes[0]))
		return c
	}
	c.Status = CheckUnreadable
	c.SetReason(format(msgUnreadable, len(broken), len(causes)))
	return c
}

// differences returns the distinct amounts the findings miss by.
func differences(fs []Finding) []decimal.Decimal {
	var out []decimal.Decimal
	for _, f := range fs {
		d := findingDiff(f)
		if !slices.ContainsFunc(out, func(x decimal.Decimal) bool { return x.Cmp(d) == 0 }) {
			out = append(out, d)
		}
	}
	return out
}

// findingDiff is |expected − actual| of a comparison's finding.
func findingDiff(f Finding) decimal.Decimal {
	e, err1 := decimal.Parse(f.Expected)
	a, err2 := decimal.Parse(f.Actual)
	if err1 != nil || err2 != nil {
		return decimal.Decimal{}
	}
	return e.Sub(a).Abs()
}

// tableOf returns the index of the table a finding's first figure sits in.
func tableOf(f Finding) (int, bool) {
	for _, at := range f.At {
		if at.Table != nil {
			return *at.Table, true
		}
	}
	return 0, false
}

// checked returns the table's check status, "" when it has none.
func (d *Document) checked(i int) string {
	if i < 0 || i >= len(d.Tables) || d.Tables[i].Check == nil {
		return ""
	}
	return d.Tables[i].Check.Status
}

// Unreadable reports whether the table failed its self-check.
func (t *Table) Unreadable() bool { return t.Check != nil && t.Check.Status == CheckUnreadable }

// settleTableFindings applies the tables' self-checks to the findings the
// rules made: an unreadable table's own findings give way to one
// table.unreadable note and any other finding that reads one of its
// figures is dropped; an inconsistent table keeps one finding for its
// root cause; an error stands only when every table it reads passed its
// self-check.
func settleTableFindings(d *Document, fs []Finding) []Finding {
	out := fs[:0:0]
	carries := carryOvers(d)
	kept := map[int]bool{} // inconsistent tables whose root cause is reported
	for _, f := range fs {
		if readsUnreadable(d, f) && f.Rule != ruleTableUnreadable {
			continue
		}
		if c := explainedBy(f, carries); c != nil && f.Severity != SevInfo {
			f.Severity = SevInfo
			f.Message, f.MessageEn = appendMessage(f, format(msgCarryConvention, figure(c), c.Yuan))
			out = append(out, f)
			continue
		}
		ti, inTable := tableOf(f)
		if !inTable || f.Rule == ruleTableUnreadable {
			out = append(out, f)
			continue
		}
		if ownArithmetic[f.Rule] && f.Severity != SevInfo && d.checked(ti) == CheckInconsistent {
			if kept[ti] {
				continue
			}
			kept[ti] = true
			if c := d.Tables[ti].Check; c.Failed > 1 {
				f.Message, f.MessageEn = appendMessage(f, format(msgSameCause, c.Failed-1))
			}
		}
		if f.Severity == SevError && !allTablesOK(d, f) {
			f.Severity = SevWarning
		}
		out = append(out, f)
	}
	return out
}

// appendMessage appends more to a finding's message, in both languages.
func appendMessage(f Finding, more bi) (zh, en string) {
	return f.Message + more.zh, f.MessageEn + more.en
}

// readsUnreadable reports whether any figure of f sits in an unreadable table.
func readsUnreadable(d *Document, f Finding) bool {
	for _, at := range f.At {
		if at.Table != nil && d.checked(*at.Table) == CheckUnreadable {
			return true
		}
	}
	return false
}

// allTablesOK reports whether every table f reads passed its self-check.
func allTablesOK(d *Document, f Finding) bool {
	for _, at := range f.At {
		if at.Table != nil && d.checked(*at.Table) != CheckOK {
			return false
		}
	}
	return true
}

const ruleTableUnreadable = "tables.unreadable"

// checkUnreadable: one note per table that failed its self-check.
func checkUnreadable(rule *rule, d *Document) []Finding {
	var out []Finding
	for i := range d.Tables {
		t := &d.Tables[i]
		if !t.Unreadable() {
			continue
		}
		at := t.At
		if at.Table == nil {
			at = at.InTable(i, -1, -1)
			at.Row, at.Col = nil, nil
		}
		out = append(out, rule.note(SevInfo, "", "", []At{at}, msgTableUnreadable, tableName(t), checkReason(t.Check)))
	}
	return out
}

// checkReason is why a table failed its self-check, in both languages.
func checkReason(c *TableCheck) bi {
	if c.ReasonEn == "" {
		return same(c.Reason)
	}
	return bi{c.Reason, c.ReasonEn}
}

// SetReason sets the reason in Chinese and in English.
func (c *TableCheck) SetReason(r bi) { c.Reason, c.ReasonEn = r.zh, r.en }

// SetReasonText sets the reason from a Chinese and an English sentence,
// for a reading decided outside this package.
func (c *TableCheck) SetReasonText(zh, en string) { c.SetReason(bi{zh, en}) }

// carryOvers are the amounts carried into or out of the year that the
// document prints (上年结转, 年初结转和结余, 结转下年, 使用非财政拨款结余). Two
// figures that differ by exactly one of them are the same sum counted with
// and without it — one table's 合计 includes the carry-over, the other's
// does not — a difference of convention, not an error of the document.
func carryOvers(d *Document) []*Amount {
	var out []*Amount
	add := func(a *Amount) {
		if a != nil && a.Yuan.Sign() > 0 {
			out = append(out, a)
		}
	}
	for i := range d.Tables {
		t := &d.Tables[i]
		if !t.Kind.TwoSided() || t.Unreadable() {
			continue
		}
		for _, k := range []RowKey{RowRevenueCarriedOver, RowRevenueNonFiscalBalance, RowExpenditureCarriedForward} {
			add(t.RowAmount(k))
		}
		// The rows printed under a carry-over (上年结转 › 一般公共预算拨款 …):
		// one source's share of it.
		under := false
		for j := range t.LineItems {
			it := &t.LineItems[j]
			switch {
			case it.Key.Carry():
				under = true
			case it.Key != "" || it.RowKind != "":
				under = false
			case under:
				add(it.Main())
			}
		}
	}
	add(d.Summary.Revenue.CarriedOver)
	add(d.Summary.Expenditure.CarriedForward)
	return out
}

// explainedBy returns the carry-over a finding's difference equals (to
// rounding), or nil.
func explainedBy(f Finding, carries []*Amount) *Amount {
	if f.Rule == "tables.grand_total_equals_total_plus_carry" {
		return nil // it counts the carry-over itself
	}
	diff := findingDiff(f)
	if diff.IsZero() {
		return nil
	}
	for _, c := range carries {
		if diff.Sub(c.Yuan).Abs().Cmp(textTolerance(c).Add(roundingTolerance)) <= 0 {
			return c
		}
	}
	return nil
}
