// Package units owns the money units the disclosures print (元, 千元, 万元,
// 百万元, 亿元): their powers of ten and the "单位：万元" declarations above
// tables and in titles. extract, normalize and schema all read units from
// here, so they agree on which units exist.
package units

import "regexp"

// Units and the power of ten that turns each into 元. Longer names first:
// 百万元 ends in 万元.
var shifts = []struct {
	name  string
	shift int
}{
	{"百万元", 6}, {"亿元", 8}, {"万元", 4}, {"千元", 3}, {"元", 0},
}

// Shift is the power of ten that turns an amount in unit into 元; ok is
// false for a unit that is not one of the money units.
func Shift(unit string) (n int, ok bool) {
	for _, s := range shifts {
		if s.name == unit {
			return s.shift, true
		}
	}
	return 0, false
}

// Known reports whether unit is a money unit.
func Known(unit string) bool {
	_, ok := Shift(unit)
	return ok
}

// declared matches a unit declaration: "单位：万元", "金额单位:元",
// "（单位：人民币万元）", "单位： 百万元".
var declared = regexp.MustCompile(`单位\s*[:：]\s*(?:人民币)?\s*(` + alternatives() + `)`)

func alternatives() string {
	s := ""
	for i, u := range shifts {
		if i > 0 {
			s += "|"
		}
		s += u.name
	}
	return s
}

// Declared finds the first unit declaration in s and returns its unit, or "".
func Declared(s string) string {
	if m := declared.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

// DeclaredRE is the regular expression Declared uses; its first group is
// the unit.
func DeclaredRE() *regexp.Regexp { return declared }
