package normalize

import (
	"slices"
	"sync"
	"testing"
)

// testSegmenter is loaded once for the package's tests.
var testSegmenter = sync.OnceValues(func() (Segmenter, error) { return LoadSegmenter("") })

func testNormalizer(t *testing.T) *Normalizer {
	t.Helper()
	seg, err := testSegmenter()
	if err != nil {
		t.Skip(err)
	}
	return New(seg)
}

// TestClassifyHeadings lists real and unseen spellings of section headings.
func TestClassifyHeadings(t *testing.T) {
	n := testNormalizer(t)
	cases := []struct {
		heading string
		want    []string // the keys, in order
	}{
		{"部门职责及机构设置情况", []string{"responsibilities", "organization"}},
		{"部门主要职责及内设机构", []string{"responsibilities", "organization"}},
		{"单位基本情况", []string{"responsibilities"}},
		{"部门预算安排的总体情况", []string{"revenue", "expenditure", "change"}},
		{"收入支出决算总体情况说明", []string{"revenue", "expenditure", "change"}},
		{"2026年部门预算编制说明", []string{"revenue", "expenditure", "change"}},
		{"收入说明", []string{"revenue"}},
		{"支出预算情况说明", []string{"expenditure"}},
		{"比上年增减情况", []string{"change"}},
		{"机关运行经费安排情况", []string{"operating_expenses"}},
		{"关于机关运行经费支出的说明", []string{"operating_expenses"}},
		{"财政拨款“三公”经费预算情况及增减变化原因", []string{"three_public"}},
		{"一般公共预算「三公」经费支出情况说明", []string{"three_public"}},
		{"三公经费、培训费及会议费支出情况说明", []string{"three_public"}},
		{"绩效预算信息", []string{"performance"}},
		{"重点项目绩效目标", []string{"performance"}},
		{"政府采购支出情况说明", []string{"procurement"}},
		{"国有资产占有使用情况", []string{"assets"}},
		{"专业名词解释", []string{"glossary"}},
		{"其他重要事项的情况说明", []string{"other"}},
		{"科学技术奖励", nil},
	}
	for _, c := range cases {
		if got := n.lex.Classify(c.heading); !slices.Equal(got, c.want) {
			t.Errorf("Classify(%q) = %v, want %v", c.heading, got, c.want)
		}
	}
}
