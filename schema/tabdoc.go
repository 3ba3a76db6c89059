package schema

// The data dictionary of the tabular outputs (XLSX, CSV, SQLite): for every
// column of every sheet, the schema field it shows (whose zh and zhdesc tags
// give its Chinese name and description, so nothing is typed twice), its
// unit and its SQL type. Kept beside tabSheets rather than in it so the
// sheet layout and its documentation can change independently; a test
// checks that every column is documented.

import (
	"fmt"
	"reflect"
	"strings"
)

// Labels chooses the names in a tabular output.
type Labels string

const (
	// LabelsEN keeps the English keys (documents, revenue_total, budget):
	// stable names for programs.
	LabelsEN Labels = "en"
	// LabelsZH uses Chinese sheet names and headers with the unit in the
	// header (收入合计（万元）), Chinese values for coded fields (预算,
	// 决算, 错误) and adds the 字段说明 sheet: for people.
	LabelsZH Labels = "zh"
)

// ParseLabels accepts "zh" and "en" ("" is zh).
func ParseLabels(s string) (Labels, error) {
	switch s {
	case "", "zh":
		return LabelsZH, nil
	case "en":
		return LabelsEN, nil
	}
	return "", fmt.Errorf("unknown labels %q (zh or en)", s)
}

// SQL column types.
const (
	sqlText    = "TEXT"
	sqlInteger = "INTEGER"
	sqlReal    = "REAL"
)

// colDoc documents one column.
type colDoc struct {
	field string // JSON path in Document whose zh/zhdesc tags describe the column ("" if zh/desc given)
	zh    string // Chinese name when not the field's (or to override it)
	desc  string // Chinese description when not the field's zhdesc
	unit  string // 元, 万元, 字节, …; "" for none
	sql   string // SQL type; sqlText when ""
	wan   bool   // the Chinese workbook shows the 元 figure in 万元
}

// sheetZH is the Chinese name of each sheet.
var sheetZH = [numTabSheets]string{
	tabDocuments:   "文件",
	tabSummary:     "收支总体",
	tabThreePublic: "三公经费",
	tabSections:    "章节",
	tabIndicators:  "绩效指标",
	tabAssets:      "国有资产",
	tabTables:      "表格",
	tabLineItems:   "科目明细",
	tabFindings:    "检查发现",
	tabErrors:      "转换失败",
}

// FieldsSheetZH is the name of the data dictionary sheet.
const FieldsSheetZH = "字段说明"

var docColDoc = colDoc{field: "source.path", zh: "文件", desc: "输入文件的路径；各表以此列关联到同一文件。"}

// amountColDocs documents amountCols, for a sheet whose amounts are at path.
func amountColDocs(path string) map[string]colDoc {
	return map[string]colDoc{
		"yuan":       {field: path + ".yuan", zh: "金额（元）", unit: "元", sql: sqlReal, desc: "金额折合为元；数字列，便于计算（浮点，可能有极小的舍入）。精确值见 yuan_exact。"},
		"yuan_exact": {zh: "金额（元，精确值）", unit: "元", desc: "金额折合为元的精确十进制文本，不经浮点。"},
		"value":      {field: path + ".value", zh: "原文数值", sql: sqlReal, desc: "文件印出的数字，单位见“原文单位”列（万元或元，各行不同）。"},
		"unit":       {field: path + ".unit", zh: "原文单位"},
		"text":       {field: path + ".text"},
		"at":         {field: path + ".at"},
	}
}

// colDocs documents every column of tabSheets, by sheet and column name.
var colDocs = [numTabSheets]map[string]colDoc{
	tabDocuments: {
		"document":            docColDoc,
		"format":              {field: "source.format"},
		"sha256":              {field: "source.sha256"},
		"bytes":               {field: "source.bytes", unit: "字节", sql: sqlInteger},
		"title":               {field: "meta.title"},
		"fiscal_year":         {field: "meta.fiscal_year", sql: sqlInteger},
		"kind":                {field: "meta.kind"},
		"scope":               {field: "meta.scope"},
		"issuer":              {field: "meta.issuer.name", zh: "部门"},
		"other_names":         {field: "meta.issuer.other_names"},
		"issuer_code":         {field: "meta.issuer.code"},
		"province":            {field: "meta.region.province"},
		"city":                {field: "meta.region.city"},
		"county":              {field: "meta.region.county"},
		"unit":                {field: "meta.unit", zh: "文件金额单位"},
		"revenue_total":       {field: "summary.revenue.total", unit: "元", sql: sqlReal, wan: true},
		"expenditure_total":   {field: "summary.expenditure.total", unit: "元", sql: sqlReal, wan: true},
		"expenditure_basic":   {field: "summary.expenditure.basic", unit: "元", sql: sqlReal, wan: true},
		"expenditure_project": {field: "summary.expenditure.project", unit: "元", sql: sqlReal, wan: true},
		"three_public_total":  {field: "three_public.total", unit: "元", sql: sqlReal, wan: true},
		"operating_expenses":  {field: "operating_expenses", unit: "元", sql: sqlReal, wan: true},
		"findings_error":      {zh: "错误数", desc: "严重程度为“错误”的检查发现条数。", sql: sqlInteger},
		"findings_warning":    {zh: "警告数", desc: "严重程度为“警告”的检查发现条数。", sql: sqlInteger},
		"findings_info":       {zh: "提示数", desc: "严重程度为“提示”的检查发现条数。", sql: sqlInteger},
		"status":              {zh: "检查结果", desc: "ok：无错误和警告；warnings：有警告；errors：有错误。"},
		"producer":            {field: "source.producer"},
		"document_status":     {field: "status"},
		"disclosure_id":       {zh: "所属公开", desc: "同一部门（名称去掉“中共”“本级”“汇总”等后相同）、同一年度、类型和范围的文件共用此值：一份公开常分为情况说明和报表等几个文件。格式：部门|年度|类型|范围；部门或年度不明时为空。"},
	},
	tabSummary:     withAmounts("summary.revenue.total", map[string]colDoc{"document": docColDoc, "field": fieldColDoc}),
	tabThreePublic: withAmounts("three_public.total", map[string]colDoc{"document": docColDoc, "field": fieldColDoc}),
	tabSections: {
		"document": docColDoc,
		"key":      {field: "sections.key"},
		"keys":     {field: "sections.keys"},
		"number":   {field: "sections.number"},
		"heading":  {field: "sections.heading"},
		"level":    {field: "sections.level", sql: sqlInteger},
		"text":     {field: "sections.text"},
		"at":       {field: "sections.at"},
	},
	tabIndicators: {
		"document":    docColDoc,
		"table":       tableIndexDoc,
		"table_title": {field: "performance.indicator_tables.title"},
		"level1":      {field: "performance.indicator_tables.rows.level1"},
		"level2":      {field: "performance.indicator_tables.rows.level2"},
		"level3":      {field: "performance.indicator_tables.rows.level3"},
		"description": {field: "performance.indicator_tables.rows.description"},
		"comparator":  {field: "performance.indicator_tables.rows.target.comparator"},
		"value":       {field: "performance.indicator_tables.rows.target.value", zh: "指标数值", sql: sqlReal},
		"unit":        {field: "performance.indicator_tables.rows.target.unit", zh: "指标单位"},
		"target":      {field: "performance.indicator_tables.rows.target.text", zh: "指标值原文"},
		"basis":       {field: "performance.indicator_tables.rows.basis"},
		"at":          {field: "performance.indicator_tables.rows.at"},
	},
	tabAssets: withAmounts("assets.items.value", map[string]colDoc{
		"document":      docColDoc,
		"as_of":         {field: "assets.as_of"},
		"name":          {field: "assets.items.name"},
		"quantity":      {field: "assets.items.quantity", sql: sqlReal},
		"quantity_unit": {field: "assets.items.quantity_unit"},
		"subitem":       {field: "assets.items.subitem", sql: sqlInteger},
	}),
	tabTables: {
		"document":    docColDoc,
		"table":       tableIndexDoc,
		"kind":        {field: "tables.kind"},
		"title":       {field: "tables.title"},
		"unit":        {field: "tables.unit"},
		"empty":       {field: "tables.empty", sql: sqlInteger},
		"empty_note":  {field: "tables.empty_note"},
		"header_rows": {zh: "表头行数", desc: "表头的行数。", sql: sqlInteger},
		"rows":        {zh: "数据行数", desc: "数据行的行数。", sql: sqlInteger},
		"line_items":  {zh: "科目行数", desc: "识别为科目明细的行数。", sql: sqlInteger},
		"at":          {field: "tables.at"},
	},
	tabLineItems: withAmounts("tables.line_items.amounts", map[string]colDoc{
		"document":       docColDoc,
		"table":          tableIndexDoc,
		"kind":           {field: "tables.kind"},
		"code":           {field: "tables.line_items.code"},
		"name":           {field: "tables.line_items.name"},
		"level":          {field: "tables.line_items.level"},
		"classification": {field: "tables.line_items.classification"},
		"column":         {zh: "栏目", desc: "金额所在的列（表头文字），如“合计”“基本支出”“项目支出”；每个科目每列一行。"},
	}),
	tabFindings: {
		"document":   docColDoc,
		"rule":       {field: "findings.rule"},
		"severity":   {field: "findings.severity"},
		"message":    {field: "findings.message"},
		"message_en": {field: "findings.message_en"},
		"expected":   {field: "findings.expected", unit: "元"},
		"actual":     {field: "findings.actual", unit: "元"},
		"at":         {field: "findings.at"},
	},
	tabErrors: {
		"document": {zh: "文件", desc: "未能转换的输入文件的路径。"},
		"format":   {field: "source.format"},
		"reason":   {zh: "原因", desc: "未能转换的原因。"},
	},
}

var (
	fieldColDoc   = colDoc{zh: "项目", desc: "金额在文件结构中的位置（JSON 路径，如 summary.revenue.total）；中文表中为其中文名。"}
	tableIndexDoc = colDoc{zh: "表序号", desc: "表格在文件中的序号，从 0 起；与“表格”表的同名列对应。", sql: sqlInteger}
)

// withAmounts adds the amount columns (documented from the Amount at path)
// to m.
func withAmounts(path string, m map[string]colDoc) map[string]colDoc {
	for k, v := range amountColDocs(path) {
		m[k] = v
	}
	return m
}

// columnInfo is a column's documentation, resolved.
type columnInfo struct {
	name, zh, desc, unit, sql string
	wan                       bool
}

// header is the column's heading in a Chinese output: the name with its
// unit (收入合计（元）) unless the name already says it.
func (c columnInfo) header() string {
	u := c.unit
	if c.wan {
		u = "万元"
	}
	if u == "" || strings.Contains(c.zh, "（") {
		return c.zh
	}
	return c.zh + "（" + u + "）"
}

// columnInfos resolves the documentation of a sheet's columns.
func columnInfos(id tabSheet) ([]columnInfo, error) {
	def := &tabSheets[id]
	out := make([]columnInfo, len(def.cols))
	for i, c := range def.cols {
		d, ok := colDocs[id][c.name]
		if !ok {
			return nil, fmt.Errorf("sheet %s column %s: not documented in colDocs", def.name, c.name)
		}
		ci := columnInfo{name: c.name, zh: d.zh, desc: d.desc, unit: d.unit, sql: d.sql, wan: d.wan}
		if d.field != "" {
			fd, err := fieldDocAt(d.field)
			if err != nil {
				return nil, fmt.Errorf("sheet %s column %s: %w", def.name, c.name, err)
			}
			if ci.zh == "" {
				ci.zh = fd.zh
			}
			if ci.desc == "" {
				ci.desc = fd.zhdesc
			}
		}
		if ci.sql == "" {
			ci.sql = sqlText
		}
		if ci.zh == "" {
			return nil, fmt.Errorf("sheet %s column %s: no Chinese name", def.name, c.name)
		}
		if ci.desc == "" {
			return nil, fmt.Errorf("sheet %s column %s: no Chinese description (colDocs desc or the field's zhdesc tag)", def.name, c.name)
		}
		out[i] = ci
	}
	return out, nil
}

// mustColumnInfos is columnInfos for the fixed tables, which a test checks.
func mustColumnInfos(id tabSheet) []columnInfo {
	ci, err := columnInfos(id)
	if err != nil {
		panic(err) // a programming error caught by TestColumnDocs
	}
	return ci
}

// fieldDocAt returns the zh and desc tags of the field at a JSON path from
// the Document root ("meta.issuer.name"), stepping through pointers,
// slices and map values.
func fieldDocAt(path string) (fieldDoc, error) {
	t := reflect.TypeFor[Document]()
	var fd fieldDoc
	for name := range strings.SplitSeq(path, ".") {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return fd, fmt.Errorf("field path %s: %s is not inside a struct", path, name)
		}
		found := false
		for f := range structFields(t) {
			if jf, ok := jsonFieldOf(f); ok && jf.name == name {
				fd, t, found = docOf(t, f), f.Type, true
				break
			}
		}
		if !found {
			return fd, fmt.Errorf("field path %s: no field %s", path, name)
		}
	}
	return fd, nil
}

// fieldLabelZH names an amount by the Chinese labels along its JSON path:
// summary.revenue.total gives 收入 › 本年收入合计.
func fieldLabelZH(path string) string {
	parts := strings.Split(path, ".")
	var labels []string
	for i := range parts {
		fd, err := fieldDocAt(strings.Join(parts[:i+1], "."))
		if err != nil || fd.zh == "" {
			return path
		}
		if i == 0 && len(parts) > 2 { // 收支总体情况 › … says nothing the sheet does not
			continue
		}
		labels = append(labels, fd.zh)
	}
	return strings.Join(labels, " › ")
}

// valuesZH translates coded values of some columns for the Chinese outputs;
// section keys and table kinds come from the vocabulary (vocab.go), added
// by init.
var valuesZH = map[string]map[string]string{
	"kind":           {KindBudget: "预算", KindFinalAccount: "决算"},
	"scope":          {ScopeDepartment: "部门", ScopeUnit: "单位", "government": "政府"},
	"severity":       {SevError: "错误", SevWarning: "警告", SevInfo: "提示"},
	"status":         {"ok": "无问题", "warnings": "有警告", "errors": "有错误"},
	"classification": {"functional": "功能分类", "economic": "经济分类"},
	"comparator":     {"text": "定性"},
	"document_status": {
		StatusOK: "正常", StatusNoText: "无文字层（图片）", StatusTemplate: "空白模板", StatusNotADisclosure: "非预决算公开",
		StatusGovernmentReport: "政府预决算报告", StatusPartial: "未读完（页数上限）",
	},
}

// FieldRow is one line of the data dictionary.
type FieldRow struct {
	Table, Column, ZH, Desc, Unit, SQLType string
}

// Fields returns the data dictionary of the tabular outputs: one row per
// column of every sheet, in order, under the sheet's name in labels.
func Fields(labels Labels) []FieldRow {
	var out []FieldRow
	for id := range numTabSheets {
		name := tabSheets[id].name
		if labels == LabelsZH {
			name = sheetZH[id]
		}
		for _, c := range mustColumnInfos(id) {
			col := c.name
			if labels == LabelsZH {
				col = c.header()
			}
			unit := c.unit
			if labels == LabelsZH && c.wan {
				unit = "万元"
			}
			out = append(out, FieldRow{Table: name, Column: col, ZH: c.zh, Desc: c.desc, Unit: unit, SQLType: c.sql})
		}
	}
	return out
}

// sheetLabels returns a sheet's name and header row in labels.
func sheetLabels(id tabSheet, labels Labels) (string, []string) {
	def := &tabSheets[id]
	head := make([]string, len(def.cols))
	if labels != LabelsZH {
		for i, c := range def.cols {
			head[i] = c.name
		}
		return def.name, head
	}
	for i, c := range mustColumnInfos(id) {
		head[i] = c.header()
	}
	return sheetZH[id], head
}

// SheetName is the name of the documents sheet (and of the CSV file
// without its extension) in labels.
func SheetName(labels Labels) string {
	name, _ := sheetLabels(tabDocuments, labels)
	return name
}

// localizeRow returns row as the Chinese outputs show it: amounts of 万元
// columns divided by 10,000 (exactly), coded values translated, amount
// paths named by their labels, true as 是.
func localizeRow(id tabSheet, row []any) []any {
	out := make([]any, len(row))
	cols := tabSheets[id].cols
	docs := colDocs[id]
	for i, v := range row {
		out[i] = v
		name := cols[i].name
		switch v := v.(type) {
		case bool:
			if v {
				out[i] = "是"
			}
		case string:
			if zh, ok := valuesZH[name][v]; ok {
				out[i] = zh
			} else if name == "field" && (id == tabSummary || id == tabThreePublic) {
				out[i] = fieldLabelZH(v)
			}
		default:
			if d, ok := decimalCell(v); ok && docs[name].wan {
				out[i] = d.Shift(-4)
			}
		}
	}
	return out
}

func init() {
	keys := map[string]string{}
	for k, l := range SectionLabels {
		keys[k] = l
	}
	valuesZH["key"] = keys
	for k, l := range TableKindLabels {
		if len(k) <= 3 { // B1…F9: the label, with the code people cite
			l += "（" + string(k) + "）"
		}
		valuesZH["kind"][string(k)] = l
	}
}
