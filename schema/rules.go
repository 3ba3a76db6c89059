package schema

import (
	"fmt"
	"strings"

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

// compare checks stated == the sum of parts and returns a finding when they
// differ: info within rounding, warning beyond. A part the document does
// not state (nil) is skipped; callers that need every part check first.
func compare(rule, what string, stated *Amount, parts ...*Amount) []Finding {
	if stated == nil {
		return nil
	}
	sum, at, present := sumParts(parts)
	if present == 0 {
		return nil
	}
	diff := stated.Yuan.Sub(sum).Abs()
	if diff.IsZero() {
		return nil
	}
	// Within rounding — 0.01 万元, or half the last digit the stated figure
	// was printed with ("17,192万元" may stand for 17,191.52) — it is info.
	sev := SevWarning
	if diff.Cmp(textTolerance(stated)) <= 0 {
		sev = SevInfo
	}
	msg := fmt.Sprintf("%s: stated %s (%s 元) but the parts add up to %s 元, a difference of %s 元",
		what, stated.Text, stated.Yuan, sum, diff)
	if hint := unitSlip(stated, parts); hint != "" {
		msg += "; " + hint
	}
	return []Finding{{
		Rule: rule, Severity: sev, Message: msg,
		Expected: sum.String(), Actual: stated.Yuan.String(),
		At: append([]At{stated.At}, at...),
	}}
}

// sumParts adds the stated parts (nil ones are skipped) and collects where
// they are; present counts them.
func sumParts(parts []*Amount) (sum decimal.Decimal, at []At, present int) {
	for _, p := range parts {
		if p == nil {
			continue
		}
		present++
		sum = sum.Add(p.Yuan)
		at = append(at, p.At)
	}
	return sum, at, present
}

// unitSlip spots "元 written where 万元 is meant": the identity holds once
// one part printed in 元 is read as 万元.
func unitSlip(stated *Amount, parts []*Amount) string {
	for i, p := range parts {
		if p == nil || p.Unit != "元" || stated.Unit != "万元" {
			continue
		}
		var sum decimal.Decimal
		for j, q := range parts {
			if q == nil {
				continue
			}
			if j == i {
				sum = sum.Add(q.Value.Shift(4))
			} else {
				sum = sum.Add(q.Yuan)
			}
		}
		if stated.Yuan.Sub(sum).Abs().Cmp(roundingTolerance) <= 0 {
			return fmt.Sprintf("it holds if %q is read as 万元 (元 printed where 万元 is meant?)", p.Text)
		}
	}
	return ""
}

// all reports whether every part is stated.
func all(parts ...*Amount) bool {
	for _, p := range parts {
		if p == nil {
			return false
		}
	}
	return true
}

func checkRevenueEqualsExpenditure(d *Document) []Finding {
	r, e := d.Summary.Revenue, d.Summary.Expenditure
	if r.Total == nil || e.Total == nil {
		return nil
	}
	if r.CarriedOver == nil && e.CarriedForward == nil {
		if d.Meta.Kind == KindFinalAccount {
			return nil // a final account's spending rarely equals its revenue; without the carry-overs there is no identity
		}
		return compare("summary.revenue_equals_expenditure", "revenue total vs expenditure total", e.Total, r.Total)
	}
	if r.CarriedOver == nil || e.CarriedForward == nil {
		return nil
	}
	lhs := &Amount{Yuan: e.Total.Yuan.Add(e.CarriedForward.Yuan), Text: "本年支出 + 结转下年", At: e.Total.At}
	return compare("summary.revenue_equals_expenditure", "revenue plus carry-over vs expenditure plus carry-forward", lhs, r.Total, r.CarriedOver)
}

// checkRevenueSources: the sources a document lists add up to its revenue
// total — or to the total with the carry-over, when the document's "收入"
// includes it. Sources it leaves out may be zero, so parts that fall short
// are only info; parts that exceed the total are a warning.
func checkRevenueSources(d *Document) []Finding {
	r := d.Summary.Revenue
	parts := []*Amount{r.GeneralPublicBudget, r.GovernmentFundBudget, r.StateCapitalBudget, r.SpecialAccount, r.Business, r.Other}
	if r.GeneralPublicBudget == nil && r.GovernmentFundBudget == nil && r.StateCapitalBudget == nil && r.FiscalAppropriation != nil {
		parts = []*Amount{r.FiscalAppropriation, r.SpecialAccount, r.Business, r.Other}
	}
	f := compare("summary.revenue_total_equals_sources", "revenue total vs its sources", r.Total, parts...)
	if len(f) == 0 {
		return nil
	}
	if r.CarriedOver != nil {
		// The document's "收入" may include the carry-over.
		withCarry := compare("summary.revenue_total_equals_sources", "revenue total vs its sources and carry-over", r.Total, append(parts, r.CarriedOver)...)
		if len(withCarry) == 0 {
			return nil
		}
		if strings.Contains(withCarry[0].Message, "read as 万元") {
			return withCarry
		}
	}
	if exp, _ := decimal.Parse(f[0].Expected); exp.Cmp(r.Total.Yuan) < 0 && f[0].Severity == SevWarning && !strings.Contains(f[0].Message, "read as 万元") {
		f[0].Severity = SevInfo
		f[0].Message += " (sources not listed may account for the rest)"
	}
	return f
}

func checkBasicPlusProject(d *Document) []Finding {
	e := d.Summary.Expenditure
	if e.Basic == nil || e.Project == nil {
		return nil
	}
	what := "expenditure total vs basic + project"
	if e.Reserve != nil || e.Other != nil {
		what = "expenditure total vs basic + project + other categories"
	}
	return compare("summary.expenditure_basic_plus_project", what, e.Total, e.Basic, e.Project, e.Reserve, e.Other)
}

func checkChangeParts(d *Document) []Finding {
	c := d.Summary.Change
	if c.Basic == nil || c.Project == nil {
		return nil
	}
	return compare("summary.change_parts_equal_total", "change total vs basic + project changes", c.Total, c.Basic, c.Project, c.Reserve)
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
	if !all(t.OverseasTravel, vehicles, t.Reception) {
		return nil // a part the document does not state: nothing to add up
	}
	return compare("three_public.parts_equal_total", "三公经费 total vs 出国 + 用车 + 接待", t.Total, t.OverseasTravel, vehicles, t.Reception)
}

func checkVehicles(d *Document) []Finding {
	t := d.ThreePublic
	if !all(t.VehiclePurchase, t.VehicleOperation) {
		return nil
	}
	return compare("three_public.vehicles_equal_purchase_plus_operation", "公务用车购置及运行费 vs 购置费 + 运行费", t.Vehicles, t.VehiclePurchase, t.VehicleOperation)
}

func checkProcurementParts(d *Document) []Finding {
	p := d.Procurement
	if !all(p.Goods, p.Works, p.Services) {
		return nil
	}
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
