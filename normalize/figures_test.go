package normalize

import (
	"testing"

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
		(&Normalizer{}).threePublicFigures(d, b)
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
