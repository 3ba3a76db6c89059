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
