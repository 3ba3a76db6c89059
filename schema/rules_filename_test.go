package schema

import (
	"slices"
	"strings"
	"testing"
)

func TestFileNameYear(t *testing.T) {
	tests := []struct {
		path     string
		year     int
		fromName []string
		want     bool
	}{
		// The corpus: a portal URL named for 2017 serves the 2018 budget.
		{"raw/chongqing-jiaowei/budget2017.jsp", 2018, nil, true},
		{"上海市普陀区商务委员会单位25年预算.pdf", 2024, nil, true},
		// Counter-examples.
		{"上海市普陀区商务委员会单位25年预算.pdf", 2025, nil, false}, // agrees
		{"西安市安全生产监督管理局_2019年部门综合预算公开报表.pdf", 2019, nil, false},
		{"report.pdf", 2024, nil, false},                         // no year in the name
		{"2023年决算与2024年预算.pdf", 2024, nil, false},                // two years: the name says nothing for sure
		{"budget2017.jsp", 2017, []string{"fiscal_year"}, false}, // the year came from the name
		{"12966_2018年度项目.html", 2019, nil, true},
		{"file_120345.pdf", 2019, nil, false}, // digits, not a year
	}
	for _, tt := range tests {
		d := &Document{}
		d.Source.Path, d.Meta.FiscalYear, d.Meta.FromFileName = tt.path, tt.year, tt.fromName
		fs := run(t, "meta.file_name_disagrees", d)
		if got := len(fs) == 1; got != tt.want {
			t.Errorf("%s (document %d): finding %v, want %v: %+v", tt.path, tt.year, got, tt.want, fs)
			continue
		}
		if tt.want && (fs[0].Severity != SevInfo || !strings.Contains(fs[0].Message, "文件名") || !slices.Contains([]string{"2017", "2025", "2018"}, fs[0].Actual)) {
			t.Errorf("%s: %+v", tt.path, fs[0])
		}
	}
}
