package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yusuan/yusuan/extract"
)

var update = flag.Bool("update", false, "rewrite samples/docx-*.docx from their text samples")

// sampleSources maps each DOCX sample to the text sample it is made from.
var sampleSources = map[string]string{
	"docx-qinghe-agriculture-2023-budget.docx": "qinghe-agriculture-2023-budget.txt",
}

// TestSamples: each DOCX sample is what the generator makes of its text
// sample (rewrite with -update), and reads back with its tables.
func TestSamples(t *testing.T) {
	dir := filepath.Join("..", "..", "samples")
	for name, src := range sampleSources {
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(filepath.Join(dir, src))
			if err != nil {
				t.Fatal(err)
			}
			want := textToDocx(t, string(text))
			path := filepath.Join(dir, name)
			if *update {
				if err := os.WriteFile(path, want, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from what the generator makes of %s; rerun with -update", name, src)
			}
			doc, err := ExtractDOCX(context.Background(), got, extract.Options{Name: name})
			if err != nil {
				t.Fatal(err)
			}
			tables, headings := 0, 0
			for _, b := range doc.Blocks {
				switch b.Kind {
				case extract.KindTable:
					tables++
				case extract.KindHeading:
					headings++
				}
			}
			if tables != 2 || headings < 10 || doc.Title == "" {
				t.Errorf("%d tables, %d headings, title %q:\n%s", tables, headings, doc.Title, summary(doc))
			}
		})
	}
}

var chapterRE = regexp.MustCompile(`^[一二三四五六七八九十]+、`)

// textToDocx writes a text sample as Word would: the first line in the
// Title style, chapter lines (一、…) in 标题 1, other lines as plain
// paragraphs, and each block of tab-indented rows (cells one per line,
// rows apart by blank lines) as a table. A table's leading one-cell rows
// are its caption lines, written as paragraphs above it; an empty first
// cell under a filled one continues that cell's vertical merge.
func textToDocx(t testing.TB, text string) []byte {
	var body strings.Builder
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	first := true
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case strings.HasPrefix(l, "\t"):
			j := i
			for j < len(lines) && (strings.HasPrefix(lines[j], "\t") || lines[j] == "") {
				j++
			}
			writeTable(&body, lines[i:j])
			i = j - 1
		case strings.TrimSpace(l) == "":
			body.WriteString(`<w:p/>`)
		case first:
			body.WriteString(paragraphXML("Title", `<w:jc w:val="center"/>`, l))
			first = false
		case chapterRE.MatchString(l):
			body.WriteString(paragraphXML("Heading1", "", l))
		default:
			body.WriteString(paragraphXML("", "", l))
		}
	}
	return zipSample(t, body.String())
}

func paragraphXML(style, props, text string) string {
	var b strings.Builder
	b.WriteString(`<w:p>`)
	if style != "" || props != "" {
		b.WriteString(`<w:pPr>`)
		if style != "" {
			b.WriteString(`<w:pStyle w:val="` + style + `"/>`)
		}
		b.WriteString(props + `</w:pPr>`)
	}
	b.WriteString(`<w:r><w:t xml:space="preserve">`)
	xml.EscapeText(&b, []byte(text))
	b.WriteString(`</w:t></w:r></w:p>`)
	return b.String()
}

func writeTable(b *strings.Builder, lines []string) {
	var rows [][]string
	var row []string
	for _, l := range append(lines[:len(lines):len(lines)], "") {
		if l == "" {
			if row != nil {
				rows = append(rows, row)
			}
			row = nil
			continue
		}
		row = append(row, strings.TrimSpace(strings.TrimPrefix(l, "\t")))
	}
	for len(rows) > 0 && len(rows[0]) == 1 {
		b.WriteString(paragraphXML("", "", rows[0][0]))
		rows = rows[1:]
	}
	if len(rows) == 0 {
		return
	}
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>`)
	for range rows[0] {
		b.WriteString(`<w:gridCol w:w="2000"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	for r, cells := range rows {
		b.WriteString(`<w:tr>`)
		for c, text := range cells {
			props := ``
			switch {
			case c == 0 && text == "" && r > 0:
				props = `<w:vMerge/>`
			case c == 0 && r+1 < len(rows) && rows[r+1][0] == "" && text != "":
				props = `<w:vMerge w:val="restart"/>`
			}
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/>` + props + `</w:tcPr>` + paragraphXML("", "", text) + `</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}

const (
	sampleNS     = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	sampleStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="24"/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="28"/></w:rPr></w:style>` +
		`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr></w:style>` +
		`</w:styles>`
)

// zipSample packs a body into a .docx that Word and LibreOffice open. The
// zip carries no timestamps, so the bytes depend only on the text.
func zipSample(t testing.TB, body string) []byte {
	parts := [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<w:document ` + sampleNS + `><w:body>` + body + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`},
		{"word/styles.xml", sampleStyles},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p[0], Method: zip.Deflate})
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
