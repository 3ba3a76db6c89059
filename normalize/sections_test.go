package normalize

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yusuan/yusuan/extract"
)

// TestOutlineNesting: headings nest by their numbering sequences; a
// contents list printed as headings (no page numbers to mark it) is
// followed by the body, whose "第一部分" starts the outline over rather
// than nesting inside the list's last entry.
func TestOutlineNesting(t *testing.T) {
	n := testNormalizer(t)
	tests := []struct {
		name     string
		headings []string
		want     string // level of each heading
	}{
		{"parts, numbered lists and sub-lists", []string{"第一部分 部门概况", "一、主要职责", "（一）职责", "（二）机构", "二、收入预算情况说明", "第二部分 报表"}, "1 2 3 3 2 1"},
		{"contents printed as headings, then the body", []string{
			"第一部分 2026年度部门预算情况说明", "一、部门情况说明", "二、收入预算情况说明",
			"第二部分 2026年度部门预算报表", "一、收支总表", "二、部门整体支出绩效目标表",
			"第一部分 2026年度部门预算情况说明", "一、部门情况说明", "二、收入预算情况说明"}, "1 2 2 1 2 2 1 2 2"},
		{"a list restarting under its own parent nests", []string{"一、收入", "1.财政拨款", "2.其他", "二、支出", "1.基本支出"}, "1 2 2 1 2"},
	}
	for _, tt := range tests {
		doc := &extract.Document{Blocks: []extract.Block{{Kind: extract.KindParagraph, Text: "某某局2026年度部门预算"}}}
		for _, h := range tt.headings {
			doc.Blocks = append(doc.Blocks, extract.Block{Kind: extract.KindHeading, Text: h}, extract.Block{Kind: extract.KindParagraph, Text: "正文。"})
		}
		o := n.buildOutline(doc, "")
		var got []string
		for _, s := range o.sections {
			got = append(got, fmt.Sprint(s.Level))
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%s: levels %s, want %s", tt.name, strings.Join(got, " "), tt.want)
		}
	}
}
