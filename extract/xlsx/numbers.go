package xlsx

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/yusuan/yusuan/decimal"
)

// Spreadsheets store numbers as binary doubles, written out (in xlsx) with
// up to 17 significant digits: 96282213.44 may sit in the file as
// "96282213.439999998". Excel shows at most 15 significant digits, so that
// is what the author typed and saw; plainNumber recovers it.

// plainNumber renders a stored number as the shortest decimal that Excel
// would show at full precision: no exponent, no float artefacts. ok is false
// for text that is not a number.
func plainNumber(raw string) (string, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > 64 || !numberChars(raw) {
		return "", false
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return "", false
	}
	return formatFloat(v), true
}

// numberChars reports whether s holds only the characters of a number
// literal (ParseFloat also takes "Inf", "0x1p3" and underscores).
func numberChars(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c == '.', c == '-', c == '+', c == 'e', c == 'E':
		default:
			return false
		}
	}
	return true
}

// formatFloat prints v in plain notation, rounded to Excel's 15 significant
// digits, with no trailing zeros.
func formatFloat(v float64) string {
	if v == 0 {
		return "0"
	}
	// Round to 15 significant digits through the decimal form, then take
	// the shortest representation of the result.
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'e', 14, 64), 64)
	if err != nil {
		r = v
	}
	s := strconv.FormatFloat(r, 'f', -1, 64)
	if len(s) > 40 {
		// Extreme exponents: not money; keep it short.
		return strconv.FormatFloat(r, 'g', 15, 64)
	}
	return s
}

// displayText chooses the text of a numeric cell: what the cell shows
// (number format applied, e.g. "1,234.50") when that is the value the cell
// holds, else the exact stored value (a format such as "#,##0" hiding
// decimals must not change the amount). Non-numeric displays (dates,
// currency symbols) are kept as shown.
func displayText(shown, raw string) string {
	shown = strings.TrimSpace(shown)
	plain, ok := plainNumber(raw)
	if !ok {
		return shown
	}
	if shown == strings.TrimSpace(raw) && artefact(shown) {
		// No format applied (a formula cell some writers type as a
		// string): show the number, not its binary residue.
		return plain
	}
	num, pct, looks := numericDisplay(shown)
	if !looks {
		if shown == "" {
			return plain
		}
		return shown
	}
	want := plain
	if pct {
		want = shift(plain, 2)
	}
	if sameValue(num, want) {
		return shown
	}
	if pct {
		return want + "%"
	}
	return plain
}

// numericDisplay reads a displayed number such as "1,234.50", "(12.00)",
// "-3" or "12.5%" as a plain decimal string. looks is false for other text.
func numericDisplay(s string) (num string, pct, looks bool) {
	if s == "" {
		return "", false, false
	}
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg, s = true, s[1:len(s)-1]
	}
	if strings.HasSuffix(s, "%") {
		pct, s = true, s[:len(s)-1]
	}
	if strings.HasPrefix(s, "-") {
		neg, s = !neg, s[1:]
	}
	s = strings.ReplaceAll(s, ",", "")
	if s == "" {
		return "", false, false
	}
	if _, err := decimal.Parse(s); err != nil || strings.HasPrefix(s, "+") {
		return "", false, false
	}
	if neg {
		s = "-" + s
	}
	return s, pct, true
}

// artefact reports whether a stored number has more significant digits
// than Excel keeps (15), or an exponent: the residue of a double, not text
// anyone typed.
func artefact(raw string) bool {
	if strings.ContainsAny(raw, "eE") {
		return true
	}
	digits := strings.TrimLeft(signAndPoint.Replace(raw), "0")
	return len(digits) > 15
}

var signAndPoint = strings.NewReplacer("-", "", "+", "", ".", "")

func sameValue(a, b string) bool {
	x, err1 := decimal.Parse(a)
	y, err2 := decimal.Parse(b)
	return err1 == nil && err2 == nil && x.Cmp(y) == 0
}

// shift multiplies the plain decimal s by 10^n, exactly.
func shift(s string, n int) string {
	d, err := decimal.Parse(s)
	if err != nil {
		return s
	}
	return d.Shift(n).String()
}

// numFormat is the part of a number format that decides how yusuan prints
// a legacy .xls number: decimals shown, thousands separators, percent, date.
type numFormat struct {
	decimals  int
	thousands bool
	percent   bool
	date      bool
	general   bool
}

// parseNumFormat reads the first section of a format code such as
// "#,##0.00;[Red]-#,##0.00", "0.0%" or "yyyy-mm-dd".
func parseNumFormat(code string) numFormat {
	if code == "" || strings.EqualFold(code, "General") || code == "@" {
		return numFormat{general: true}
	}
	sec, _, _ := strings.Cut(code, ";")
	var f numFormat
	// Drop quoted literals, escapes and [colour] / [$-locale] tags.
	var b strings.Builder
	for i := 0; i < len(sec); i++ {
		switch c := sec[i]; c {
		case '"':
			j := strings.IndexByte(sec[i+1:], '"')
			if j < 0 {
				i = len(sec)
			} else {
				i += j + 1
			}
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(sec[i:], ']')
			if j < 0 {
				i = len(sec)
			} else {
				i += j
			}
		default:
			b.WriteByte(c)
		}
	}
	s := strings.ToLower(b.String())
	if strings.ContainsAny(s, "ymdhs") && !strings.ContainsAny(s, "0#") {
		f.date = true
		return f
	}
	f.percent = strings.Contains(s, "%")
	intPart, frac, _ := strings.Cut(s, ".")
	f.thousands = strings.Contains(intPart, ",")
	for _, c := range frac {
		if c == '0' || c == '#' || c == '?' {
			f.decimals++
		} else {
			break
		}
	}
	if !strings.ContainsAny(s, "0#?") {
		f.general = true
	}
	return f
}

// apply prints the plain number plain under f, never dropping a digit: a
// value with more decimals than the format shows keeps them all.
func (f numFormat) apply(plain string) string {
	switch {
	case f.general:
		return plain
	case f.date:
		return serialDate(plain)
	}
	s := plain
	if f.percent {
		s = shift(s, 2)
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	if len(frac) <= f.decimals {
		frac += strings.Repeat("0", f.decimals-len(frac))
	}
	if f.thousands && len(intPart) > 3 {
		var b strings.Builder
		for i, c := range intPart {
			if i > 0 && (len(intPart)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(c)
		}
		intPart = b.String()
	}
	s = intPart
	if frac != "" {
		s += "." + frac
	}
	if neg {
		s = "-" + s
	}
	if f.percent {
		s += "%"
	}
	return s
}

// serialDate prints an Excel 1900-system serial day number as yyyy-mm-dd
// (with hh:mm when it has a time of day).
func serialDate(plain string) string {
	v, err := strconv.ParseFloat(plain, 64)
	if err != nil || v < 1 || v > 2958465 {
		return plain
	}
	if v < 61 {
		v++ // Excel's phantom 1900-02-29
	}
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	days := math.Floor(v)
	secs := math.Round((v - days) * 86400)
	t := epoch.AddDate(0, 0, int(days)).Add(time.Duration(secs) * time.Second)
	if secs == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04")
}
