package normalize

import (
	"strings"

	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/internal/units"

	"github.com/yusuan/yusuan/schema"
)

// fillFromTables fills the headline figures the narrative left out from
// the standard tables: summary revenue and expenditure (B1/F1, then
// B4/F4), basic and project spending (B3/F3 or Jiangsu's 支出用途 block),
// 三公 (B7; F7 决算数 → three_public, 预算数 → three_public_budget),
// 机关运行经费 (上海's 三公 table, Jiangsu's 机关运行经费表) and procurement.
// Figures the narrative already gave are kept; where the two differ, the
// rule summary.narrative_vs_table reports both (schema/rules_tables.go).
func (n *Normalizer) fillFromTables(d *schema.Document, views []*tableView) {
	final := d.Meta.Kind == schema.KindFinalAccount
	sm := &d.Summary
	for _, kinds := range [][]schema.TableKind{{schema.KindB1, schema.KindF1}, {schema.KindB4, schema.KindF4}} {
		t := d.Table(kinds...)
		if t == nil {
			continue
		}
		get := func(key schema.RowKey) *schema.Amount { return copyAmount(t.RowAmount(key)) }
		whole := kinds[0] == schema.KindB1
		if whole {
			fillSummaryTotals(sm, get)
		}
		take(&sm.Revenue.GeneralPublicBudget, get(schema.RowRevenueGeneralPublicBudget))
		take(&sm.Revenue.GovernmentFundBudget, get(schema.RowRevenueGovernmentFund))
		take(&sm.Revenue.StateCapitalBudget, get(schema.RowRevenueStateCapital))
		if whole {
			take(&sm.Expenditure.Basic, get(schema.RowExpenditureBasic))
			take(&sm.Expenditure.Project, get(schema.RowExpenditureProject))
			take(&sm.Expenditure.Reserve, get(schema.RowExpenditureReserve))
		}
	}
	// A total row read without its 合计 column (a merged header, "合计基本支出"
	// in one cell) has its figures under the wrong names: none is taken.
	if row := b3TotalRow(d.Table(schema.KindB3, schema.KindF3)); row != nil && row.Amounts[schema.ColTotal] != nil {
		take(&sm.Expenditure.Basic, basicOf(row))
		take(&sm.Expenditure.Project, copyAmount(row.Amounts[schema.ColProject]))
		take(&sm.Expenditure.Reserve, copyAmount(row.Amounts[schema.ColReserve]))
		if sm.Expenditure.Other == nil {
			sm.Expenditure.Other = nonZero(schema.Sum("上缴上级支出 + 经营支出 + 对附属单位补助支出",
				row.Amounts[schema.ColRemitToSuperior], row.Amounts[schema.ColBusinessExpense], row.Amounts[schema.ColSubsidyToAffiliated]))
		}
		take(&sm.Expenditure.Total, copyAmount(row.Amounts[schema.ColTotal]))
	}
	t7 := d.Table(schema.KindB7, schema.KindF7)
	var row7 *schema.LineItem
	switch {
	case t7 == nil:
	case t7.Empty && t7.EmptyNote != "":
		// "本表无数据": the department has no 三公 spending.
		zeroThreePublic(&d.ThreePublic, t7.Unit, t7.EmptyNote, t7.At)
	case t7.Empty || fillThreePublicList(&d.ThreePublic, t7):
		// a vertical list (项目 | 预算数): one row per item
	default:
		row7 = t7.DataRow(d.Meta.FiscalYear)
	}
	if row := row7; row != nil {
		row = withBlankCells(t7, row)
		if final {
			fillThreePublic(&d.ThreePublic, row, schema.MeasureFinal)
			if hasMeasure(row, schema.MeasureBudget) {
				if d.ThreePublicBudget == nil {
					d.ThreePublicBudget = &schema.ThreePublic{}
				}
				fillThreePublic(d.ThreePublicBudget, row, schema.MeasureBudget)
			}
		} else {
			fillThreePublic(&d.ThreePublic, row, schema.MeasureNone)
		}
		take(&d.OperatingExpenses, copyAmount(row.Amounts[schema.ColOperatingExpenses]))
	}
	if row := d.Table(schema.KindOperating).TotalRow(); row != nil {
		set(&d.OperatingExpenses, copyAmount(row.Main()))
	}
	for i, t := range d.Tables {
		if t.Kind == schema.KindProcurement && i < len(views) {
			fillProcurement(d, views[i])
			break
		}
	}
}

// fillSummaryTotals fills the summary's totals and sources from the rows
// of the summary table (B1/F1).
func fillSummaryTotals(sm *schema.Summary, get func(schema.RowKey) *schema.Amount) {
	total := get(schema.RowRevenueTotal)
	if total == nil && isBlankOrZero(get(schema.RowRevenueCarriedOver)) && isBlankOrZero(get(schema.RowRevenueNonFiscalBalance)) {
		total = get(schema.RowRevenueGrandTotal)
	}
	grandIsNarrative(&sm.Revenue.Total, get(schema.RowRevenueGrandTotal), total)
	take(&sm.Revenue.Total, total)
	take(&sm.Revenue.SpecialAccount, get(schema.RowRevenueSpecialAccount))
	take(&sm.Revenue.Other, get(schema.RowRevenueOther))
	take(&sm.Revenue.CarriedOver, get(schema.RowRevenueCarriedOver))
	take(&sm.Revenue.FiscalAppropriation, get(schema.RowRevenueFiscal))
	if b, o := get(schema.RowRevenueBusiness), get(schema.RowRevenueBusinessOperating); b != nil && isBlankOrZero(o) {
		take(&sm.Revenue.Business, b)
	} else if b != nil && o != nil {
		take(&sm.Revenue.Business, schema.Sum(b.Text+" + "+o.Text, b, o))
	}
	etotal := get(schema.RowExpenditureTotal)
	if etotal == nil && isBlankOrZero(get(schema.RowExpenditureCarriedForward)) && isBlankOrZero(get(schema.RowExpenditureBalanceDistribution)) {
		etotal = get(schema.RowExpenditureGrandTotal)
	}
	grandIsNarrative(&sm.Expenditure.Total, get(schema.RowExpenditureGrandTotal), etotal)
	take(&sm.Expenditure.Total, etotal)
	take(&sm.Expenditure.CarriedForward, get(schema.RowExpenditureCarriedForward))
}

func copyAmount(a *schema.Amount) *schema.Amount {
	if a == nil {
		return nil
	}
	c := *a
	return &c
}

func isBlankOrZero(a *schema.Amount) bool { return schema.BlankOrZero(a) }

// nonZero is a, or nil when a is 0.
func nonZero(a *schema.Amount) *schema.Amount {
	if schema.BlankOrZero(a) {
		return nil
	}
	return a
}

func hasMeasure(it *schema.LineItem, m schema.Measure) bool {
	for k := range it.Amounts {
		if _, km := k.Split(); km == m {
			return true
		}
	}
	return false
}

// fillProcurement reads a 政府采购预算表: its 合计 row and the 货物 / 工程 /
// 服务 group rows, amount in the last column.
func fillProcurement(d *schema.Document, v *tableView) {
	p := &d.Procurement
	if p.Total != nil && p.Goods != nil {
		return
	}
	unit := v.unit
	if unit == "" {
		unit = "万元"
	}
	ncol := v.t.NumCols()
	for r := v.header; r < len(v.t.Rows); r++ {
		label := compact(Clean(v.text(r, 0)))
		if label == "" {
			continue
		}
		var amt *schema.Amount
		for c := ncol - 1; c > 0; c-- {
			if c < len(v.t.Rows[r]) && !v.t.Rows[r][c].Covered {
				if m, ok := ParseAmount(v.t.Rows[r][c].Text, unit); ok {
					cell := v.t.Rows[r][c]
					amt = &schema.Amount{Yuan: m.Yuan, Value: m.Value, Unit: m.Unit, Text: strings.TrimSpace(cell.Text), At: cell.At}
				}
				break
			}
		}
		if amt == nil {
			continue
		}
		switch {
		case totalKind(label) != "":
			set(&p.Total, amt)
		case hasAny(label, "货物"):
			set(&p.Goods, amt)
		case hasAny(label, "工程"):
			set(&p.Works, amt)
		case hasAny(label, "服务"):
			set(&p.Services, amt)
		}
	}
}

func fillThreePublic(tp *schema.ThreePublic, row *schema.LineItem, m schema.Measure) {
	get := func(k schema.ColumnKey) *schema.Amount { return copyAmount(row.Amounts[k.With(m)]) }
	for _, item := range threePublicItems {
		take(threePublicField(tp, item), get(item))
	}
}

// threePublicItems are the 三公 fields a table can print.
var threePublicItems = []schema.ColumnKey{schema.ColTotal, schema.ColOverseasTravel, schema.ColVehicles, schema.ColVehiclePurchase,
	schema.ColVehicleOperation, schema.ColReception, schema.ColMeeting, schema.ColTraining}

// b3TotalRow is the B3/F3 合计 row, or a first row without a code that the
// coded 类 rows under it add up to, each rounded (a row named after the
// unit, "某某市某某局（本级）", or left unnamed).
func b3TotalRow(t *schema.Table) *schema.LineItem {
	if row := t.TotalRow(); row != nil || t == nil || len(t.LineItems) < 2 || t.LineItems[0].Code != "" {
		return row
	}
	first := &t.LineItems[0]
	whole := first.Amounts[schema.ColTotal]
	if whole == nil {
		return nil
	}
	var sum decimal.Decimal
	classes := 0
	for _, it := range t.LineItems[1:] {
		if a := it.Amounts[schema.ColTotal]; len(it.Code) == 3 && a != nil {
			sum = sum.Add(a.Yuan)
			classes++
		}
	}
	step, ok := granularity(whole)
	if classes > 0 && ok && sum.Sub(whole.Yuan).Abs().Cmp(step.Mul(decimal.FromInt(int64(classes)))) <= 0 {
		return first
	}
	return nil
}

// basicOf is a B3/F3 row's 基本支出. Where the table prints it only as two
// sub-columns (基本支出 › 人员支出 | 日常公用支出 or 公用经费, no 小计), it is
// their sum — taken only when the row then adds up (合计 = 基本 + 项目 + the
// rest) and does not without the second column.
func basicOf(row *schema.LineItem) *schema.Amount {
	basic, second, total := row.Amounts[schema.ColBasic], row.Amounts[schema.ColBasic+"_2"], row.Amounts[schema.ColTotal]
	if second == nil {
		second = row.Amounts[schema.ColPublicUse]
	}
	first := basic
	if first == nil {
		first = row.Amounts[schema.ColPersonnel] // 基本支出 › 人员支出 | 公用支出
	}
	if first == nil || second == nil || total == nil || row.Amounts[schema.ColBasic+"_3"] != nil {
		return copyAmount(basic)
	}
	rest := decimal.Decimal{}
	for _, k := range []schema.ColumnKey{schema.ColProject, schema.ColReserve, schema.ColRemitToSuperior, schema.ColBusinessExpense, schema.ColSubsidyToAffiliated} {
		if a := row.Amounts[k]; a != nil {
			rest = rest.Add(a.Yuan)
		}
	}
	if basic != nil && basic.Yuan.Add(rest).Equal(total.Yuan) || !first.Yuan.Add(second.Yuan).Add(rest).Equal(total.Yuan) {
		return copyAmount(basic)
	}
	sum := copyAmount(first)
	sum.Yuan, sum.Value = first.Yuan.Add(second.Yuan), first.Value.Add(second.Value)
	sum.Text = first.Text + " + " + second.Text
	return sum
}

// withBlankCells returns a copy of a printed 三公 row in which each 三公
// column left blank holds 0 (text "", the cell's at), as schema.md says of
// a printed row's blank cells; the row itself is left as it is.
func withBlankCells(t *schema.Table, row *schema.LineItem) *schema.LineItem {
	var sample *schema.Amount
	for _, a := range row.Amounts {
		if sample == nil || a.At.Col != nil && sample.At.Col != nil && *a.At.Col < *sample.At.Col {
			sample = a
		}
	}
	if sample == nil || sample.At.Table == nil || sample.At.Row == nil {
		return row
	}
	c := *row
	c.Amounts = make(map[schema.ColumnKey]*schema.Amount, len(row.Amounts))
	for k, a := range row.Amounts {
		c.Amounts[k] = a
	}
	for _, col := range t.Columns {
		base, _ := col.Key.Split()
		if base == schema.ColTotal || threePublicField(&schema.ThreePublic{}, base) == nil || c.Amounts[col.Key] != nil {
			continue
		}
		if printedCell(t, *sample.At.Row, col.Col) {
			continue // a figure the row was read without (another block's): no blank
		}
		at := schema.At{Page: sample.At.Page, Line: sample.At.Line, Sheet: sample.At.Sheet}.InTable(*sample.At.Table, *sample.At.Row, col.Col)
		c.Amounts[col.Key] = &schema.Amount{Unit: sample.Unit, At: at}
	}
	return &c
}

// printedCell reports whether the body cell at grid row r, column c of t
// holds text; false when the cell is blank or not known.
func printedCell(t *schema.Table, r, c int) bool {
	r -= len(t.Header)
	if r < 0 || r >= len(t.Rows) || c < 0 || c >= len(t.Rows[r]) {
		return false
	}
	return strings.TrimSpace(t.Rows[r][c]) != ""
}

// fillThreePublicList reads a 三公 table printed as a vertical list, one
// row per item (项目 | 预算数, or 行政经费 / “三公”经费 / 其中：… rows over
// funding columns): each row's main amount is its figure. Rows that are
// not 三公 (行政经费, 机关运行经费) are left out. It reports whether the
// table is such a list: at least two rows name distinct 三公 parts and no
// column does.
func fillThreePublicList(tp *schema.ThreePublic, t *schema.Table) bool {
	items := map[schema.ColumnKey]*schema.LineItem{}
	parts := 0
	for i := range t.LineItems {
		it := &t.LineItems[i]
		for k := range it.Amounts {
			if base, _ := k.Split(); base != schema.ColTotal && threePublicField(tp, base) != nil {
				return false // the items are columns
			}
		}
		if hasAny(it.Name, "上年") {
			continue
		}
		item := threePublicItem(compact(Clean(it.Name)))
		if item == "" && (it.RowKind == schema.RowTotal || totalKind(compact(Clean(it.Name))) != "") {
			item = schema.ColTotal
		}
		if item == "" || item == schema.ColOperatingExpenses || items[item] != nil {
			continue
		}
		items[item] = it
		if item != schema.ColTotal {
			parts++
		}
	}
	if parts < 2 {
		return false
	}
	for _, item := range threePublicItems {
		if it := items[item]; it != nil {
			take(threePublicField(tp, item), copyAmount(firstAmountOf(it)))
		}
	}
	return true
}

// firstAmountOf is a row's main amount, else its leftmost printed one.
func firstAmountOf(it *schema.LineItem) *schema.Amount {
	if a := it.Main(); a != nil {
		return a
	}
	var first *schema.Amount
	for _, a := range it.Amounts {
		if first == nil || a.At.Col != nil && first.At.Col != nil && *a.At.Col < *first.At.Col {
			first = a
		}
	}
	return first
}

// grandIsNarrative drops a narrative total that is the table's 收入总计 /
// 支出总计 (this year's plus the carry-over: "收入预算为2249.92万元…其中…
// 上年结转结余30.00万元") when the table prints this year's 合计 apart, so
// the summary takes 本年收入合计 / 本年支出合计 as the schema defines it.
func grandIsNarrative(dst **schema.Amount, grand, thisYear *schema.Amount) {
	if *dst == nil || grand == nil || thisYear == nil || grand.Yuan.Equal(thisYear.Yuan) {
		return
	}
	if (*dst).Yuan.Equal(grand.Yuan) || roundedFrom(*dst, grand) {
		*dst = nil
	}
}

// roundedFrom: printed is exact's figure rounded to printed's decimals.
func roundedFrom(printed, exact *schema.Amount) bool {
	pg, ok1 := granularity(printed)
	tg, ok2 := granularity(exact)
	if !ok1 || !ok2 || tg.Cmp(pg) >= 0 {
		return false
	}
	half, _ := pg.Div(decimal.FromInt(2), 6)
	return printed.Yuan.Sub(exact.Yuan).Abs().Cmp(half) <= 0
}

// take sets a headline figure from a standard table: where the narrative
// gave none, or gave the same figure rounded while the table prints it
// exactly (元, or more decimals), the table's figure (text and at) wins. A
// difference beyond rounding keeps the narrative's figure for the rules to
// report.
func take(dst **schema.Amount, a *schema.Amount) {
	if a == nil {
		return
	}
	if *dst == nil || (*dst).Derived != "" || roundedFrom(*dst, a) {
		*dst = a
	}
}

// granularity is the step, in 元, of the figure as printed: 100 for
// "244.85万元", 0.01 for "2448480.00".
func granularity(a *schema.Amount) (decimal.Decimal, bool) {
	shift, ok := units.Shift(a.Unit)
	if !ok {
		return decimal.Decimal{}, false
	}
	text := a.Text
	if i := strings.IndexAny(text, "万元亿千百"); i >= 0 {
		text = text[:i]
	}
	places := 0
	if i := strings.LastIndex(text, "."); i >= 0 {
		for _, r := range text[i+1:] {
			if r < '0' || r > '9' {
				break
			}
			places++
		}
	}
	return decimal.FromInt(1).Shift(shift - places), true
}
