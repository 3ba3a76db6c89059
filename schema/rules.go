package schema

import (
	"fmt"

	"github.com/yusuan/yusuan/decimal"
)

// Rule is one named consistency check. Check appends findings.
type Rule struct {
	Name  string
	Check func(d *Document) []Finding
}

// roundingTolerance: differences up to 0.01 万元 (100 元) are rounding.
var roundingTolerance = decimal.FromInt(100)

// Rules are the checks Validate runs, in order.
var Rules = []Rule{
	{"summary.revenue_equals_expenditure", checkRevenueEqualsExpenditure},
	{"summary.revenue_total_equals_sources", checkRevenueSources},
	{"summary.expenditure_basic_plus_project", checkBasicPlusProject},
	{"summary.change_parts_equal_total", checkChangeParts},
	{"three_public.parts_equal_total", checkThreePublicParts},
	{"three_public.vehicles_equal_purchase_plus_operation", checkVehicles},
	{"procurement.parts_equal_total", checkProcurementParts},
	{"assets.total_equals_parts", checkAssetsParts},
	{"assets.narrative_total_equals_table", checkAssetsNarrative},
}

// Validate runs every rule and appends its findings to d.Findings.
func Validate(d *Document) {
	if d.Findings == nil {
		d.Findings = []Finding{}
	}
	for _, r := range Rules {
		d.Findings = append(d.Findings, r.Check(d)...)
	}
}

// compare checks stated == expected (the sum of parts) and returns a
// finding when they differ: info within rounding, warning beyond.
func compare(rule, what string, stated *Amount, parts ...*Amount) []Finding {
	if stated == nil {
		return nil
	}
	present := 0
	var sum decimal.Decimal
	var at []At
	for _, p := range parts {
		if p == nil {
			continue // a part the document does not mention counts as 0 only if others are given
		}
		present++
		sum = sum.Add(p.Yuan)
		at = append(at, p.At)
	}
	if present == 0 {
		return nil
	}
	diff := stated.Yuan.Sub(sum).Abs()
	if diff.IsZero() {
		return nil
	}
	sev := SevWarning
	if diff.Cmp(roundingTolerance) <= 0 {
		sev = SevInfo
	}
	return []Finding{{
		Rule:     rule,
		Severity: sev,
		Message: fmt.Sprintf("%s: stated %s (%s 元) but the parts add up to %s 元, a difference of %s 元",
			what, stated.Text, stated.Yuan, sum, diff),
		Expected: sum.String(),
		Actual:   stated.Yuan.String(),
		At:       append([]At{stated.At}, at...),
	}}
}

// checkRevenueEqualsExpenditure: 本年收入 + 上年结转 = 本年支出 + 结转下年.
// Where the revenue side states a carry-over but the spending side's
// carry-forward is not found, the identity cannot be checked.
func checkRevenueEqualsExpenditure(d *Document) []Finding {
	r, e := d.Summary.Revenue, d.Summary.Expenditure
	if r.Total == nil || e.Total == nil {
		return nil
	}
	if r.CarriedOver == nil && e.CarriedForward == nil {
		return compare("summary.revenue_equals_expenditure", "revenue total vs expenditure total", e.Total, r.Total)
	}
	if r.CarriedOver == nil || e.CarriedForward == nil {
		return nil
	}
	lhs := &Amount{Yuan: e.Total.Yuan.Add(e.CarriedForward.Yuan), Text: "本年支出 + 结转下年", At: e.Total.At}
	return compare("summary.revenue_equals_expenditure", "revenue plus carry-over vs expenditure plus carry-forward", lhs, r.Total, r.CarriedOver)
}

func checkRevenueSources(d *Document) []Finding {
	r := d.Summary.Revenue
	if r.GeneralPublicBudget == nil && r.GovernmentFundBudget == nil && r.StateCapitalBudget == nil && r.FiscalAppropriation != nil {
		return compare("summary.revenue_total_equals_sources", "revenue total vs its sources", r.Total,
			r.FiscalAppropriation, r.SpecialAccount, r.Business, r.Other)
	}
	return compare("summary.revenue_total_equals_sources", "revenue total vs its sources", r.Total,
		r.GeneralPublicBudget, r.GovernmentFundBudget, r.StateCapitalBudget, r.SpecialAccount, r.Business, r.Other)
}

func checkBasicPlusProject(d *Document) []Finding {
	e := d.Summary.Expenditure
	if e.Basic == nil || e.Project == nil {
		return nil
	}
	return compare("summary.expenditure_basic_plus_project", "expenditure total vs basic + project", e.Total, e.Basic, e.Project)
}

func checkChangeParts(d *Document) []Finding {
	c := d.Summary.Change
	if c.Basic == nil || c.Project == nil {
		return nil
	}
	return compare("summary.change_parts_equal_total", "change total vs basic + project changes", c.Total, c.Basic, c.Project)
}

func checkThreePublicParts(d *Document) []Finding {
	t := d.ThreePublic
	vehicles := t.Vehicles
	if vehicles == nil && (t.VehiclePurchase != nil || t.VehicleOperation != nil) {
		sum := Amount{Text: "购置费 + 运行费"}
		for _, p := range []*Amount{t.VehiclePurchase, t.VehicleOperation} {
			if p != nil {
				sum.Yuan = sum.Yuan.Add(p.Yuan)
				sum.At = p.At
			}
		}
		vehicles = &sum
	}
	return compare("three_public.parts_equal_total", "三公经费 total vs 出国 + 用车 + 接待", t.Total, t.OverseasTravel, vehicles, t.Reception)
}

func checkVehicles(d *Document) []Finding {
	t := d.ThreePublic
	if t.VehiclePurchase == nil && t.VehicleOperation == nil {
		return nil
	}
	return compare("three_public.vehicles_equal_purchase_plus_operation", "公务用车购置及运行费 vs 购置费 + 运行费", t.Vehicles, t.VehiclePurchase, t.VehicleOperation)
}

func checkProcurementParts(d *Document) []Finding {
	p := d.Procurement
	return compare("procurement.parts_equal_total", "procurement total vs 货物 + 工程 + 服务", p.Total, p.Goods, p.Works, p.Services)
}

func checkAssetsParts(d *Document) []Finding {
	a := d.Assets
	var parts []*Amount
	for i := range a.Items {
		if !a.Items[i].Subitem {
			parts = append(parts, a.Items[i].Value)
		}
	}
	return compare("assets.total_equals_parts", "assets table total vs its lines", a.Total, parts...)
}

func checkAssetsNarrative(d *Document) []Finding {
	a := d.Assets
	if a.NarrativeTotal == nil || a.Total == nil {
		return nil
	}
	return compare("assets.narrative_total_equals_table", "assets total in the narrative vs the table", a.NarrativeTotal, a.Total)
}
