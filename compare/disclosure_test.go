package compare

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/schema"
)

func printed(value, unit string) *schema.Amount {
	v := decimal.MustParse(value)
	y := v
	if u, ok := unitYuan[unit]; ok {
		y = v.Mul(u)
	}
	return &schema.Amount{Yuan: y, Value: v, Unit: unit, Text: value + unit}
}

// TestDisclosureMerged: a narrative and its tables are one row; each figure
// comes from the file that has it; a figure both state is checked against
// the other beyond rounding, naming both files.
func TestDisclosureMerged(t *testing.T) {
	tests := []struct {
		name          string
		narrative3    *schema.Amount // 三公 in the narrative
		tables3       *schema.Amount // 三公 in the tables
		wantDisagree  bool
		wantFindings  string
		wantThreePubl string
	}{
		{"agree within rounding", printed("24.49", "万元"), printed("244890", "元"), false, "0", "24.49"},
		{"agree exactly", printed("24.49", "万元"), printed("24.49", "万元"), false, "0", "24.49"},
		{"disagree", printed("24.49", "万元"), printed("240000", "元"), true, "1", "24.49"},
		{"one file only", nil, printed("240000", "元"), false, "0", "24.00"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			narrative, tables := filepath.Join(dir, "情况说明.txt"), filepath.Join(dir, "报表.txt")
			for _, p := range []string{narrative, tables} {
				os.WriteFile(p, []byte(p), 0o644)
			}
			res, err := Load(t.Context(), []string{narrative, tables}, Options{
				ConvertFunc: func(ctx context.Context, p string) (*schema.Document, error) {
					d := testDoc(p, "中共某市委办公室", 2024, schema.KindBudget, schema.ScopeDepartment, "")
					if strings.HasSuffix(p, "报表.txt") {
						d.Meta.Issuer.Name = "某市委办公室"
						d.ThreePublic.Total = tc.tables3
						d.Summary.Revenue.Total = printed("1000", "万元")
					} else {
						d.ThreePublic.Total = tc.narrative3
					}
					return d, nil
				},
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Rows) != 1 {
				t.Fatalf("%d rows, want one for the disclosure", len(res.Rows))
			}
			cells := map[string]string{}
			r := &res.Rows[0]
			for _, c := range compareColumns() {
				cells[c.name] = c.get(r)
			}
			if cells["收入合计（万元）"] != "1000.00" || cells["三公经费（万元）"] != tc.wantThreePubl {
				t.Errorf("figures: 收入合计 %s, 三公经费 %s; want 1000.00, %s", cells["收入合计（万元）"], cells["三公经费（万元）"], tc.wantThreePubl)
			}
			if !strings.Contains(cells["文件"], "情况说明.txt") || !strings.Contains(cells["文件"], "报表.txt") {
				t.Errorf("文件 = %q, want both files", cells["文件"])
			}
			disagree := strings.Contains(cells["备注"], "三公经费不一致")
			if disagree != tc.wantDisagree || cells["检查发现"] != tc.wantFindings {
				t.Errorf("备注 %q, 检查发现 %s; want disagreement %v, %s", cells["备注"], cells["检查发现"], tc.wantDisagree, tc.wantFindings)
			}
			if disagree && (!strings.Contains(cells["备注"], "情况说明.txt") || !strings.Contains(cells["备注"], "报表.txt")) {
				t.Errorf("the disagreement should name both files: %q", cells["备注"])
			}
		})
	}
}

func TestFindingsCountWarningsAndErrors(t *testing.T) {
	d := testDoc("a", "甲局", 2024, schema.KindBudget, schema.ScopeDepartment, "100")
	d.Findings = []schema.Finding{{Severity: schema.SevInfo}, {Severity: schema.SevWarning}, {Severity: schema.SevError}}
	if got := summarize(d).findings; got != 2 {
		t.Errorf("findings = %d, want 2 (the rounding note apart)", got)
	}
}
