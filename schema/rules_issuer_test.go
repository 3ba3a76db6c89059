package schema

import (
	"strings"
	"testing"
)

func TestRelateNames(t *testing.T) {
	tests := []struct {
		a, b string
		want nameRelation
		gap  string
	}{
		{"某某市某某区规划和自然资源局", "某某市某某区规划和自然资源局", nameSame, ""},
		{"某某市某某区规划和自然资源局", "某某市某某区规划与自然资源局", nameConjunction, "和"},
		{"某某市某某区规划和自然资源局", "某某市规划和自然资源局", nameDroppedPlace, "某某区"},
		{"某某市规划和自然资源局", "某某市某某区规划和自然资源局", nameDroppedPlace, "某某区"},
		{"某某省审计厅", "某某省审计局", nameOneChar, "厅"},
		// Counter-examples: no warning class.
		{"中国共产党某某省委员会办公厅", "中国共产党某某省委员会办", nameCut, ""}, // a cell cut short
		{"某某市某某区司法局", "某某区司法局", nameNoPrefix, "某某市"},
		{"中国共产党某某省委员会办公厅", "中共某某省委办公厅", nameShortForm, ""},
		{"某某市人民政府国有资产监督管理委员会", "某某市国资委", nameShortForm, ""},
		{"某某市某某区人民政府某某街道办事处", "某某市某某区某某街道", nameShortForm, ""},
		{"某某市审计局", "某某市计算机审计中心", nameOther, ""},
	}
	for _, tt := range tests {
		got, gap, _ := relateNames(foldName(tt.a), foldName(tt.b))
		if got != tt.want || gap != tt.gap {
			t.Errorf("relateNames(%s, %s) = %v %q, want %v %q", tt.a, tt.b, got, gap, tt.want, tt.gap)
		}
	}
}

func TestFoldName(t *testing.T) {
	for in, want := range map[string]string{
		"某某市司法局（本级）": "某某市司法局",
		"某某市司法局(本级)": "某某市司法局",
		"某某市审计局汇总":   "某某市审计局",
		"某某市审计局（汇总）": "某某市审计局",
		"某某市 审计局":    "某某市审计局",
		"某某市办公室机关":   "某某市办公室",
		"ＡＢ市审计局":     "AB市审计局",
	} {
		if got := foldName(in); got != want {
			t.Errorf("foldName(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestIssuerNameDiffers(t *testing.T) {
	title := PrintedName{Name: "某某市某某区规划和自然资源局", Where: PrintedTitle, At: At{Page: 1}, Count: 1}
	label := func(name, label string) PrintedName {
		return PrintedName{Name: name, Where: PrintedLabel, Label: label, At: At{Page: 8}, Count: 9}
	}
	narrative := func(name string) PrintedName {
		return PrintedName{Name: name, Where: PrintedNarrative, At: At{Page: 26}, Count: 2}
	}
	tests := []struct {
		name     string
		scope    string
		printed  []PrintedName
		severity string // "" for no finding
		contains string
	}{
		{"与 for 和 in the text", ScopeDepartment, []PrintedName{title, narrative("某某市某某区规划与自然资源局")}, SevWarning, "“和”作“与”"},
		{"district dropped in a table's title", ScopeDepartment, []PrintedName{title, {Name: "某某市规划和自然资源局", Where: PrintedCaption, At: At{Page: 7}, Count: 1}}, SevWarning, "漏写“某某区”"},
		{"district dropped in a label", ScopeDepartment, []PrintedName{title, label("某某市规划和自然资源局", "单位名称")}, SevWarning, "“单位名称：”栏（第8页，共9处）"},
		{"a label without the city", ScopeDepartment, []PrintedName{title, label("某某区规划和自然资源局", "部门")}, SevInfo, "省略“某某市”"},
		{"another name in a label", ScopeDepartment, []PrintedName{title, label("某某市某某区测绘中心", "单位名称")}, SevInfo, "仅提示"},
		// Counter-examples.
		{"the same name", ScopeDepartment, []PrintedName{title, label("某某市某某区规划和自然资源局", "编制部门")}, "", ""},
		{"full width, spaces and 本级", ScopeDepartment, []PrintedName{title, label("某某市某某区规划和自然资源局（本级）", "部门名称"), narrative("某某市某某区规划和自然资源局 ")}, "", ""},
		{"a header cell cut short", ScopeDepartment, []PrintedName{label("中国共产党某某省委员会办公厅", "部门"), label("中国共产党某某省委员会办", "部门")}, "", ""},
		{"a unit's parent department", ScopeUnit, []PrintedName{title, label("某某市规划资源局", "主管部门")}, "", ""},
		{"the narrative's short form", ScopeDepartment, []PrintedName{title, narrative("某某区规划和自然资源局"), narrative("区规划资源局")}, "", ""},
		{"the narrative's run-on opening", ScopeDepartment, []PrintedName{title, narrative("纳入某某市某某区规划和自然资源局")}, "", ""},
		{"the narrative names a subordinate unit", ScopeDepartment, []PrintedName{title, narrative("某某市某某区测绘中心")}, "", ""},
		{"one name only", ScopeDepartment, []PrintedName{title}, "", ""},
		{"nothing printed", ScopeDepartment, nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &Document{}
			d.Meta.Scope, d.Meta.IssuerPrinted = tt.scope, tt.printed
			fs := run(t, "meta.issuer_name_differs", d)
			if tt.severity == "" {
				if len(fs) != 0 {
					t.Errorf("want no finding, got %+v", fs)
				}
				return
			}
			if len(fs) != 1 || fs[0].Severity != tt.severity || !strings.Contains(fs[0].Message, tt.contains) || len(fs[0].At) != 2 {
				t.Errorf("want one %s containing %q, got %+v", tt.severity, tt.contains, fs)
			}
		})
	}
}

func TestFileNameIssuer(t *testing.T) {
	tests := []struct {
		path    string
		issuer  string
		printed []string // other names the document prints
		want    bool
	}{
		{"某某市审计局_2026年度部门预算.pdf", "某某市统计局", nil, true},
		{"某某市某某区规划和自然资源局2024年度部门决算.pdf", "某某市某某区规划与自然资源局", nil, true},
		{"某某市司法局2026年部门预算.pdf", "某某市某某区司法局", nil, true}, // the city's bureau, not the district's
		// Counter-examples.
		{"某某市审计局_2026年度部门预算.pdf", "某某市审计局", nil, false},
		{"某某市国资委_2026部门预算情况的说明.pdf", "某某市人民政府国有资产监督管理委员会", nil, false}, // a short form
		{"某某市审计局汇总_2026年部门预算公开说明.pdf", "某某市审计局（汇总）", nil, false},
		{"某某市民政局本级_2026年度单位预算.pdf", "某某市民政局(本级)", nil, false},
		{"2017年省检察院部门预算.pdf", "某某省人民检察院", nil, false},
		{"某某省人大常委会2019年度部门预算公开.pdf", "某某省人大常委会办公厅", nil, false},        // the parent body
		{"某某市民政局2026年单位预算.pdf", "某某市社会福利院", []string{"某某市民政局"}, false}, // the unit's 主管部门
		{"2019年度部门预算公开.pdf", "某某省人民检察院", nil, false},                   // no department
		{"附件2：部门决算模板.pdf", "某某市XX局", nil, false},
		{"某某区2026年单位预算模板.xls", "某某市某某区", nil, false}, // a place, not a department
		{"budget2017.jsp", "某某市交通委员会", nil, false},
		{"12966_2018年度某某指挥部(含服务中心）部门预算说明_page.html", "某某指挥部(含服务中心）", nil, false},
	}
	for _, tt := range tests {
		d := &Document{}
		d.Source.Path, d.Meta.Issuer.Name = tt.path, tt.issuer
		for _, n := range tt.printed {
			d.Meta.IssuerPrinted = append(d.Meta.IssuerPrinted, PrintedName{Name: n, Where: PrintedLabel, Label: "主管部门"})
		}
		var fs []Finding
		for _, f := range run(t, "meta.file_name_disagrees", d) {
			if strings.Contains(f.Message, "部门是") {
				fs = append(fs, f)
			}
		}
		if got := len(fs) == 1; got != tt.want {
			t.Errorf("%s (document %s): finding %v, want %v: %+v", tt.path, tt.issuer, got, tt.want, fs)
			continue
		}
		if tt.want && (fs[0].Severity != SevInfo || fs[0].Expected != tt.issuer) {
			t.Errorf("%s: %+v", tt.path, fs[0])
		}
	}
	// The issuer itself came from the file's name: nothing to compare.
	d := &Document{}
	d.Source.Path, d.Meta.Issuer.Name, d.Meta.FromFileName = "某某市审计局2026年部门预算.pdf", "某某市统计局", []string{"issuer"}
	if fs := run(t, "meta.file_name_disagrees", d); len(fs) != 0 {
		t.Errorf("issuer from the file name: %+v", fs)
	}
}
