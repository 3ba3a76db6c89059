package html_test

import (
	"context"
	"fmt"

	"github.com/yusuan/yusuan/extract"
	_ "github.com/yusuan/yusuan/extract/html" // registers the HTML extractor
)

func ExampleExtract() {
	page := []byte(`<!DOCTYPE html><html><body>
<div class="breadcrumb">当前位置：首页 &gt; 预决算公开</div>
<div id="content">
<p>一、部门概况</p><p>本部门编制人数12人。</p>
<p>单位：万元</p>
<table><tr><th rowspan="2">项目</th><th colspan="2">预算数</th></tr>
<tr><th>基本</th><th>项目</th></tr>
<tr><td>合计</td><td>8.00</td><td>2.00</td></tr></table>
</div><div class="footer">版权所有</div></body></html>`)
	doc, err := extract.Extract(context.Background(), page, extract.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range doc.Blocks {
		switch b.Kind {
		case extract.KindTable:
			fmt.Printf("table %d×%d, %d header rows, unit %s, at %s\n",
				len(b.Table.Rows), b.Table.NumCols(), b.Table.HeaderRows, b.Table.Unit, b.At.Selector)
		default:
			fmt.Printf("%s %q level %d\n", b.Kind, b.Text, b.Level)
		}
	}
	// Output:
	// heading "一、部门概况" level 2
	// paragraph "本部门编制人数12人。" level 0
	// table 3×3, 2 header rows, unit 万元, at body > div#content:nth-of-type(2) > table
}
