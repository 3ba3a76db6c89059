package normalize

import (
	"strings"
	"testing"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/schema"
)

// TestRereadShiftedHeader: a table whose stacked header was glued onto
// the wrong columns ("合计一般公共预算 | 财政拨款政府性基金预算 | …", as an
// unruled 部门预算基本支出预算表 was once read) fails its self-check as
// read, and is kept under the reading one column over, where its sums
// hold.
func TestRereadShiftedHeader(t *testing.T) {
	tb := grid(1,
		"支出项目类别（资金使用单位） | 总计 | 合计一般公共预算 | 财政拨款政府性基金预算 | 国有资本经营预算 | 财政专户拨款 | 其他资金 | <",
		"合计 | 8,401.67 | 8,401.67 | 8,401.67 | 0.00 | 0.00 | 0.00 | 0.00",
		"某某局（本级） | 5,673.23 | 5,673.23 | 5,673.23 | 0.00 | 0.00 | 0.00 | 0.00",
		"工资福利支出 | 4,785.53 | 4,785.53 | 4,785.53 | 0.00 | 0.00 | 0.00 | 0.00",
		"商品和服务支出 | 381.91 | 381.91 | 381.91 | 0.00 | 0.00 | 0.00 | 0.00",
		"对个人和家庭的补助 | 497.79 | 497.79 | 497.79 | 0.00 | 0.00 | 0.00 | 0.00",
		"资本性支出 | 8.00 | 8.00 | 8.00 | 0.00 | 0.00 | 0.00 | 0.00",
		"某某中心 | 2,728.44 | 2,728.44 | 2,728.44 | 0.00 | 0.00 | 0.00 | 0.00",
		"工资福利支出 | 2,346.13 | 2,346.13 | 2,346.13 | 0.00 | 0.00 | 0.00 | 0.00",
		"商品和服务支出 | 174.56 | 174.56 | 174.56 | 0.00 | 0.00 | 0.00 | 0.00",
		"对个人和家庭的补助 | 203.25 | 203.25 | 203.25 | 0.00 | 0.00 | 0.00 | 0.00",
		"资本性支出 | 4.50 | 4.50 | 4.50 | 0.00 | 0.00 | 0.00 | 0.00")
	tb.Caption = []string{"表11", "部门预算基本支出预算表", "单位：万元"}
	tb.Unit = "万元"
	x := &extract.Document{Format: "pdf", Blocks: []extract.Block{
		{Kind: extract.KindHeading, Level: 1, Text: "某某局2026年部门预算"},
		{Kind: extract.KindTable, Table: tb},
	}}
	d := testNormalizer(t).Normalize(x, "x.pdf")
	for _, tab := range d.Tables {
		if tab.Kind != schema.KindB6 {
			continue
		}
		c := tab.Check
		if c == nil || c.Status != schema.CheckOK || !strings.Contains(c.ReasonEn, "header band") || !strings.Contains(c.Reason, "表头") || c.Held < 3 {
			t.Fatalf("check %+v, want ok under the shifted reading", c)
		}
		if tot := tab.TotalRow(); tot == nil || tot.Amounts[schema.ColGeneralPublicBudget] == nil || tot.Amounts[schema.ColGeneralPublicBudget].Text != "8,401.67" {
			t.Errorf("合计 row under the shifted reading: %+v", tot)
		}
		return
	}
	t.Fatalf("no B6 read: %+v", d.Tables)
}
