package pdf

import "testing"

func TestParseCMap(t *testing.T) {
	const head = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
	for _, tc := range []struct {
		name  string
		src   string
		codes map[uint32]string // code → want text ("" = unmapped)
	}{
		{"bfchar two-byte", head + "1 begincodespacerange <0000> <FFFF> endcodespacerange\n2 beginbfchar <0001> <4E00> <0002> <00320030> endbfchar",
			map[uint32]string{1: "一", 2: "20", 3: ""}},
		{"bfrange incrementing", head + "1 beginbfrange <0010> <0012> <4E09> endbfrange",
			map[uint32]string{0x10: "三", 0x11: "上", 0x12: "下", 0x13: ""}},
		{"bfrange array form", head + "1 beginbfrange <20> <22> [<0041> <00420043> <D835DC00>] endbfrange",
			map[uint32]string{0x20: "A", 0x21: "BC", 0x22: "\U0001D400"}},
		{"glyph name destination", head + "1 beginbfchar <05> /uni95E8 endbfchar",
			map[uint32]string{5: "门"}},
		{"comments and odd spacing", head + "% comment\n1 beginbfchar<0003><0041>endbfchar",
			map[uint32]string{3: "A"}},
		{"malformed range ignored", head + "1 beginbfrange <0010> <0001> <0041> endbfrange 1 beginbfchar <0001> <0042> endbfchar",
			map[uint32]string{1: "B", 0x10: ""}},
		{"truncated", head + "2 beginbfchar <0001> <4E",
			map[uint32]string{1: ""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := parseCMap([]byte(tc.src))
			for code, want := range tc.codes {
				got, _ := c.lookup(code)
				if got != want {
					t.Errorf("code %#x: got %q, want %q", code, got, want)
				}
			}
		})
	}
}

func TestSplitCode(t *testing.T) {
	// A GBK-like codespace: one byte for ASCII, two bytes for 81–FE leads.
	spaces := parseCMap([]byte("2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange")).spaces
	for _, tc := range []struct {
		in   string
		code uint32
		n    int
	}{
		{"A", 0x41, 1},
		{"\xb0\xa1", 0xb0a1, 2},
		{"\xb0", 0xb0, 1}, // lead byte without trail: shortest length
	} {
		code, n := splitCode(spaces, tc.in, 2)
		if code != tc.code || n != tc.n {
			t.Errorf("%q: got %#x/%d, want %#x/%d", tc.in, code, n, tc.code, tc.n)
		}
	}
}

func TestPredefinedCMaps(t *testing.T) {
	for _, tc := range []struct {
		enc  string
		in   string
		want string
	}{
		{"GBK-EUC-H", "\xb9\xab\xbf\xaa2020", "公开2020"},
		{"GB-EUC-H", "\xd4\xa4\xcb\xe3", "预算"},
		{"UniGB-UCS2-H", "\x98\x84\x7b\x97", "预算"},
		{"UniGB-UTF16-H", "\xd8\x40\xdc\x00\x4e\x00", "\U00020000一"},
		{"Identity-H", "\x00\x01", ""},
	} {
		f := &font{kind: type0Font, pre: predefinedCMap(tc.enc), cache: map[uint32]string{}, dw: 1000, scale: 0.001}
		got := ""
		for s := tc.in; len(s) > 0; {
			code, n := f.next(s)
			got += f.text(code, n)
			s = s[n:]
		}
		if got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.enc, got, tc.want)
		}
	}
}

func TestWidths(t *testing.T) {
	simple := &font{kind: simpleFont, first: 32, widths: []float64{250, 500}, missing: 300, scale: 0.001}
	cid := &font{kind: type0Font, pre: predefIdent, dw: 1000, cidW: map[uint32]float64{1: 500, 10: 250}, scale: 0.001}
	gbk := &font{kind: type0Font, pre: predefGBK, dw: 1000, scale: 0.001}
	type3 := &font{kind: type3Font, first: 0, widths: []float64{700}, scale: 0.01}
	for _, tc := range []struct {
		name string
		f    *font
		code uint32
		n    int
		want float64
	}{
		{"simple in range", simple, 33, 1, 0.5},
		{"simple missing width", simple, 90, 1, 0.3},
		{"cid from W", cid, 10, 2, 0.25},
		{"cid default DW", cid, 99, 2, 1},
		{"gbk two-byte", gbk, 0xb0a1, 2, 1},
		{"gbk one-byte", gbk, 0x41, 1, 0.5},
		{"type3 font matrix", type3, 0, 1, 7},
	} {
		if got := tc.f.width(tc.code, tc.n); abs(got-tc.want) > 1e-9 {
			t.Errorf("%s: width = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestGlyphText(t *testing.T) {
	for in, want := range map[string]string{
		"A": "A", "uni4E00": "一", "uni00410042": "AB", "u1F600": "\U0001F600",
		"f_i": "fi", "a.sc": "a", "g123": "", "quoteright": "\u2019",
	} {
		if got := glyphText(in); got != want {
			t.Errorf("glyphText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFoldRadicals(t *testing.T) {
	for in, want := range map[string]string{
		"部\u2ED4": "部门", "\u2ECB辆": "车辆", "\u2F00": "一", "plain 文本": "plain 文本",
	} {
		if got := foldRadicals(in); got != want {
			t.Errorf("foldRadicals(%q) = %q, want %q", in, got, want)
		}
	}
}
