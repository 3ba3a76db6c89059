package pdf

import (
	"testing"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/prov"
)

func TestJoinWrapped(t *testing.T) {
	at := func(x0, y0, x1, y1 float64) prov.At { return prov.At{Page: 2, BBox: &[4]float64{x0, y0, x1, y1}} }
	para := func(text string, a prov.At) extract.Block {
		return extract.Block{Kind: extract.KindParagraph, Text: text, At: a}
	}
	head := func(text string, a prov.At) extract.Block {
		return extract.Block{Kind: extract.KindHeading, Level: 2, Text: text, At: a}
	}
	for _, tc := range []struct {
		name  string
		in    []extract.Block
		kinds string
		texts []string
	}{
		{"heading line running to the margin is a paragraph's first line",
			[]extract.Block{head("（一）深入贯彻习近平新时代中国特色社会主义思想，深", at(90, 700, 520, 716)), para("入落实各项决策部署。", at(72, 660, 520, 696))},
			"P", []string{"（一）深入贯彻习近平新时代中国特色社会主义思想，深入落实各项决策部署。"}},
		{"a wrapped heading stays a heading",
			[]extract.Block{head("二、北京市某某局二〇二六年部门收入和支出预", at(90, 700, 521, 716)), para("算情况说明", at(72, 680, 160, 696))},
			"H", []string{"二、北京市某某局二〇二六年部门收入和支出预算情况说明"}},
		{"a short heading is left alone",
			[]extract.Block{head("一、部门主要职责", at(90, 700, 220, 716)), para("负责全市审计工作，组织实施审计项目计划。", at(72, 660, 520, 696))},
			"HP", nil},
		{"a paragraph whose last line runs to the margin goes on",
			[]extract.Block{para("本部门2026年收入预算合计1000万元，其中一般公共预算拨款收入", at(72, 700, 520, 716)), para("900万元，比上年增加10万元。", at(72, 680, 300, 696))},
			"P", []string{"本部门2026年收入预算合计1000万元，其中一般公共预算拨款收入900万元，比上年增加10万元。"}},
		{"not across pages",
			[]extract.Block{para("本部门2026年收入预算合计1000万元，其中一般公共预算拨款收入", at(72, 700, 520, 716)), {Kind: extract.KindParagraph, Text: "900万元。", At: prov.At{Page: 3, BBox: &[4]float64{72, 680, 300, 696}}}},
			"PP", nil},
	} {
		out := joinWrapped(tc.in)
		kinds := ""
		for _, b := range out {
			kinds += map[extract.BlockKind]string{extract.KindHeading: "H", extract.KindParagraph: "P"}[b.Kind]
		}
		if kinds != tc.kinds {
			t.Errorf("%s: kinds %s, want %s", tc.name, kinds, tc.kinds)
			continue
		}
		for i, want := range tc.texts {
			if out[i].Text != want {
				t.Errorf("%s: text %q, want %q", tc.name, out[i].Text, want)
			}
		}
		if len(out) == 1 && len(tc.in) == 2 && (len(out[0].Spans) != 2 || out[0].Spans[1].At.BBox != tc.in[1].At.BBox) {
			t.Errorf("%s: spans %+v", tc.name, out[0].Spans)
		}
	}
}
