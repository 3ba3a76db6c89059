package schema_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/internal/testcorpus"
)

// TestCodeNamesCorpus: the 2019 budget of 江苏省政协办公厅 prints three 类
// of its 收支预算总表 (page 1) under their names of the 2018 科目 —
// 七、文化体育与传媒支出 (207, since 2019 文化旅游体育与传媒支出), 九、医疗卫生与
// 计划生育支出 (210, 卫生健康支出), 十七、国土海洋气象等支出 (220, 自然资源海洋
// 气象等支出), checked with pdftotext -layout: info, renamed. The 2019 budget
// of 江苏省高级人民法院 prints the 2019 names: nothing.
func TestCodeNamesCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test skipped in -short mode")
	}
	dir := testcorpus.Shared(t, "corpus", "raw", "jiangsu-province")
	tests := []struct {
		file  string
		codes []string
	}{
		{"江苏省政协办公厅2019年预算公开表.pdf", []string{"207", "210", "220"}},
		{"江苏省高级人民法院2019年度部门预算公开.pdf", nil},
	}
	for _, tt := range tests {
		d, err := yusuan.ConvertFile(context.Background(), filepath.Join(dir, tt.file), yusuan.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		n := 0
		for _, f := range d.Findings {
			if f.Rule != "tables.code_name_mismatch" {
				continue
			}
			n++
			if f.Severity != "info" || !strings.Contains(f.Message, "科目已更名") || !strings.Contains(f.Message, "2019年政府收支分类科目") {
				t.Errorf("%s: %s %s", tt.file, f.Severity, f.Message)
			}
			for _, c := range tt.codes {
				if strings.Contains(f.Message, "科目"+c+"的名称") {
					got = append(got, c)
				}
			}
		}
		if n != len(tt.codes) || strings.Join(got, ",") != strings.Join(tt.codes, ",") {
			t.Errorf("%s: renamed codes %v, want %v", tt.file, got, tt.codes)
		}
	}
}
