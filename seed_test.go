package yusuan_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/internal/testcorpus"
	"github.com/yusuan/yusuan/schema"
)

func convertSeed(t *testing.T) *schema.Document {
	t.Helper()
	doc, err := yusuan.ConvertFile(context.Background(), testcorpus.Seed(t), yusuan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// yuanOf returns the amount's 元 figure as a string, or "<nil>".
func yuanOf(a *schema.Amount) string {
	if a == nil {
		return "<nil>"
	}
	return a.Yuan.String()
}

// TestSeed checks every fact of the seed disclosure (廊坊市广阳区科学技术局
// 2020年部门预算) that the pipeline issue lists.
func TestSeed(t *testing.T) {
	d := convertSeed(t)

	t.Run("meta", func(t *testing.T) {
		m := d.Meta
		if m.FiscalYear != 2020 || m.Kind != schema.KindBudget || m.Issuer.Name != "廊坊市广阳区科学技术局" {
			t.Errorf("meta = %d %s %q", m.FiscalYear, m.Kind, m.Issuer.Name)
		}
		if !slices.Contains(m.Issuer.OtherNames, "廊坊市广阳区外国专家局") {
			t.Errorf("other_names = %v, want 廊坊市广阳区外国专家局 among them", m.Issuer.OtherNames)
		}
		if m.Region.City != "廊坊市" || m.Region.County != "广阳区" || m.Region.Province != "河北省" {
			t.Errorf("region = %+v", m.Region)
		}
		if m.Unit != "万元" || m.Scope != schema.ScopeDepartment || m.Issuer.Code != "481" {
			t.Errorf("unit %q scope %q code %q", m.Unit, m.Scope, m.Issuer.Code)
		}
	})

	t.Run("amounts", func(t *testing.T) {
		s := d.Summary
		cases := []struct {
			name string
			a    *schema.Amount
			yuan string
		}{
			{"revenue.total", s.Revenue.Total, "4547000"},
			{"revenue.general_public_budget", s.Revenue.GeneralPublicBudget, "4547000"},
			{"revenue.government_fund_budget", s.Revenue.GovernmentFundBudget, "0"},
			{"revenue.special_account", s.Revenue.SpecialAccount, "0"},
			{"revenue.other", s.Revenue.Other, "0"},
			{"expenditure.total", s.Expenditure.Total, "4547000"},
			{"expenditure.basic", s.Expenditure.Basic, "3507000"},
			{"expenditure.project", s.Expenditure.Project, "1040000"},
			{"change.total", s.Change.Total, "1106100"},
			{"change.basic", s.Change.Basic, "106100"},
			{"change.project", s.Change.Project, "1000000"},
			{"operating_expenses", d.OperatingExpenses, "198400"},
			{"three_public.total", d.ThreePublic.Total, "21900"},
			{"three_public.overseas_travel", d.ThreePublic.OverseasTravel, "0"},
			{"three_public.vehicles", d.ThreePublic.Vehicles, "21900"},
			{"three_public.vehicle_purchase", d.ThreePublic.VehiclePurchase, "0"},
			{"three_public.vehicle_operation", d.ThreePublic.VehicleOperation, "21900"},
			{"three_public.reception", d.ThreePublic.Reception, "0"},
			{"procurement.total", d.Procurement.Total, "0"},
			{"assets.total", d.Assets.Total, "788090"},
		}
		for _, c := range cases {
			if got := yuanOf(c.a); got != c.yuan {
				t.Errorf("%s = %s 元, want %s", c.name, got, c.yuan)
			}
		}
		rt := s.Revenue.Total
		if rt == nil || rt.Value.String() != "454.70" || rt.Unit != "万元" || rt.Text != "454.70万元" || rt.At.Line == 0 {
			t.Errorf("revenue.total keeps value/unit/text/line: %+v", rt)
		}
	})

	t.Run("lists", func(t *testing.T) {
		if len(d.Responsibilities) != 14 {
			t.Errorf("responsibilities: %d, want 14", len(d.Responsibilities))
		}
		if len(d.Glossary) != 10 {
			t.Errorf("glossary: %d, want 10", len(d.Glossary))
		}
		if len(d.Performance.Goals) != 8 {
			t.Errorf("performance.goals: %d, want 8", len(d.Performance.Goals))
		}
	})

	t.Run("indicators", func(t *testing.T) {
		its := d.Performance.IndicatorTables
		if len(its) != 2 {
			t.Fatalf("indicator tables: %d, want 2", len(its))
		}
		if n := len(its[0].Rows) + len(its[1].Rows); n != 17 {
			t.Errorf("indicator rows: %d, want 17", n)
		}
		want := map[string]struct{ l1, l2, cmp, val, unit string }{
			"科技宣传发放材料数量":   {"产出指标", "数量指标", ">=", "20000", "份"},
			"科技跃升计划全省排名":   {"产出指标", "质量指标", "<=", "30", ""},
			"科技宣传入企服务次数":   {"产出指标", "数量指标", ">=", "100", "次"},
			"技术合同交易额":      {"效果指标", "经济效益指标", ">=", "20", "亿元"},
			"企业科技创新负责人满意度": {"满意度指标", "服务对象满意度指标", ">=", "90", "%"},
		}
		found := map[string]bool{}
		for _, it := range its {
			for _, r := range it.Rows {
				w, ok := want[r.Level3]
				if !ok {
					continue
				}
				found[r.Level3] = true
				if r.Level1 != w.l1 || r.Level2 != w.l2 || r.Target == nil || r.Target.Comparator != w.cmp ||
					r.Target.Value == nil || r.Target.Value.String() != w.val || (w.unit != "" && r.Target.Unit != w.unit) {
					t.Errorf("%s: %+v target %+v", r.Level3, r, r.Target)
				}
			}
		}
		for k := range want {
			if !found[k] {
				t.Errorf("indicator %s not found", k)
			}
		}
		if len(its[1].Goals) != 2 {
			t.Errorf("second table goals: %v", its[1].Goals)
		}
	})

	t.Run("assets", func(t *testing.T) {
		a := d.Assets
		if a.AsOf != "2019-12-31" {
			t.Errorf("as_of = %q", a.AsOf)
		}
		byName := map[string]schema.AssetItem{}
		for _, it := range a.Items {
			byName[it.Name] = it
		}
		house, car := byName["房屋"], byName["车辆"]
		if house.Quantity == nil || house.Quantity.String() != "1320" || house.QuantityUnit != "平方米" || yuanOf(house.Value) != "750000" {
			t.Errorf("房屋 = %+v", house)
		}
		if car.Quantity == nil || car.Quantity.String() != "1" || yuanOf(car.Value) != "192800" {
			t.Errorf("车辆 = %+v", car)
		}
	})

	t.Run("sections", func(t *testing.T) {
		keys := map[string]bool{}
		for _, s := range d.Sections {
			for _, k := range append([]string{s.Key}, s.Keys...) {
				keys[k] = true
			}
		}
		for _, k := range []string{"responsibilities", "organization", "revenue", "expenditure", "change",
			"operating_expenses", "three_public", "performance", "procurement", "assets", "glossary", "other"} {
			if !keys[k] {
				t.Errorf("no section with key %s", k)
			}
		}
	})

	t.Run("findings", func(t *testing.T) {
		rules := map[string]schema.Finding{}
		for _, f := range d.Findings {
			rules[f.Rule] = f
		}
		if f, ok := rules["assets.total_equals_parts"]; !ok || f.Severity != schema.SevWarning || f.Expected != "980890" || f.Actual != "788090" {
			t.Errorf("assets.total_equals_parts = %+v", f)
		}
		if f, ok := rules["assets.narrative_total_equals_table"]; !ok || f.Severity != schema.SevWarning || f.Actual != "908000" || f.Expected != "788090" {
			t.Errorf("assets.narrative_total_equals_table = %+v", f)
		}
		for _, r := range []string{"summary.revenue_equals_expenditure", "three_public.parts_equal_total",
			"three_public.vehicles_equal_purchase_plus_operation", "summary.expenditure_basic_plus_project"} {
			if f, ok := rules[r]; ok {
				t.Errorf("unexpected finding where the seed is consistent: %+v", f)
			}
		}
	})
}

// TestSeedEncodings: the seed re-encoded as GBK and as UTF-16 with a BOM
// gives the same document but for source.encoding, sha256 and bytes.
func TestSeedEncodings(t *testing.T) {
	seed := testcorpus.Seed(t)
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	// GB18030 is GBK extended to all of Unicode: the seed has a character or two that plain GBK lacks.
	gbk, err := simplifiedchinese.GB18030.NewEncoder().Bytes(data)
	if err != nil {
		t.Fatal(err)
	}
	u16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(data)
	if err != nil {
		t.Fatal(err)
	}
	want := canonicalJSON(t, convertSeed(t))
	for _, c := range []struct {
		name, enc string
		data      []byte
	}{{"gbk", "gb18030", gbk}, {"utf16", "utf-16le", u16}} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "seed-"+c.name+".txt")
			if err := os.WriteFile(path, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			doc, err := yusuan.ConvertFile(context.Background(), path, yusuan.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Source.Encoding != c.enc {
				t.Errorf("encoding = %q, want %q", doc.Source.Encoding, c.enc)
			}
			if got := canonicalJSON(t, doc); got != want {
				t.Errorf("document differs from the UTF-8 seed's")
			}
		})
	}
}

// canonicalJSON renders a document without the fields that depend on the bytes of the file.
func canonicalJSON(t *testing.T, d *schema.Document) string {
	t.Helper()
	c := *d
	c.Source = schema.Source{}
	b, err := json.Marshal(&c)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
