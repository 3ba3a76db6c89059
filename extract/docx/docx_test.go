package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/yusuan/yusuan/extract"
)

const stylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="标题 2"/></w:style>
<w:style w:type="paragraph" w:styleId="MyHead"><w:name w:val="我的标题"/><w:basedOn w:val="2"/></w:style>
<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>
</w:styles>`

// buildDocx zips a minimal .docx around body (the children of w:body);
// styles is word/styles.xml, or none when empty.
func buildDocx(t testing.TB, body, styles string) []byte {
	t.Helper()
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>` + body + `</w:body></w:document>`
	parts := [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", doc},
	}
	if styles != "" {
		parts = append(parts, [2]string{"word/styles.xml", styles})
	}
	return zipParts(t, parts)
}

func zipParts(t testing.TB, parts [][2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func para(style, text string) string {
	pr := ""
	if style != "" {
		pr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p>` + pr + `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

func cell(props, text string) string {
	return `<w:tc><w:tcPr>` + props + `</w:tcPr>` + para("", text) + `</w:tc>`
}

// summary renders blocks compactly: kind/level/numbering: text, tables as rows of cells.
func summary(doc *extract.Document) string {
	var b strings.Builder
	for _, bl := range doc.Blocks {
		switch bl.Kind {
		case extract.KindTable:
			b.WriteString("table")
			for _, r := range bl.Table.Rows {
				b.WriteString(" |")
				for _, c := range r {
					switch {
					case c.Covered:
						b.WriteString("^")
					default:
						b.WriteString(c.Text)
						if c.ColSpan > 1 || c.RowSpan > 1 {
							b.WriteString("[" + itoa(c.RowSpan) + "x" + itoa(c.ColSpan) + "]")
						}
					}
					b.WriteString("|")
				}
			}
		default:
			b.WriteString(string(bl.Kind))
			if bl.Level > 0 {
				b.WriteString(itoa(bl.Level))
			}
			if bl.TOC {
				b.WriteString(" toc")
			}
			b.WriteString(": " + bl.Text)
		}
		b.WriteString(" @" + itoa(bl.At.Line) + "\n")
	}
	return b.String()
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestExtractDOCX(t *testing.T) {
	tests := []struct {
		name, body, styles, want string
	}{
		{"styled headings and paragraphs",
			para("1", "青禾县2023年部门预算") + `<w:p/>` + para("2", "一、部门职责") + para("", "负责，全县农业。") + para("MyHead", "机构设置") + para("TOC1", "一、部门职责 1"),
			stylesXML,
			"heading1: 青禾县2023年部门预算 @1\nheading2: 一、部门职责 @3\nparagraph: 负责，全县农业。 @4\nheading2: 机构设置 @5\nparagraph toc: 一、部门职责 1 @6\n"},
		{"numbered heading without styles",
			para("", "二、部门预算安排的总体情况") + para("", "1、收入说明") + para("", "2023年预算收入1,286.40万元，其中：一般公共预算收入。"),
			"",
			"heading2: 二、部门预算安排的总体情况 @1\nheading4: 1、收入说明 @2\nparagraph: 2023年预算收入1,286.40万元，其中：一般公共预算收入。 @3\n"},
		{"runs, tabs, breaks, outline level",
			`<w:p><w:pPr><w:outlineLvl w:val="1"/><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>部门</w:t></w:r><w:r><w:br/><w:t>职责</w:t></w:r></w:p>` +
				`<w:p><w:r><w:t>total</w:t><w:tab/><w:t>12.5</w:t><w:br/><w:t>万元，end</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>` +
				`<w:p><w:r><mc:AlternateContent><mc:Choice><w:t>甲</w:t></mc:Choice><mc:Fallback><w:t>乙</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
			"",
			"heading2: 部门职责 @1\nparagraph: total 12.5 万元，end @2\nparagraph: 甲 @3\n"},
		{"table with gridSpan, vMerge, gridBefore and a nested table",
			para("", "表1 收支总表") + para("", "单位：万元") +
				`<w:tbl><w:tr>` + cell(`<w:vMerge w:val="restart"/>`, "项目") + cell(`<w:gridSpan w:val="2"/>`, "金额") + `</w:tr>` +
				`<w:tr>` + cell(`<w:vMerge/>`, "") + cell("", "本年") + cell("", "上年") + `</w:tr>` +
				`<w:tr>` + cell("", "合计") + cell("", "1,286.40") + cell("", "1,340.00") + `</w:tr>` +
				`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>` + cell("", `x`) + `<w:tc>` + `<w:tbl><w:tr>` + cell("", "内") + cell("", "表") + `</w:tr></w:tbl>` + `</w:tc></w:tr></w:tbl>` +
				para("", "注：无"),
			"",
			"table |项目[2x0]|金额[0x2]|^| |^|本年|上年| |合计|1,286.40|1,340.00| ||x|内表| @3\nparagraph: 注：无 @4\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ExtractDOCX(context.Background(), buildDocx(t, tt.body, tt.styles), extract.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := summary(doc); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestTableDetails(t *testing.T) {
	body := para("", "表1 收支总表") + para("", "单位：万元") +
		`<w:tbl><w:tr>` + cell("", "项目") + cell("", "金额") + `</w:tr><w:tr>` + cell("", "合计") + cell("", "12.00") + `</w:tr></w:tbl>`
	doc, err := ExtractDOCX(context.Background(), buildDocx(t, body, ""), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != 1 || doc.Blocks[0].Table == nil {
		t.Fatalf("blocks: %s", summary(doc))
	}
	tb := doc.Blocks[0].Table
	if tb.Unit != "万元" || len(tb.Caption) != 2 || tb.HeaderRows != 1 {
		t.Errorf("unit %q caption %q header rows %d", tb.Unit, tb.Caption, tb.HeaderRows)
	}
	at := tb.Rows[1][1].At
	if at.Line != 3 || *at.Table != 0 || *at.Row != 1 || *at.Col != 1 {
		t.Errorf("cell provenance %v", at)
	}
}

func TestUTF16Document(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-16"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		para("", "三公经费𠀀预算") + `</w:body></w:document>`
	u := []byte{0xFF, 0xFE}
	for _, r := range doc {
		if r > 0xFFFF {
			r -= 0x10000
			hi, lo := 0xD800+(r>>10), 0xDC00+(r&0x3FF)
			u = append(u, byte(hi), byte(hi>>8), byte(lo), byte(lo>>8))
			continue
		}
		u = append(u, byte(r), byte(r>>8))
	}
	got, err := ExtractDOCX(context.Background(), zipParts(t, [][2]string{{"word/document.xml", string(u)}}), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Blocks) != 1 || got.Blocks[0].Text != "三公经费𠀀预算" {
		t.Errorf("blocks %s", summary(got))
	}
}

func TestErrors(t *testing.T) {
	ole := []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}
	good := buildDocx(t, para("", "正文"), "")
	deep := buildDocx(t, strings.Repeat("<w:sdt>", 300)+strings.Repeat("</w:sdt>", 300), "")
	tests := []struct {
		name string
		data []byte
		want error
		text string // in the message
	}{
		{"legacy doc", ole, extract.ErrUnsupported, "legacy Word .doc"},
		{"encrypted docx", append(append([]byte{}, ole...), utf16le("EncryptionInfo")...), extract.ErrEncrypted, "password"},
		{"truncated zip", good[:len(good)/2], extract.ErrCorrupt, "open zip"},
		{"no document part", zipParts(t, [][2]string{{"word/styles.xml", stylesXML}}), extract.ErrCorrupt, "word/document.xml"},
		{"bad XML", zipParts(t, [][2]string{{"word/document.xml", "<w:document><w:body>"}}), extract.ErrCorrupt, "word/document.xml"},
		{"too deep", deep, extract.ErrLimit, "nested deeper"},
		{"too many columns", buildDocx(t, `<w:tbl><w:tr>`+cell(`<w:gridSpan w:val="99999"/>`, "x")+`</w:tr></w:tbl>`, ""), extract.ErrLimit, "columns"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ExtractDOCX(context.Background(), tt.data, extract.Options{})
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.text) {
				t.Errorf("err = %v, want %v mentioning %q", err, tt.want, tt.text)
			}
		})
	}
}

// TestRegistered: extract.Extract sends a .docx here and names the file's problem.
func TestRegistered(t *testing.T) {
	doc, err := extract.Extract(context.Background(), buildDocx(t, para("", "正文"), ""), extract.Options{Name: "a.docx"})
	if err != nil || doc.Format != extract.FormatDOCX || len(doc.Blocks) != 1 {
		t.Fatalf("Extract = %+v, %v", doc, err)
	}
	_, err = extract.Extract(context.Background(), []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, extract.Options{Name: "old.doc"})
	if !errors.Is(err, extract.ErrUnsupported) || !strings.Contains(err.Error(), "save as .docx") {
		t.Errorf("old.doc: %v", err)
	}
}

// TestCoreTitle: a body that opens without a title heading takes the
// title of the file's properties; a title heading wins over them.
func TestCoreTitle(t *testing.T) {
	core := `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title> 某某局2026年部门预算 </dc:title></cp:coreProperties>`
	withCore := func(body string) []byte {
		t.Helper()
		doc := `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`
		return zipParts(t, [][2]string{{"word/document.xml", doc}, {"word/styles.xml", stylesXML}, {"docProps/core.xml", core}})
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"properties only", withCore(para("", "一、部门职责") + para("", "负责某某工作。")), "某某局2026年部门预算"},
		{"title heading first", withCore(para("1", "某某局2026年部门预算公开说明") + para("", "正文。")), "某某局2026年部门预算公开说明"},
		{"no properties", buildDocx(t, para("", "正文。"), ""), ""},
	} {
		doc, err := ExtractDOCX(context.Background(), c.data, extract.Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if doc.Title != c.want {
			t.Errorf("%s: title %q, want %q", c.name, doc.Title, c.want)
		}
	}
}
