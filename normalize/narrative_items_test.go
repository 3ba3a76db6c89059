package normalize

import (
	"testing"

	"github.com/yusuan/yusuan/extract"
)

func TestParseNarrativeItem(t *testing.T) {
	tests := []struct {
		paras                          []string
		code, name, level              string
		amount, planned, lastYear, pct string
	}{
		{[]string{"1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。主要用于：行政单位的基本支出。2025年当年预算执行数为1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.07%。主要原因是：部分人员退休。"},
			"2040601", "行政运行", "项", "1672.67", "1672.67", "1690.69", "-1.07"},
		{[]string{"12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.8万元。主要用于：行政事业单位为职工缴纳的住房公积金。2025年当年预算执行数为198.34万元，2026年预算安排201.50万元，比2025年预算执行数增加5.27%。主要原因是：支出增加。"},
			"2210201", "住房公积金", "项", "208.8", "201.50", "198.34", "5.27"},
		// An item the PDF broke over two paragraphs.
		{[]string{"3、公共安全支出（204类）司法（06款）普法宣传（05项）124.29万元。主要用于：法制宣传工作支出。2025年当年预算执行数为", "118.46万元，2026年预算安排124.29万元，比2025年预算执行数增加4.92%。主要原因是：法制宣传工作支出增加。"},
			"2040605", "普法宣传", "项", "124.29", "124.29", "118.46", "4.92"},
		// Levels without codes: the 类 from its name, the rest unknown.
		{[]string{"科学技术支出（类）科学技术管理事务（款）行政运行（项）30万元。"},
			"", "行政运行", "项", "30", "", "", ""},
	}
	for _, tt := range tests {
		var it itemText
		for _, p := range tt.paras {
			it.add(&extract.Block{Kind: extract.KindParagraph, Text: p})
		}
		got, ok := parseNarrativeItem(&it)
		if !ok {
			t.Errorf("%s: not parsed", tt.paras[0])
			continue
		}
		val := func(a interface{ String() string }) string { return a.String() }
		amt, pl, ly, pct := "", "", "", ""
		if got.Amount != nil {
			amt = val(got.Amount.Value)
		}
		if got.Planned != nil {
			pl = val(got.Planned.Value)
		}
		if got.LastYear != nil {
			ly = val(got.LastYear.Value)
		}
		if got.ChangePct != nil {
			pct = got.ChangePct.String()
		}
		if got.Code != tt.code || got.Name != tt.name || got.Level != tt.level || amt != tt.amount || pl != tt.planned || ly != tt.lastYear || pct != tt.pct {
			t.Errorf("%s:\n got %s %s %s amount %s planned %s last %s pct %s\nwant %s %s %s amount %s planned %s last %s pct %s",
				tt.paras[0][:30], got.Code, got.Name, got.Level, amt, pl, ly, pct, tt.code, tt.name, tt.level, tt.amount, tt.planned, tt.lastYear, tt.pct)
		}
	}
}
