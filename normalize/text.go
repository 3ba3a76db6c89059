package normalize

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// radicals maps the CJK Radicals Supplement look-alikes that PDF producers
// emit (U+2E80–U+2EFF) to the ordinary characters. NFKC already folds the
// Kangxi radicals block (U+2F00–U+2FD5); this block has no decomposition.
var radicals = strings.NewReplacer(
	"⺁", "厂", "⺅", "亻", "⺇", "几", "⺈", "刀", "⺊", "卜", "⺋", "卩", "⺌", "小", "⺍", "小",
	"⺎", "兀", "⺏", "尢", "⺐", "尢", "⺑", "尢", "⺒", "巳", "⺓", "幺", "⺔", "彐", "⺖", "忄",
	"⺗", "心", "⺘", "扌", "⺙", "攵", "⺛", "旡", "⺜", "日", "⺝", "月", "⺞", "歺", "⺟", "母",
	"⺠", "民", "⺡", "氵", "⺢", "氺", "⺣", "灬", "⺤", "爫", "⺥", "爫", "⺦", "丬", "⺧", "牛",
	"⺨", "犭", "⺩", "王", "⺪", "疋", "⺫", "目", "⺬", "示", "⺭", "礻", "⺮", "竹", "⺯", "糸",
	"⺰", "纟", "⺱", "网", "⺲", "罒", "⺳", "网", "⺴", "网", "⺵", "网", "⺶", "羊", "⺷", "羊",
	"⺸", "羊", "⺹", "耂", "⺺", "肀", "⺻", "聿", "⺼", "月", "⺽", "臼", "⺾", "艹", "⺿", "艹",
	"⻀", "艹", "⻁", "虎", "⻂", "衤", "⻃", "襾", "⻄", "西", "⻅", "见", "⻆", "角", "⻇", "角",
	"⻈", "讠", "⻉", "贝", "⻊", "足", "⻋", "车", "⻌", "辶", "⻍", "辶", "⻎", "辶", "⻏", "阝",
	"⻐", "钅", "⻑", "长", "⻒", "长", "⻓", "长", "⻔", "门", "⻕", "阜", "⻖", "阝", "⻗", "雨",
	"⻘", "青", "⻙", "韦", "⻚", "页", "⻛", "风", "⻜", "飞", "⻝", "食", "⻞", "食", "⻟", "食",
	"⻠", "饣", "⻡", "首", "⻢", "马", "⻣", "骨", "⻤", "鬼", "⻥", "鱼", "⻦", "鸟", "⻧", "卤",
	"⻨", "麦", "⻩", "黄", "⻪", "黾", "⻫", "齐", "⻬", "齐", "⻭", "齿", "⻮", "齿", "⻯", "龙",
	"⻰", "龙", "⻱", "龟", "⻲", "龟", "⻳", "龟",
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
		if n := []rune(radicals.Replace(string(r))); len(n) == 1 {
			return n[0]
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
