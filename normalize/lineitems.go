package normalize

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/extract/numbering"
	"github.com/yusuan/yusuan/schema"
)

// This file turns a standard table's grid into line items: header bands
// become column paths mapped onto canonical keys, label and code columns
// are grouped into blocks (the sides of a two-sided table, the 人员经费 |
// 公用经费 halves of F6), and each body row becomes a schema.LineItem with
// its classification code rebuilt, its level, its parent and its amounts.

type colRole int

const (
	roleValue colRole = iota
	roleCode
	roleName
	roleOther // 序号, 行次 (they count rows), 备注: neither a label nor an amount
)

type colInfo struct {
	role     colRole
	codePart int      // 1 类, 2 款, 3 项 for split code columns; 0 joined
	path     []string // header texts, outermost first, compacted
	key      schema.ColumnKey
	side     string
}

// block is one side of a table: its code columns, its label columns (a
// group column, then the name column) and its value columns.
type block struct {
	codeCols  []int
	nameCols  []int
	valueCols []int
	side      string
}

// tableShape is the structure read from a table's grid.
type tableShape struct {
	v              *tableView
	nrow, ncol     int
	owner          []int // r*ncol+c → index of the origin cell
	header         int
	colNumRows     map[int]bool
	cols           []colInfo
	blocks         []block
	title          string // compacted title
	headerText     string // all header words, compacted
	labelText      string // the body's labels, compacted
	labelCols      int
	classification string // functional, economic or ""
	// blanks are, for each line item of the last lineItems call, the
	// blank cells of its row under printed amount columns.
	blanks [][]blankCell
	// printing caches columnPrints: 1 yes, -1 no, 0 not yet known.
	printing []int8
}

func (s *tableShape) origin(r, c int) (int, int) {
	o := s.owner[r*s.ncol+c]
	return o / s.ncol, o % s.ncol
}

// cellText is the text of the cell covering (r, c), cleaned and compacted.
func (s *tableShape) cellText(r, c int) string {
	r0, c0 := s.origin(r, c)
	if c0 >= len(s.v.t.Rows[r0]) {
		return "" // a ragged row
	}
	return compact(Clean(s.v.t.Rows[r0][c0].Text))
}

// ownText is the text at (r, c) only if (r, c) is an origin.
func (s *tableShape) ownText(r, c int) string {
	if r0, c0 := s.origin(r, c); r0 != r || c0 != c || c >= len(s.v.t.Rows[r]) {
		return ""
	}
	return compact(Clean(s.v.t.Rows[r][c].Text))
}

var (
	codeLike   = regexp.MustCompile(`^\d{2,7}$`)
	numberLike = regexp.MustCompile(`^[-+(（]?\d[\d,]*(\.\d+)?[)）]?$`)
	smallInt   = regexp.MustCompile(`^\d{1,2}$`)
)

func isDash(t string) bool {
	return t == "-" || t == "—" || t == "--" || t == "——" || t == "－" || t == "/" || t == "…"
}

// analyzeTable reads the structure of v's grid.
func analyzeTable(v *tableView) *tableShape {
	t := v.t
	if n := t.NumCols(); n > 0 {
		for _, row := range t.Rows {
			if len(row) < n {
				t = padded(t, n) // the grid is promised even; be safe
				v.t = t
				break
			}
		}
	}
	s := &tableShape{v: v, nrow: len(t.Rows), ncol: t.NumCols(), colNumRows: map[int]bool{}}
	s.title = compact(Clean(v.title))
	s.owner = make([]int, s.nrow*s.ncol)
	for i := range s.owner {
		s.owner[i] = i
	}
	for r, row := range t.Rows {
		for c := range row {
			cell := row[c]
			if cell.Covered {
				continue
			}
			for dr := 0; dr < max(cell.RowSpan, 1); dr++ {
				for dc := 0; dc < max(cell.ColSpan, 1); dc++ {
					if r+dr < s.nrow && c+dc < s.ncol && (dr > 0 || dc > 0) && c+dc < len(t.Rows[r+dr]) && t.Rows[r+dr][c+dc].Covered {
						s.owner[(r+dr)*s.ncol+c+dc] = r*s.ncol + c
					}
				}
			}
		}
	}
	// Ragged rows: pad by treating missing cells as their own (empty) origin.
	for r := range t.Rows {
		for c := len(t.Rows[r]); c < s.ncol; c++ {
			s.owner[r*s.ncol+c] = r*s.ncol + c
		}
	}
	s.findHeader()
	s.findColumns()
	return s
}

func (s *tableShape) text(r, c int) string {
	if c >= len(s.v.t.Rows[r]) {
		return ""
	}
	return s.cellText(r, c)
}

// isStars: a cell of asterisks ("**"), which some templates print where a
// 栏次 row has no label.
func isStars(t string) bool { return t != "" && strings.Trim(t, "*＊") == "" }

// isColumnNumberRow: 栏次 rows ("栏次 | 1 | 2 | 3") and bare 1 2 3 … rows.
func (s *tableShape) isColumnNumberRow(r int) bool {
	if r == s.v.t.ColumnNumberRow && r > 0 {
		return true
	}
	ints, other := 0, 0
	for c := 0; c < s.ncol; c++ {
		t := s.ownText(r, c)
		switch {
		case t == "":
		case strings.Contains(t, "栏次") || strings.Contains(t, "行次"):
			return true
		case smallInt.MatchString(t):
			ints++
		case t == "甲" || t == "乙" || t == "丙" || t == "栏" || t == "类" || t == "款" || t == "项" || t == "—" || isStars(t):
		default:
			other++
		}
	}
	return ints >= 3 && other == 0
}

// findHeader counts the header rows: the extractor's count, extended over
// following rows that hold only column titles.
func (s *tableShape) findHeader() {
	h := min(s.v.header, s.nrow)
	for h < s.nrow && h < 6 && s.isHeaderLike(h) {
		h++
	}
	s.header = h
	for r := 0; r < s.nrow; r++ {
		if s.isColumnNumberRow(r) {
			s.colNumRows[r] = true
		}
	}
}

func (s *tableShape) isHeaderLike(r int) bool {
	nonEmpty := 0
	for c := 0; c < s.ncol; c++ {
		t := s.ownText(r, c)
		if t == "" {
			continue
		}
		nonEmpty++
		if numberLike.MatchString(t) || isDash(t) {
			if s.isColumnNumberRow(r) {
				continue
			}
			return false
		}
		if c == 0 || nonEmpty == 1 {
			if totalKind(t) != "" || t == "无" || strings.HasPrefix(t, "其中") {
				return false
			}
		}
		if utf8.RuneCountInString(t) > 20 {
			return false
		}
		if _, ok := numbering.Parse(t); ok && !strings.HasPrefix(t, "项") {
			return false // numbered row labels: "一、财政拨款收入"
		}
		if lvl := headerLevelWord(t); lvl == 0 && !isHeaderWord(t) {
			return false
		}
	}
	return nonEmpty > 0
}

func headerLevelWord(t string) int {
	switch t {
	case "类":
		return 1
	case "款":
		return 2
	case "项":
		return 3
	}
	return 0
}

// isHeaderWord: the words column titles are made of.
func isHeaderWord(t string) bool {
	return hasAny(t, "项目", "科目", "编码", "代码", "名称", "合计", "小计", "金额", "预算", "决算", "支出", "收入", "经费",
		"结转", "结余", "分类", "栏次", "行次", "序号", "用途", "资金", "拨款", "费", "数", "人员", "公用", "单位", "备注")
}

// findColumns gives each column its header path and role, groups the
// columns into blocks, and maps value columns onto keys.
func (s *tableShape) findColumns() {
	s.cols = make([]colInfo, s.ncol)
	var hdr strings.Builder
	for c := 0; c < s.ncol; c++ {
		ci := &s.cols[c]
		prev := ""
		for r := 0; r < s.header; r++ {
			if s.colNumRows[r] {
				continue
			}
			t := s.text(r, c)
			if t == "" || t == prev {
				continue
			}
			prev = t
			if l := headerLevelWord(t); l > 0 {
				ci.codePart = l
				continue
			}
			ci.path = append(ci.path, t)
			hdr.WriteString(t)
			hdr.WriteByte('|')
		}
		// 类 | 款 | 项 printed in the first body row (上海 决算 F2/F3).
		if s.header < s.nrow && ci.codePart == 0 {
			ci.codePart = headerLevelWord(s.ownText(s.header, c))
		}
	}
	s.headerText = hdr.String()
	// Roles from the header, then from the body for columns the header
	// does not explain.
	for c := range s.cols {
		ci := &s.cols[c]
		p := strings.Join(ci.path, "|")
		leaf := ""
		if len(ci.path) > 0 {
			leaf = ci.path[len(ci.path)-1]
		}
		switch {
		case leaf == "序号" || leaf == "行次" || leaf == "备注":
			ci.role = roleOther
		case ci.codePart > 0 || hasAny(leaf, "编码", "代码") || leaf == "科目编码":
			ci.role = roleCode
		case hasAny(leaf, "名称", "用途") || leaf == "项目" || leaf == "科目" || hasAny(p, "科目名称"):
			ci.role = roleName
		case len(ci.path) == 0 || !s.headerSaysValue(p):
			ci.role = s.roleFromBody(c)
		default:
			ci.role = roleValue
		}
	}
	// A code column whose body holds names (a header over both).
	for c := range s.cols {
		if s.cols[c].role == roleCode && s.cols[c].codePart == 0 && s.roleFromBody(c) == roleName {
			s.cols[c].role = roleName
		}
		if s.cols[c].role == roleValue && len(s.cols[c].path) > 0 && s.roleFromBody(c) == roleName {
			s.cols[c].role = roleName
		}
	}
	// Blocks: a new block starts at a code or name column after a value column.
	var cur *block
	lastRole := roleValue
	for c := range s.cols {
		role := s.cols[c].role
		if role == roleOther {
			continue
		}
		if role != roleValue && (cur == nil || lastRole == roleValue) {
			s.blocks = append(s.blocks, block{})
			cur = &s.blocks[len(s.blocks)-1]
		}
		if cur == nil {
			s.blocks = append(s.blocks, block{})
			cur = &s.blocks[len(s.blocks)-1]
		}
		switch role {
		case roleCode:
			cur.codeCols = append(cur.codeCols, c)
		case roleName:
			cur.nameCols = append(cur.nameCols, c)
		case roleValue:
			cur.valueCols = append(cur.valueCols, c)
		}
		lastRole = role
	}
	for i := range s.blocks {
		b := &s.blocks[i]
		if len(b.nameCols) > 0 {
			s.labelCols++
		}
		// Split code columns without 类/款/项 labels take them in order.
		if len(b.codeCols) > 1 {
			for j, c := range b.codeCols {
				if s.cols[c].codePart == 0 && j < 3 {
					s.cols[c].codePart = j + 1
				}
			}
		}
		b.side = s.blockSide(b, i)
		for _, c := range append(append(append([]int{}, b.codeCols...), b.nameCols...), b.valueCols...) {
			s.cols[c].side = b.side
		}
	}
	var labels strings.Builder
	for r := s.header; r < s.nrow; r++ {
		for _, b := range s.blocks {
			for _, c := range b.nameCols {
				labels.WriteString(s.ownText(r, c))
				labels.WriteByte('|')
			}
		}
	}
	s.labelText = labels.String()
	s.classification = s.findClassification()
}

func (s *tableShape) headerSaysValue(p string) bool {
	return hasAny(p, "合计", "小计", "总计", "金额", "预算", "决算", "支出", "收入", "经费", "结转", "结余", "拨款", "费", "数", "资金", "补助", "上缴",
		"增减", "%", "％", "完成率", "执行率")
}

// roleFromBody decides a column's role from what its body cells hold.
func (s *tableShape) roleFromBody(c int) colRole {
	codes, nums, texts := 0, 0, 0
	for r := s.header; r < s.nrow; r++ {
		if s.colNumRows[r] {
			continue
		}
		t := s.ownText(r, c)
		switch {
		case t == "" || isDash(t):
		case codeLike.MatchString(t) && (len(t) == 3 || len(t) == 5 || len(t) == 7 || len(t) == 2) && !strings.Contains(t, "."):
			codes++
		case numberLike.MatchString(t), numberLike.MatchString(strings.TrimRight(t, "%％")):
			nums++
		default:
			if totalKind(t) == "" {
				texts++
			}
		}
	}
	switch {
	case texts > nums && texts > codes:
		return roleName
	case codes > nums && codes >= texts && codes > 0:
		return roleCode
	}
	return roleValue
}

// blockSide names a block from the header words above it.
func (s *tableShape) blockSide(b *block, i int) string {
	var words []string
	cols := b.nameCols // the label's header says best what the block is
	if len(cols) == 0 {
		cols = append(append([]int{}, b.codeCols...), b.valueCols...)
	}
	for _, c := range cols {
		words = append(words, s.cols[c].path...)
	}
	w := strings.Join(words, "|")
	switch {
	case hasAny(w, "支出用途"):
		return schema.SidePurpose
	case hasAny(w, "收入") && !hasAny(w, "支出"):
		if len(s.blocks) > 1 || i > 0 {
			return schema.SideRevenue
		}
	case hasAny(w, "支出") && !hasAny(w, "收入"):
		if len(s.blocks) > 1 || i > 0 {
			return schema.SideExpenditure
		}
	}
	if len(s.blocks) > 1 {
		// F6: two 经济分类 halves, named by their first code.
		for r := s.header; r < s.nrow; r++ {
			for _, c := range b.codeCols {
				t := s.ownText(r, c)
				switch {
				case strings.HasPrefix(t, "301") || strings.HasPrefix(t, "303"):
					return schema.SidePersonnel
				case strings.HasPrefix(t, "302") || strings.HasPrefix(t, "310") || strings.HasPrefix(t, "309") || strings.HasPrefix(t, "399"):
					return schema.SidePublicUse
				}
			}
		}
		if i == 0 {
			return schema.SideRevenue
		}
		return schema.SideExpenditure
	}
	return ""
}

func (s *tableShape) findClassification() string {
	h := s.headerText + s.title
	switch {
	case hasAny(h, "经济分类", "经济科目"):
		return "economic"
	case hasAny(h, "功能分类", "功能科目"):
		return "functional"
	}
	fn, ec := 0, 0
	for r := s.header; r < s.nrow; r++ {
		for _, b := range s.blocks {
			for _, c := range b.codeCols {
				t := s.ownText(r, c)
				if len(t) < 3 {
					continue
				}
				switch t[0] {
				case '2':
					fn++
				case '3', '5':
					ec++
				}
			}
		}
	}
	switch {
	case fn > ec:
		return "functional"
	case ec > 0:
		return "economic"
	}
	return ""
}

// totalKind says whether a row label is a total row.
func totalKind(name string) string {
	switch {
	case strings.HasSuffix(name, "总计") || name == "总计":
		return schema.RowGrandTotal
	case strings.HasSuffix(name, "小计"):
		return schema.RowSubtotal
	case strings.HasSuffix(name, "合计") || name == "合计" || name == "总额":
		return schema.RowTotal
	}
	return ""
}

// columnKeys maps each value column onto a canonical key and records the
// columns that add up to a total.
func (s *tableShape) columnKeys(kind schema.TableKind) []schema.Column {
	threePublic := kind.ThreePublic()
	hasMeeting := hasAny(s.headerText, "会议费", "培训费")
	measures := hasAny(s.headerText, "预算数") && hasAny(s.headerText, "决算数")
	lastYear := s.lastYearYear()
	var out []schema.Column
	seen := map[string]int{}
	for _, b := range s.blocks {
		for _, c := range b.valueCols {
			ci := &s.cols[c]
			path := ci.path
			measure := schema.MeasureNone
			if measures {
				measure, path = measureInPath(path)
			}
			key := columnKey(path, threePublic, hasMeeting).With(measure)
			if measure == schema.MeasureNone && key != schema.ColLastYear && isLastYearPath(path, lastYear) && !isChangeKey(key) {
				// Last year and this year side by side (三公, or 2025年执行数 |
				// 2026年预算数): last year's figures are never this year's.
				key = key.With(schema.MeasureLastYear)
			}
			seen[b.side+"/"+string(key)]++
			if n := seen[b.side+"/"+string(key)]; n > 1 {
				key += schema.ColumnKey("_" + strconv.Itoa(n))
			}
			ci.key = key
			out = append(out, schema.Column{Col: c, Key: key, Path: append([]string{}, ci.path...), Side: b.side})
		}
	}
	addParts(out)
	return out
}

// measureInPath finds the 预算数/决算数 band in a column's header path, under
// (合计 › 预算数) or over (预算数 › 合计 › …) the item, and returns the
// measure and the path without it.
func measureInPath(path []string) (schema.Measure, []string) {
	for i := len(path) - 1; i >= 0; i-- {
		var m schema.Measure
		switch path[i] {
		case "预算数", "年初预算数", "全年预算数":
			m = schema.MeasureBudget
		case "决算数":
			m = schema.MeasureFinal
		default:
			continue
		}
		rest := append(append([]string{}, path[:i]...), path[i+1:]...)
		return m, rest
	}
	return schema.MeasureNone, path
}

var yearInHeader = regexp.MustCompile(`(20\d{2})年`)

// lastYearYear: where the header names two years ("2024年预算数",
// "2025年预算数"), the earlier one; "" otherwise.
func (s *tableShape) lastYearYear() string {
	lo, n := "", map[string]bool{}
	for _, m := range yearInHeader.FindAllStringSubmatch(s.headerText, -1) {
		n[m[1]] = true
		if lo == "" || m[1] < lo {
			lo = m[1]
		}
	}
	if len(n) < 2 {
		return ""
	}
	return lo
}

// isChangeKey: a change column (比上年增减) compares the years; it is this
// year's figure minus last year's, not a figure of last year.
func isChangeKey(k schema.ColumnKey) bool {
	return k == schema.ColChange || k == schema.ColChangePct
}

// isLastYearPath: a column under 上年 or under the earlier of two years.
// 上年结转 and 上年结余 are this year's money brought forward, not last
// year's figures.
func isLastYearPath(path []string, lastYear string) bool {
	for _, p := range path {
		if hasAny(p, "结转", "结余", "余额") {
			continue
		}
		if hasAny(p, "上年", "上一年") || lastYear != "" && strings.Contains(p, lastYear+"年") {
			return true
		}
	}
	return false
}

// columnKey maps a header path onto a canonical column name.
func columnKey(path []string, threePublic, hasMeeting bool) schema.ColumnKey {
	if len(path) == 0 {
		return schema.ColAmount
	}
	if !threePublic {
		// 比上年增减 › 金额 | % : the group says what the leaf measures.
		leaf := path[len(path)-1]
		for _, p := range path[:len(path)-1] {
			if hasAny(p, "增减", "增长", "变动", "增加") {
				if hasAny(leaf, "%", "％", "率", "幅", "比例") {
					return schema.ColChangePct
				}
				return schema.ColChange
			}
		}
		if hasAny(leaf, "完成率", "执行率", "完成%", "完成百分比") {
			return schema.ColCompletionPct
		}
		if strings.HasPrefix(leaf, "其中") {
			// 事业收入 › 金额 | 其中：教育收费: part of the column before it,
			// never a source or a group of its own.
			return schema.ColAmount
		}
		if leaf == "金额" && len(path) > 1 {
			// 事业收入 › 金额: the group's own figure.
			if k := columnKey(path[len(path)-2:len(path)-1], false, false); sourceKeys[k] {
				return k
			}
		}
	}
	for i := len(path) - 1; i >= 0; i-- {
		p := path[i]
		if threePublic {
			if p == "小计" || p == "合计" || p == "总计" {
				// Decided by the group above, if any.
				for j := i - 1; j >= 0; j-- {
					switch {
					case hasAny(path[j], "公务用车"):
						return schema.ColVehicles
					case hasAny(path[j], "三公"):
						return schema.ColTotal
					}
				}
				if hasMeeting {
					return schema.ColGrandTotal
				}
				return schema.ColTotal
			}
			if k := schema.ThreePublicItem(p); k != "" {
				return k
			}
			continue
		}
		switch {
		case p == "小计" || p == "合计" || hasAny(p, "总计"):
			for j := i - 1; j >= 0; j-- {
				switch {
				case hasAny(path[j], "本年支出"):
					return schema.ColExpend
				case hasAny(path[j], "本年收入"):
					return schema.ColRevenue
				case hasAny(path[j], "上年结转", "年初结转"):
					return schema.ColCarriedOver // 上年结转结余 › 小计 | 一般公共预算 …
				case p == "小计" && hasAny(path[j], "基本支出"):
					// 合计 | 基本支出 › 小计 | 人员经费 | 公用经费 | 项目支出;
					// a 合计 under 基本支出 is the whole of a basic-only table (B6).
					return schema.ColBasic
				case p == "小计" && hasAny(path[j], "项目支出"):
					return schema.ColProject
				case p == "小计":
					// 一般公共预算拨款 › 小计 | 其中：… : the subtotal of that source.
					if k := columnKey(path[j:j+1], false, false); sourceKeys[k] {
						return k
					}
				}
			}
			return schema.ColTotal
		case hasAny(p, "本年收入合计", "本年支出合计", "收入预算", "支出预算") && !hasAny(p, "基本", "项目"):
			return schema.ColTotal
		case hasAny(p, "基本支出"):
			return schema.ColBasic
		case hasAny(p, "项目支出", "专项业务经费"):
			return schema.ColProject
		case hasAny(p, "预留机动"):
			return schema.ColReserve
		case hasAny(p, "上缴上级"):
			return schema.ColRemitToSuperior
		case hasAny(p, "经营支出"):
			return schema.ColBusinessExpense
		case hasAny(p, "对附属单位补助"):
			return schema.ColSubsidyToAffiliated
		case hasAny(p, "人员经费", "人员支出"):
			return schema.ColPersonnel
		case hasAny(p, "公用经费", "公用支出"):
			return schema.ColPublicUse
		case hasAny(p, "年初结转"):
			return schema.ColBeginningBalance
		case hasAny(p, "年末结转"):
			return schema.ColEndingBalance
		case hasAny(p, "上年结转", "结转资金"):
			return schema.ColCarriedOver
		case hasAny(p, "结余", "余额") && !hasAny(p, "结转下年", "年末", "年终"):
			return schema.ColNonFiscalBalance
		case hasAny(p, "财政拨款收入") || p == "财政拨款":
			return schema.ColFiscal
		case hasAny(p, "一般公共预算"):
			return schema.ColGeneralPublicBudget
		case hasAny(p, "政府性基金"):
			return schema.ColGovernmentFund
		case hasAny(p, "国有资本经营"):
			return schema.ColStateCapital
		case hasAny(p, "财政专户"):
			return schema.ColSpecialAccount
		case hasAny(p, "事业单位经营", "经营收入"):
			return schema.ColBusinessOperating
		case hasAny(p, "事业收入"):
			return schema.ColBusiness
		case hasAny(p, "上级补助"):
			return schema.ColSuperiorSubsidy
		case hasAny(p, "附属单位上缴"):
			return schema.ColAffiliated
		case hasAny(p, "其他收入", "其他资金", "单位资金"):
			return schema.ColOther
		case hasAny(p, "本年收入"):
			return schema.ColRevenue
		case hasAny(p, "本年支出"):
			return schema.ColExpend
		case hasAny(p, "上年执行", "上年预算", "上年数", "上年决算"):
			return schema.ColLastYear
		case hasAny(p, "%", "％", "增长率", "增幅", "比例"):
			return schema.ColChangePct
		case hasAny(p, "增减", "增加额", "变动"):
			return schema.ColChange
		case hasAny(p, "机关运行经费"):
			return schema.ColAmount
		case hasAny(p, "金额", "预算数", "决算数", "预算", "决算"):
			return schema.ColAmount
		}
	}
	return schema.ColAmount
}

// sourceKeys are the keys of a revenue source or spending group whose
// 小计 is printed beside its parts.
var sourceKeys = map[schema.ColumnKey]bool{
	schema.ColFiscal: true, schema.ColGeneralPublicBudget: true, schema.ColGovernmentFund: true,
	schema.ColStateCapital: true, schema.ColSpecialAccount: true, schema.ColBusiness: true, schema.ColOther: true,
}

// partKeys lists, for a total key, the keys that add up to it.
var partKeys = map[schema.ColumnKey][]schema.ColumnKey{
	schema.ColTotal: {schema.ColBasic, schema.ColProject, schema.ColReserve, schema.ColRemitToSuperior, schema.ColBusinessExpense, schema.ColSubsidyToAffiliated,
		schema.ColPersonnel, schema.ColPublicUse,
		schema.ColFiscal, schema.ColGeneralPublicBudget, schema.ColGovernmentFund, schema.ColStateCapital, schema.ColSpecialAccount,
		schema.ColBusiness, schema.ColBusinessOperating, schema.ColSuperiorSubsidy, schema.ColAffiliated, schema.ColOther, schema.ColCarriedOver,
		schema.ColNonFiscalBalance, schema.ColRevenue},
	schema.ColRevenue: {schema.ColFiscal, schema.ColGeneralPublicBudget, schema.ColGovernmentFund, schema.ColStateCapital, schema.ColSpecialAccount,
		schema.ColBusiness, schema.ColBusinessOperating, schema.ColSuperiorSubsidy, schema.ColAffiliated, schema.ColOther},
	schema.ColExpend: {schema.ColBasic, schema.ColProject},
	schema.ColFiscal: {schema.ColGeneralPublicBudget, schema.ColGovernmentFund, schema.ColStateCapital},
	schema.ColBasic:  {schema.ColPersonnel, schema.ColPublicUse},
}

var threePublicParts = map[schema.ColumnKey][]schema.ColumnKey{
	schema.ColTotal:      {schema.ColOverseasTravel, schema.ColVehicles, schema.ColReception},
	schema.ColVehicles:   {schema.ColVehiclePurchase, schema.ColVehicleOperation},
	schema.ColGrandTotal: {schema.ColTotal, schema.ColMeeting, schema.ColTraining},
}

// addParts fills Column.Parts for the total columns whose parts are
// printed beside them.
func addParts(cols []schema.Column) {
	type sideKey struct {
		side string
		key  schema.ColumnKey
	}
	has := map[sideKey]bool{}
	for _, c := range cols {
		has[sideKey{c.Side, c.Key}] = true
	}
	three := has[sideKey{"", schema.ColOverseasTravel}] || has[sideKey{"", schema.ColReception}] ||
		has[sideKey{"", schema.ColOverseasTravel.With(schema.MeasureBudget)}]
	for i := range cols {
		c := &cols[i]
		base, measure := c.Key.Split()
		table := partKeys
		if three {
			table = threePublicParts
		}
		var parts []schema.ColumnKey
		for _, p := range table[base] {
			if !has[sideKey{c.Side, p.With(measure)}] {
				continue
			}
			// 财政拨款 with its three sources beside it, 基本支出 with its
			// 人员经费 and 公用经费: count each once.
			if (base == schema.ColTotal || base == schema.ColRevenue) && has[sideKey{c.Side, schema.ColFiscal}] &&
				(p == schema.ColGeneralPublicBudget || p == schema.ColGovernmentFund || p == schema.ColStateCapital) {
				continue
			}
			if base == schema.ColTotal && has[sideKey{c.Side, schema.ColBasic}] &&
				(p == schema.ColPersonnel || p == schema.ColPublicUse) {
				continue
			}
			// 总计 = 本年收入 小计 + 上年结转: the sources are the 小计's parts.
			if base == schema.ColTotal && has[sideKey{c.Side, schema.ColRevenue.With(measure)}] &&
				p != schema.ColCarriedOver && p != schema.ColRevenue {
				continue
			}
			parts = append(parts, p.With(measure))
		}
		// Several balances drawn on (使用非财政拨款结余 | 上年实户资金余额):
		// each is a part.
		if !three && base == schema.ColTotal {
			for n := 2; ; n++ {
				k := schema.ColNonFiscalBalance.With(measure) + schema.ColumnKey("_"+strconv.Itoa(n))
				if !has[sideKey{c.Side, k}] {
					break
				}
				parts = append(parts, k)
			}
		}
		// 三公 total without a 用车 subtotal: 购置 + 运行 stand for it.
		if three && base == schema.ColTotal && !has[sideKey{c.Side, schema.ColVehicles.With(measure)}] {
			for _, p := range []schema.ColumnKey{schema.ColVehiclePurchase, schema.ColVehicleOperation} {
				if has[sideKey{c.Side, p.With(measure)}] {
					parts = append(parts, p.With(measure))
				}
			}
		}
		if len(parts) >= 2 {
			c.Parts = parts
		}
	}
}

var (
	proseCode = regexp.MustCompile(`[（(]\s*(\d{3,7})\s*[类款项]?\s*[）)]`)
	leadCode  = regexp.MustCompile(`^[\[【]?(\d{3}(?:\d{2}){0,2})[\]】]?\s*([^\d].*)$`)
)

// lineItems turns the body rows into line items, block by block: each
// row's label, codes and values are read, then named and coded against
// what the rows above it left (blockState).
func (s *tableShape) lineItems(kind schema.TableKind) []schema.LineItem {
	unit := s.v.unit
	if unit == "" {
		unit = "万元"
	}
	var items []schema.LineItem
	s.blanks = nil
	for bi := range s.blocks {
		b := &s.blocks[bi]
		st := &blockState{}
		for r := s.header; r < s.nrow; r++ {
			if s.colNumRows[r] {
				continue
			}
			lb, ok := s.rowLabel(r, bi, st)
			if !ok {
				continue
			}
			codeParts, joined := s.rowCodes(r, b, &lb)
			it := schema.LineItem{Side: b.side, Amounts: map[schema.ColumnKey]*schema.Amount{}}
			blanks := s.rowValues(r, lb.valueCols, unit, &it)
			if lb.name == "" && joined == "" && codeParts == [4]string{} && len(it.Amounts) == 0 && len(it.Percents) == 0 {
				continue
			}
			if lb.name == "无" && len(it.Amounts) == 0 {
				continue
			}
			joined = st.nameRow(&it, lb.name, len(b.nameCols) > 1, len(b.codeCols) > 0, codeParts, joined)
			code := st.rebuildCode(codeParts, joined)
			if code == "" && it.RowKind == "" {
				if s.classification == "economic" || economicKind(kind) {
					code = st.economicByName(&it, len(items))
				} else {
					code = functionalClassCode(it.Name)
				}
			}
			st.setCode(&it, code, s.classification)
			it.At = lb.at.At
			if lb.col < 0 || lb.at.At.IsZero() {
				it.At = s.rowAt(r)
			}
			items = append(items, it)
			s.blanks = append(s.blanks, blanks)
		}
		st.dropNameCodes(items)
	}
	assignKeys(items, kind)
	return items
}

// blockState is what the rows of one block carry to the rows below.
type blockState struct {
	last        [4]string // last code seen per level (1 类, 2 款, 3 项)
	byName      []int     // items coded from their economic name
	uncoded     int       // ordinary economic rows no name gave a code
	group       string    // the group column's label above (收入 group of Jiangsu's 收入预算总表)
	topNumbered bool      // a 一、 row above: 1. rows are its parts
}

// rowLabel is a row's label as read from the name columns.
type rowLabel struct {
	name      string
	at        extract.Cell // the cell the label came from
	col       int          // its column; -1 when the row has no label cell of its own
	valueCols []int        // the columns whose values belong to the row
}

// rowLabel reads the label of row r in block bi: the name column's cell,
// unless it belongs to an earlier block (a label spanning blocks: ok is
// false). A label spanning into later blocks takes their values too.
func (s *tableShape) rowLabel(r, bi int, st *blockState) (rowLabel, bool) {
	b := &s.blocks[bi]
	lb := rowLabel{col: -1, valueCols: b.valueCols}
	if len(b.nameCols) == 0 {
		return lb, true
	}
	nc := b.nameCols[len(b.nameCols)-1]
	r0, c0 := s.origin(r, nc)
	if c0 < firstCol(b) && bi > 0 {
		return lb, false
	}
	if r0 == r { // a label spanning rows is read once
		lb.name = s.cellText(r, nc)
		lb.at = s.v.t.Rows[r0][c0]
		lb.col = c0
		span := max(s.v.t.Rows[r0][c0].ColSpan, 1)
		for bj := bi + 1; bj < len(s.blocks); bj++ {
			if firstCol(&s.blocks[bj]) < c0+span {
				lb.valueCols = append(append([]int{}, lb.valueCols...), s.blocks[bj].valueCols...)
			}
		}
	}
	if len(b.nameCols) > 1 {
		gc := b.nameCols[0]
		gr0, gc0 := s.origin(r, gc)
		if gc0 == gc {
			g := compact(Clean(s.v.t.Rows[gr0][gc0].Text))
			switch {
			case s.v.t.Rows[gr0][gc0].ColSpan > 1 && gr0 == r:
				st.group, lb.name = "", g // 收入总计 over both columns
			case lb.name == "" && gr0 == r && totalKind(g) != "":
				// 合计 printed in the first of several label columns, the
				// others left blank (支出总表 labelled by 功能 | 政府经济 |
				// 部门经济 科目): the row is the total, no group's part.
				st.group, lb.name = "", g
				lb.at, lb.col = s.v.t.Rows[gr0][gc0], gc0
			case gr0 == r || g != st.group:
				st.group = g
			}
		}
	}
	return lb, true
}

// rowCodes reads the code columns of row r: the parts of a code split in
// 类/款/项 columns, or a joined code. A total printed in the code column
// becomes the label.
func (s *tableShape) rowCodes(r int, b *block, lb *rowLabel) (codeParts [4]string, joined string) {
	for _, c := range b.codeCols {
		t := s.ownText(r, c)
		if headerLevelWord(t) > 0 || t == "" {
			continue
		}
		split := s.cols[c].codePart > 1 && len(b.codeCols) > 1
		if split && len(t) == 1 && t[0] >= '0' && t[0] <= '9' {
			t = "0" + t // 款 "2" printed for "02"
		}
		if totalKind(t) != "" || !codeLike.MatchString(t) {
			if lb.name == "" {
				lb.name = t // 合计 printed in the code column
				if lb.col < 0 {
					lb.at = s.v.t.Rows[r][c]
				}
			}
			continue
		}
		// Rows coded in two classifications side by side (部门 and 政府
		// 经济分类) take the first, the department's: the later columns
		// would overwrite it.
		if p := s.cols[c].codePart; p > 0 && len(b.codeCols) > 1 {
			if codeParts[p] == "" {
				codeParts[p] = t
			}
		} else if joined == "" {
			joined = t
		}
	}
	return codeParts, joined
}

// rowValues reads the values of row r into it: amounts, and percentages
// kept apart. Blank and dash cells have no entry; the blank cells of
// amount columns the header prints are returned, as 0s the table may take
// once it has checked itself (fillPrintedBlanks).
func (s *tableShape) rowValues(r int, valueCols []int, unit string, it *schema.LineItem) []blankCell {
	var blanks []blankCell
	for _, c := range valueCols {
		r0, c0 := s.origin(r, c)
		if r0 != r || c0 != c || c >= len(s.v.t.Rows[r]) {
			continue
		}
		cell := s.v.t.Rows[r][c]
		txt := strings.TrimSpace(cell.Text)
		if txt == "" {
			if b, ok := s.blankCell(r, c, unit); ok {
				blanks = append(blanks, b)
			}
			continue
		}
		if isDash(compact(Clean(txt))) {
			continue
		}
		key := s.cols[c].key
		if strings.HasSuffix(string(key), "_pct") {
			// A percentage is no amount.
			if p, ok := parsePercent(txt); ok {
				if it.Percents == nil {
					it.Percents = map[schema.ColumnKey]*schema.Percent{}
				}
				it.Percents[key] = &schema.Percent{Value: p, Text: txt, At: cell.At}
			}
			continue
		}
		m, ok := ParseAmount(txt, unit)
		if !ok {
			continue
		}
		it.Amounts[key] = &schema.Amount{Yuan: m.Yuan, Value: m.Value, Unit: m.Unit, Text: txt, At: cell.At}
	}
	return blanks
}

// nameRow names the row: 其中 and numbering make it a sub-item, a code
// printed in the name is taken out (returned as the joined code when the
// code columns gave none), a group column makes it a part of its group,
// and a total's name gives its row kind.
func (st *blockState) nameRow(it *schema.LineItem, name string, grouped, hasCodeCols bool, codeParts [4]string, joined string) string {
	if strings.HasPrefix(name, "其中") {
		it.Subitem = true
		name = strings.TrimLeft(strings.TrimPrefix(name, "其中"), "：:")
	}
	if num, ok := numbering.Parse(name); ok && num.Rest != "" {
		switch num.Style {
		case numbering.CNComma, numbering.CNParen:
			st.topNumbered = true
		case numbering.ArabicComma, numbering.ArabicParen:
			if st.topNumbered {
				it.Subitem = true
			}
		}
		name = num.Rest
	}
	if joined == "" && codeParts == [4]string{} {
		if m := leadCode.FindStringSubmatch(name); m != nil && !hasCodeCols {
			joined, name = m[1], strings.TrimSpace(m[2])
		} else if m := proseCode.FindStringSubmatch(name); m != nil {
			joined = m[1]
		}
	}
	it.Name = name
	if grouped && st.group != "" && st.group != name {
		if totalKind(name) == schema.RowSubtotal {
			it.Name = st.group
			it.RowKind = schema.RowSubtotal
		} else {
			it.Parent = st.group
			it.Subitem = true
		}
	}
	if it.RowKind == "" {
		it.RowKind = totalKind(name)
	}
	if it.RowKind != "" {
		st.topNumbered = false
	}
	return joined
}

// rebuildCode puts the row's code together: split parts completed from
// the codes above, or a joined code (only the suffix: the parent is above).
func (st *blockState) rebuildCode(codeParts [4]string, joined string) string {
	code := ""
	switch {
	case codeParts != [4]string{}:
		for l := 1; l <= 3; l++ {
			p := codeParts[l]
			if p == "" {
				if l == 1 && (codeParts[2] != "" || codeParts[3] != "") {
					p = st.last[1]
				} else if l == 2 && codeParts[3] != "" {
					p = st.last[2][min(3, len(st.last[2])):]
				}
			}
			code += p
		}
	case joined != "":
		code = joined
		if len(code) == 2 {
			switch {
			case st.last[2] != "":
				code = st.last[2] + code
			case st.last[1] != "":
				code = st.last[1] + code
			}
		}
	}
	return code
}

// economicByName codes an economic row from its name; it notes the row
// (item index i) so the code can be taken back (dropNameCodes).
func (st *blockState) economicByName(it *schema.LineItem, i int) string {
	code := economicCode(it.Name, st.last[1])
	if code != "" {
		st.byName = append(st.byName, i)
	} else if !it.Subitem && st.last[1] != "309" && st.last[1] != "310" {
		st.uncoded++ // (a 309/310 款 stays uncoded: no name is its own)
	}
	return code
}

// setCode gives the row a valid code with its level, parent and
// classification, and remembers it for the rows below.
func (st *blockState) setCode(it *schema.LineItem, code, classification string) {
	if code == "" || !validCode(code) {
		return
	}
	it.Code = code
	switch len(code) {
	case 3:
		it.Level = "类"
		st.last = [4]string{"", code, "", ""}
	case 5:
		it.Level = "款"
		st.last[2] = code
		it.Parent = code[:3]
	case 7:
		it.Level = "项"
		it.Parent = code[:5]
	}
	it.Classification = classification
	if it.Classification == "" {
		if code[0] == '2' {
			it.Classification = "functional"
		} else {
			it.Classification = "economic"
		}
	}
}

// dropNameCodes: where a row of the block has a name no code is known
// for, sums by code would miss it, so no row keeps a code taken from its
// name.
func (st *blockState) dropNameCodes(items []schema.LineItem) {
	if st.uncoded == 0 {
		return
	}
	for _, i := range st.byName {
		items[i].Code, items[i].Level, items[i].Parent, items[i].Classification = "", "", "", ""
	}
}

// parsePercent reads "-1.07%", "（3.5）", "12.30" as a signed number.
func parsePercent(txt string) (decimal.Decimal, bool) {
	t := compact(Clean(txt))
	t = strings.TrimRight(t, "%％")
	neg := false
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") || strings.HasPrefix(t, "（") && strings.HasSuffix(t, "）") {
		neg = true
		t = strings.Trim(t, "()（）")
	}
	t = strings.ReplaceAll(t, ",", "")
	v, err := decimal.Parse(t)
	if err != nil {
		return decimal.Decimal{}, false
	}
	if neg {
		v = v.Neg()
	}
	return v, true
}

func firstCol(b *block) int {
	f := 1 << 30
	for _, cs := range [][]int{b.codeCols, b.nameCols, b.valueCols} {
		for _, c := range cs {
			f = min(f, c)
		}
	}
	return f
}

func (s *tableShape) rowAt(r int) schema.At {
	for c := 0; c < s.ncol && c < len(s.v.t.Rows[r]); c++ {
		if cell := s.v.t.Rows[r][c]; !cell.Covered && !cell.At.IsZero() {
			return cell.At
		}
	}
	return s.v.block.At
}

// validCode: functional codes are 3, 5 or 7 digits from 2xx (1xx for
// revenue), economic 3 or 5 digits from 3xx/5xx.
func validCode(code string) bool {
	switch code[0] {
	case '1', '2':
		return len(code) == 3 || len(code) == 5 || len(code) == 7
	case '3', '5':
		return len(code) == 3 || len(code) == 5
	}
	return false
}

// padded returns a copy of t whose rows all have n cells.
func padded(t *extract.Table, n int) *extract.Table {
	c := *t
	c.Rows = make([][]extract.Cell, len(t.Rows))
	for r, row := range t.Rows {
		c.Rows[r] = append(append([]extract.Cell{}, row...), make([]extract.Cell, n-len(row))...)
	}
	return &c
}
