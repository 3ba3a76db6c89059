package schema_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/internal/testcorpus"
)

// TestTextRulesOnCorpus: each narrative rule finds its real instance in
// the shared corpus (checked by hand with pdftotext -layout), and only
// that one on the document.
func TestTextRulesOnCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus tests skipped in -short mode")
	}
	root := testcorpus.Shared(t, "corpus")
	for _, c := range []struct{ file, rule, severity, contains string }{
		// Page 8: 比2026年预算增加793.14万元 in a 2026 budget, five times.
		{"raw/shanghai-putuo/上海市普陀区司法局2026年部门预算_dept_budget.pdf", "narrative.comparison_year", "warning", "793.14"},
		// Page 25: 1,391.68万元，比2025年预算增加333.83万元，增长31.35% (333.83 ÷ 1057.85 = 31.56 %).
		{"raw2/central/国家信访局_2026年度部门预算.pdf", "narrative.change_pct", "warning", "31.56%"},
		// 20.18万元，较2015年决算数增加2.45元，增长13.82% (2.45 ÷ 17.73 = 13.82 % in 万元).
		{"raw/fujian-pingtan/7657_2016年度平潭县人民检察院部门决算说明_page.html", "amounts.unit_slip", "warning", "2.45元"},
		// Page 16: 政府性基金支出预算支出万元 (the figure is not printed).
		{"raw/jiangsu-province/江苏省人大常委会2019年度部门预算公开.pdf", "narrative.lost_figure", "info", "万元"},
	} {
		t.Run(c.rule, func(t *testing.T) {
			path := filepath.Join(root, filepath.FromSlash(c.file))
			if _, err := os.Stat(path); err != nil {
				t.Skipf("%s not in the corpus", c.file)
			}
			d, err := yusuan.ConvertFile(context.Background(), path, yusuan.Options{})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, f := range d.Findings {
				if f.Rule != c.rule {
					continue
				}
				n++
				if f.Severity != c.severity || !strings.Contains(f.Message, c.contains) {
					t.Errorf("%s: %s %s", c.file, f.Severity, f.Message)
				}
			}
			if n != 1 {
				t.Errorf("%s: %d findings of %s, want 1", c.file, n, c.rule)
			}
		})
	}
}
