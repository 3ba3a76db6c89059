package normalize

import (
	"strings"

	"github.com/yusuan/yusuan/internal/radicals"
	"golang.org/x/text/unicode/norm"
)

// Clean normalises text for matching, rune for rune so that offsets into
// the cleaned text are offsets into the original: full-width digits, Latin
// letters and the symbols of numbers (％ ． － ＋ ＜ ＝ ＞, and ， between
// full-width digits as in "１，２３４") become ASCII; Kangxi radicals and
// their look-alikes become the ordinary characters; odd spaces become ' '. Chinese punctuation （，；：） is kept:
// it carries the clause structure the parsers read. Clean text is returned
// without copying.
func Clean(s string) string {
	if !needsClean(s) {
		return s
	}
	rs := []rune(s)
	// ， between full-width digits ("１，２３４") is a thousands separator;
	// between ASCII digits it stays: "分别为100，200万元" lists two numbers.
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] == '，' && isFullWidthDigit(rs[i-1]) && isFullWidthDigit(rs[i+1]) {
			rs[i] = ','
		}
	}
	for i, r := range rs {
		rs[i] = cleanRune(r)
	}
	// Between ASCII digits it is a thousands separator only when exactly
	// three digits and a decimal point follow ("1，799.35万元").
	for i, r := range rs {
		if r == '，' && i > 0 && isASCIIDigit(rs[i-1]) && i+5 < len(rs) &&
			isASCIIDigit(rs[i+1]) && isASCIIDigit(rs[i+2]) && isASCIIDigit(rs[i+3]) && rs[i+4] == '.' && isASCIIDigit(rs[i+5]) {
			rs[i] = ','
		}
	}
	return string(rs)
}

func isFullWidthDigit(r rune) bool { return r >= '０' && r <= '９' }

func cleanRune(r rune) rune {
	switch {
	case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
		return r - 0xFEE0
	case r == '％' || r == '．' || r == '－' || r == '＋' || r == '＜' || r == '＝' || r == '＞' || r == '／':
		return r - 0xFEE0
	case r == '\u3000' || r == '\u00a0' || r == '\u2002' || r == '\u2003' || r == '\u2009':
		return ' '
	case r >= 0x2F00 && r <= 0x2FDF:
		if n := []rune(norm.NFKC.String(string(r))); len(n) == 1 {
			return n[0]
		}
	case r >= 0x2E80 && r <= 0x2EFF:
		if u, ok := radicals.Fold(r); ok {
			return u
		}
	default:
		if v, ok := glyphVariants[r]; ok {
			return v
		}
	}
	return r
}

// glyphVariants are code points that CJK fonts draw with one glyph, so a
// PDF's ToUnicode map may name either ("财政专戶" from Noto CJK for 财政专户).
// They fold to the form simplified-Chinese text uses.
var glyphVariants = map[rune]rune{
	'戶': '户', '戸': '户', '內': '内', '呂': '吕', '靑': '青', '黃': '黄', '眞': '真',
	'兌': '兑', '說': '说', '稅': '税', '卽': '即', '敎': '教', '晩': '晚', '淸': '清',
	'値': '值', '爲': '为', '僞': '伪', '縣': '县', '區': '区', '財': '财', '費': '费',
}

func needsClean(s string) bool {
	prev := rune(0)
	for _, r := range s {
		if cleanRune(r) != r || r == '，' && (isASCIIDigit(prev) || isFullWidthDigit(prev)) {
			return true
		}
		prev = r
	}
	return false
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// compact removes all whitespace, for matching labels printed with spaces
// between characters ("合　计", "项   目").
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u3000' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
}
