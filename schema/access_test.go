package schema

import "testing"

func TestLineItemMain(t *testing.T) {
	for _, c := range []struct {
		name    string
		amounts map[ColumnKey]*Amount
		want    string // Text of the main amount; "" for none
	}{
		{"total first", map[ColumnKey]*Amount{ColBasic: yuan("1"), ColTotal: yuan("3"), ColAmount: yuan("4")}, "3"},
		{"amount", map[ColumnKey]*Amount{ColAmount: yuan("4"), ColGeneralPublicBudget: yuan("5")}, "4"},
		{"final total", map[ColumnKey]*Amount{ColTotal.With(MeasureBudget): yuan("6"), ColTotal.With(MeasureFinal): yuan("7")}, "7"},
		{"fiscal column", map[ColumnKey]*Amount{ColGeneralPublicBudget: yuan("5"), ColGovernmentFund: yuan("8")}, "5"},
		{"sole", map[ColumnKey]*Amount{ColReserve: yuan("9")}, "9"},
		{"本年支出 小计 without 合计", map[ColumnKey]*Amount{ColBasic: yuan("1"), ColExpend: yuan("3"), ColProject: yuan("2")}, "3"},
		{"合计 beside 本年支出", map[ColumnKey]*Amount{ColTotal: yuan("5"), ColExpend: yuan("3"), ColCarriedOver: yuan("2")}, "5"},
		{"several, none the total", map[ColumnKey]*Amount{ColBasic: yuan("1"), ColProject: yuan("2")}, ""},
		{"none", nil, ""},
	} {
		got := (&LineItem{Amounts: c.amounts}).Main()
		if (got == nil) != (c.want == "") || got != nil && got.Text != c.want {
			t.Errorf("%s: Main() = %v, want %q", c.name, got, c.want)
		}
	}
	if (*LineItem)(nil).Main() != nil {
		t.Error("nil row has a main amount")
	}
}

func TestDocumentTable(t *testing.T) {
	d := &Document{Tables: []Table{
		{Kind: KindB3, Empty: true, Title: "empty B3"},
		{Kind: KindF1, Title: "F1"},
		{Kind: KindB3, Title: "B3"},
	}}
	if got := d.Table(KindB3); got == nil || got.Title != "B3" {
		t.Errorf("Table(B3) = %v, want the non-empty one", got)
	}
	if got := d.Table(KindB1, KindF1); got == nil || got.Title != "F1" {
		t.Errorf("Table(B1, F1) = %v, want F1", got)
	}
	if got := d.Table(KindB7); got != nil {
		t.Errorf("Table(B7) = %v, want nil", got)
	}
	if (*Table)(nil).RowAmount(RowRevenueTotal) != nil || (*Table)(nil).TotalRow() != nil {
		t.Error("a nil table has rows")
	}
}

func TestSum(t *testing.T) {
	s := Sum("a + b", yuan("1.5"), nil, yuan("2.25"))
	if s == nil || s.Text != "a + b" || s.Value.String() != "3.75" || s.Yuan.String() != "37500" {
		t.Fatalf("Sum = %+v", s)
	}
	if Sum("none", nil, nil) != nil {
		t.Error("Sum of nothing is not nil")
	}
}

// TestThreePublicRowsOperatingExpenses: a 三公 table printing its items as
// rows, with 机关运行经费 above 公务用车运行费. 机关运行经费 is not the
// vehicles' running costs: it used to be taken for them, and the table was
// reported as not adding up (用车 2 vs 购置 1 + 运行 100).
func TestThreePublicRowsOperatingExpenses(t *testing.T) {
	row := func(name, v string) LineItem {
		return LineItem{Name: name, Amounts: map[ColumnKey]*Amount{ColAmount: yuan(v)}}
	}
	d := &Document{Tables: []Table{{Kind: KindB7, LineItems: []LineItem{
		row("机关运行经费", "100"),
		row("“三公”经费合计", "6"),
		row("因公出国（境）费", "1"),
		row("公务用车购置及运行费", "2"),
		row("其中：公务用车购置费", "1"),
		row("公务用车运行费", "1"),
		row("公务接待费", "3"),
	}}}}
	if f := run(t, "three_public.table_parts", d); len(f) != 0 {
		t.Errorf("findings on a table that adds up: %+v", f)
	}
	// And a real slip is still found.
	d.Tables[0].LineItems[5] = row("公务用车运行费", "5")
	if f := run(t, "three_public.table_parts", d); len(f) != 1 || f[0].Actual != "20000" {
		t.Errorf("want one finding on 用车 2 vs 1 + 5: %+v", f)
	}
}

func TestDataRow(t *testing.T) {
	rows := func(names ...string) *Table {
		t := &Table{}
		for _, n := range names {
			t.LineItems = append(t.LineItems, LineItem{Name: n, Amounts: map[ColumnKey]*Amount{ColTotal: yuan("1")}})
		}
		return t
	}
	for _, c := range []struct {
		name   string
		table  *Table
		fiscal int
		want   string
	}{
		{"years as rows", rows("2025年", "2026年", "增减变化金额"), 2026, "2026年"},
		{"上年 first", rows("上年预算数", "本年预算数"), 2026, "本年预算数"},
		{"year unknown", rows("2025年", "2026年"), 0, "2025年"},
		{"one row", rows("财政拨款"), 2026, "财政拨款"},
		{"none", rows("2024年", "增减"), 2026, ""},
	} {
		got := c.table.DataRow(c.fiscal)
		if name := ""; got != nil {
			name = got.Name
			if name != c.want {
				t.Errorf("%s: DataRow = %q, want %q", c.name, name, c.want)
			}
		} else if c.want != "" {
			t.Errorf("%s: DataRow = nil, want %q", c.name, c.want)
		}
	}
	if (*Table)(nil).DataRow(2026) != nil {
		t.Error("nil table has a data row")
	}
}
