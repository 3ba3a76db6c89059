package normalize

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/extract/numbering"
	"github.com/yusuan/yusuan/internal/units"
	"github.com/yusuan/yusuan/schema"
)

// tableView is an extracted table with its context: the title printed
// above it and its cells as plain strings.
type tableView struct {
	block  *extract.Block
	t      *extract.Table
	index  int
	title  string
	number string
	unit   string
	header int // header rows
	shape  *tableShape
}

// text returns the cell text at (r, c), "" for covered cells.
func (v *tableView) text(r, c int) string {
	if r >= len(v.t.Rows) || c >= len(v.t.Rows[r]) {
		return ""
	}
	cell := v.t.Rows[r][c]
	if cell.Covered {
		return ""
	}
	return strings.TrimSpace(cell.Text)
}

// cells returns the non-covered cells of row r.
func (v *tableView) cells(r int) []extract.Cell {
	var out []extract.Cell
	for _, c := range v.t.Rows[r] {
		if !c.Covered {
			out = append(out, c)
		}
	}
	return out
}

func (n *Normalizer) fillTables(d *schema.Document, x *extract.Document, o *outline) {
	idx := 0
	var prev []string // short texts since the previous table, nearest last
	final := d.Meta.Kind == schema.KindFinalAccount
	var views []*tableView
	for i := range x.Blocks {
		b := &x.Blocks[i]
		if b.Kind != extract.KindTable || b.Table == nil {
			if (b.Kind == extract.KindParagraph || b.Kind == extract.KindHeading) && !b.TOC {
				prev = append(prev, strings.TrimSpace(b.Text))
				if len(prev) > 3 {
					prev = prev[1:]
				}
			}
			continue
		}
		// 行次 columns number the rows: they are read as if not printed.
		v := &tableView{block: b, t: b.Table.WithoutColumns(b.Table.RowNumberCols), index: idx, unit: b.Table.Unit}
		idx++
		v.title, v.number = tableTitle(b.Table, prev, final)
		if v.unit == "" {
			v.unit = unitIn(v.title)
		}
		if v.unit == "" {
			for _, c := range b.Table.Caption {
				if u := unitIn(Clean(c)); u != "" {
					v.unit = u
				}
			}
		}
		v.header = headerRows(v)
		v.shape = analyzeTable(v)
		st := schema.Table{
			Kind: classifyTable(v, final), Title: v.title, Number: v.number, Unit: v.unit,
			Header: [][]string{}, Rows: [][]string{}, At: b.At, LineItems: []schema.LineItem{},
		}
		for r := range v.t.Rows {
			row := make([]string, len(v.t.Rows[r]))
			for c := range row {
				row[c] = v.text(r, c)
			}
			if r < v.shape.header {
				st.Header = append(st.Header, row)
			} else {
				st.Rows = append(st.Rows, row)
			}
		}
		st.Empty = len(st.Rows) == 0 || allBlank(st.Rows)
		var next string
		for j := i + 1; j < len(x.Blocks) && j <= i+2; j++ {
			if x.Blocks[j].Kind == extract.KindParagraph {
				next = x.Blocks[j].Text
				break
			}
			if x.Blocks[j].Kind == extract.KindTable {
				break
			}
		}
		st.EmptyNote = emptyNote(b.Table, next)
		if st.EmptyNote != "" && !st.Empty && allBlankAmounts(st.Rows) {
			st.Empty = true
		}
		if st.EmptyNote != "" && !st.Empty {
			st.EmptyNote = "" // a note on a table with figures is no empty note
		}
		switch st.Kind {
		case schema.KindPerformance:
			if it, ok := indicatorTable(v); ok {
				d.Performance.IndicatorTables = append(d.Performance.IndicatorTables, it)
			}
		case schema.KindAssets:
			fillAssets(d, v)
		}
		if itemized(st.Kind) {
			st.Columns = v.shape.columnKeys(st.Kind)
			st.LineItems = v.shape.lineItems(st.Kind)
			for k := range st.LineItems {
				for _, a := range st.LineItems[k].Amounts {
					if a.At.Table == nil {
						a.At = a.At.InTable(v.index, -1, -1)
					}
				}
			}
		}
		d.Tables = append(d.Tables, st)
		views = append(views, v)
		prev = nil
	}
	schema.CheckTables(d) // an unreadable table gives no headline figure
	rereadUnreadable(d, views)
	fillPrintedBlanks(d, views)
	n.fillFromTables(d, views)
	n.fillNarrativeItems(d, o)
}

// itemized: the kinds whose rows become line items.
func itemized(kind schema.TableKind) bool {
	switch kind {
	case schema.KindOther, schema.KindPerformance, schema.KindAssets, schema.KindUnits, schema.KindProject, schema.KindProcurement:
		return false
	}
	return true
}

func allBlank(rows [][]string) bool {
	for _, r := range rows {
		for _, c := range r {
			if c != "" && c != "0" && c != "-" && c != "—" {
				return false
			}
		}
	}
	return true
}

// allBlankAmounts: no cell holds a non-zero number.
func allBlankAmounts(rows [][]string) bool {
	for _, r := range rows {
		for _, c := range r {
			t := compact(Clean(c))
			if numberLike.MatchString(t) && strings.Trim(t, "0.,") != "" {
				return false
			}
		}
	}
	return true
}

var emptyNoteRe = regexp.MustCompile(`(无|没有|未安排|未发生)[^。；]{0,40}(故|因此|所以)?[^。；]{0,12}(空表|无数据|无此|为空|未列|不涉及|无相关|无内容)|本表无数据|为空表|本部门无相关收支`)

// emptyNote finds the document's reason for an empty table in its notes,
// caption, or the paragraph just after it.
func emptyNote(t *extract.Table, next string) string {
	for _, group := range [][]string{t.Notes, t.Caption, {next}} {
		for _, line := range group {
			l := strings.TrimSpace(line)
			if l != "" && emptyNoteRe.MatchString(compact(Clean(l))) && utf8.RuneCountInString(l) <= 120 {
				return l
			}
		}
	}
	return ""
}

// tableTitle picks the title among the caption lines and the short texts
// printed just above the table (nearest last in prev): the one that names a
// table kind, else the first that reads as a title. A numbering line
// ("公开02表", "表一") is returned apart as the number; a title broken over
// a heading and the caption ("…支出预" + "算表") is joined.
func tableTitle(t *extract.Table, prev []string, final bool) (title, number string) {
	var cands []string
	for i := len(prev) - 1; i >= 0; i-- {
		p := prev[i]
		if p != "" && utf8.RuneCountInString(p) <= 60 && !strings.ContainsAny(p, "。；") {
			cands = append(cands, p)
		}
	}
	var caps []string
	// A title printed as the grid's first row, one cell across.
	if len(t.Rows) > 0 && len(t.Rows[0]) > 1 {
		if c := t.Rows[0][0]; c.ColSpan >= len(t.Rows[0]) && strings.HasSuffix(strings.TrimSpace(c.Text), "表") {
			caps = append(caps, strings.TrimSpace(c.Text))
		}
	}
	for _, c := range t.Caption {
		if c = strings.TrimSpace(c); c != "" {
			caps = append(caps, c)
		}
	}
	for _, c := range append(append([]string{}, caps...), cands...) {
		cc := compact(Clean(c))
		if m := tableNumber.FindString(cc); m != "" && number == "" && (m == cc || strings.Contains(m, "表")) {
			number = strings.TrimRight(m, "：:、")
		}
	}
	strip := func(c string) string {
		if num, ok := numbering.Parse(c); ok && num.Style != numbering.Part && num.Rest != "" {
			if number == "" {
				number = num.Text
			}
			return strings.TrimSpace(num.Rest)
		}
		return c
	}
	defer func() {
		// "支出决算表编制单位：某区教育局": the caption ran on.
		for _, w := range []string{"编制单位", "编制部门", "部门：", "部门:", "部门名称", "单位：", "单位:"} {
			if i := strings.Index(title, w); i > 0 && strings.HasSuffix(strings.TrimSpace(title[:i]), "表") {
				title = strings.TrimSpace(title[:i])
			}
		}
	}()
	for _, c := range caps {
		if kindFromTitle(c, final) != "" {
			return c, number
		}
	}
	// A heading broken before the caption's first line.
	if len(cands) > 0 && len(caps) > 0 && utf8.RuneCountInString(caps[0]) <= 4 {
		if j := cands[0] + caps[0]; kindFromTitle(j, final) != "" {
			return strip(j), number
		}
	}
	for i, c := range cands {
		if k := kindFromTitle(c, final); k != "" {
			// The line right above the table ("部门政府采购预算") is its printed
			// title when it names the same kind as the heading further up.
			if i > 0 && kindFromTitle(cands[0]+"表", final) == k {
				return strip(cands[0]), number
			}
			return strip(c), number
		}
	}
	for _, c := range caps {
		cc := compact(Clean(c))
		if strings.HasSuffix(c, "表") || strings.Contains(c, "表（") || strings.Contains(c, "情况表") {
			if tableNumber.FindString(cc) != cc {
				return c, number
			}
		}
	}
	for _, c := range cands {
		cc := compact(Clean(c))
		if tableNumber.FindString(cc) != cc && !strings.HasPrefix(cc, "单位") && !strings.HasPrefix(cc, "部门") {
			return strip(c), number
		}
	}
	return "", number
}

// headerRows counts the leading rows that hold column titles: short texts
// without figures or targets.
func headerRows(v *tableView) int {
	if v.t.HeaderRows > 0 {
		return v.t.HeaderRows
	}
	n := 0
	for r := range v.t.Rows {
		if r >= 4 || !isHeaderRow(v, r) {
			break
		}
		n++
	}
	if n == len(v.t.Rows) {
		return min(n, 1)
	}
	return n
}

var digits = regexp.MustCompile(`\d`)

func isHeaderRow(v *tableView, r int) bool {
	nonEmpty := 0
	for _, c := range v.cells(r) {
		t := Clean(strings.TrimSpace(c.Text))
		if t == "" {
			continue
		}
		nonEmpty++
		if utf8.RuneCountInString(t) > 16 || strings.ContainsAny(t, "≥≤<>=《") {
			return false
		}
		if digits.MatchString(t) && !strings.Contains(t, "单位") && !strings.Contains(t, "栏次") {
			return false
		}
	}
	return nonEmpty > 0
}

// classifyTable gives the table's kind from its title, then from its
// header words and row labels (tablekinds.go).
func classifyTable(v *tableView, final bool) schema.TableKind {
	if k := kindFromTitle(v.title, final); k != "" {
		return k
	}
	for _, c := range v.t.Caption {
		if k := kindFromTitle(c, final); k != "" {
			return k
		}
	}
	if k := kindFromContent(v.shape, final); k != "" {
		return k
	}
	var hdr strings.Builder
	for r := 0; r < len(v.t.Rows) && r < 3; r++ {
		for c := range v.t.Rows[r] {
			hdr.WriteString(v.text(r, c))
		}
	}
	h := compact(hdr.String())
	switch {
	case hasAny(h, "一级指标", "二级指标", "三级指标", "数量指标", "质量指标", "满意度指标", "绩效目标表", "绩效指标"):
		return schema.KindPerformance
	case hasAny(h, "固定资产", "资产占用", "资产总额", "国有资产"):
		return schema.KindAssets
	case hasAny(h, "政府采购"):
		return schema.KindProcurement
	}
	if hasAny(h, "项目支出") && hasAny(h, "项目名称") {
		return schema.KindProject
	}
	return schema.KindOther
}

// level1Of infers a missing 一级指标 from its 二级指标.
func level1Of(level2 string) string {
	switch {
	case hasAny(level2, "数量", "质量", "时效", "成本"):
		return "产出指标"
	case hasAny(level2, "满意"):
		return "满意度指标"
	case hasAny(level2, "效益", "影响"):
		return "效益指标"
	}
	return ""
}

func family(level1 string) string {
	switch {
	case hasAny(level1, "产出"):
		return "产出"
	case hasAny(level1, "效益", "效果"):
		return "效益"
	case hasAny(level1, "满意"):
		return "满意"
	}
	return level1
}

// indicatorTable reads a performance indicator table. Columns are found
// from the header (一级指标 … 指标值 … 依据) when it has one; rows without a
// header, or shorter than the header (a merged 一级指标 cell written once),
// are aligned from the right, where the target and its basis always are.
func indicatorTable(v *tableView) (schema.IndicatorTable, bool) {
	it := schema.IndicatorTable{Title: v.title, Goals: []string{}, Rows: []schema.IndicatorRow{}, At: v.block.At}
	cols := map[string]int{}
	width := 6
	prevL1 := ""
	for r := range v.t.Rows {
		cells := v.cells(r)
		var texts []string
		for _, c := range cells {
			texts = append(texts, strings.TrimSpace(c.Text))
		}
		if len(texts) == 0 {
			continue
		}
		first := compact(texts[0])
		if hasAny(first, "绩效目标", "年度目标", "总体目标") && len(texts) <= 3 {
			for _, t := range texts[1:] {
				for _, line := range strings.Split(t, "\n") {
					if line = strings.TrimSpace(line); line != "" {
						it.Goals = append(it.Goals, line)
					}
				}
			}
			continue
		}
		if hasAny(strings.Join(texts, ""), "一级指标", "二级指标", "三级指标") {
			for i, t := range texts {
				t = compact(t)
				switch {
				case hasAny(t, "一级"):
					cols["level1"] = i
				case hasAny(t, "二级"):
					cols["level2"] = i
				case hasAny(t, "三级"):
					cols["level3"] = i
				case hasAny(t, "依据"):
					cols["basis"] = i
				case hasAny(t, "描述", "内容", "说明"):
					cols["description"] = i
				case hasAny(t, "指标值", "目标值", "值"):
					cols["target"] = i
				}
			}
			width = len(texts)
			continue
		}
		if len(texts) < 3 {
			continue
		}
		get := func(name string, std int) string {
			i, ok := cols[name]
			if !ok {
				if len(cols) > 0 {
					return "" // the header has no such column
				}
				i = std
			}
			// Align from the right when the row is short.
			i -= width - len(texts)
			if i < 0 || i >= len(texts) {
				return ""
			}
			return texts[i]
		}
		row := schema.IndicatorRow{
			Level1: get("level1", 0), Level2: get("level2", 1), Level3: get("level3", 2),
			Description: get("description", 3), Basis: get("basis", 5),
			At: cells[0].At,
		}
		if t := get("target", 4); t != "" {
			row.Target = ParseTarget(t)
		}
		if row.Level1 == "" {
			inferred := level1Of(row.Level2)
			if prevL1 != "" && (inferred == "" || family(prevL1) == family(inferred)) {
				row.Level1 = prevL1
			} else {
				row.Level1 = inferred
			}
		}
		prevL1 = row.Level1
		it.Rows = append(it.Rows, row)
	}
	return it, len(it.Rows) > 0
}

var (
	parenUnit = regexp.MustCompile(`[（(]([^）)]{1,10})[）)]\s*$`)
	dateRe    = regexp.MustCompile(`((?:19|20)\d{2})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})`)
)

// fillAssets reads a 固定资产占用情况表: rows of name, quantity, value, with
// the unit of quantity in the name's parentheses and the money unit in the
// header or caption.
func fillAssets(d *schema.Document, v *tableView) {
	a := &d.Assets
	unit := v.unit
	if unit == "" {
		unit = "万元"
	}
	for _, c := range v.t.Caption {
		if m := dateRe.FindStringSubmatch(Clean(c)); m != nil && a.AsOf == "" {
			a.AsOf = isoDate(m)
		}
	}
	qtyCol, valCol := 1, 2
	for r := 0; r < v.header && r < len(v.t.Rows); r++ {
		for c := range v.t.Rows[r] {
			t := compact(v.text(r, c))
			switch {
			case hasAny(t, "数量"):
				qtyCol = c
			case hasAny(t, "价值", "金额", "原值"):
				valCol = c
			}
		}
	}
	for r := v.header; r < len(v.t.Rows); r++ {
		name := compact(v.text(r, 0))
		if name == "" {
			continue
		}
		at := v.t.Rows[r][0].At
		var value *schema.Amount
		if m, ok := ParseAmount(v.text(r, valCol), unit); ok {
			value = &schema.Amount{Yuan: m.Yuan, Value: m.Value, Unit: m.Unit, Text: v.text(r, valCol), At: v.t.Rows[r][valCol].At}
		}
		if hasAny(name, "总额", "合计", "总计") {
			if a.Total == nil {
				a.Total = value
			}
			continue
		}
		item := schema.AssetItem{At: at, Value: value}
		sub := strings.HasPrefix(name, "其中")
		name = strings.TrimLeft(strings.TrimPrefix(name, "其中"), "：:")
		if num, ok := numbering.Parse(name); ok {
			name = num.Rest
		}
		if m := parenUnit.FindStringSubmatchIndex(name); m != nil {
			item.QuantityUnit = name[m[2]:m[3]]
			name = name[:m[0]]
		}
		item.Name = name
		item.Subitem = sub
		if q, err := decimal.Parse(compact(Clean(v.text(r, qtyCol)))); err == nil {
			item.Quantity = &q
		}
		a.Items = append(a.Items, item)
	}
}

func isoDate(m []string) string {
	pad := func(s string) string {
		if len(s) == 1 {
			return "0" + s
		}
		return s
	}
	return m[1] + "-" + pad(m[2]) + "-" + pad(m[3])
}

// unitIn finds a declared money unit such as "单位：万元".
func unitIn(s string) string {
	return units.Declared(s)
}
