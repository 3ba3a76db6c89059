package numbering

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		text    string
		style   Style
		ordinal int
		rest    string
	}{
		// 一、 and its rarer separators
		{"一、部门职责", "一、", CNComma, 1, "部门职责"},
		{"十一、", "十一、", CNComma, 11, ""},
		{"二十三、其他需要说明的事项", "二十三、", CNComma, 23, "其他需要说明的事项"},
		{"十、名词解释", "十、", CNComma, 10, "名词解释"},
		{"二十、", "二十、", CNComma, 20, ""},
		{"两、", "两、", CNComma, 2, ""},
		{"一，概况", "一，", CNComma, 1, "概况"},
		{"三．收入", "三．", CNComma, 3, "收入"},
		{"四.支出", "四.", CNComma, 4, "支出"},
		{"  一、部门职责", "一、", CNComma, 1, "部门职责"},
		{"\u3000\u3000二、 机构设置", "二、", CNComma, 2, "机构设置"},
		// （一）
		{"（三）机构", "（三）", CNParen, 3, "机构"},
		{"(一)", "(一)", CNParen, 1, ""},
		{"（十二）政府采购情况", "（十二）", CNParen, 12, "政府采购情况"},
		{"（ 一 ）收入", "（ 一 ）", CNParen, 1, "收入"},
		{"（一）、部门职责", "（一）", CNParen, 1, "部门职责"},
		{"(二）半角开全角闭", "(二）", CNParen, 2, "半角开全角闭"},
		// 1、 1. 1．
		{"1、收入说明", "1、", ArabicComma, 1, "收入说明"},
		{"1.收入", "1.", ArabicComma, 1, "收入"},
		{"1．收入", "1．", ArabicComma, 1, "收入"},
		{"12、会议费", "12、", ArabicComma, 12, "会议费"},
		{"3. 其他", "3.", ArabicComma, 3, "其他"},
		// 1.1
		{"1.1 标题", "1.1", ArabicDotted, 1, "标题"},
		{"2.3标题", "2.3", ArabicDotted, 2, "标题"},
		{"1.10、项目支出", "1.10、", ArabicDotted, 1, "项目支出"},
		// （1） 1）
		{"（1）", "（1）", ArabicParen, 1, ""},
		{"(2)培训费", "(2)", ArabicParen, 2, "培训费"},
		{"1）", "1）", ArabicParen, 1, ""},
		{"10)会议费", "10)", ArabicParen, 10, "会议费"},
		// ①
		{"①", "①", Circled, 1, ""},
		{"③公务接待费", "③", Circled, 3, "公务接待费"},
		{"⑳ 末项", "⑳", Circled, 20, "末项"},
		// 第一部分, 第二章, 第十二条
		{"第一部分 概况", "第一部分", Part, 1, "概况"},
		{"第二部分：2024年部门预算表", "第二部分", Part, 2, "2024年部门预算表"},
		{"第二章", "第二章", Part, 2, ""},
		{"第3部分", "第3部分", Part, 3, ""},
		{"第三篇", "第三篇", Part, 3, ""},
		{"第十二条", "第十二条", Article, 12, ""},
		{"第一条 为规范", "第一条", Article, 1, "为规范"},
		// 一是
		{"一是加强", "一是", Enumerated, 1, "加强"},
		{"二是完善制度", "二是", Enumerated, 2, "完善制度"},
	}
	for _, tt := range tests {
		n, ok := Parse(tt.in)
		if !ok {
			t.Errorf("Parse(%q) found no numbering", tt.in)
			continue
		}
		if n.Text != tt.text || n.Style != tt.style || n.Ordinal != tt.ordinal || n.Rest != tt.rest {
			t.Errorf("Parse(%q) = {%q %v %d %q}, want {%q %v %d %q}",
				tt.in, n.Text, n.Style, n.Ordinal, n.Rest, tt.text, tt.style, tt.ordinal, tt.rest)
		}
	}
}

// TestParseNotNumbering lists text that starts like numbering but is not.
func TestParseNotNumbering(t *testing.T) {
	for _, in := range []string{
		"",
		"   ",
		"\u3000",
		"2020年预算",
		"2024年度部门决算",
		"1.5万元",
		"1.5 万元", // PDF text often spaces a number from its unit
		"3.5亿元",
		"454.70万元",
		"12.5%",
		"4,733.14",
		"123、", // three digits is not a list number
		"1.2.3 条款",
		"一般公共预算",
		"十分重要",
		"一二三",
		"三方协议",
		"第三方",
		"第一季度",
		"第一",
		"一",
		"（一般）",
		"(1",
		"（）",
		"㉑", // beyond ⑳
		"abc",
		"收入总计",
	} {
		if n, ok := Parse(in); ok {
			t.Errorf("Parse(%q) = {%q %v %d %q}, want no numbering", in, n.Text, n.Style, n.Ordinal, n.Rest)
		}
	}
}

func TestStyle(t *testing.T) {
	tests := []struct {
		s    Style
		name string
		rank int
	}{
		{None, "none", 0},
		{Part, "part", 1},
		{CNComma, "cn-comma", 2},
		{CNParen, "cn-paren", 3},
		{ArabicComma, "arabic-comma", 4},
		{ArabicDotted, "arabic-dotted", 4},
		{ArabicParen, "arabic-paren", 5},
		{Circled, "circled", 6},
		{Article, "article", 6},
		{Enumerated, "enumerated", 6},
		{Style(99), "unknown", 0},
	}
	for _, tt := range tests {
		if tt.s.String() != tt.name || tt.s.Rank() != tt.rank {
			t.Errorf("Style(%d) = %q rank %d, want %q rank %d", int(tt.s), tt.s.String(), tt.s.Rank(), tt.name, tt.rank)
		}
	}
}

func TestCNNumber(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"一", 1, true},
		{"九", 9, true},
		{"十", 10, true},
		{"十二", 12, true},
		{"二十", 20, true},
		{"二十三", 23, true},
		{"九十九", 99, true},
		{"两", 2, true},
		{"二十三、", 23, false},
		{"一二", 1, false},
		{"", 0, false},
		{"abc", 0, false},
		{"1", 0, false},
	}
	for _, tt := range tests {
		got, ok := CNNumber(tt.in)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("CNNumber(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// separators may stand between Text and Rest.
func isSeparator(r rune) bool { return isSpace(r) || strings.ContainsRune("、：:.．", r) }

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"一、部门职责", "（三）机构", "(一)", "十一、", "二十三、", "1、收入说明", "1.收入", "1．收入", "1.1 标题",
		"（1）", "1）", "①", "第一部分 概况", "第二章", "第十二条", "一是加强", "2020年预算", "1.5万元",
		"454.70万元", "一般公共预算", "十分重要", "", "第一部分、 ：x", "（ 一 ）、 x", "\u3000 1.1、x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := Parse(s)
		if !ok {
			if n != (Number{}) {
				t.Fatalf("Parse(%q) = %+v with ok false", s, n)
			}
			return
		}
		trimmed := strings.TrimLeftFunc(s, isSpace)
		if n.Text == "" || n.Style == None || n.Style.Rank() == 0 || n.Ordinal < 0 {
			t.Fatalf("Parse(%q) = %+v", s, n)
		}
		if !strings.HasPrefix(trimmed, n.Text) {
			t.Fatalf("Parse(%q): Text %q is not a prefix", s, n.Text)
		}
		if !strings.HasSuffix(trimmed, n.Rest) || len(n.Text)+len(n.Rest) > len(trimmed) {
			t.Fatalf("Parse(%q): Rest %q is not a suffix after Text %q", s, n.Rest, n.Text)
		}
		if r, _ := utf8.DecodeRuneInString(n.Rest); n.Rest != "" && isSpace(r) {
			t.Fatalf("Parse(%q): Rest %q starts with a space", s, n.Rest)
		}
		mid := trimmed[len(n.Text) : len(trimmed)-len(n.Rest)]
		if strings.IndexFunc(mid, func(r rune) bool { return !isSeparator(r) }) >= 0 {
			t.Fatalf("Parse(%q): %q between Text %q and Rest %q is not a separator", s, mid, n.Text, n.Rest)
		}
		// Numbering is a prefix: parsing Text alone finds the same. Not for
		// 1.1, which alone reads as a number.
		if n.Style == ArabicDotted {
			return
		}
		if m, ok := Parse(n.Text); !ok || m.Text != n.Text || m.Style != n.Style || m.Ordinal != n.Ordinal {
			t.Fatalf("Parse(%q) = %+v, but Parse(%q) = %+v, %v", s, n, n.Text, m, ok)
		}
	})
}
