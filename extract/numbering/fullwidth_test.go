package numbering

import "testing"

// Full-width digits are common in numbering typed in Chinese input methods.
func TestFullWidthDigits(t *testing.T) {
	cases := []struct {
		in, text, rest string
		style          Style
		ordinal        int
	}{
		{"１、负责推进综合交通", "１、", "负责推进综合交通", ArabicComma, 1},
		{"１２、承担交通行业", "１２、", "承担交通行业", ArabicComma, 12},
		{"（３）公用经费", "（３）", "公用经费", ArabicParen, 3},
		{"２．政府采购情况。", "２．", "政府采购情况。", ArabicComma, 2},
	}
	for _, c := range cases {
		n, ok := Parse(c.in)
		if !ok || n.Text != c.text || n.Rest != c.rest || n.Style != c.style || n.Ordinal != c.ordinal {
			t.Errorf("Parse(%q) = %+v, %v; want text %q rest %q style %v ordinal %d", c.in, n, ok, c.text, c.rest, c.style, c.ordinal)
		}
	}
	for _, s := range []string{"２０２０年预算", "１．５万元"} {
		if n, ok := Parse(s); ok {
			t.Errorf("Parse(%q) = %+v, want no numbering", s, n)
		}
	}
}

// An item number followed directly by a year is numbering, not a decimal.
func TestNumberBeforeYear(t *testing.T) {
	for _, c := range []struct {
		in, text, rest string
	}{
		{"6．2025年预算单位政府性基金预算支出功能分类预算表", "6．", "2025年预算单位政府性基金预算支出功能分类预算表"},
		{"1.2026年部门财务收支预算总表", "1.", "2026年部门财务收支预算总表"},
	} {
		n, ok := Parse(c.in)
		if !ok || n.Text != c.text || n.Rest != c.rest || n.Style != ArabicComma {
			t.Errorf("Parse(%q) = %+v, %v", c.in, n, ok)
		}
	}
	if n, ok := Parse("1.2026万元"); ok {
		t.Errorf("Parse(1.2026万元) = %+v, want no numbering", n)
	}
}
