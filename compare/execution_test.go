package compare

import (
	"testing"

	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/schema"
)

// TestExecution: a final account beside the one budget of the same
// department and year gets 决算 ÷ 预算; with no budget, or two, it gets none.
func TestExecution(t *testing.T) {
	row := func(issuer, kind string, year int, spent, threePublic string) Row {
		var r Row
		r.issuer, r.kind, r.scope, r.year = issuer, kind, schema.ScopeDepartment, year
		for f, v := range map[int]string{figExpenditure: spent, figThreePublic: threePublic} {
			if v != "" {
				d := decimal.MustParse(v)
				r.figs[f] = &d
			}
		}
		return r
	}
	rows := []Row{
		row("甲局", schema.KindBudget, 2024, "1000000", "20000"),
		row("甲局", schema.KindFinalAccount, 2024, "950000", "0"),
		row("乙局", schema.KindFinalAccount, 2024, "500000", ""),
		row("丙局", schema.KindBudget, 2024, "100", ""),
		row("丙局", schema.KindBudget, 2024, "200", ""),
		row("丙局", schema.KindFinalAccount, 2024, "150", ""),
	}
	addExecution(rows)
	pct := func(r Row, f int) string {
		if r.executed[f] == nil {
			return "-"
		}
		return r.executed[f].String()
	}
	for _, c := range []struct {
		i, fig int
		want   string
	}{
		{1, figExpenditure, "95"}, {1, figThreePublic, "0"},
		{0, figExpenditure, "-"}, // a budget has no 执行率
		{2, figExpenditure, "-"}, // no budget to set it against
		{5, figExpenditure, "-"}, // two budgets: which one is a guess
	} {
		if got := pct(rows[c.i], c.fig); got != c.want {
			t.Errorf("row %d figure %d: 执行率 %s, want %s", c.i, c.fig, got, c.want)
		}
	}
}
