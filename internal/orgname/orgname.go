// Package orgname owns what ends the name of a department or unit (局,
// 委员会, 中心, 街道 …): one list for the reader that finds the issuer's
// name (normalize) and the rule that compares the names printed
// (schema), so the two agree on what a name is.
package orgname

import "strings"

// Suffixes end the names of departments and units.
var Suffixes = []string{"委员会", "办公厅", "办公室", "办事处", "检察院", "法院", "人民政府", "政府", "中心", "幼儿园",
	"学校", "医院", "福利院", "指挥部", "管理处", "管理局", "大学", "学院", "局", "委", "办", "院", "厅", "会", "部", "室",
	"所", "站", "馆", "队", "处", "街道", "社", "团", "园", "校", "司", "府"}

// HasSuffix reports whether s ends like the name of a department or unit.
func HasSuffix(s string) bool {
	for _, suf := range Suffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}
