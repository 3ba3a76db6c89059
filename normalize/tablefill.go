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
		set(&sm.Revenue.GeneralPublicBudget, get(schema.RowRevenueGeneralPublicBudget))
		set(&sm.Revenue.GovernmentFundBudget, get(schema.RowRevenueGovernmentFund))
		set(&sm.Revenue.StateCapitalBudget, get(schema.RowRevenueStateCapital))
		if whole {
			set(&sm.Expenditure.Basic, get(schema.RowExpenditureBasic))
			set(&sm.Expenditure.Project, get(schema.RowExpenditureProject))
			set(&sm.Expenditure.Reserve, get(schema.RowExpenditureReserve))
		}
	}
	if row := d.Table(schema.KindB3, schema.KindF3).TotalRow(); row != nil {
		set(&sm.Expenditure.Basic, copyAmount(row.Amounts[schema.ColBasic]))
		set(&sm.Expenditure.Project, copyAmount(row.Amounts[schema.ColProject]))
		set(&sm.Expenditure.Reserve, copyAmount(row.Amounts[schema.ColReserve]))
		if sm.Expenditure.Other == nil {
			sm.Expenditure.Other = nonZero(schema.Sum("上缴上级支出 + 经营支出 + 对附属单位补助支出",
				row.Amounts[schema.ColRemitToSuperior], row.Amounts[schema.ColBusinessExpense], row.Amounts[schema.ColSubsidyToAffiliated]))
		}
		set(&sm.Expenditure.Total, copyAmount(row.Amounts[schema.ColTotal]))
	}
	if row := d.Table(schema.KindB7, schema.KindF7).DataRow(); row != nil {
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
		set(&d.OperatingExpenses, copyAmount(row.Amounts[schema.ColOperatingExpenses]))
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
	set(&sm.Revenue.Total, total)
	set(&sm.Revenue.SpecialAccount, get(schema.RowRevenueSpecialAccount))
	set(&sm.Revenue.Other, get(schema.RowRevenueOther))
	set(&sm.Revenue.CarriedOver, get(schema.RowRevenueCarriedOver))
	set(&sm.Revenue.FiscalAppropriation, get(schema.RowRevenueFiscal))
	if b, o := get(schema.RowRevenueBusiness), get(schema.RowRevenueBusinessOperating); b != nil && isBlankOrZero(o) {
		set(&sm.Revenue.Business, b)
	} else if b != nil && o != nil {
		set(&sm.Revenue.Business, schema.Sum(b.Text+" + "+o.Text, b, o))
	}
	etotal := get(schema.RowExpenditureTotal)
	if etotal == nil && isBlankOrZero(get(schema.RowExpenditureCarriedForward)) && isBlankOrZero(get(schema.RowExpenditureBalanceDistribution)) {
		etotal = get(schema.RowExpenditureGrandTotal)
	}
	set(&sm.Expenditure.Total, etotal)
	set(&sm.Expenditure.CarriedForward, get(schema.RowExpenditureCarriedForward))
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
	set(&tp.Total, get(schema.ColTotal))
	set(&tp.OverseasTravel, get(schema.ColOverseasTravel))
	set(&tp.Vehicles, get(schema.ColVehicles))
	set(&tp.VehiclePurchase, get(schema.ColVehiclePurchase))
	set(&tp.VehicleOperation, get(schema.ColVehicleOperation))
	set(&tp.Reception, get(schema.ColReception))
	set(&tp.Meeting, get(schema.ColMeeting))
	set(&tp.Training, get(schema.ColTraining))
}
