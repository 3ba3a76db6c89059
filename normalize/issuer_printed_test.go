package normalize

import (
	"fmt"
	"slices"
	"testing"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/prov"
)

func TestPrintedIssuerNames(t *testing.T) {
	x := lines(1, "某某市某某区规划和自然资源局", "2024年度部门决算", "目录")
	x.Blocks = append(x.Blocks,
		extract.Block{Kind: extract.KindHeading, Text: "一、某某市某某区规划和自然资源局主要职责", At: prov.At{Page: 4}},
		extract.Block{Kind: extract.KindParagraph, Text: "我局主要职责是……", At: prov.At{Page: 4}},
		extract.Block{Kind: extract.KindParagraph, Text: "2024年，某某市某某区规划与自然资源局所属各预算单位……", At: prov.At{Page: 26}},
		extract.Block{Kind: extract.KindParagraph, Text: "某某市某某区规划与自然资源局2024年度无政府性基金预算财政拨款收入。", At: prov.At{Page: 26}},
		extract.Block{Kind: extract.KindHeading, Text: "第一部分 区规划资源局概况", At: prov.At{Page: 3}, TOC: true},
	)
	for page, caption := range []string{"某某市规划和自然资源局 2024 年度部门决算表", "收入支出决算总表"} {
		x.Blocks = append(x.Blocks, extract.Block{Kind: extract.KindTable, At: prov.At{Page: 7 + page}, Table: &extract.Table{
			Caption: []string{caption, "单位：万元"},
			Rows:    [][]extract.Cell{{{Text: "部门名称"}, {Text: "[292]某某市某某区规划和自然资源局"}}},
		}})
	}
	var got []string
	for _, p := range printedIssuerNames(x, "某某市某某区规划和自然资源局2024年度部门决算", false) {
		got = append(got, fmt.Sprintf("%s %s %s p%d x%d", p.Where, p.Label, p.Name, p.At.Page, p.Count))
	}
	want := []string{
		"title  某某市某某区规划和自然资源局 p1 x1",
		"narrative  某某市某某区规划和自然资源局 p4 x1",
		"narrative  某某市某某区规划与自然资源局 p26 x2", // the opening, then the swap search counts both
		"caption  某某市规划和自然资源局 p7 x1",
		"label 部门名称 某某市某某区规划和自然资源局 p7 x2",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	// A title from the file's name is no printed name.
	if ps := printedIssuerNames(lines(1, "收入支出决算总表"), "某某市审计局2024年度部门决算", true); len(ps) != 0 {
		t.Errorf("title from the file name: %+v", ps)
	}
}

func TestNarrativeIssuer(t *testing.T) {
	for in, want := range map[string]string{
		"一、某某市审计局主要职责":             "某某市审计局",
		"第一部分某某市审计局概况":             "某某市审计局",
		"关于某某市卫生健康委员会2026年部门预算的说明": "某某市卫生健康委员会",
		"某某市审计局2026年收入预算1,234万元":   "某某市审计局",
		"我局主要职责":                   "",
		"本部门主要职责":                  "",
		"部门主要职责":                   "",
		"高等学校财政拨款收入":               "",
		"根据某某市审计局要求":               "",
	} {
		if got := narrativeIssuer(in); got != want {
			t.Errorf("narrativeIssuer(%s) = %q, want %q", in, got, want)
		}
	}
}
