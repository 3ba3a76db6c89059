package units

import "testing"

func TestDeclared(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"单位：万元", "万元"},
		{"金额单位:元", "元"},
		{"（单位：人民币万元）", "万元"},
		{"金额单位：人民币元", "元"},
		{"单位 ： 百万元", "百万元"},
		{"单位：亿元", "亿元"},
		{"单位：千元", "千元"},
		{"单位名称", ""},
		{"单位：个", ""},
	} {
		if got := Declared(c.in); got != c.want {
			t.Errorf("Declared(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestShift(t *testing.T) {
	for _, c := range []struct {
		unit string
		n    int
		ok   bool
	}{{"元", 0, true}, {"千元", 3, true}, {"万元", 4, true}, {"百万元", 6, true}, {"亿元", 8, true}, {"%", 0, false}, {"", 0, false}} {
		if n, ok := Shift(c.unit); n != c.n || ok != c.ok {
			t.Errorf("Shift(%q) = %d, %v; want %d, %v", c.unit, n, ok, c.n, c.ok)
		}
	}
}
