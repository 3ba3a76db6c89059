package normalize

import (
	"regexp"
	"strings"

	"github.com/yusuan/yusuan/schema"
)

// comparatorWords are printed comparators, longest first within each kind.
var comparatorWords = []struct {
	word string
	cmp  string
}{
	{">=", schema.CmpGE}, {"≥", schema.CmpGE}, {"≧", schema.CmpGE}, {"⩾", schema.CmpGE},
	{"<=", schema.CmpLE}, {"≤", schema.CmpLE}, {"≦", schema.CmpLE}, {"⩽", schema.CmpLE},
	{"大于等于", schema.CmpGE}, {"大于或等于", schema.CmpGE}, {"不低于", schema.CmpGE}, {"不少于", schema.CmpGE},
	{"不小于", schema.CmpGE}, {"至少", schema.CmpGE}, {"达到", schema.CmpGE},
	{"小于等于", schema.CmpLE}, {"小于或等于", schema.CmpLE}, {"不超过", schema.CmpLE}, {"不高于", schema.CmpLE},
	{"不多于", schema.CmpLE}, {"不大于", schema.CmpLE}, {"控制在", schema.CmpLE},
	{">", schema.CmpGT}, {"大于", schema.CmpGT}, {"高于", schema.CmpGT}, {"超过", schema.CmpGT},
	{"<", schema.CmpLT}, {"小于", schema.CmpLT}, {"低于", schema.CmpLT},
	{"=", schema.CmpEQ}, {"等于", schema.CmpEQ},
}

var targetNumber = regexp.MustCompile(`^\s*([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(.*)$`)

// unitAliases folds spellings of one unit.
var unitAliases = map[string]string{"百分比": "%", "%": "%", "百分之": "%", "个百分点": "个百分点"}

// ParseTarget reads an indicator's target value: "≥90百分比" → {">=", 90,
// "%"}, "≥20亿元" → {">=", 20, "亿元"}, "≤30排名" → {"<=", 30, "排名"},
// "95%以上" → {">=", 95, "%"}, "100%" → {"=", 100, "%"}. Text without a
// number is qualitative: {"text", nil, "", text}.
func ParseTarget(s string) *schema.Target {
	raw := strings.TrimSpace(s)
	if raw == "" {
		return nil
	}
	t := strings.TrimSpace(Clean(raw))
	cmp := ""
	for _, c := range comparatorWords {
		if strings.HasPrefix(t, c.word) {
			cmp, t = c.cmp, strings.TrimSpace(t[len(c.word):])
			break
		}
	}
	m := targetNumber.FindStringSubmatch(t)
	if m == nil {
		return &schema.Target{Comparator: schema.CmpText, Text: raw}
	}
	v, ok := parseNumber(m[1])
	if !ok {
		return &schema.Target{Comparator: schema.CmpText, Text: raw}
	}
	unit := strings.TrimSpace(m[2])
	for _, suf := range []struct{ word, cmp string }{{"以上", schema.CmpGE}, {"及以上", schema.CmpGE}, {"以下", schema.CmpLE}, {"及以下", schema.CmpLE}, {"以内", schema.CmpLE}} {
		if strings.HasSuffix(unit, suf.word) {
			unit = strings.TrimSpace(strings.TrimSuffix(unit, suf.word))
			unit = strings.TrimSuffix(unit, "及")
			if cmp == "" {
				cmp = suf.cmp
			}
		}
	}
	if strings.HasPrefix(unit, "百分比") || strings.HasPrefix(unit, "%") {
		unit = "%"
	}
	if a, ok := unitAliases[unit]; ok {
		unit = a
	}
	if len([]rune(unit)) > 6 {
		// A sentence after the number is not a unit.
		unit = ""
	}
	if cmp == "" {
		cmp = schema.CmpEQ
	}
	return &schema.Target{Comparator: cmp, Value: &v, Unit: unit, Text: raw}
}
