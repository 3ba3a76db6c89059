package codebook

import (
	"strings"
	"testing"
)

func TestCanon(t *testing.T) {
	tests := []struct{ in, want string }{
		{"行政运行", "行政运行"},
		{"  行政 运行 ", "行政运行"},
		{"-基本工资", "基本工资"},
		{"其中：基本工资", "基本工资"},
		{"维修（护）费", "维修(护)费"},
		{"因公出国（境）费用", "因公出国(境)费用"},
		{"其他工资福利支出", "其他工资福利"},
		{"其他工资福利", "其他工资福利"},
		{"\u2ED4诊", "门诊"}, // ⻔ U+2ED4, a radical look-alike
		{"ＡＢ费", "AB费"},
	}
	for _, tt := range tests {
		if got := Canon(tt.in); got != tt.want {
			t.Errorf("Canon(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDefaultBook(t *testing.T) {
	b := Default()
	for _, tt := range []struct {
		class, code string
		year        int
		want        string // "" for not known
	}{
		{Economic, "30101", 2026, "基本工资"},
		{Functional, "210", 2018, "医疗卫生与计划生育支出"},
		{Functional, "210", 2019, "卫生健康支出"},
		{Functional, "210", 2040, ""},
		{Functional, "999", 2024, ""},
	} {
		e, ok := b.Name(tt.class, tt.code, tt.year)
		if ok != (tt.want != "") || e.Name != tt.want {
			t.Errorf("Name(%s, %s, %d) = %q, %v; want %q", tt.class, tt.code, tt.year, e.Name, ok, tt.want)
		}
	}
	for _, tt := range []struct {
		class, name, near, want string
		year                    int
	}{
		{Economic, "邮电费", "30206", "30207", 2024},
		{Functional, "行政运行", "2013102", "2013101", 2019}, // the sibling, of the codes named 行政运行
		{Functional, "行政运行", "2080501", "2010101", 2019}, // none under 20805: the lowest
		{Economic, "不是科目名称", "30206", "", 2024},
	} {
		e, ok := b.HasName(tt.class, tt.name, tt.year, tt.near)
		if ok != (tt.want != "") || e.Code != tt.want {
			t.Errorf("HasName(%s near %s) = %s, %v; want %q", tt.name, tt.near, e.Code, ok, tt.want)
		}
	}
	// One name per code and year: two would leave the year unknown.
	for k, es := range b.entries {
		years := map[int]string{}
		for _, e := range es {
			for _, y := range e.Years {
				if n, dup := years[y]; dup {
					t.Errorf("%s in %d: %q and %q", k, y, n, e.Name)
				}
				years[y] = e.Name
			}
			if len(e.Sources) == 0 || e.Documents < 1 {
				t.Errorf("%s %q: no source", k, e.Name)
			}
		}
	}
}

func TestParseRejects(t *testing.T) {
	row := func(s string) string { return Header + "\n" + s + "\n" }
	for _, in := range []string{
		"code\tname\n",
		row("functional\t301\t工资福利支出\t2024\t2024\t2024\t1\ta.pdf"), // 301 is economic
		row("economic\t301\t工资福利支出\t2024\t2025\t2024\t1\ta.pdf"),   // years do not run to 2025
		row("economic\t301\t工资福利支出\t2024\t2024\t2024\t0\ta.pdf"),   // no document
		row("economic\t301\t工资福利支出\t2024\t2024\t2024"),             // too few fields
		row("fiscal\t301\t工资福利支出\t2024\t2024\t2024\t1\ta.pdf"),
	} {
		if _, err := Parse(in); err == nil {
			t.Errorf("Parse accepted %q", in)
		}
	}
	b, err := Parse("# comment\n" + row("economic\t301\t工资福利支出\t2023\t2024\t2023,2024\t2\ta.pdf; b.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := b.Name(Economic, "301", 2024); !ok || strings.Join(e.Sources, "|") != "a.pdf|b.pdf" {
		t.Errorf("parsed %+v, %v", e, ok)
	}
}
