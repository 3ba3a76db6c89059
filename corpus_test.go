package yusuan_test

import (
	"context"
	"slices"
	"testing"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/internal/testcorpus"
	"github.com/yusuan/yusuan/schema"
)

// TestCorpusNarratives pins what real published documents yield from
// their narrative: meta, section keys and the headline figures, each
// checked by hand against the document.
func TestCorpusNarratives(t *testing.T) {
	cases := []struct {
		path        []string
		issuer      string
		year        int
		kind, scope string
		keys        []string
		figures     map[string]string // field → 元
	}{
		{
			path:   []string{"shanghai-putuo", "上海市普陀区司法局2026年部门预算_dept_budget.pdf"},
			issuer: "上海市普陀区司法局", year: 2026, kind: schema.KindBudget, scope: schema.ScopeDepartment,
			keys: []string{"responsibilities", "organization", "glossary", "revenue", "three_public", "operating_expenses", "procurement", "assets", "performance"},
			figures: map[string]string{
				// The B1 table prints the totals in 元; the narrative rounds them to 9,628.22万元 (schema.md: the table's exact figure wins).
				"revenue.total": "96282213.44", "expenditure.total": "96282213.44", "three_public.total": "108100",
				"operating_expenses": "2178300", "procurement.total": "14864200",
			},
		},
		{
			path:   []string{"jiangsu-province", "2019年度部门预算公开.pdf"},
			issuer: "江苏省人民检察院", year: 2019, kind: schema.KindBudget, scope: schema.ScopeDepartment,
			keys: []string{"responsibilities", "organization", "revenue", "expenditure", "three_public", "operating_expenses", "procurement", "glossary"},
			figures: map[string]string{
				"revenue.total": "241697400", "revenue.general_public_budget": "241697400", "expenditure.total": "241697400",
				"expenditure.basic": "158440400", "expenditure.project": "43353000", "expenditure.reserve": "39904000",
				"operating_expenses": "23919200", "procurement.total": "27448400",
				"three_public.overseas_travel": "800000", "three_public.reception": "1012600",
			},
		},
		{
			path:   []string{"shanghai-putuo", "上海市普陀区财政局2024年度部门决算.pdf"},
			issuer: "上海市普陀区财政局", year: 2024, kind: schema.KindFinalAccount, scope: schema.ScopeDepartment,
			keys: []string{"responsibilities", "revenue", "expenditure", "three_public", "operating_expenses", "procurement"},
			figures: map[string]string{
				"revenue.total": "29462500", "expenditure.total": "29400500", "expenditure.basic": "23369100",
				"expenditure.project": "6031400", "three_public.total": "0", "three_public_budget.total": "9500",
				"operating_expenses": "1846500", "procurement.total": "2512500",
			},
		},
		{
			path:   []string{"chongqing-jiaowei", "budget2017.jsp"},
			issuer: "重庆市交通委员会", year: 2018, kind: schema.KindBudget, scope: schema.ScopeDepartment,
			keys: []string{"responsibilities", "organization", "revenue", "three_public", "glossary"},
			figures: map[string]string{
				"revenue.general_public_budget": "3249703200", "revenue.government_fund_budget": "386100000",
				"expenditure.basic": "610421700", "expenditure.project": "2639281500", "three_public.total": "28006800",
				"operating_expenses": "162521100", "procurement.total": "60604100",
			},
		},
	}
	for _, c := range cases {
		t.Run(c.path[len(c.path)-1], func(t *testing.T) {
			path := testcorpus.Shared(t, append([]string{"corpus", "raw"}, c.path...)...)
			d, err := yusuan.ConvertFile(context.Background(), path, yusuan.Options{})
			if err != nil {
				t.Fatal(err)
			}
			m := d.Meta
			if m.Issuer.Name != c.issuer || m.FiscalYear != c.year || m.Kind != c.kind || m.Scope != c.scope {
				t.Errorf("meta = %q %d %s %s, want %q %d %s %s", m.Issuer.Name, m.FiscalYear, m.Kind, m.Scope, c.issuer, c.year, c.kind, c.scope)
			}
			var keys []string
			for _, s := range d.Sections {
				keys = append(keys, s.Keys...)
			}
			for _, k := range c.keys {
				if !slices.Contains(keys, k) {
					t.Errorf("no section with key %s", k)
				}
			}
			got := figures(d)
			for field, want := range c.figures {
				if got[field] != want {
					t.Errorf("%s = %s 元, want %s", field, got[field], want)
				}
			}
		})
	}
}

// figures flattens the headline amounts of d by field path.
func figures(d *schema.Document) map[string]string {
	out := map[string]string{}
	put := func(name string, a *schema.Amount) {
		out[name] = yuanOf(a)
	}
	r, e, tp := d.Summary.Revenue, d.Summary.Expenditure, d.ThreePublic
	put("revenue.total", r.Total)
	put("revenue.general_public_budget", r.GeneralPublicBudget)
	put("revenue.government_fund_budget", r.GovernmentFundBudget)
	put("expenditure.total", e.Total)
	put("expenditure.basic", e.Basic)
	put("expenditure.project", e.Project)
	put("expenditure.reserve", e.Reserve)
	put("three_public.total", tp.Total)
	put("three_public.overseas_travel", tp.OverseasTravel)
	put("three_public.reception", tp.Reception)
	if d.ThreePublicBudget != nil {
		put("three_public_budget.total", d.ThreePublicBudget.Total)
	}
	put("operating_expenses", d.OperatingExpenses)
	put("procurement.total", d.Procurement.Total)
	return out
}
