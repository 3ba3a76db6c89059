package schema_test

import (
	"context"
	"strings"
	"testing"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/internal/testcorpus"
	"github.com/yusuan/yusuan/schema"
)

// TestNewRulesOnCorpus: each rule of issue 12's 基本支出 split, 财政拨款
// total and copied-item classes on the real document it was found in
// (checked by hand against pdftotext -layout), and on one document of
// the same publisher where it must stay silent.
func TestNewRulesOnCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus tests skipped in -short mode")
	}
	cases := []struct {
		file, rule, severity string
		contains             []string // in the Chinese message; none: no finding beyond info
	}{
		// p. 24: 一般公共预算财政拨款基本支出 5377.64, 人员经费 4896.98; F6: 4884.09 + 480.66.
		{"raw/shanghai-putuo/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf", "basic_expenditure.narrative_vs_table", schema.SevError,
			[]string{"5377.64万元", "5364.75万元", "第24页", "第16页", "128900元", "4896.98万元", "4884.09万元", "全部资金"}},
		{"raw/shanghai-putuo/上海市普陀区财政局2024年度部门决算.pdf", "basic_expenditure.narrative_vs_table", "", nil},
		// p. 21: 财政拨款收入支出总计0.3万元; F4 总计 2,961.68.
		{"raw/shanghai-putuo/上海市普陀区财政局2024年度部门决算.pdf", "fiscal_total.narrative_vs_table", schema.SevError,
			[]string{"0.3万元", "2,961.68万元", "第21页", "第13页"}},
		{"raw/shanghai-putuo/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf", "fiscal_total.narrative_vs_table", "", nil},
		// p. 18: 财政拨款收支总预算 18,728.91; B4 收入总计 18,728.94 (16,474.82 + 2,254.12).
		{"raw2/central/国家信访局_2026年度部门预算.pdf", "fiscal_total.narrative_vs_table", schema.SevWarning,
			[]string{"18,728.91万元", "18,728.94万元", "300元"}},
		{"raw2/central/国家信访局_2026年度部门预算.pdf", "basic_expenditure.narrative_vs_table", "", nil},
		// p. 7, item 16 restates item 15's 441.25万元 and 60.54%.
		{"raw/shanghai-putuo/上海市普陀区万里街道2023年部门预算__1770007475548-818404804.pdf", "narrative_items.copied_from_neighbour", schema.SevWarning,
			[]string{"220.63万元", "441.25万元", "2080505", "60.54%"}},
		// p. 9, item 9 states item 8's 17.66% (its own figures give 17.93%).
		{"raw/shanghai-putuo/上海市普陀区司法局2026年部门预算_dept_budget.pdf", "narrative_items.copied_from_neighbour", schema.SevWarning,
			[]string{"17.66%", "17.93%", "2080505"}},
		{"raw/shanghai-putuo/上海市普陀区人民政府万里街道办事处24年预算.pdf", "narrative_items.copied_from_neighbour", "", nil},
	}
	docs := map[string]*schema.Document{}
	for _, c := range cases {
		t.Run(c.rule+"/"+c.file, func(t *testing.T) {
			path := testcorpus.Shared(t, "corpus", c.file)
			d := docs[path]
			if d == nil {
				var err error
				if d, err = yusuan.ConvertFile(context.Background(), path, yusuan.Options{}); err != nil {
					t.Fatal(err)
				}
				docs[path] = d
			}
			var got []schema.Finding
			for _, f := range d.Findings {
				if f.Rule == c.rule && f.Severity != schema.SevInfo {
					got = append(got, f)
				}
			}
			if c.severity == "" {
				if len(got) > 0 {
					t.Fatalf("want no finding, got %+v", got)
				}
				return
			}
			if len(got) != 1 || got[0].Severity != c.severity {
				t.Fatalf("want one %s finding, got %+v", c.severity, got)
			}
			for _, s := range c.contains {
				if !strings.Contains(got[0].Message, s) {
					t.Errorf("message %q lacks %q", got[0].Message, s)
				}
			}
		})
	}
}
