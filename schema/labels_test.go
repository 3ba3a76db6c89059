package schema

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func writeSampleWorkbookZH(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	x, err := NewXLSXWriterLabels(&buf, "", LabelsZH)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range sampleDocs() {
		if err := x.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.AddError("samples/bad.pdf", "pdf", "extract pdf: encrypted"); err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestXLSXWriterChinese(t *testing.T) {
	f := openWorkbook(t, writeSampleWorkbookZH(t))
	want := append(sheetZH[:], FieldsSheetZH)
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	checks := []struct{ sheet, keyCol, key, col, want string }{
		{"文件", "文件", "samples/b.txt", "本年收入合计（万元）", "123.46"}, // shown #,##0.00; the cell holds 123.456789
		{"文件", "文件", "samples/b.txt", "类型", "决算"},
		{"文件", "文件", "samples/b.txt", "范围", "单位"},
		{"文件", "文件", "samples/廊坊/科技局2020预算.pdf", "三公经费合计（万元）", "3.50"},
		{"文件", "文件", "samples/廊坊/科技局2020预算.pdf", "检查结果", "有错误"},
		{"收支总体", "项目", "收入 › 本年收入合计", "金额（元）", "4,547,000.00"},
		{"收支总体", "项目", "收入 › 本年收入合计", "原文单位", "万元"},
		{"检查发现", "规则", "summary.revenue_total_equals_parts", "严重程度", "错误"},
		{"检查发现", "规则", "summary.revenue_total_equals_parts", "应为（元）", "4500000"},
		{"国有资产", "名称", "车辆", "其中项", "是"},
		{"科目明细", "栏目", "合计", "分类", "功能分类"},
		{"科目明细", "栏目", "合计", "表类型", "部门收支总表（B1）"},
		{"章节", "标题", "部门职责", "类别", "部门职责"},
		{"转换失败", "文件", "samples/bad.pdf", "原因", "extract pdf: encrypted"},
		{FieldsSheetZH, "列", "本年收入合计（万元）", "单位", "万元"},
		{FieldsSheetZH, "列", "金额（元，精确值）", "表", "收支总体"},
	}
	for _, c := range checks {
		_, row := findRow(t, f, c.sheet, c.keyCol, c.key)
		rows, _ := f.GetRows(c.sheet)
		i := slices.Index(rows[0], c.col)
		if i < 0 {
			t.Errorf("sheet %s: no column %s in %v", c.sheet, c.col, rows[0])
			continue
		}
		if i >= len(row) || row[i] != c.want {
			got := ""
			if i < len(row) {
				got = row[i]
			}
			t.Errorf("sheet %s, %s = %s: %s = %q, want %q", c.sheet, c.keyCol, c.key, c.col, got, c.want)
		}
	}
	// The data dictionary has a description for every column of every sheet.
	rows, _ := f.GetRows(FieldsSheetZH)
	n := 0
	for _, def := range tabSheets {
		n += len(def.cols)
	}
	if len(rows) != n+1 {
		t.Errorf("字段说明 has %d rows, want %d", len(rows), n+1)
	}
	for _, r := range rows[1:] {
		if len(r) < 4 || r[2] == "" || r[3] == "" {
			t.Errorf("字段说明 row without a name or description: %v", r)
		}
	}
}

func TestCSVWriterChinese(t *testing.T) {
	dir := t.TempDir()
	c, err := NewCSVWriterLabels(dir, LabelsZH)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range sampleDocs() {
		if err := c.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(filepath.Join(dir, "文件.csv")); err != nil {
		t.Fatal(err)
	} else if st.Mode().Perm() != 0o644 {
		t.Errorf("文件.csv: mode %v, want 0644", st.Mode())
	}
	docs := readCSV(t, filepath.Join(dir, "文件.csv"))
	i := slices.Index(docs[0], "本年收入合计（万元）")
	if i < 0 {
		t.Fatalf("文件.csv header = %v", docs[0])
	}
	if docs[2][i] != "123.456789" {
		t.Errorf("文件.csv 本年收入合计（万元） = %q, want the exact 123.456789", docs[2][i])
	}
	fields := readCSV(t, filepath.Join(dir, FieldsSheetZH+".csv"))
	if len(fields) < 50 || !slices.Equal(fields[0], []string{"表", "列", "中文名", "说明", "单位"}) {
		t.Errorf("字段说明.csv: %d rows, header %v", len(fields), fields[0])
	}
}

// TestLibreOfficeOpensChineseOutputs converts the Chinese workbook and one
// Chinese CSV with LibreOffice and checks the headers survive.
func TestLibreOfficeOpensChineseOutputs(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) not installed")
	}
	if testing.Short() {
		t.Skip("LibreOffice is slow; skipped in -short")
	}
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "book.xlsx")
	if err := os.WriteFile(xlsx, writeSampleWorkbookZH(t), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := NewCSVWriterLabels(dir, LabelsZH)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range sampleDocs() {
		if err := c.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	for _, in := range []string{xlsx, filepath.Join(dir, "文件.csv")} {
		// The workbook's first sheet (文件) to CSV; the CSV to HTML, which
		// shows its cells. LibreOffice does not take the BOM as a sign of
		// UTF-8 when converting headless (its import dialog asks), so the
		// CSV filter is told: comma, double quote, UTF-8 (76).
		args := []string{"--headless", "-env:UserInstallation=file://" + filepath.Join(dir, "profile")}
		to := "csv:Text - txt - csv (StarCalc):44,34,76"
		if strings.HasSuffix(in, ".csv") {
			to = "html"
			args = append(args, "--infilter=CSV:44,34,76")
		}
		cmd := exec.Command(soffice, append(args, "--convert-to", to, "--outdir", out, in)...)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice %s: %v\n%s", filepath.Base(in), err, b)
		}
	}
	for _, name := range []string{"book.csv", "文件.html"} {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatalf("LibreOffice wrote no %s: %v", name, err)
		}
		if !strings.Contains(string(b), "本年收入合计（万元）") {
			t.Errorf("%s converted by LibreOffice lacks the header 本年收入合计（万元）:\n%.500s", name, b)
		}
	}
}
