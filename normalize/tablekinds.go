package normalize

import "strings"

// standardTables recognise the standard disclosure tables by the words of
// their titles (财预〔2016〕143号 and the local templates; domain.md §2–3).
// Rows are tried in order, so more specific titles come first.
var standardTables = []struct {
	kind string
	all  []string // every word must appear
	none []string // no word may appear
}{
	{"F7", []string{"三公", "决算"}, nil},
	{"B7", []string{"三公"}, nil},
	{"F8", []string{"政府性基金", "决算"}, nil},
	{"B8", []string{"政府性基金", "支出"}, []string{"收入支出", "收支"}},
	{"F9", []string{"国有资本经营", "决算"}, nil},
	{"B9", []string{"国有资本经营", "支出"}, []string{"收支"}},
	{"F6", []string{"基本支出", "决算"}, nil},
	{"B6", []string{"基本支出"}, []string{"项目支出"}},
	{"F5", []string{"一般公共预算", "支出", "决算"}, []string{"基本支出", "三公"}},
	{"B5", []string{"一般公共预算", "支出"}, []string{"基本支出", "三公", "收支"}},
	{"F4", []string{"财政拨款收入支出决算总表"}, nil},
	{"B4", []string{"财政拨款收支"}, nil},
	{"F1", []string{"收入支出决算总表"}, nil},
	{"B1", []string{"收支", "总表"}, nil},
	{"B1", []string{"收支总体情况表"}, nil},
	{"F2", []string{"收入决算表"}, nil},
	{"B2", []string{"收入", "总表"}, []string{"支出"}},
	{"B2", []string{"收入预算表"}, nil},
	{"F3", []string{"支出决算表"}, nil},
	{"B3", []string{"支出", "总表"}, []string{"收入"}},
	{"B3", []string{"支出预算表"}, []string{"收入"}},
}

// standardKind returns B1…B9 / F1…F9 for a table whose title and header
// words h (compacted) name a standard table, or "".
func standardKind(h string) string {
	for _, st := range standardTables {
		ok := true
		for _, w := range st.all {
			if !strings.Contains(h, w) {
				ok = false
				break
			}
		}
		for _, w := range st.none {
			if strings.Contains(h, w) {
				ok = false
				break
			}
		}
		if ok {
			return st.kind
		}
	}
	return ""
}
