package html

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/yusuan/yusuan/extract"
)

// TestChongqingNarrative checks the JSP page of 重庆市交通委员会: the
// narrative's headings come out in order, with its paragraphs between them,
// the eight GIF tables as image problems, and no template or script residue.
func TestChongqingNarrative(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus skipped in -short mode")
	}
	path := filepath.Join(corpusDir(t), "raw", "chongqing-jiaowei", "budget2017.jsp")
	doc := extractFile(t, path)
	var headings []string
	for _, b := range doc.Blocks {
		if b.Kind == extract.KindHeading {
			headings = append(headings, b.Text)
		}
		for _, bad := range []string{"<%", "%>", "${", "pageContext", "jquery", "function(", "当前位置", "更新时间", "c:import"} {
			if strings.Contains(b.Text, bad) {
				t.Errorf("residue %q in block %q", bad, b.Text)
			}
		}
	}
	want := []string{
		"重庆市交通委员会2018年部门预算情况说明",
		"一、单位基本情况", "（一）职能职责。", "（二）单位构成。",
		"二、部门预算情况说明", "三、“三公”经费情况说明", "四、其他重要事项的情况说明", "五、专业性名词解释",
	}
	if !slices.Equal(headings, want) {
		t.Errorf("headings\n got %q\nwant %q", headings, want)
	}
	// Paragraphs sit under their headings, in source order.
	idx := func(prefix string) int {
		return slices.IndexFunc(doc.Blocks, func(b extract.Block) bool { return strings.HasPrefix(b.Text, prefix) })
	}
	order := []int{idx("一、单位基本情况"), idx("重庆市交通委员会是在2000年"), idx("二、部门预算情况说明"),
		idx("2018年一般公共预算财政拨款收入324970.32万元"), idx("三、“三公”经费情况说明"), idx("2018年“三公”经费预算2800.68万元"),
		idx("五、专业性名词解释"), idx("（五）“三公”经费：")}
	if slices.Contains(order, -1) || !slices.IsSorted(order) {
		t.Errorf("narrative out of order: block indexes %v", order)
	}
	if doc.Encoding != "utf-8" || doc.Title != "重庆市交通委员会2018年部门预算情况说明" {
		t.Errorf("encoding %q title %q", doc.Encoding, doc.Title)
	}
	n := 0
	for _, p := range doc.Problems {
		if p.Code == "extract.table_image" && strings.HasSuffix(p.Message, ".gif") {
			n++
		}
	}
	if n != 8 {
		t.Errorf("%d table images reported, want the 8 GIF tables", n)
	}
}

// TestPingtanTables checks that each 平潭 page yields its 单位构成 table as a
// grid with the header row 单位名称/经费性质/人员编制数/在职人数.
func TestPingtanTables(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus skipped in -short mode")
	}
	dir := filepath.Join(corpusDir(t), "raw", "fujian-pingtan")
	files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if len(files) == 0 {
		t.Skipf("corpus directory %s is absent or empty; skipping", dir)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			doc := extractFile(t, f)
			var tables []*extract.Table
			for _, b := range doc.Blocks {
				if b.Kind == extract.KindTable {
					tables = append(tables, b.Table)
				}
				if strings.Contains(b.Text, "闽政通") || strings.Contains(b.Text, "网站支持IPV6") {
					t.Errorf("portal chrome in block %q", b.Text)
				}
			}
			if len(tables) != 1 {
				t.Fatalf("%d tables, want 1", len(tables))
			}
			tb := tables[0]
			checkTable(t, tb)
			if tb.NumCols() != 4 || len(tb.Rows) < 2 || tb.HeaderRows != 1 {
				t.Fatalf("grid %d×%d header %d", len(tb.Rows), tb.NumCols(), tb.HeaderRows)
			}
			var head []string
			for _, c := range tb.Rows[0] {
				head = append(head, c.Text)
			}
			if strings.Join(head, "|") != "单位名称|经费性质|人员编制数|在职人数" {
				t.Errorf("header %q", head)
			}
			if !numericCell(tb.Rows[1][2].Text) {
				t.Errorf("row 1 人员编制数 %q is not a number", tb.Rows[1][2].Text)
			}
		})
	}
}

// TestSelectorsResolve checks that every block's and cell's selector
// selects exactly one element of the parsed source, and the right kind.
func TestSelectorsResolve(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			if testing.Short() && strings.HasPrefix(c.name, "corpus-") {
				t.Skip("corpus skipped in -short mode")
			}
			doc := extractFile(t, c.path)
			data, _ := os.ReadFile(c.path)
			dec, err := decode(data)
			if err != nil {
				t.Fatal(err)
			}
			root, err := html.Parse(strings.NewReader(stripServerTags(dec.text)))
			if err != nil {
				t.Fatal(err)
			}
			gq := goquery.NewDocumentFromNode(root)
			check := func(sel string, want ...string) {
				s := gq.Find(sel)
				if s.Length() != 1 {
					t.Errorf("selector %q matches %d elements", sel, s.Length())
					return
				}
				if len(want) > 0 && !slices.Contains(want, goquery.NodeName(s)) {
					t.Errorf("selector %q selects <%s>, want one of %v", sel, goquery.NodeName(s), want)
				}
			}
			for _, b := range doc.Blocks {
				switch b.Kind {
				case extract.KindTable:
					check(b.At.Selector, "table")
					for _, row := range b.Table.Rows {
						for _, cell := range row {
							check(cell.At.Selector, "td", "th", "tr")
						}
					}
				case extract.KindImage:
					check(b.At.Selector, "img")
				default:
					check(b.At.Selector)
				}
			}
		})
	}
}
