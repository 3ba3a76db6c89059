package html

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/yusuan/yusuan/extract"
)

// FuzzExtract feeds arbitrary bytes to Extract, seeded from the samples and
// small pages in the table tests. Extract must not panic and any document it returns must have square grids.
func FuzzExtract(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "samples", "html-*.html"))
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"<table><tr><td rowspan=2 colspan=2>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
		"<p>一、概况<br>（一）职责</p><p><b>名词解释</b></p><img src=a_biao.png>",
		"<%@ page %><meta charset=gb2312><div class=nav>x</div><div>${a}</div>",
		"<div><div><div><table><tr><td><table><tr><td>x</td></tr></table></td></tr></table></div></div></div>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Extract(context.Background(), data, extract.Options{MaxDepth: 64})
		if err != nil {
			return
		}
		for _, b := range doc.Blocks {
			if b.Kind == extract.KindTable {
				checkTable(t, b.Table)
			}
		}
	})
}
