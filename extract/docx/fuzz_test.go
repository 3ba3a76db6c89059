package docx

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/yusuan/yusuan/extract"
)

// FuzzDocx: any bytes, read as a file and as the word/document.xml of a
// zip, give a document or an error wrapping one of extract's sentinels,
// never a panic; tables stay rectangular.
func FuzzDocx(f *testing.F) {
	f.Add(buildDocx(f, para("1", "标题")+para("", "一、部门职责")+`<w:tbl><w:tr>`+cell(`<w:gridSpan w:val="2"/>`, "a")+`</w:tr><w:tr>`+cell(`<w:vMerge/>`, "")+cell("", "1")+`</w:tr></w:tbl>`, stylesXML))
	f.Add(buildDocx(f, `<w:p><w:r><w:t>x</w:t><w:br/><w:tab/></w:r></w:p>`, ""))
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	f.Add([]byte("PK\x03\x04word/"))
	f.Add([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		`<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>` +
		`<w:p><w:pPr><w:outlineLvl w:val="2"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="32"/></w:rPr><w:t>一、标题</w:t><w:br/></w:r></w:p></w:body></w:document>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		check(t, data)
		check(t, zipParts(t, [][2]string{{"word/document.xml", string(data)}, {"word/styles.xml", stylesXML}}))
	})
}

func check(t *testing.T, data []byte) {
	{
		doc, err := ExtractDOCX(context.Background(), data, extract.Options{MaxBytes: 1 << 20, MaxDepth: 64})
		if err != nil {
			for _, s := range []error{extract.ErrCorrupt, extract.ErrLimit, extract.ErrUnsupported, extract.ErrEncrypted} {
				if errors.Is(err, s) {
					if strings.Contains(err.Error(), "\n") {
						t.Errorf("multi-line error %q", err)
					}
					return
				}
			}
			t.Fatalf("error wraps no sentinel: %v", err)
		}
		for _, b := range doc.Blocks {
			if b.Table == nil {
				continue
			}
			w := b.Table.NumCols()
			for _, r := range b.Table.Rows {
				if len(r) != w {
					t.Fatalf("ragged table: row of %d cells, width %d", len(r), w)
				}
			}
		}
	}
}
