package yusuan_test

import (
	"context"
	"fmt"

	"github.com/yusuan/yusuan"
)

// Convert a disclosure into the schema in one call.
func ExampleConvertFile() {
	doc, err := yusuan.ConvertFile(context.Background(), "samples/qinghe-agriculture-2023-budget.txt", yusuan.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Meta.Issuer.Name, doc.Meta.FiscalYear, doc.Meta.Kind)
	fmt.Println("revenue:", doc.Summary.Revenue.Total.Yuan, "元 (printed", doc.Summary.Revenue.Total.Text+")")
	fmt.Println("三公:", doc.ThreePublic.Total.Yuan, "元 at line", doc.ThreePublic.Total.At.Line)
	// Output:
	// 青禾县农业农村局 2023 budget
	// revenue: 12864000 元 (printed 1,286.40万元)
	// 三公: 86000 元 at line 23
}
