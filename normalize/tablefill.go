package normalize

import (
	"strings"

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
	for _, kinds := range [][]string{{"B1", "F1"}, {"B4", "F4"}} {
		t := firstTable(d, kinds...)
		if t == nil {
			continue
		}
		get := func(key string) *schema.Amount { return keyedAmount(t, key) }
		whole := kinds[0] == "B1"
		if whole {
			total := get("revenue.total")
			if total == nil && isBlankOrZero(get("revenue.carried_over")) && isBlankOrZero(get("revenue.non_fiscal_balance_used")) {
				total = get("revenue.grand_total")
			}
			set(&sm.Revenue.Total, total)
			set(&sm.Revenue.SpecialAccount, get("revenue.special_account"))
			set(&sm.Revenue.Other, get("revenue.other"))
			set(&sm.Revenue.CarriedOver, get("revenue.carried_over"))
			set(&sm.Revenue.FiscalAppropriation, get("revenue.fiscal"))
			if b, o := get("revenue.business"), get("revenue.business_operating"); b != nil && isBlankOrZero(o) {
				set(&sm.Revenue.Business, b)
			} else if b != nil && o != nil {
				sum := *b
				sum.Yuan, sum.Value = b.Yuan.Add(o.Yuan), b.Value.Add(o.Value)
				sum.Text = b.Text + " + " + o.Text
				set(&sm.Revenue.Business, &sum)
			}
			etotal := get("expenditure.total")
			if etotal == nil && isBlankOrZero(get("expenditure.carried_forward")) && isBlankOrZero(get("expenditure.balance_distribution")) {
				etotal = get("expenditure.grand_total")
			}
			set(&sm.Expenditure.Total, etotal)
			set(&sm.Expenditure.CarriedForward, get("expenditure.carried_forward"))
		}
		set(&sm.Revenue.GeneralPublicBudget, get("revenue.general_public_budget"))
		set(&sm.Revenue.GovernmentFundBudget, get("revenue.government_fund_budget"))
		set(&sm.Revenue.StateCapitalBudget, get("revenue.state_capital_budget"))
		if whole {
			set(&sm.Expenditure.Basic, get("expenditure.basic"))
			set(&sm.Expenditure.Project, get("expenditure.project"))
			set(&sm.Expenditure.Reserve, get("expenditure.reserve"))
		}
	}
	if t := firstTable(d, "B3", "F3"); t != nil {
		if row := totalRow(t); row != nil {
			set(&sm.Expenditure.Basic, copyAmount(row.Amounts["basic"]))
			set(&sm.Expenditure.Project, copyAmount(row.Amounts["project"]))
			set(&sm.Expenditure.Reserve, copyAmount(row.Amounts["reserve"]))
			if sm.Expenditure.Other == nil {
				sm.Expenditure.Other = sumAmounts("上缴上级支出 + 经营支出 + 对附属单位补助支出",
					row.Amounts["remit_to_superior"], row.Amounts["business_expense"], row.Amounts["subsidy_to_affiliated"])
			}
			set(&sm.Expenditure.Total, copyAmount(row.Amounts["total"]))
		}
	}
	if t := firstTable(d, "B7", "F7"); t != nil && !t.Empty {
		if row := dataRow(t); row != nil {
			if final {
				fillThreePublic(&d.ThreePublic, row, ".final")
				if hasSuffixKey(row, ".budget") {
					if d.ThreePublicBudget == nil {
						d.ThreePublicBudget = &schema.ThreePublic{}
					}
					fillThreePublic(d.ThreePublicBudget, row, ".budget")
				}
			} else {
				fillThreePublic(&d.ThreePublic, row, "")
			}
			set(&d.OperatingExpenses, copyAmount(row.Amounts["operating_expenses"]))
		}
	}
	if t := firstTable(d, kindOperating); t != nil && !t.Empty {
		if row := totalRow(t); row != nil {
			set(&d.OperatingExpenses, copyAmount(firstAmount(row)))
		}
	}
	for i, t := range d.Tables {
		if t.Kind == kindProcurement && i < len(views) {
			fillProcurement(d, views[i])
			break
		}
	}
}

func firstTable(d *schema.Document, kinds ...string) *schema.Table {
	for i := range d.Tables {
		for _, k := range kinds {
			if d.Tables[i].Kind == k {
				return &d.Tables[i]
			}
		}
	}
	return nil
}

// keyedAmount returns a copy of the amount of the row with key in t.
func keyedAmount(t *schema.Table, key string) *schema.Amount {
	for i := range t.LineItems {
		if it := &t.LineItems[i]; it.Key == key {
			return copyAmount(firstAmount(it))
		}
	}
	return nil
}

// firstAmount: the row's total or sole amount.
func firstAmount(it *schema.LineItem) *schema.Amount {
	for _, k := range []string{"total", "amount", "total.final", "general_public_budget"} {
		if a := it.Amounts[k]; a != nil {
			return a
		}
	}
	for _, a := range it.Amounts {
		return a
	}
	return nil
}

func copyAmount(a *schema.Amount) *schema.Amount {
	if a == nil {
		return nil
	}
	c := *a
	return &c
}

func isBlankOrZero(a *schema.Amount) bool { return a == nil || a.Yuan.IsZero() }

// totalRow is a table's 合计 row, or its only row.
func totalRow(t *schema.Table) *schema.LineItem {
	for i := range t.LineItems {
		it := &t.LineItems[i]
		if (it.RowKind == schema.RowTotal || it.RowKind == schema.RowGrandTotal) && it.Code == "" && it.Parent == "" {
			return it
		}
	}
	if len(t.LineItems) == 1 {
		return &t.LineItems[0]
	}
	return nil
}

// dataRow is the first row with amounts that is not about last year.
func dataRow(t *schema.Table) *schema.LineItem {
	for i := range t.LineItems {
		it := &t.LineItems[i]
		if len(it.Amounts) > 0 && !hasAny(it.Name, "上年") {
			return it
		}
	}
	return nil
}

func hasSuffixKey(it *schema.LineItem, suffix string) bool {
	for k := range it.Amounts {
		if strings.HasSuffix(k, suffix) {
			return true
		}
	}
	return false
}

func fillThreePublic(tp *schema.ThreePublic, row *schema.LineItem, suffix string) {
	get := func(k string) *schema.Amount { return copyAmount(row.Amounts[k+suffix]) }
	set(&tp.Total, get("total"))
	set(&tp.OverseasTravel, get("overseas_travel"))
	set(&tp.Vehicles, get("vehicles"))
	set(&tp.VehiclePurchase, get("vehicle_purchase"))
	set(&tp.VehicleOperation, get("vehicle_operation"))
	set(&tp.Reception, get("reception"))
	set(&tp.Meeting, get("meeting"))
	set(&tp.Training, get("training"))
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

// sumAmounts adds the printed amounts; nil when none is printed or all are zero.
func sumAmounts(text string, parts ...*schema.Amount) *schema.Amount {
	var sum *schema.Amount
	for _, p := range parts {
		if p == nil {
			continue
		}
		if sum == nil {
			sum = copyAmount(p)
			sum.Text = text
			continue
		}
		sum.Yuan, sum.Value = sum.Yuan.Add(p.Yuan), sum.Value.Add(p.Value)
	}
	if sum == nil || sum.Yuan.IsZero() {
		return nil
	}
	return sum
}
