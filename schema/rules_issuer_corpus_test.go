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

// TestIssuerNameOnCorpus: meta.issuer_name_differs finds the real instances
// of the corpus (checked by hand with pdftotext -layout) and stays silent
// on documents whose names only look different.
func TestIssuerNameOnCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus tests skipped in -short mode")
	}
	root := testcorpus.Shared(t, "corpus")
	for _, c := range []struct {
		file string
		want []string // "severity|substring", one per finding
	}{
		// Page 7: the tables' title reads "上海市规划和自然资源局2024年度部门决算表"
		// (the city's bureau; 普陀区 dropped); page 26 prints "上海市普陀区规划与
		// 自然资源局" three times (与 for 和).
		{"raw/shanghai-putuo/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf", []string{
			"warning|表名（第7页）为“上海市规划和自然资源局”（其一漏写“普陀区”",
			"warning|正文（第26页，共3处）为“上海市普陀区规划与自然资源局”（一字之差：“和”作“与”）",
		}},
		// Counter-examples. A header cell cut short: "部门：中国共产党江苏省委员会办".
		{"raw/jiangsu-province/江苏省委办公厅2017年预算公开表格.pdf", nil},
		// "深圳市司法局本级" title, "部门名称：深圳市司法局（本级）".
		{"raw2/guangdong-shenzhen/深圳市司法局本级_2026年部门预算.pdf", nil},
		// A unit's parent: "主管部门：福州市公安局" in the 治安管理支队's budget.
		{"raw2/fujian-fuzhou/福州市公安局治安管理支队_2026年度单位预算.pdf", nil},
		// "西安市审计局（汇总）" and "主管部门：西安市审计局"; the text's "市交通运输局".
		{"raw2/shaanxi-xian/西安市审计局汇总_2026年部门预算公开说明.pdf", nil},
		{"raw2/shaanxi-xian/西安市交通运输局_2022年部门综合预算.pdf", nil},
	} {
		t.Run(filepath.Base(c.file), func(t *testing.T) {
			path := filepath.Join(root, filepath.FromSlash(c.file))
			if _, err := os.Stat(path); err != nil {
				t.Skipf("%s not in the corpus", c.file)
			}
			d, err := yusuan.ConvertFile(context.Background(), path, yusuan.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range d.Findings {
				if f.Rule == "meta.issuer_name_differs" || f.Rule == "meta.file_name_disagrees" {
					got = append(got, f.Severity+"|"+f.Message)
				}
			}
			if len(got) != len(c.want) {
				t.Fatalf("%d findings, want %d: %q", len(got), len(c.want), got)
			}
			for i, w := range c.want {
				sev, sub, _ := strings.Cut(w, "|")
				if !strings.HasPrefix(got[i], sev+"|") || !strings.Contains(got[i], sub) {
					t.Errorf("finding %d: %s, want %s containing %q", i, got[i], sev, sub)
				}
			}
		})
	}
}
