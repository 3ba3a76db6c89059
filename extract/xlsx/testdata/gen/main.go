// Command gen writes samples/xlsx-qingxi-greening-2026-budget.xlsx: a
// fictional district bureau's 2026 budget in the Shanghai template's
// layout (merged title rows, 编制部门 and 单位：元 lines, merged headers,
// 类/款/项 code columns), amounts in 元 with two decimals, totals as SUM
// formulas carrying their cached values. Run from the repository root:
//
//	go run ./extract/xlsx/testdata/gen
//
// The grids written here are the ones samples_test.go expects back.
package main

import (
	"archive/zip"
	"bytes"
	"io"
	"log"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

const (
	dst   = "samples/xlsx-qingxi-greening-2026-budget.xlsx"
	dept  = "上海市青溪区绿化和市容管理局"
	money = "#,##0.00"
)

// sheetSpec is one sheet: its title, header rows with merges, data rows.
type sheetSpec struct {
	name, title string
	header      [][]string
	merges      [][2]string // header merges, relative to the header's first row (A1-style, row 1 = first header row)
	rows        [][]any     // strings stay text, float64 amounts, formula marks a SUM
	notes       []string
}

// formula is a total cell: its cached value and the formula computing it.
type formula struct {
	v float64
	f string
}

func main() {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{Title: dept + "2026年部门预算", Creator: "yusuan testdata/gen"}); err != nil {
		log.Fatal(err)
	}
	cover(f)
	explanation(f)
	for _, s := range sheets {
		write(f, s)
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		log.Fatal(err)
	}
	// A hidden helper sheet, as real workbooks have: skipped with a note.
	_, err := f.NewSheet("辅助")
	must(err)
	must(f.SetCellValue("辅助", "A1", "内部核对用"))
	must(f.SetSheetVisible("辅助", false))
	f.SetActiveSheet(0)
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(dst, numericFormulas(buf.Bytes()), 0o644); err != nil {
		log.Fatal(err)
	}
}

// numericFormulas rewrites the worksheets so that formula cells holding a
// number are typed as numbers, as Excel writes them (excelize marks every
// formula cell t="str"; the reader copes with both, see TestFormulaTypedString).
func numericFormulas(data []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range zr.File {
		rc, err := e.Open()
		must(err)
		body, err := io.ReadAll(rc)
		must(err)
		must(rc.Close())
		if strings.HasPrefix(e.Name, "xl/worksheets/") {
			body = bytes.ReplaceAll(body, []byte(` t="str"><f>`), []byte(`><f>`))
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.Name, Method: zip.Deflate, Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		must(err)
		_, err = w.Write(body)
		must(err)
	}
	must(zw.Close())
	return out.Bytes()
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func cover(f *excelize.File) {
	_, err := f.NewSheet("封面")
	must(err)
	must(f.MergeCell("封面", "A3", "F3"))
	must(f.SetCellValue("封面", "A3", "上海市青溪区2026年区级部门预算"))
	must(f.MergeCell("封面", "A9", "F9"))
	must(f.SetCellValue("封面", "A9", "预算主管部门："+dept))
}

// explanation writes the 编制说明 sheet: a title row and a merged block of
// prose, its figures in 万元 as the Shanghai narrative prints them.
func explanation(f *excelize.File) {
	const name = "部门编制说明"
	_, err := f.NewSheet(name)
	must(err)
	must(f.MergeCell(name, "A1", "F1"))
	must(f.SetCellValue(name, "A1", "一、2026年部门收支预算总体情况"))
	must(f.MergeCell(name, "A3", "F12"))
	must(f.SetCellValue(name, "A3", "    2026年，"+dept+"收入预算9,785.27万元，其中：财政拨款收入9,628.22万元；事业收入125.00万元；事业单位经营收入0万元；其他收入32.05万元。\n"+
		"    支出预算9,785.27万元，其中：财政拨款支出预算9,628.22万元。财政拨款支出预算中，一般公共预算拨款支出预算9,028.22万元；政府性基金拨款支出预算600.00万元；国有资本经营预算拨款支出预算0万元。\n"))
}

func write(f *excelize.File, s sheetSpec) {
	_, err := f.NewSheet(s.name)
	must(err)
	width := len(s.header[len(s.header)-1])
	last := col(width)
	// Title row, a blank row, then 编制部门 and the unit on one line.
	must(f.MergeCell(s.name, "A1", last+"1"))
	must(f.SetCellValue(s.name, "A1", s.title))
	must(f.MergeCell(s.name, "A3", col(width-1)+"3"))
	must(f.SetCellValue(s.name, "A3", "编制部门："+dept))
	must(f.SetCellValue(s.name, last+"3", "单位：元"))
	style, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr(money)})
	must(err)
	top := 4
	for i, row := range s.header {
		for j, v := range row {
			if v != "" {
				must(f.SetCellValue(s.name, cell(j, top+i), v))
			}
		}
	}
	for _, m := range s.merges {
		must(f.MergeCell(s.name, shiftRef(m[0], top-1), shiftRef(m[1], top-1)))
	}
	first := top + len(s.header)
	for i, row := range s.rows {
		for j, v := range row {
			ref := cell(j, first+i)
			switch v := v.(type) {
			case string:
				if v != "" {
					must(f.SetCellStr(s.name, ref, v))
				}
			case float64:
				must(f.SetCellFloat(s.name, ref, v, -1, 64))
				must(f.SetCellStyle(s.name, ref, ref, style))
			case formula:
				// 17 significant digits, the way Excel writes some
				// doubles: the reader must give back 96282213.44.
				must(f.SetCellFloat(s.name, ref, v.v, 17-len(strconv.Itoa(int(v.v))), 64))
				must(f.SetCellFormula(s.name, ref, v.f))
				must(f.SetCellStyle(s.name, ref, ref, style))
			}
		}
	}
	for i, n := range s.notes {
		r := first + len(s.rows) + 1 + i
		must(f.MergeCell(s.name, cell(0, r), cell(width-1, r)))
		must(f.SetCellValue(s.name, cell(0, r), n))
	}
}

func ptr[T any](v T) *T { return &v }

func col(n int) string {
	s, err := excelize.ColumnNumberToName(n)
	must(err)
	return s
}

func cell(j, r int) string { return col(j+1) + strconv.Itoa(r) }

// shiftRef moves an A1 reference down by n rows.
func shiftRef(ref string, n int) string {
	c, r, err := excelize.CellNameToCoordinates(ref)
	must(err)
	out, err := excelize.CoordinatesToCellName(c, r+n)
	must(err)
	return out
}

var sheets = []sheetSpec{
	{
		name:  "部门收支总表",
		title: "2026年部门财务收支预算总表",
		header: [][]string{
			{"本年收入", "", "本年支出", ""},
			{"项目", "预算数", "项目", "预算数"},
		},
		merges: [][2]string{{"A1", "B1"}, {"C1", "D1"}},
		rows: [][]any{
			{"一、财政拨款收入", 96282213.44, "一、社会保障和就业支出", 5432100.00},
			{"1. 一般公共预算", 90282213.44, "二、卫生健康支出", 2108600.00},
			{"2. 政府性基金预算", 6000000.00, "三、城乡社区支出", 86011513.44},
			{"3. 国有资本经营预算", 0.00, "四、住房保障支出", 4300500.00},
			{"二、事业收入", 1250000.00, "", ""},
			{"三、事业单位经营收入", 0.00, "", ""},
			{"四、其他收入", 320500.00, "", ""},
			{"收入总计", formula{97852713.44, "B5+B9+B10+B11"}, "支出总计", formula{97852713.44, "SUM(D5:D8)"}},
		},
	},
	{
		name:  "部门一般公共预算拨款表",
		title: "2026年部门一般公共预算支出功能分类预算表",
		header: [][]string{
			{"项目", "", "", "", "一般公共预算支出", "", ""},
			{"功能分类科目编码", "", "", "功能分类科目名称", "合计", "基本支出", "项目支出"},
			{"类", "款", "项", "", "", "", ""},
		},
		merges: [][2]string{{"A1", "D1"}, {"E1", "G1"}, {"A2", "C2"}, {"D2", "D3"}, {"E2", "E3"}, {"F2", "F3"}, {"G2", "G3"}},
		rows: [][]any{
			{"208", "", "", "社会保障和就业支出", 5432100.00, 5432100.00, 0.00},
			{"208", "05", "", "行政事业单位养老支出", 5432100.00, 5432100.00, 0.00},
			{"208", "05", "05", "机关事业单位基本养老保险缴费支出", 3621400.00, 3621400.00, 0.00},
			{"208", "05", "06", "机关事业单位职业年金缴费支出", 1810700.00, 1810700.00, 0.00},
			{"210", "", "", "卫生健康支出", 2108600.00, 2108600.00, 0.00},
			{"210", "11", "", "行政事业单位医疗", 2108600.00, 2108600.00, 0.00},
			{"210", "11", "01", "行政单位医疗", 1203600.00, 1203600.00, 0.00},
			{"210", "11", "02", "事业单位医疗", 905000.00, 905000.00, 0.00},
			{"212", "", "", "城乡社区支出", 78441013.44, 12441013.44, 66000000.00},
			{"212", "01", "", "城乡社区管理事务", 12441013.44, 12441013.44, 0.00},
			{"212", "01", "01", "行政运行", 12441013.44, 12441013.44, 0.00},
			{"212", "05", "", "城乡社区环境卫生", 66000000.00, 0.00, 66000000.00},
			{"212", "05", "01", "城乡社区环境卫生", 66000000.00, 0.00, 66000000.00},
			{"221", "", "", "住房保障支出", 4300500.00, 4300500.00, 0.00},
			{"221", "02", "", "住房改革支出", 4300500.00, 4300500.00, 0.00},
			{"221", "02", "01", "住房公积金", 4300500.00, 4300500.00, 0.00},
			{"合计", "", "", "", formula{90282213.44, "E7+E11+E15+E20"}, formula{24282213.44, "F7+F11+F15+F20"}, formula{66000000.00, "G7+G11+G15+G20"}},
		},
	},
	{
		name:  "部门一般公共预算拨款基本支出明细表",
		title: "2026年部门一般公共预算基本支出部门预算经济分类预算表",
		header: [][]string{
			{"项目", "", "", "一般公共预算基本支出", "", ""},
			{"部门预算经济分类科目编码", "", "经济分类科目名称", "合计", "人员经费", "公用经费"},
			{"类", "款", "", "", "", ""},
		},
		merges: [][2]string{{"A1", "C1"}, {"D1", "F1"}, {"A2", "B2"}, {"C2", "C3"}, {"D2", "D3"}, {"E2", "E3"}, {"F2", "F3"}},
		rows: [][]any{
			{"301", "", "工资福利支出", 20532100.00, 20532100.00, 0.00},
			{"301", "01", "基本工资", 6820000.00, 6820000.00, 0.00},
			{"301", "02", "津贴补贴", 4101400.00, 4101400.00, 0.00},
			{"301", "08", "机关事业单位基本养老保险缴费", 3621400.00, 3621400.00, 0.00},
			{"301", "09", "职业年金缴费", 1810700.00, 1810700.00, 0.00},
			{"301", "10", "职工基本医疗保险缴费", 1203600.00, 1203600.00, 0.00},
			{"301", "13", "住房公积金", 2975000.00, 2975000.00, 0.00},
			{"302", "", "商品和服务支出", 3450113.44, 0.00, 3450113.44},
			{"302", "01", "办公费", 820000.00, 0.00, 820000.00},
			{"302", "11", "差旅费", 180000.00, 0.00, 180000.00},
			{"302", "17", "公务接待费", 45000.00, 0.00, 45000.00},
			{"302", "31", "公务用车运行维护费", 160000.00, 0.00, 160000.00},
			{"302", "99", "其他商品和服务支出", 2245113.44, 0.00, 2245113.44},
			{"303", "", "对个人和家庭的补助", 300000.00, 300000.00, 0.00},
			{"303", "02", "退休费", 300000.00, 300000.00, 0.00},
			{"合计", "", "", formula{24282213.44, "D7+D14+D20"}, formula{20832100.00, "E7+E14+E20"}, formula{3450113.44, "F7+F14+F20"}},
		},
		notes: []string{"注：人员经费含对个人和家庭的补助。"},
	},
	{
		name:  "部门“三公”经费和机关运行费预算表",
		title: "2026年部门“三公”经费和机关运行经费预算表",
		header: [][]string{
			{"“三公”经费预算数", "", "", "", "", "", "机关运行经费预算数"},
			{"合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "", "", ""},
			{"", "", "", "小计", "购置费", "运行费", ""},
		},
		merges: [][2]string{{"A1", "F1"}, {"G1", "G3"}, {"A2", "A3"}, {"B2", "B3"}, {"C2", "C3"}, {"D2", "F2"}},
		rows: [][]any{
			{formula{205000.00, "B7+C7+D7"}, 0.00, 45000.00, formula{160000.00, "E7+F7"}, 0.00, 160000.00, 3450113.44},
		},
	},
}
