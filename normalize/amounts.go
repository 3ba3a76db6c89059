package normalize

import (
	"math"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/internal/units"
)

// Money is an amount parsed from text, before provenance is attached.
type Money struct {
	Value decimal.Decimal // as printed
	Unit  string          // 元, 万元, 亿元, 千元 (as printed, or the default given)
	Yuan  decimal.Decimal // Value in 元, exact
	Text  string          // the snippet it came from
	Start int             // rune offset of the snippet in the searched text
	End   int
}

// ToYuan converts v in unit to 元; ok is false for an unknown unit.
func ToYuan(v decimal.Decimal, unit string) (decimal.Decimal, bool) {
	n, ok := units.Shift(unit)
	if !ok {
		return decimal.Decimal{}, false
	}
	return v.Shift(n), true
}

// ParseAmount reads a whole cell or phrase as one amount: "454.70万元",
// "4,733.14", "１２３", "(12.50)" (negative), "-3", "0万元", and "无" as
// zero. A bare number takes defaultUnit. Empty cells and dashes ("-", "—")
// are not amounts: a blank is not a zero in tables (the caller decides).
func ParseAmount(s, defaultUnit string) (Money, bool) {
	raw := s
	t := compact(Clean(s))
	if t == "" {
		return Money{}, false
	}
	if t == "无" || t == "零" {
		known := units.Known(defaultUnit)
		return Money{Value: decimal.Decimal{}, Unit: defaultUnit, Yuan: decimal.Decimal{}, Text: raw, End: utf8.RuneCountInString(raw)}, known
	}
	neg := false
	for _, p := range [][2]string{{"(", ")"}, {"（", "）"}} {
		if strings.HasPrefix(t, p[0]) && strings.HasSuffix(t, p[1]) && len(t) > len(p[0])+len(p[1]) {
			neg = true
			t = t[len(p[0]) : len(t)-len(p[1])]
			break
		}
	}
	unit, printed := defaultUnit, false
	for _, u := range []string{"百万元", "亿元", "万元", "千元", "元"} {
		if strings.HasSuffix(t, u) {
			unit, printed = u, true
			t = strings.TrimSuffix(t, u)
			break
		}
	}
	var v decimal.Decimal
	if n, ok := parseNumber(t); ok {
		v = n
	} else if n, ok := parseChineseNumber(t); ok {
		v = n
		// In 一万二千元 and 一千三百万元 the unit's 千 or 百 belongs to the
		// numeral (it has a larger magnitude before it): read it whole, in 元.
		if lead := strings.TrimSuffix(unit, "元"); printed && lead != "" && outranks(t, lead) {
			if w, ok := parseChineseNumber(t + lead); ok {
				v, unit = w, "元"
			}
		}
	} else {
		return Money{}, false
	}
	if neg {
		v = v.Neg()
	}
	y, ok := ToYuan(v, unit)
	if !ok {
		return Money{}, false
	}
	return Money{Value: v, Unit: unit, Yuan: y, Text: raw, End: utf8.RuneCountInString(raw)}, true
}

var thousands = regexp.MustCompile(`^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$`)

// parseNumber reads "1,234.50", "-12", "+0.5", "12." with ASCII digits.
func parseNumber(t string) (decimal.Decimal, bool) {
	if t == "" {
		return decimal.Decimal{}, false
	}
	if strings.Contains(t, ",") {
		if !thousands.MatchString(t) {
			return decimal.Decimal{}, false
		}
		t = strings.ReplaceAll(t, ",", "")
	}
	t = strings.TrimSuffix(t, ".")
	if intDigits(t) > maxAmountDigits {
		return decimal.Decimal{}, false
	}
	d, err := decimal.Parse(t)
	return d, err == nil
}

// maxAmountDigits bounds the digits before the point of a figure: 10^16
// 元 (一亿亿元) is far beyond any public budget, so a longer run is glued
// figures or a code, and taking it would make an "amount" that, once
// turned into 元, is too long to read back from the JSON.
const maxAmountDigits = 16

// intDigits counts the digits before the decimal point of t.
func intDigits(t string) int {
	n := 0
	for _, r := range t {
		if r == '.' {
			break
		}
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

// outranks reports whether the numeral t holds a magnitude larger than the
// first character of lead (千, 万, 百万, 亿).
func outranks(t, lead string) bool {
	l, _ := utf8.DecodeRuneInString(lead)
	for _, r := range t {
		if cnMagnitude[r] > cnMagnitude[l] {
			return true
		}
	}
	return false
}

var cnMagnitude = map[rune]int{'十': 1, '百': 2, '千': 3, '万': 4, '亿': 8}

var cnDigit = map[rune]int64{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
var cnSmallUnit = map[rune]int64{'十': 10, '百': 100, '千': 1000}

// parseChineseNumber reads Chinese numerals: "三", "十二", "一百二十", "三千零五",
// "一万二千", "四点五". Up to 亿.
func parseChineseNumber(t string) (decimal.Decimal, bool) {
	if t == "" {
		return decimal.Decimal{}, false
	}
	intPart, frac, _ := strings.Cut(t, "点")
	var total, section, digit int64
	seen := false
	for _, r := range intPart {
		switch {
		case r == '亿':
			n := total + section + digit
			if n > math.MaxInt64/100000000 {
				return decimal.Decimal{}, false // 九千万亿亿 would overflow
			}
			total = n * 100000000
			section, digit = 0, 0
		case r == '万':
			// 一亿二千万: the 万 scales its own section, not the 亿 before it.
			n := section + digit
			if n > (math.MaxInt64-total)/10000 {
				return decimal.Decimal{}, false
			}
			total += n * 10000
			section, digit = 0, 0
		case cnSmallUnit[r] > 0:
			if digit == 0 {
				digit = 1
			}
			section += digit * cnSmallUnit[r]
			digit = 0
		default:
			d, ok := cnDigit[r]
			if !ok {
				return decimal.Decimal{}, false
			}
			digit = d
		}
		seen = true
	}
	total += section + digit
	if !seen && frac == "" {
		return decimal.Decimal{}, false
	}
	s := decimalString(total)
	if frac != "" {
		var b strings.Builder
		for _, r := range frac {
			d, ok := cnDigit[r]
			if !ok {
				return decimal.Decimal{}, false
			}
			b.WriteByte(byte('0' + d))
		}
		s += "." + b.String()
	}
	d, err := decimal.Parse(s)
	return d, err == nil
}

func decimalString(n int64) string {
	return decimal.FromInt(n).String()
}

// amountInText matches an amount with an explicit money unit inside running
// text: Arabic ("454.70万元", "4,733.14 万元") or Chinese ("五万元").
var amountInText = regexp.MustCompile(`(?:^|[^\d.,])(([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(百万元|亿元|万元|千元|元))|((?:[零〇一二两三四五六七八九十百千]+)(?:点[零〇一二三四五六七八九]+)?)(亿元|万元|元)`)

// FindAmounts returns the money amounts in running text, in order, with
// rune offsets into s. Only amounts with an explicit unit are returned, so
// years, counts and percentages are never taken for money.
func FindAmounts(s string) []Money {
	if !strings.Contains(s, "元") {
		return nil
	}
	c := Clean(s)
	var out []Money
	var rs []rune // of s, made on the first match
	seenBytes, seenRunes := 0, 0
	for _, m := range amountInText.FindAllStringSubmatchIndex(c, -1) {
		var numS, unitS string
		var start, end int
		switch {
		case m[2] >= 0:
			start, end = m[2], m[3]
			numS, unitS = c[m[4]:m[5]], c[m[6]:m[7]]
		case m[8] >= 0:
			start, end = m[8], m[11]
			numS, unitS = c[m[8]:m[9]], c[m[10]:m[11]]
			if !plausibleChineseAmount(c, m[8]) {
				continue
			}
		default:
			continue
		}
		var v decimal.Decimal
		var ok bool
		if m[2] >= 0 {
			v, ok = parseNumber(numS)
		} else {
			v, ok = parseChineseNumber(numS)
		}
		if !ok {
			continue
		}
		y, _ := ToYuan(v, unitS)
		if rs == nil {
			rs = []rune(s)
		}
		// Count runes from the previous match on, not from the start: a long
		// paragraph full of figures stays linear.
		from := seenRunes + utf8.RuneCountInString(c[seenBytes:start])
		to := from + utf8.RuneCountInString(c[start:end])
		seenBytes, seenRunes = start, from
		out = append(out, Money{Value: v, Unit: unitS, Yuan: y, Text: string(rs[from:to]), Start: from, End: to})
	}
	return out
}

// plausibleChineseAmount rejects Chinese numerals glued to a preceding
// word ("统一万元" is not 一万元): the numeral must follow a non-Han rune,
// punctuation or a verb that introduces an amount.
func plausibleChineseAmount(s string, at int) bool {
	if at == 0 {
		return true
	}
	if strings.HasSuffix(strings.TrimRight(s[:at], "：: "), "单位") {
		return false // 单位：千元 declares a unit; it is no amount
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:at])
	if prev < 0x4e00 || prev > 0x9fff {
		return true
	}
	return strings.ContainsRune("为计达约共合增减少加降排列安", prev)
}
