package normalize

import (
	"testing"

	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/schema"
)

func money(yuan string) *schema.Amount {
	v := decimal.MustParse(yuan)
	return &schema.Amount{Yuan: v, Value: v, Unit: "元", Text: yuan}
}

// TestFillFromTablesDeterministic: a keyed row with several amounts and
// none of them its total has no amount of its own. It used to take
// whichever the map's range returned first, so the summary changed from
// run to run.
func TestFillFromTablesDeterministic(t *testing.T) {
	for range 50 {
		d := &schema.Document{Tables: []schema.Table{{Kind: schema.KindB1, LineItems: []schema.LineItem{
			{Name: "其他收入", Side: schema.SideRevenue, Key: schema.RowRevenueOther,
				Amounts: map[schema.ColumnKey]*schema.Amount{schema.ColBasic: money("1"), schema.ColProject: money("2"), schema.ColReserve: money("3")}},
			{Name: "事业收入", Side: schema.SideRevenue, Key: schema.RowRevenueBusiness,
				Amounts: map[schema.ColumnKey]*schema.Amount{schema.ColBasic: money("5"), schema.ColTotal: money("7")}},
		}}}}
		(&Normalizer{}).fillFromTables(d, nil)
		if got := d.Summary.Revenue.Other; got != nil {
			t.Fatalf("revenue.other = %s, want none (no total among several amounts)", got.Yuan)
		}
		if got := d.Summary.Revenue.Business; got == nil || got.Yuan.String() != "7" {
			t.Fatalf("revenue.business = %v, want the total 7", got)
		}
	}
}

// TestUnitDeclared: the declarations the corpus prints, with 人民币 and
// 百万元 (the unit used to be missed: the table was read in the default).
func TestUnitDeclared(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"单位：万元", "万元"},
		{"金额单位：元", "元"},
		{"单位：人民币万元", "万元"},
		{"金额单位：人民币元", "元"},
		{"（单位：百万元）", "百万元"},
		{"单位：亿元", "亿元"},
	} {
		if got := unitIn(c.in); got != c.want {
			t.Errorf("unitIn(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := unitOf("表一 收支总表 " + c.in + " 合计 12.5"); got != c.want {
			t.Errorf("unitOf(…%q…) = %q, want %q", c.in, got, c.want)
		}
	}
}
func wan(s string) *schema.Amount {
	v := decimal.MustParse(s)
	return &schema.Amount{Yuan: v.Shift(4), Value: v, Unit: "万元", Text: s}
}

// TestTotalRowNamedByUnit: a B3 whose first row is the unit (or unnamed),
// not 合计, is the total when its 类 rows add up to it (each rounded).
func TestTotalRowNamedByUnit(t *testing.T) {
	table := func(first string) *schema.Table {
		return &schema.Table{LineItems: []schema.LineItem{
			{Name: "深圳市民政局（本级）", Amounts: map[schema.ColumnKey]*schema.Amount{"total": wan(first), "basic": wan("5581.69")}},
			{Name: "教育支出", Code: "205", Amounts: map[schema.ColumnKey]*schema.Amount{"total": wan("12.23")}},
			{Name: "教育", Code: "20502", Amounts: map[schema.ColumnKey]*schema.Amount{"total": wan("12.23")}},
			{Name: "其他支出", Code: "229", Amounts: map[schema.ColumnKey]*schema.Amount{"total": wan("28271.24")}},
		}}
	}
	if row := b3TotalRow(table("28283.46")); row == nil || row.Name != "深圳市民政局（本级）" {
		t.Errorf("unit row not taken for the total: %+v", row)
	}
	if row := b3TotalRow(table("30000.00")); row != nil {
		t.Errorf("a first row its 类 rows do not add up to was taken: %+v", row)
	}
}

// TestBasicOfSubColumns: 基本支出 printed only as 人员/公用 sub-columns.
func TestBasicOfSubColumns(t *testing.T) {
	split := &schema.LineItem{Amounts: map[schema.ColumnKey]*schema.Amount{
		"total": wan("99230.46"), "basic": wan("58486.35"), "basic_2": wan("12237.94"), "project": wan("28506.17")}}
	if b := basicOf(split); b.Yuan.String() != "707242900" {
		t.Errorf("basic = %s, want 70724.29万元", b.Yuan)
	}
	whole := &schema.LineItem{Amounts: map[schema.ColumnKey]*schema.Amount{
		"total": wan("100"), "basic": wan("60"), "basic_2": wan("10"), "project": wan("40")}}
	if b := basicOf(whole); b.Yuan.String() != "600000" {
		t.Errorf("basic = %s, want the printed 60万元 (row adds up without the second column)", b.Yuan)
	}
}

// TestTakePrefersExactTableFigure: the table's 元 figure replaces the
// narrative's rounded one; a figure beyond rounding does not.
func TestTakePrefersExactTableFigure(t *testing.T) {
	exact := &schema.Amount{Yuan: decimal.MustParse("96282213.44"), Value: decimal.MustParse("96282213.44"), Unit: "元", Text: "96,282,213.44"}
	dst := wan("9628.22")
	take(&dst, exact)
	if dst != exact {
		t.Errorf("rounded narrative kept: %+v", dst)
	}
	other := &schema.Amount{Yuan: decimal.MustParse("96292213.44"), Value: decimal.MustParse("96292213.44"), Unit: "元", Text: "96,292,213.44"}
	dst = wan("9628.22")
	take(&dst, other)
	if dst == other {
		t.Error("a table figure beyond rounding replaced the narrative")
	}
}
