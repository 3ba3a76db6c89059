package normalize_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/normalize"
)

// unitPower is the power of ten from each unit to 元, written out here
// rather than read from the package so the test checks it.
var unitPower = map[string]int{"元": 0, "千元": 3, "万元": 4, "亿元": 8, "百万元": 6}

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in, defaultUnit string
		value, unit     string // Value.String() and Unit
		yuan            string // Yuan.String()
	}{
		{"454.70万元", "", "454.70", "万元", "4547000"},
		{"454.70万元", "元", "454.70", "万元", "4547000"}, // the printed unit wins
		{"454.70 万元", "", "454.70", "万元", "4547000"},
		{" 454.70万元\n", "", "454.70", "万元", "4547000"},
		{"１,２３４.５万元", "", "1234.5", "万元", "12345000"},
		{"１２３４．５万元", "", "1234.5", "万元", "12345000"},
		{"１，２３４．５万元", "", "1234.5", "万元", "12345000"}, // full-width comma between digits
		{"4,733.14", "万元", "4733.14", "万元", "47331400"},
		{"52,360,000.00元", "", "52360000.00", "元", "52360000"}, // Yuan is canonical
		{"4733.14", "元", "4733.14", "元", "4733.14"},
		{"(12.50)", "万元", "-12.50", "万元", "-125000"},
		{"（12.50）", "万元", "-12.50", "万元", "-125000"},
		{"(12.50万元)", "", "-12.50", "万元", "-125000"},
		{"-3", "万元", "-3", "万元", "-30000"},
		{"－3", "万元", "-3", "万元", "-30000"},
		{"+3", "万元", "3", "万元", "30000"},
		{"0万元", "", "0", "万元", "0"},
		{"0.00", "万元", "0.00", "万元", "0"},
		{"12.", "万元", "12", "万元", "120000"},
		{"无", "万元", "0", "万元", "0"},
		{"零", "元", "0", "元", "0"},
		{"3.809", "万元", "3.809", "万元", "38090"},
		{"1.2亿元", "", "1.2", "亿元", "120000000"},
		{"12.5千元", "", "12.5", "千元", "12500"},
		{"3百万元", "", "3", "百万元", "3000000"},
		{"0.01", "元", "0.01", "元", "0.01"},
		// Chinese numerals
		{"五万元", "", "5", "万元", "50000"},
		{"十二元", "", "12", "元", "12"},
		{"一百二十万元", "", "120", "万元", "1200000"},
		{"三千零五元", "", "3005", "元", "3005"},
		{"四点五万元", "", "4.5", "万元", "45000"},
		{"一万二千元", "", "12000", "元", "12000"}, // not 一万二 千元
		{"一千三百万元", "", "13000000", "元", "13000000"},
		{"一亿二千万元", "", "120000000", "元", "120000000"},
		{"三亿五千万", "元", "350000000", "元", "350000000"},
		{"五千元", "", "5", "千元", "5000"},
		{"三百万元", "", "3", "百万元", "3000000"},
		{"一万二", "千元", "10002", "千元", "10002000"}, // a default unit is never read into the numeral
		{"两千万元", "", "2000", "万元", "20000000"},
		{"三", "万元", "3", "万元", "30000"},
		{"九亿亿亿元", "", "90000000000000000", "亿元", "9000000000000000000000000"},
	}
	for _, tt := range tests {
		m, ok := normalize.ParseAmount(tt.in, tt.defaultUnit)
		if !ok {
			t.Errorf("ParseAmount(%q, %q) not ok", tt.in, tt.defaultUnit)
			continue
		}
		if m.Value.String() != tt.value || m.Unit != tt.unit || m.Yuan.String() != tt.yuan {
			t.Errorf("ParseAmount(%q, %q) = %s %s (%s 元), want %s %s (%s 元)",
				tt.in, tt.defaultUnit, m.Value, m.Unit, m.Yuan, tt.value, tt.unit, tt.yuan)
		}
		if m.Text != tt.in || m.Start != 0 || m.End != utf8.RuneCountInString(tt.in) {
			t.Errorf("ParseAmount(%q): Text %q [%d,%d)", tt.in, m.Text, m.Start, m.End)
		}
	}
}

func TestParseAmountRejects(t *testing.T) {
	tests := []struct{ in, defaultUnit string }{
		{"", "万元"},
		{"   ", "万元"},
		{"-", "万元"}, // a dash is an empty cell, not a zero
		{"—", "万元"},
		{"——", "万元"},
		{"－", "万元"},
		{"无", ""},       // no unit to give the zero
		{"无", "美元"},     // nor an unknown one
		{"(12.50)", ""}, // a bare number needs a default unit
		{"454.70", ""},
		{"454.70", "美元"}, // an unknown unit
		{"()", "万元"},
		{"1,2345", "万元"}, // not thousands
		{"12,34.5", "万元"},
		{"12万", "元"},
		{"万元", ""},
		{"百万元", ""},
		{"abc", "万元"},
		{"4.72%", "万元"},
		{"454.70万元 合计", ""},
		{"点", "万元"},
		{"九千万亿亿", "元"}, // beyond int64: refused, not wrapped around
		{"1.2.3", "万元"},
		{"12345678901234567", "元"}, // 17 digits: glued figures, not an amount
		{"111111111111111111111111111111111111111111111111111111111111万元", ""}, // too long to read back once in 元
	}
	for _, tt := range tests {
		if m, ok := normalize.ParseAmount(tt.in, tt.defaultUnit); ok {
			t.Errorf("ParseAmount(%q, %q) = %s %s, want not ok", tt.in, tt.defaultUnit, m.Value, m.Unit)
		}
	}
}

func TestToYuan(t *testing.T) {
	v := decimal.MustParse("454.70")
	for unit, p := range unitPower {
		y, ok := normalize.ToYuan(v, unit)
		if !ok || !y.Equal(v.Shift(p)) {
			t.Errorf("ToYuan(454.70, %s) = %s, %v", unit, y, ok)
		}
	}
	if _, ok := normalize.ToYuan(v, "美元"); ok {
		t.Error("ToYuan accepted 美元")
	}
	if _, ok := normalize.ToYuan(v, ""); ok {
		t.Error("ToYuan accepted no unit")
	}
}

// marked splits a string whose expected amounts are marked «like this»
// into the text and the marked spans, as rune offsets into the text.
func marked(s string) (string, [][2]int) {
	var b strings.Builder
	var spans [][2]int
	n := 0
	for _, r := range s {
		switch r {
		case '«':
			spans = append(spans, [2]int{n, -1})
		case '»':
			spans[len(spans)-1][1] = n
		default:
			b.WriteRune(r)
			n++
		}
	}
	return b.String(), spans
}

func TestFindAmounts(t *testing.T) {
	tests := []struct {
		in   string   // expected amounts marked «…»
		yuan []string // Yuan of each, in order
	}{
		{"2020年预算收入«454.70万元»，其中：一般公共预算收入«454.70万元»，基金预算收入«0万元»", []string{"4547000", "4547000", "0"}},
		{"增长4.72%", nil},
		{"收入总计«52,360,000.00元»", []string{"52360000"}},
		{"统一万元", nil},
		{"支出为«一万元»", []string{"10000"}},
		{"«五万元»用于培训", []string{"50000"}},
		{"共计«三千零五元»", []string{"3005"}},
		{"比上年增加«12.5万元»，增长4.72%。", []string{"125000"}},
		{"支出«4,733.14 万元»", []string{"47331400"}},
		{"支出«４５４．７０万元»，较上年", []string{"4547000"}},         // full width: offsets are into the input
		{"\u3000\u3000支出«454.70万元»", []string{"4547000"}}, // odd spaces cleaned rune for rune
		{"⻔户网站支出«1.2亿元»", []string{"120000000"}},          // a radical look-alike before it
		{"减少«-3万元»", []string{"-30000"}},
		{"收入«１，２３４．５万元»", []string{"12345000"}},
		{"分别为100，«200万元»", []string{"2000000"}}, // ASCII digits: a list, not thousands
		{"«3百万元»", []string{"3000000"}},
		{"«12.5千元»", []string{"12500"}},
		{"2019年1月培训1500人次，2项", nil},
		{"1,2345万元", nil},               // not a thousands number, and no tail taken from it
		{"v«1.5万元»", []string{"15000"}}, // any rune but a digit, '.' or ',' may precede
		{"«1.5万元»", []string{"15000"}},
		{"金额单位：千元", nil},
		{"单位：百万元", nil},
		{"", nil},
	}
	for _, tt := range tests {
		in, spans := marked(tt.in)
		got := normalize.FindAmounts(in)
		if len(got) != len(spans) {
			t.Errorf("FindAmounts(%q) found %d amounts, want %d: %+v", in, len(got), len(spans), got)
			continue
		}
		runes := []rune(in)
		for i, m := range got {
			if m.Start != spans[i][0] || m.End != spans[i][1] {
				t.Errorf("FindAmounts(%q)[%d] at [%d,%d), want [%d,%d)", in, i, m.Start, m.End, spans[i][0], spans[i][1])
				continue
			}
			if want := string(runes[m.Start:m.End]); m.Text != want {
				t.Errorf("FindAmounts(%q)[%d].Text = %q, want %q", in, i, m.Text, want)
			}
			if y := m.Yuan.String(); !decimal.MustParse(tt.yuan[i]).Equal(m.Yuan) {
				t.Errorf("FindAmounts(%q)[%d].Yuan = %s, want %s", in, i, y, tt.yuan[i])
			}
			if p, ok := unitPower[m.Unit]; !ok || !m.Value.Shift(p).Equal(m.Yuan) {
				t.Errorf("FindAmounts(%q)[%d]: %s %s is not %s 元", in, i, m.Value, m.Unit, m.Yuan)
			}
		}
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"454.70万元", "１,２３４.５万元", "4,733.14", "(12.50)", "-3", "0万元", "无", "", "-", "—",
		"3.809", "1.2亿元", "五万元", "一百二十万元", "三千零五元", "四点五万元", "一万二千元", "（12.50）", "3百万元"} {
		f.Add(s, "万元")
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, s, defaultUnit string) {
		m, ok := normalize.ParseAmount(s, defaultUnit)
		if !ok {
			return
		}
		p, known := unitPower[m.Unit]
		if !known {
			t.Fatalf("ParseAmount(%q, %q): unit %q", s, defaultUnit, m.Unit)
		}
		if !m.Value.Shift(p).Equal(m.Yuan) {
			t.Fatalf("ParseAmount(%q, %q) = %s %s but %s 元", s, defaultUnit, m.Value, m.Unit, m.Yuan)
		}
		if m.Text != s || m.End != utf8.RuneCountInString(s) {
			t.Fatalf("ParseAmount(%q, %q): Text %q End %d", s, defaultUnit, m.Text, m.End)
		}
		// A negative needs a sign or brackets in the text.
		if m.Value.Sign() < 0 && !strings.ContainsAny(s, "-－(（") {
			t.Fatalf("ParseAmount(%q, %q) = %s: negative without a sign", s, defaultUnit, m.Value)
		}
	})
}

func FuzzFindAmounts(f *testing.F) {
	for _, s := range []string{
		"2020年预算收入454.70万元，其中：一般公共预算收入454.70万元，基金预算收入0万元",
		"增长4.72%", "收入总计52,360,000.00元", "统一万元", "支出为一万元", "支出４５４．７０万元",
		"⻔户网站支出1.2亿元", "\xff454万元", "单位：千元", "减少-3万元",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		runes := []rune(s)
		prevEnd := 0
		for i, m := range normalize.FindAmounts(s) {
			if m.Start < prevEnd || m.End <= m.Start || m.End > len(runes) {
				t.Fatalf("FindAmounts(%q)[%d] at [%d,%d), previous ended at %d, %d runes", s, i, m.Start, m.End, prevEnd, len(runes))
			}
			prevEnd = m.End
			if m.Text != string(runes[m.Start:m.End]) {
				t.Fatalf("FindAmounts(%q)[%d].Text = %q, input has %q", s, i, m.Text, string(runes[m.Start:m.End]))
			}
			p, ok := unitPower[m.Unit]
			if !ok || !m.Value.Shift(p).Equal(m.Yuan) {
				t.Fatalf("FindAmounts(%q)[%d] = %s %s but %s 元", s, i, m.Value, m.Unit, m.Yuan)
			}
		}
	})
}
