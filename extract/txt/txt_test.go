package txt

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/prov"
)

// disclosure is a small text disclosure: a title, a heading, a list item
// and a tab-per-cell table with a caption row, a cell continued on the next
// line, an empty cell and a short last row. Line numbers are in the margin.
var disclosure = strings.Join([]string{
	"柞水县审计局2020年部门预算",  // 1
	"",                 // 2
	"一、部门职责",           // 3
	"1、农业技术培训达到1500人次", // 4
	"",                 // 5
	"\t单位：万元",          // 6
	"",                 // 7
	"\t项目",             // 8
	"\t本年预算",           // 9
	"\t上年预算",           // 10
	"",                 // 11
	"\t一般公共预算",         // 12
	"拨款收入",             // 13: continues the cell above
	"\t454.70",         // 14
	"\t",               // 15: an empty cell
	"",                 // 16
	"\t合计",             // 17
	"\t454.70",         // 18
	"",                 // 19
	"二、机构设置",           // 20
}, "\n")

func extractString(t *testing.T, data []byte) *extract.Document {
	t.Helper()
	doc, err := Extract(context.Background(), data, extract.Options{})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	return doc
}

func TestDisclosure(t *testing.T) {
	doc := extractString(t, []byte(disclosure))
	if doc.Format != extract.FormatTXT || doc.Encoding != "utf-8" {
		t.Errorf("format %q encoding %q", doc.Format, doc.Encoding)
	}
	if doc.Title != "柞水县审计局2020年部门预算" {
		t.Errorf("Title = %q", doc.Title)
	}
	want := []struct {
		kind      extract.BlockKind
		text      string
		numbering string
		level     int
		line      int
	}{
		{extract.KindHeading, "柞水县审计局2020年部门预算", "", 1, 1},
		{extract.KindHeading, "一、部门职责", "一、", 3, 3},
		{extract.KindParagraph, "1、农业技术培训达到1500人次", "1、", 0, 4}, // states a quantity: a list item
		{extract.KindTable, "", "", 0, 6},
		{extract.KindHeading, "二、机构设置", "二、", 3, 20},
	}
	if len(doc.Blocks) != len(want) {
		t.Fatalf("%d blocks, want %d: %+v", len(doc.Blocks), len(want), doc.Blocks)
	}
	for i, w := range want {
		b := doc.Blocks[i]
		if b.Kind != w.kind || b.Text != w.text || b.Numbering != w.numbering || b.Level != w.level || b.At.Line != w.line {
			t.Errorf("block %d = {%s %q %q L%d line %d}, want {%s %q %q L%d line %d}",
				i, b.Kind, b.Text, b.Numbering, b.Level, b.At.Line, w.kind, w.text, w.numbering, w.level, w.line)
		}
	}

	tbl := doc.Blocks[3].Table
	if tbl == nil {
		t.Fatal("block 3 has no table")
	}
	if !reflect.DeepEqual(tbl.Caption, []string{"单位：万元"}) || tbl.Unit != "万元" {
		t.Errorf("Caption %q Unit %q", tbl.Caption, tbl.Unit)
	}
	if doc.Blocks[3].At.EndLine < 18 || doc.Blocks[3].At.EndLine > 19 {
		t.Errorf("table ends at line %d, want 18 or 19", doc.Blocks[3].At.EndLine)
	}
	wantCells := []struct {
		text    string
		line    int
		colSpan int
		covered bool
	}{
		{"项目", 8, 0, false}, {"本年预算", 9, 0, false}, {"上年预算", 10, 0, false},
		{"一般公共预算\n拨款收入", 12, 0, false}, {"454.70", 14, 0, false}, {"", 15, 0, false},
		{"合计", 17, 0, false}, {"454.70", 18, 2, false}, {"", 0, 0, true},
	}
	if len(tbl.Rows) != 3 || tbl.NumCols() != 3 {
		t.Fatalf("grid %d×%d, want 3×3: %+v", len(tbl.Rows), tbl.NumCols(), tbl.Rows)
	}
	for ri, row := range tbl.Rows {
		if len(row) != 3 {
			t.Errorf("row %d has %d cells", ri, len(row))
			continue
		}
		for ci, c := range row {
			w := wantCells[ri*3+ci]
			if c.Text != w.text || c.At.Line != w.line || c.ColSpan != w.colSpan || c.Covered != w.covered {
				t.Errorf("cell (%d,%d) = {%q line %d span %d covered %v}, want {%q line %d span %d covered %v}",
					ri, ci, c.Text, c.At.Line, c.ColSpan, c.Covered, w.text, w.line, w.colSpan, w.covered)
			}
			if !c.Covered && (c.At.Table == nil || *c.At.Table != 0 || *c.At.Row != ri || *c.At.Col != ci) {
				t.Errorf("cell (%d,%d) At = %s", ri, ci, c.At)
			}
		}
	}
}

// TestSecondTableIndex: cells of the second table say table 1.
func TestSecondTableIndex(t *testing.T) {
	doc := extractString(t, []byte("\ta\t b\n\n\tc\td\n\n正文\n\n\te\tf\n"))
	var tables []*extract.Table
	for _, b := range doc.Blocks {
		if b.Kind == extract.KindTable {
			tables = append(tables, b.Table)
		}
	}
	if len(tables) != 2 {
		t.Fatalf("%d tables, want 2", len(tables))
	}
	c := tables[1].Rows[0][1]
	if c.Text != "f" || c.At.Line != 7 || c.At.Table == nil || *c.At.Table != 1 {
		t.Errorf("second table cell = %q at %s", c.Text, c.At)
	}
	if got := tables[0].Rows[0][1].Text; got != "b" {
		t.Errorf("cell text %q, want b (spaces trimmed)", got)
	}
}

func TestEncodings(t *testing.T) {
	base := extractString(t, []byte(disclosure))
	encode := func(e interface{ Bytes([]byte) ([]byte, error) }) []byte {
		b, err := e.Bytes([]byte(disclosure))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	gb := encode(simplifiedchinese.GB18030.NewEncoder())
	if utf8.Valid(gb) {
		t.Fatal("GB18030 sample is valid UTF-8; it tests nothing")
	}
	tests := []struct {
		name, enc string
		data      []byte
	}{
		{"utf-8", "utf-8", []byte(disclosure)},
		{"utf-8 bom", "utf-8-bom", append([]byte{0xEF, 0xBB, 0xBF}, disclosure...)},
		{"gb18030", "gb18030", gb},
		{"utf-16le bom", "utf-16le", encode(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder())},
		{"utf-16be bom", "utf-16be", encode(unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder())},
		{"crlf", "utf-8", []byte(strings.ReplaceAll(disclosure, "\n", "\r\n"))},
		{"cr", "utf-8", []byte(strings.ReplaceAll(disclosure, "\n", "\r"))},
		{"utf-16le crlf", "utf-16le", func() []byte {
			b, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(strings.ReplaceAll(disclosure, "\n", "\r\n")))
			return b
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := extractString(t, tt.data)
			if doc.Encoding != tt.enc {
				t.Errorf("Encoding = %q, want %q", doc.Encoding, tt.enc)
			}
			if !reflect.DeepEqual(doc.Blocks, base.Blocks) {
				t.Errorf("blocks differ from UTF-8:\n got %+v\nwant %+v", doc.Blocks, base.Blocks)
			}
			if doc.Title != base.Title {
				t.Errorf("Title = %q", doc.Title)
			}
		})
	}
}

func TestSplitNumber(t *testing.T) {
	doc := extractString(t, []byte("收入454.\n70万元"))
	if len(doc.Blocks) != 1 {
		t.Fatalf("%d blocks: %+v", len(doc.Blocks), doc.Blocks)
	}
	b := &doc.Blocks[0]
	if b.Kind != extract.KindParagraph || b.Text != "收入454.70万元" {
		t.Fatalf("block = %s %q", b.Kind, b.Text)
	}
	if b.At.Line != 1 || b.At.EndLine != 2 {
		t.Errorf("At = %s, want lines 1-2", b.At)
	}
	wantSpans := []extract.Span{{Offset: 0, At: prov.At{Line: 1}}, {Offset: 6, At: prov.At{Line: 2}}}
	if !reflect.DeepEqual(b.Spans, wantSpans) {
		t.Errorf("Spans = %+v, want %+v", b.Spans, wantSpans)
	}
	// Rune offsets: 收0 入1 4 2 … .5 | 7 6 0 7 万8 元9
	for off, line := range map[int]int{0: 1, 2: 1, 5: 1, 6: 2, 9: 2, 100: 2} {
		if got := b.AtOffset(off).Line; got != line {
			t.Errorf("AtOffset(%d) = line %d, want %d", off, got, line)
		}
	}
}

// TestJoins covers which line pairs are one paragraph.
func TestJoins(t *testing.T) {
	tests := []struct {
		in   string
		want []string // texts of the blocks
	}{
		{"收入454.\n70万元", []string{"收入454.70万元"}},
		{"合计1,2\n34万元", []string{"合计1,234万元"}},
		{"收入454\n.70万元", []string{"收入454.70万元"}},
		{"支出100\n万元", []string{"支出100万元"}},
		{"第一句。\n第二句", []string{"第一句。", "第二句"}},
		{"部门职责\n机构设置", []string{"部门职责", "机构设置"}}, // short lines in a file with no wrap width
		{"共计5\n1、第一项", []string{"共计5", "1、第一项"}}, // numbering starts a block even after a digit
		{"the budget\nof 2020", []string{"the budget", "of 2020"}},
		{"段落一\n\n段落二", []string{"段落一", "段落二"}},
		{"[bookmark: _Toc1]一、概况", []string{"一、概况"}},
		{"\u200b\ufeff正文\u00a0内容", []string{"正文 内容"}},
	}
	for _, tt := range tests {
		doc := extractString(t, []byte(tt.in))
		var got []string
		for _, b := range doc.Blocks {
			got = append(got, b.Text)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Extract(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestHardWrap: a file wrapped at a fixed width is joined back into its paragraphs.
func TestHardWrap(t *testing.T) {
	paras := []string{
		strings.Repeat("本部门认真贯彻落实党中央国务院决策部署，坚持过紧日子思想，严格控制一般性支出，", 4) + "确保重点支出需要。",
		strings.Repeat("全年安排项目支出主要用于审计业务工作开展和信息化建设，提高财政资金使用效益，", 3) + "完成年度目标任务。",
	}
	const width = 25 // runes per line: 50 columns
	var b strings.Builder
	lines := 0
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n")
			lines++
		}
		r := []rune(p)
		for len(r) > 0 {
			n := min(width, len(r))
			b.WriteString(string(r[:n]) + "\n")
			r = r[n:]
			lines++
		}
	}
	doc := extractString(t, []byte(b.String()))
	if len(doc.Blocks) != len(paras) {
		var got []string
		for _, bl := range doc.Blocks {
			got = append(got, bl.Text)
		}
		t.Fatalf("%d blocks, want %d: %q", len(doc.Blocks), len(paras), got)
	}
	line := 1
	for i, p := range paras {
		bl := doc.Blocks[i]
		if bl.Kind != extract.KindParagraph || bl.Text != p {
			t.Errorf("block %d = %s %q, want %q", i, bl.Kind, bl.Text, p)
		}
		n := (utf8.RuneCountInString(p) + width - 1) / width
		if len(bl.Spans) != n || bl.At.Line != line || bl.At.EndLine != line+n-1 {
			t.Errorf("block %d: %d spans, lines %d-%d; want %d, %d-%d", i, len(bl.Spans), bl.At.Line, bl.At.EndLine, n, line, line+n-1)
		}
		for k, s := range bl.Spans {
			if s.Offset != k*width || s.At.Line != line+k {
				t.Errorf("block %d span %d = %+v, want offset %d line %d", i, k, s, k*width, line+k)
			}
		}
		line += n + 1
	}
	// The same text without a common width stays line per line.
	short := "部门职责\n机构设置\n人员情况\n"
	if doc := extractString(t, []byte(short)); len(doc.Blocks) != 3 {
		t.Errorf("short lines joined: %+v", doc.Blocks)
	}
}

func TestHeadings(t *testing.T) {
	tests := []struct {
		line      string
		kind      extract.BlockKind
		numbering string
		level     int
	}{
		{"一、部门职责", extract.KindHeading, "一、", 3},
		{"（三）机构设置", extract.KindHeading, "（三）", 4},
		{"第一部分 单位概况", extract.KindHeading, "第一部分", 2},
		{"1、收入说明", extract.KindHeading, "1、", 5},
		{"二、2024年度部门决算情况说明", extract.KindHeading, "二、", 3}, // a year is no quantity
		{"1、农业技术培训达到1500人次", extract.KindParagraph, "1、", 0},
		{"（一）收入预算454.70万元", extract.KindParagraph, "（一）", 0},
		{"一、部门职责，包括审计监督。", extract.KindParagraph, "一、", 0},
		{"一是加强预算管理", extract.KindParagraph, "一是", 0},
		{"第三条 预算公开", extract.KindParagraph, "第三条", 0},
		{"收入预算情况", extract.KindParagraph, "", 0},
	}
	for _, tt := range tests {
		// A first line before it keeps the title rule out of the way.
		doc := extractString(t, []byte("正文开始了。\n\n"+tt.line))
		if len(doc.Blocks) != 2 {
			t.Errorf("%q: %d blocks", tt.line, len(doc.Blocks))
			continue
		}
		b := doc.Blocks[1]
		if b.Kind != tt.kind || b.Numbering != tt.numbering || b.Level != tt.level || b.Text != tt.line {
			t.Errorf("%q = {%s %q L%d %q}, want {%s %q L%d}", tt.line, b.Kind, b.Numbering, b.Level, b.Text, tt.kind, tt.numbering, tt.level)
		}
	}
}

func TestBinary(t *testing.T) {
	all := make([]byte, 512)
	for i := range all {
		all[i] = byte(i)
	}
	for name, data := range map[string][]byte{
		"all bytes": all,
		"zeros":     make([]byte, 100),
		"png":       append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), all...),
		"controls":  bytes.Repeat([]byte("\x01\x02\x03a"), 50),
	} {
		doc, err := Extract(context.Background(), data, extract.Options{})
		if !errors.Is(err, extract.ErrBinary) {
			t.Errorf("%s: Extract = %v, %v; want ErrBinary", name, doc, err)
		}
	}
}

func TestCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Extract(ctx, []byte(disclosure), extract.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Extract with a canceled context: %v", err)
	}
}

func FuzzExtract(f *testing.F) {
	f.Add([]byte(disclosure))
	f.Add([]byte(strings.ReplaceAll(disclosure, "\n", "\r\n")))
	if gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(disclosure)); err == nil {
		f.Add(gb)
	}
	if u, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(disclosure)); err == nil {
		f.Add(u)
	}
	for _, s := range []string{"收入454.\n70万元", "\ta\tb\n\tc\n\n\t\n\td\ne\n", "\t单位：元\n\n\ta\tb\tc\n", "[bookmark: x]\n\t\n",
		strings.Repeat("本部门认真贯彻落实党中央国务院决策部署坚持过紧日子\n", 8)} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Extract(context.Background(), data, extract.Options{})
		if err != nil {
			return
		}
		text, _, err := extract.DecodeText(data)
		if err != nil {
			t.Fatalf("Extract succeeded where DecodeText fails: %v", err)
		}
		nLines := len(splitLines(text))
		inFile := func(what string, at prov.At) {
			if at.Line < 1 || at.Line > nLines || at.EndLine != 0 && (at.EndLine < at.Line || at.EndLine > nLines) {
				t.Fatalf("%s at lines %d-%d of %d", what, at.Line, at.EndLine, nLines)
			}
		}
		for i, b := range doc.Blocks {
			inFile("block", b.At)
			if b.Kind == extract.KindTable {
				if b.Table == nil || len(b.Table.Rows) == 0 {
					t.Fatalf("block %d: empty table", i)
				}
				w := len(b.Table.Rows[0])
				for ri, r := range b.Table.Rows {
					if len(r) != w {
						t.Fatalf("block %d row %d has %d cells, row 0 has %d", i, ri, len(r), w)
					}
					for _, c := range r {
						if !c.Covered {
							inFile("cell", c.At)
						}
					}
				}
				continue
			}
			if b.Text == "" {
				t.Fatalf("block %d: empty %s", i, b.Kind)
			}
			n := utf8.RuneCountInString(b.Text)
			for k, s := range b.Spans {
				inFile("span", s.At)
				if k == 0 && s.Offset != 0 || k > 0 && s.Offset < b.Spans[k-1].Offset || s.Offset > n {
					t.Fatalf("block %d span %d offset %d (text %d runes)", i, k, s.Offset, n)
				}
			}
		}
	})
}
