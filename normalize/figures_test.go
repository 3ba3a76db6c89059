package normalize

import (
	"testing"

	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/schema"
)

// TestThreePublicParagraph reads 三公 sentences as published; each figure
// lands on its field, and 机关运行经费 printed beside them is not taken for
// the vehicles' running costs.
func TestThreePublicParagraph(t *testing.T) {
	cases := []struct {
		text  string
		final bool
		want  map[string]string // field → 元
	}{
		{
			text: "2020年“三公”经费预算安排2.19万元，其中因公出国（境）费0万元；公务用车购置及运维费2.19万元（其中：公务用车购置费为0万元，公务用车运行费为2.19万元)；公务接待费0万元。",
			want: map[string]string{"total": "21900", "overseas_travel": "0", "vehicles": "21900", "vehicle_purchase": "0", "vehicle_operation": "21900", "reception": "0"},
		},
		{
			text: "2025年“三公”经费预算10.81万元，机关运行经费预算217.83万元，其中公务用车运行维护费9.98万元。",
			want: map[string]string{"total": "108100", "vehicle_operation": "99800", "operating_expenses": "2178300"},
		},
		{
			text:  "“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元。",
			final: true,
			want:  map[string]string{"total": "0", "budget.total": "9500"},
		},
		{
			text: "因公出国（境）费预算支出80万元，比上年预算减少20万元。",
			want: map[string]string{"overseas_travel": "800000", "change": "<nil>"},
		},
	}
	for _, c := range cases {
		d := &schema.Document{}
		if c.final {
			d.Meta.Kind = schema.KindFinalAccount
		}
		b := &extract.Block{Kind: extract.KindParagraph, Text: c.text}
		(&Normalizer{}).threePublicFigures(d, b, "")
		got := map[string]*schema.Amount{
			"total": d.ThreePublic.Total, "overseas_travel": d.ThreePublic.OverseasTravel, "vehicles": d.ThreePublic.Vehicles,
			"vehicle_purchase": d.ThreePublic.VehiclePurchase, "vehicle_operation": d.ThreePublic.VehicleOperation,
			"reception": d.ThreePublic.Reception, "change": d.ThreePublic.Change, "operating_expenses": d.OperatingExpenses,
		}
		if d.ThreePublicBudget != nil {
			got["budget.total"] = d.ThreePublicBudget.Total
		}
		for field, want := range c.want {
			y := "<nil>"
			if a := got[field]; a != nil {
				y = a.Yuan.String()
			}
			if y != want {
				t.Errorf("%q: %s = %s, want %s", c.text[:30], field, y, want)
			}
		}
	}
}

// TestThreePublicPhrasings reads each class of 三公 phrasing, with the
// counter-examples that must not give a total.
func TestThreePublicPhrasings(t *testing.T) {
	cases := []struct {
		name    string
		text    string
		heading string
		want    map[string]string // field → 元; "<nil>" absent
	}{
		{"财政拨款安排", "2026年本部门财政拨款安排“三公”经费4.8万元，比上年减少1万元。", "", map[string]string{"total": "48000", "change": "-10000"}},
		{"预算, plain quotes", "2026年财政拨款'三公'经费预算244.85万元。", "", map[string]string{"total": "2448500"}},
		{"no quotes", "2026年三公经费预算10万元。", "", map[string]string{"total": "100000"}},
		{"「」 quotes", "2026年「三公」经费预算3.5万元。", "", map[string]string{"total": "35000"}},
		{"part named by lead-in", "（一）因公出国（境）费用。2026年预算数173.52万元，主要用于出访。", "", map[string]string{"overseas_travel": "1735200", "total": "<nil>"}},
		{"part named by sub-heading", "2026年预算安排8.00万元，与上年持平。", "公务接待费", map[string]string{"reception": "80000", "total": "<nil>", "change": "<nil>"}},
		{"heading about all 三公 names no part", "2026年预算安排8.00万元。", "六、一般公共预算“三公”经费支出情况", map[string]string{"reception": "<nil>", "overseas_travel": "<nil>"}},
		{"无三公", "本部门无“三公”经费。", "", map[string]string{"total": "0", "overseas_travel": "0", "vehicles": "0", "vehicle_purchase": "0", "vehicle_operation": "0", "reception": "0"}},
		{"没有…三公经费支出", "本单位2026年没有安排‘三公’经费支出。", "", map[string]string{"total": "0", "reception": "0"}},
		{"an instruction is not absence", "无“三公”经费财政拨款支出的部门，作下述说明：", "", map[string]string{"total": "<nil>"}},
		{"carried-over 三公 is not absence", "本部门无2021年结转的“三公”经费支出和会议费、培训费支出。", "", map[string]string{"total": "<nil>"}},
		{"三公+会议费+培训费 is not the total", "2026年“三公”经费及会议费、培训费共15.5万元。", "", map[string]string{"total": "<nil>", "meeting": "<nil>", "training": "<nil>"}},
		{"行政经费 is not 三公", "2026年行政经费10,884.55万元。", "", map[string]string{"total": "<nil>"}},
		{"a part not budgeted", "2022年“三公”经费预算支出248.84万元，较上年增加131.35万元。因公出国（境）经费未安排，较上年无变化；公务接待费38.84万元。", "", map[string]string{"total": "2488400", "overseas_travel": "0", "reception": "388400", "change": "1313500"}},
		{"三公 in a heading, no figure", "四、财政拨款“三公”经费预算情况说明", "", map[string]string{"total": "<nil>"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &schema.Document{}
			b := &extract.Block{Kind: extract.KindParagraph, Text: c.text}
			(&Normalizer{}).threePublicFigures(d, b, c.heading)
			tp := d.ThreePublic
			got := map[string]*schema.Amount{"total": tp.Total, "overseas_travel": tp.OverseasTravel, "vehicles": tp.Vehicles,
				"vehicle_purchase": tp.VehiclePurchase, "vehicle_operation": tp.VehicleOperation, "reception": tp.Reception,
				"meeting": tp.Meeting, "training": tp.Training, "change": tp.Change}
			for field, want := range c.want {
				y := "<nil>"
				if a := got[field]; a != nil {
					y = a.Yuan.String()
				}
				if y != want {
					t.Errorf("%s = %s, want %s", field, y, want)
				}
			}
		})
	}
}

// TestDeriveThreePublicTotal: parts without a total give a derived total at
// the first part; a missing part gives none; a printed total is kept.
func TestDeriveThreePublicTotal(t *testing.T) {
	amt := func(s string, page int) *schema.Amount {
		v := decimal.MustParse(s)
		return &schema.Amount{Yuan: v.Shift(4), Value: v, Unit: "万元", Text: s + "万元", At: schema.At{Page: page}}
	}
	tp := &schema.ThreePublic{OverseasTravel: amt("7.05", 3), VehiclePurchase: amt("0", 4), VehicleOperation: amt("10", 4), Reception: amt("8", 5)}
	deriveThreePublicTotal(tp)
	if tp.Total == nil || tp.Total.Yuan.String() != "250500" || tp.Total.At.Page != 3 || tp.Total.Derived != "sum of overseas_travel, vehicle_purchase, vehicle_operation, reception" {
		t.Errorf("derived total = %+v", tp.Total)
	}
	partial := &schema.ThreePublic{OverseasTravel: amt("1", 1), Reception: amt("2", 1)}
	deriveThreePublicTotal(partial)
	if partial.Total != nil {
		t.Errorf("total derived without the vehicles: %+v", partial.Total)
	}
	printed := &schema.ThreePublic{Total: amt("20", 1), OverseasTravel: amt("1", 1), Vehicles: amt("2", 1), Reception: amt("3", 1)}
	deriveThreePublicTotal(printed)
	if printed.Total.Derived != "" || printed.Total.Yuan.String() != "200000" {
		t.Errorf("printed total replaced: %+v", printed.Total)
	}
}

// TestSummaryPhrasings: a total named only by its lead-in, a 类 listed
// after it, 上级补助收入, and basic/project under a 财政拨款 heading.
func TestSummaryPhrasings(t *testing.T) {
	cases := []struct {
		name, text string
		fiscal     bool
		want       map[string]string
	}{
		{"lead-in names the total", "（二）支出预算：2026年年初预算数186549.30万元。按支出功能分类，包括一般公共服务支出59.56万元，教育支出33862.49万元。", false,
			map[string]string{"expenditure": "1865493000"}},
		{"类 alone is not the total", "按支出功能分类，教育支出33862.49万元，农林水支出102942.13万元。", false, map[string]string{"expenditure": "<nil>"}},
		{"上级补助收入 is not the total", "6.上级补助收入0.00万元。", false, map[string]string{"revenue": "<nil>"}},
		{"年终结转 is carried forward, not carried over", "（三）年终结转结余资金0.00万元。", false, map[string]string{"carried_over": "<nil>", "carried_forward": "0"}},
		{"财政拨款 heading scopes basic", "其中：基本支出33325.21万元，项目支出94823.35万元。", true, map[string]string{"basic": "<nil>", "project": "<nil>"}},
		{"department basic", "其中：基本支出33325.21万元，项目支出94823.35万元。", false, map[string]string{"basic": "333252100", "project": "948233500"}},
		{"使用非财政拨款结余 is not 财政拨款", "其中本年收入预算390,140.45万元，使用非财政拨款结余18,953.73万元，上年结转81,714.17万元。", false,
			map[string]string{"fiscal": "<nil>", "carried_over": "817141700"}},
		{"财政拨款收入", "其中：财政拨款收入216,552.53万元。", false, map[string]string{"fiscal": "2165525300"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &schema.Document{}
			d.Meta.FiscalYear = 2026
			b := &extract.Block{Kind: extract.KindParagraph, Text: c.text}
			(&Normalizer{}).summaryFigures(d, b, false, c.fiscal, &figState{weak: map[**schema.Amount]bool{}})
			s := d.Summary
			got := map[string]*schema.Amount{"revenue": s.Revenue.Total, "expenditure": s.Expenditure.Total, "basic": s.Expenditure.Basic, "project": s.Expenditure.Project,
				"carried_over": s.Revenue.CarriedOver, "carried_forward": s.Expenditure.CarriedForward, "fiscal": s.Revenue.FiscalAppropriation}
			for field, want := range c.want {
				y := "<nil>"
				if a := got[field]; a != nil {
					y = a.Yuan.String()
				}
				if y != want {
					t.Errorf("%s = %s, want %s", field, y, want)
				}
			}
		})
	}
}
