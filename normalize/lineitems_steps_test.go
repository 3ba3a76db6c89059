package normalize

import (
	"testing"

	"github.com/yusuan/yusuan/schema"
)

func TestRebuildCode(t *testing.T) {
	for _, c := range []struct {
		name      string
		last      [4]string
		codeParts [4]string
		joined    string
		want      string
	}{
		{"joined", [4]string{}, [4]string{}, "2040601", "2040601"},
		{"suffix under a 款", [4]string{"", "204", "20406", ""}, [4]string{}, "01", "2040601"},
		{"suffix under a 类", [4]string{"", "204", "", ""}, [4]string{}, "06", "20406"},
		{"split parts", [4]string{}, [4]string{"", "204", "06", "01"}, "", "2040601"},
		{"split, 类 blank", [4]string{"", "204", "", ""}, [4]string{"", "", "06", ""}, "", "20406"},
		{"split, 类 and 款 blank", [4]string{"", "204", "20406", ""}, [4]string{"", "", "", "01"}, "", "2040601"},
		{"nothing", [4]string{"", "204", "", ""}, [4]string{}, "", ""},
	} {
		st := &blockState{last: c.last}
		if got := st.rebuildCode(c.codeParts, c.joined); got != c.want {
			t.Errorf("%s: rebuildCode = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestNameRow(t *testing.T) {
	st := &blockState{}
	var it schema.LineItem
	st.nameRow(&it, "一、一般公共服务支出", false, false, [4]string{}, "")
	if it.Name != "一般公共服务支出" || it.Subitem || !st.topNumbered {
		t.Errorf("一、 row: %+v, topNumbered %v", it, st.topNumbered)
	}
	it = schema.LineItem{}
	st.nameRow(&it, "1.人大事务", false, false, [4]string{}, "")
	if it.Name != "人大事务" || !it.Subitem {
		t.Errorf("1. row under a 一、 row: %+v", it)
	}
	it = schema.LineItem{}
	st.nameRow(&it, "合计", false, false, [4]string{}, "")
	if it.RowKind != schema.RowTotal || st.topNumbered {
		t.Errorf("合计 row: %+v, topNumbered %v", it, st.topNumbered)
	}
	it = schema.LineItem{}
	st.nameRow(&it, "其中：基本支出", false, false, [4]string{}, "")
	if it.Name != "基本支出" || !it.Subitem {
		t.Errorf("其中 row: %+v", it)
	}
	it = schema.LineItem{}
	if joined := st.nameRow(&it, "2040601 行政运行", false, false, [4]string{}, ""); joined != "2040601" || it.Name != "行政运行" {
		t.Errorf("code in the name: joined %q, %+v", joined, it)
	}
	st.group = "一般公共预算"
	it = schema.LineItem{}
	st.nameRow(&it, "小计", true, false, [4]string{}, "")
	if it.Name != "一般公共预算" || it.RowKind != schema.RowSubtotal {
		t.Errorf("小计 in a group: %+v", it)
	}
}

func TestDropNameCodes(t *testing.T) {
	items := []schema.LineItem{{Name: "工资福利支出", Code: "301", Level: "类", Classification: "economic"}, {Name: "某某费"}}
	st := &blockState{byName: []int{0}}
	st.dropNameCodes(items)
	if items[0].Code != "301" {
		t.Errorf("every name known: code dropped: %+v", items[0])
	}
	st.uncoded = 1
	st.dropNameCodes(items)
	if items[0].Code != "" || items[0].Level != "" || items[0].Classification != "" {
		t.Errorf("a name unknown: code kept: %+v", items[0])
	}
}
