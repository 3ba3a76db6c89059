package docx

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/yusuan/yusuan/extract"
)

// FuzzDocx: any bytes, a zip or not, give a document or an error wrapping
// one of extract's sentinels, never a panic; tables stay rectangular.
func FuzzDocx(f *testing.F) {
	f.Add(buildDocx(f, para("1", "标题")+para("", "一、部门职责")+`<w:tbl><w:tr>`+cell(`<w:gridSpan w:val="2"/>`, "a")+`</w:tr><w:tr>`+cell(`<w:vMerge/>`, "")+cell("", "1")+`</w:tr></w:tbl>`, stylesXML))
	f.Add(buildDocx(f, `<w:p><w:r><w:t>x</w:t><w:br/><w:tab/></w:r></w:p>`, ""))
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	f.Add([]byte("PK\x03\x04word/"))
	f.Fuzz(func(t *testing.T, data []byte) {
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
	})
}
