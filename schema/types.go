// Package schema owns yusuan's output contract, version 1: the Go types that
// mirror ../shared/design/schema.md field for field, their JSON Schema, the
// validation rules that check a document's own arithmetic and report
// findings, and the writers (JSON, JSONL, XLSX, CSV, SQLite, with the data
// dictionary of their columns in tabdoc.go). The types are wire types:
// rules and writers only read them, and normalize fills them.
package schema

import (
	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/prov"
)

// Version is the contract version written to schema_version.
const Version = "1"

// At is provenance (see package prov).
type At = prov.At

// Document is the canonical form of one disclosure.
type Document struct {
	SchemaVersion     string          `json:"schema_version" zh:"模式版本" desc:"Version of this contract; always \"1\"."`
	Status            string          `json:"status" zh:"文件状态" desc:"What the file turned out to be: ok (a disclosure with figures), no_text (image pages without a text layer), template (tables without one figure), not_a_disclosure (neither tables nor figures), government_report (a government-level report, not a department's), partial (pages cut by the page limit)." zhdesc:"文件经识别后的状态：ok（有数字的预决算公开）、no_text（图片页，无文字层）、template（表格中没有一个数字的空白模板）、not_a_disclosure（既无表格也无数字）、government_report（政府预决算报告，非部门公开）、partial（因页数上限未读完）。" enum:"ok,no_text,template,not_a_disclosure,government_report,partial"`
	Source            Source          `json:"source" zh:"来源文件" desc:"The input file this document was read from."`
	Meta              Meta            `json:"meta" zh:"基本信息" desc:"What the document is: title, year, kind, issuer, region."`
	Sections          []Section       `json:"sections" zh:"章节" desc:"The narrative, one entry per heading, classified onto schema keys."`
	Responsibilities  []string        `json:"responsibilities" zh:"部门职责" desc:"The department's duties, one string each."`
	Summary           Summary         `json:"summary" zh:"收支总体情况" desc:"Headline revenue, expenditure and change versus last year."`
	OperatingExpenses *Amount         `json:"operating_expenses" zh:"机关运行经费" desc:"机关运行经费: routine running costs of the offices." zhdesc:"机关运行经费：机关日常运行的经费。"`
	OperatingExplain  string          `json:"operating_expenses_explanation,omitempty" zh:"机关运行经费说明" desc:"What the document says the operating expenses are for."`
	ThreePublic       ThreePublic     `json:"three_public" zh:"三公经费" desc:"\"三公\"经费: overseas travel, official vehicles, official reception."`
	ThreePublicBudget *ThreePublic    `json:"three_public_budget,omitempty" zh:"三公经费预算数" desc:"Final accounts only: the budgeted 三公 figures printed beside the actual ones."`
	Performance       Performance     `json:"performance" zh:"绩效信息" desc:"Performance goals and indicator tables."`
	Procurement       Procurement     `json:"procurement" zh:"政府采购" desc:"Government procurement budget or spending."`
	Assets            Assets          `json:"assets" zh:"国有资产" desc:"State-owned assets held (国有资产占用情况)."`
	Tables            []Table         `json:"tables" zh:"表格" desc:"Every table found, with its kind and rows."`
	NarrativeItems    []NarrativeItem `json:"narrative_items,omitempty" zh:"支出科目说明" desc:"The narrative's list of expenditure lines by functional classification (1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元…), parsed; in final accounts also the sentences stating a budget's completion (一般公共预算财政拨款支出年初预算为X万元，支出决算为Y万元，完成年初预算的Z%)."`
	Glossary          []GlossaryEntry `json:"glossary" zh:"名词解释" desc:"Terms the document defines."`
	Findings          []Finding       `json:"findings" zh:"检查发现" desc:"Problems found: arithmetic that does not add up, figures that disagree, extraction faults."`
}

// Source describes the input file.
type Source struct {
	Path     string `json:"path" zh:"路径" desc:"Path of the input file as given. Bytes of the name that are not UTF-8 are written as \\xNN (a \\x in the name itself as \\\\x), so the file stays named exactly." zhdesc:"输入文件的路径，按给出的原样；文件名中不是 UTF-8 的字节写作 \\xNN。"`
	Format   string `json:"format" zh:"格式" desc:"Detected format: txt, html, pdf, docx, xlsx or xls." zhdesc:"识别出的文件格式：txt、html、pdf、docx、xlsx 或 xls。"`
	SHA256   string `json:"sha256" zh:"SHA-256" desc:"SHA-256 of the file's bytes, hex." zhdesc:"文件内容的 SHA-256 摘要（十六进制）。"`
	Bytes    int64  `json:"bytes" zh:"字节数" desc:"File size in bytes." zhdesc:"文件大小（字节）。"`
	Encoding string `json:"encoding,omitempty" zh:"编码" desc:"Text encoding detected (utf-8, gb18030, utf-16le, …)."`
	Pages    int    `json:"pages,omitempty" zh:"页数" desc:"Pages (PDF) or sheets (spreadsheets)."`
	Producer string `json:"producer,omitempty" zh:"生成程序" desc:"The yusuan build that made this document: module version and VCS revision (yusuan version prints it), so a dataset says what made it." zhdesc:"生成本记录的 yusuan 版本（模块版本和代码修订号，yusuan version 可查），数据集据此可知由哪个版本生成。"`
}

// Kind of disclosure.
const (
	KindBudget       = "budget"
	KindFinalAccount = "final_account"
	ScopeDepartment  = "department"
	ScopeUnit        = "unit"
	// ScopeGovernment marks a government's budget or final-account report to
	// the people's congress: meta and sections only, no department figures.
	ScopeGovernment = "government"
)

// Meta says what the document is.
type Meta struct {
	Title      string `json:"title" zh:"标题" desc:"The document's title as published." zhdesc:"文件印出的标题。"`
	FiscalYear int    `json:"fiscal_year,omitempty" zh:"年度" desc:"Fiscal year the budget or final account is for." zhdesc:"预算或决算所属的年度。"`
	Kind       string `json:"kind,omitempty" zh:"类型" desc:"budget (部门预算) or final_account (部门决算)." zhdesc:"budget（部门预算）或 final_account（部门决算）。" enum:"budget,final_account"`
	Scope      string `json:"scope,omitempty" zh:"范围" desc:"department (部门, incl. subordinate units), unit (单位), or government (政府预算/决算报告 to the people's congress: meta and sections only)." zhdesc:"department（部门，含所属单位）、unit（单位）或 government（向人民代表大会所作的政府预决算报告：只有基本信息和章节）。" enum:"department,unit,government"`
	Issuer     Issuer `json:"issuer" zh:"发布部门" desc:"The department or unit that publishes the document."`
	Region     Region `json:"region" zh:"地区" desc:"Where the issuer sits, as written or implied."`
	Unit       string `json:"unit,omitempty" zh:"金额单位" desc:"The document's declared money unit (万元, 元)." zhdesc:"文件声明的金额单位（万元、元）。"`
	// FromFileName names the meta fields nothing inside the document gave.
	FromFileName []string `json:"from_file_name,omitempty" zh:"取自文件名" desc:"Meta fields (fiscal_year, kind, issuer, title) taken from the file's name because nothing inside the document gave them."`
	// IssuerPrinted is where the document prints its issuer's name, as
	// normalize read it: the input of meta.issuer_name_differs. Not part of
	// the output contract (a finding names the places it compares).
	IssuerPrinted []PrintedName `json:"-"`
}

// PrintedName is one name of the issuer as the document prints it.
type PrintedName struct {
	Name  string // as printed, spaces dropped
	Where string // PrintedTitle, PrintedLabel, PrintedCaption or PrintedNarrative
	Label string // the label before a PrintedLabel name: 单位名称, 部门, 编制单位 …
	At    At     // the first place it is printed
	Count int    // how many times (tables' headers repeat it)
}

// Where a PrintedName is printed.
const (
	PrintedTitle     = "title"     // the cover's or the first page's title
	PrintedLabel     = "label"     // after a label: "单位名称：X", a header cell "部门名称 | X"
	PrintedCaption   = "caption"   // a table's title: "X2024年度部门决算表"
	PrintedNarrative = "narrative" // a heading or sentence of the narrative: "X主要职责"
)

// Issuer is the publishing department.
type Issuer struct {
	Name       string   `json:"name" zh:"名称" desc:"Full name, e.g. 某某市某某区科学技术局." zhdesc:"部门全称，如“某某市某某区科学技术局”。"`
	OtherNames []string `json:"other_names" zh:"其他名称" desc:"Other names: 加挂牌子, short names." zhdesc:"其他名称：加挂牌子、简称等。"`
	Code       string   `json:"code,omitempty" zh:"部门编码" desc:"Department code such as 481, where printed." zhdesc:"印出的部门编码，如 481。"`
}

// Region is the administrative location of the issuer.
type Region struct {
	Province string `json:"province,omitempty" zh:"省" desc:"Province-level division, e.g. 某某省, 某某市 (a municipality)." zhdesc:"省级行政区，如 某某省、某某市（直辖市）。"`
	City     string `json:"city,omitempty" zh:"市" desc:"Prefecture-level city, e.g. 某某市." zhdesc:"地级市，如 某某市。"`
	County   string `json:"county,omitempty" zh:"县区" desc:"County-level division, e.g. 某某区." zhdesc:"县级行政区，如 某某区、某某县。"`
}

// Section is one heading of the narrative and the text under it.
type Section struct {
	Key     string   `json:"key" zh:"类别" desc:"Schema key the heading was classified onto (see SectionKeys)." zhdesc:"标题归入的类别（见 SectionKeys）。"`
	Keys    []string `json:"keys,omitempty" zh:"全部类别" desc:"All keys, when one heading covers several topics." zhdesc:"一个标题涉及几个类别时的全部类别。"`
	Heading string   `json:"heading" zh:"标题" desc:"The heading text without its numbering." zhdesc:"去掉编号后的标题文字。"`
	Number  string   `json:"number,omitempty" zh:"编号" desc:"The numbering as printed: 一、, （一）, 1、, 第一部分." zhdesc:"印出的编号：一、（一）1、第一部分。"`
	Level   int      `json:"level" zh:"层级" desc:"Nesting level, 1 outermost." zhdesc:"层级，最外层为 1。"`
	Text    string   `json:"text" zh:"正文" desc:"Paragraph text under the heading (up to the next heading), joined by newlines." zhdesc:"标题下的正文（到下一个标题为止），各段以换行分隔。"`
	At      At       `json:"at" zh:"位置" desc:"Where the heading is." zhdesc:"标题所在位置。"`
}

// Amount is a sum of money, exact.
type Amount struct {
	Yuan  decimal.Decimal `json:"yuan" zh:"金额（元）" desc:"The figure in 元, exact." zhdesc:"折合为元的金额，精确值。"`
	Value decimal.Decimal `json:"value" zh:"数值" desc:"The number as printed." zhdesc:"印出的数字。"`
	Unit  string          `json:"unit" zh:"单位" desc:"The unit as printed: 元, 万元, 亿元." zhdesc:"印出的单位：元、万元、亿元。"`
	Text  string          `json:"text" zh:"原文" desc:"The source snippet the value was read from." zhdesc:"读出该数值的原文片段。"`
	At    At              `json:"at" zh:"位置" desc:"Where the value came from." zhdesc:"数值在文件中的位置（页码和坐标、行号、单元格等）。"`
	// Derived names what a computed value adds up ("sum of overseas_travel,
	// vehicles, reception"); empty for a printed figure.
	Derived string `json:"derived,omitempty" zh:"推算" desc:"How the value was computed from printed parts, when the document does not print it."`
}

// Summary holds the headline figures.
type Summary struct {
	Revenue     Revenue     `json:"revenue" zh:"收入" desc:"This year's revenue by source."`
	Expenditure Expenditure `json:"expenditure" zh:"支出" desc:"This year's expenditure, basic and project."`
	Change      Change      `json:"change" zh:"增减变化" desc:"Change versus last year; a decrease is negative."`
}

// Revenue by source. summary.revenue.total is 本年收入合计.
type Revenue struct {
	Total                *Amount `json:"total" zh:"本年收入合计" desc:"This year's revenue (excluding carry-over)." zhdesc:"本年收入合计（不含上年结转）。"`
	FiscalAppropriation  *Amount `json:"fiscal_appropriation,omitempty" zh:"财政拨款收入" desc:"财政拨款收入 where stated as one figure: 一般公共预算 + 政府性基金 + 国有资本经营 appropriations."`
	GeneralPublicBudget  *Amount `json:"general_public_budget" zh:"一般公共预算" desc:"一般公共预算拨款收入."`
	GovernmentFundBudget *Amount `json:"government_fund_budget" zh:"政府性基金预算" desc:"政府性基金预算拨款收入."`
	StateCapitalBudget   *Amount `json:"state_capital_budget" zh:"国有资本经营预算" desc:"国有资本经营预算拨款收入."`
	SpecialAccount       *Amount `json:"special_account" zh:"财政专户" desc:"财政专户管理资金 / 财政专户核拨收入."`
	Business             *Amount `json:"business" zh:"事业收入" desc:"事业收入 and 经营收入."`
	Other                *Amount `json:"other" zh:"其他收入" desc:"其他收入 / 其他来源收入 / 单位资金."`
	CarriedOver          *Amount `json:"carried_over" zh:"上年结转" desc:"上年结转 / 年初结转和结余."`
}

// Expenditure split. summary.expenditure.total is 本年支出合计.
type Expenditure struct {
	Total          *Amount `json:"total" zh:"本年支出合计" desc:"This year's expenditure." zhdesc:"本年支出合计。"`
	Basic          *Amount `json:"basic" zh:"基本支出" desc:"基本支出: personnel and routine public costs." zhdesc:"基本支出：人员经费和日常公用经费。"`
	Project        *Amount `json:"project" zh:"项目支出" desc:"项目支出: spending on specific tasks." zhdesc:"项目支出：为完成特定任务安排的支出。"`
	Reserve        *Amount `json:"reserve,omitempty" zh:"预留机动经费" desc:"单位预留机动经费 / 预备费: a third category beside basic and project (Jiangsu)."`
	Other          *Amount `json:"other,omitempty" zh:"其他支出" desc:"上缴上级支出, 经营支出, 对附属单位补助支出: categories beside basic and project."`
	CarriedForward *Amount `json:"carried_forward,omitempty" zh:"结转下年" desc:"结转下年 / 年末结转和结余: funds carried into next year."`
}

// Change versus last year.
type Change struct {
	Total   *Amount  `json:"total" zh:"增减总额" desc:"Change of the total versus last year; negative for a decrease."`
	Basic   *Amount  `json:"basic" zh:"基本支出增减" desc:"Change of basic expenditure."`
	Project *Amount  `json:"project" zh:"项目支出增减" desc:"Change of project expenditure."`
	Reserve *Amount  `json:"reserve,omitempty" zh:"预留机动经费增减" desc:"Change of 单位预留机动经费, where a third category exists."`
	Reasons []string `json:"reasons" zh:"增减原因" desc:"Reasons the document gives."`
}

// ThreePublic is 三公经费 and its parts.
type ThreePublic struct {
	Total            *Amount `json:"total" zh:"三公经费合计" desc:"三公 subtotal: overseas travel + vehicles + reception." zhdesc:"“三公”经费小计：因公出国（境）费 + 公务用车购置及运行费 + 公务接待费。"`
	OverseasTravel   *Amount `json:"overseas_travel" zh:"因公出国（境）费" desc:"因公出国(境)费."`
	Vehicles         *Amount `json:"vehicles" zh:"公务用车购置及运行费" desc:"公务用车购置及运行(维护)费 = purchase + operation."`
	VehiclePurchase  *Amount `json:"vehicle_purchase" zh:"公务用车购置费" desc:"公务用车购置费."`
	VehicleOperation *Amount `json:"vehicle_operation" zh:"公务用车运行费" desc:"公务用车运行(维护)费."`
	Reception        *Amount `json:"reception" zh:"公务接待费" desc:"公务接待费."`
	Meeting          *Amount `json:"meeting,omitempty" zh:"会议费" desc:"会议费, where printed with 三公 (not in total)."`
	Training         *Amount `json:"training,omitempty" zh:"培训费" desc:"培训费, where printed with 三公 (not in total)."`
	Change           *Amount `json:"change,omitempty" zh:"增减" desc:"Change of the total versus last year."`
	Explanation      string  `json:"explanation,omitempty" zh:"说明" desc:"The document's explanation of the figures and their change."`
}

// Performance holds goals and indicators.
type Performance struct {
	Goals           []Goal           `json:"goals" zh:"总体目标" desc:"Overall performance goals, one string each."`
	Programs        []Program        `json:"programs" zh:"分项目标" desc:"Per-programme goals (分项绩效目标)."`
	IndicatorTables []IndicatorTable `json:"indicator_tables" zh:"绩效指标表" desc:"Performance indicator tables."`
}

// Goal is one overall goal; Target is set when the goal states a number.
type Goal struct {
	Text   string  `json:"text" zh:"目标" desc:"The goal as written."`
	Target *Target `json:"target,omitempty" zh:"目标值" desc:"A number the goal states, if any."`
}

// Program is one 分项绩效目标.
type Program struct {
	Name        string   `json:"name" zh:"项目名称" desc:"Name of the programme or task."`
	Requirement string   `json:"requirement,omitempty" zh:"工作要求" desc:"What is required."`
	Indicators  []string `json:"indicators" zh:"指标" desc:"Indicators listed for it."`
}

// IndicatorTable is one 绩效指标表.
type IndicatorTable struct {
	Title string         `json:"title" zh:"表名" desc:"Title printed above the table." zhdesc:"表格上方印出的表名。"`
	Goals []string       `json:"goals" zh:"绩效目标" desc:"Goals stated in the table's own goal row."`
	Rows  []IndicatorRow `json:"rows" zh:"指标行" desc:"One row per indicator."`
	At    At             `json:"at" zh:"位置" desc:"Where the table is."`
}

// IndicatorRow is one indicator.
type IndicatorRow struct {
	Level1      string  `json:"level1" zh:"一级指标" desc:"产出指标 / 效益指标 / 满意度指标; inferred from level2 when blank." zhdesc:"一级指标：产出指标、效益指标、满意度指标；空白时由二级指标推出。"`
	Level2      string  `json:"level2" zh:"二级指标" desc:"数量指标, 质量指标, 时效指标, 成本指标, 社会效益指标, …" zhdesc:"二级指标：数量指标、质量指标、时效指标、成本指标、社会效益指标等。"`
	Level3      string  `json:"level3" zh:"三级指标" desc:"The indicator itself." zhdesc:"三级指标，即指标本身。"`
	Description string  `json:"description,omitempty" zh:"指标描述" desc:"What the indicator measures." zhdesc:"指标衡量的内容。"`
	Target      *Target `json:"target" zh:"指标值" desc:"Target value with comparator and unit."`
	Basis       string  `json:"basis,omitempty" zh:"确定依据" desc:"Where the target comes from." zhdesc:"指标值的确定依据。"`
	At          At      `json:"at" zh:"位置" desc:"Where the row is." zhdesc:"该行所在位置。"`
}

// Target comparators.
const (
	CmpGE   = ">="
	CmpLE   = "<="
	CmpEQ   = "="
	CmpGT   = ">"
	CmpLT   = "<"
	CmpText = "text"
)

// Target is an indicator's target value: "≥90百分比" is {">=", 90, "%"}.
type Target struct {
	Comparator string           `json:"comparator" zh:"比较符" desc:"One of >=, <=, =, >, <, or text for qualitative targets." zhdesc:">=、<=、=、>、< 之一；定性指标为 text（定性）。" enum:">=,<=,=,>,<,text"`
	Value      *decimal.Decimal `json:"value,omitempty" zh:"数值" desc:"The number, exact." zhdesc:"指标数值，精确值。"`
	Unit       string           `json:"unit,omitempty" zh:"单位" desc:"Unit: %, 次, 家, 份, 万元, 亿元, …" zhdesc:"指标单位：%、次、家、份、万元、亿元等。"`
	Text       string           `json:"text" zh:"原文" desc:"The target as printed." zhdesc:"印出的指标值原文。"`
}

// Procurement is 政府采购.
type Procurement struct {
	Total    *Amount           `json:"total" zh:"采购总额" desc:"Total procurement."`
	Goods    *Amount           `json:"goods" zh:"货物" desc:"货物类."`
	Works    *Amount           `json:"works" zh:"工程" desc:"工程类."`
	Services *Amount           `json:"services" zh:"服务" desc:"服务类."`
	Items    []ProcurementItem `json:"items" zh:"采购项目" desc:"Itemised procurement rows, where listed."`
}

// ProcurementItem is one listed procurement row.
type ProcurementItem struct {
	Name   string  `json:"name" zh:"名称" desc:"Item or project name."`
	Amount *Amount `json:"amount" zh:"金额" desc:"Amount."`
}

// Assets is 国有资产占用情况.
type Assets struct {
	AsOf           string      `json:"as_of,omitempty" zh:"截止日期" desc:"Date the figures are as of, YYYY-MM-DD." zhdesc:"数据截止日期，YYYY-MM-DD。"`
	Total          *Amount     `json:"total" zh:"资产总额" desc:"Total value as stated in the assets table."`
	NarrativeTotal *Amount     `json:"narrative_total,omitempty" zh:"文字说明资产总额" desc:"Total value as stated in the narrative, where it gives one."`
	Items          []AssetItem `json:"items" zh:"资产明细" desc:"Asset lines: buildings, vehicles, equipment, other."`
}

// AssetItem is one line of the assets table.
type AssetItem struct {
	Name         string           `json:"name" zh:"名称" desc:"Asset class as printed, without numbering and unit." zhdesc:"印出的资产类别名称，不含编号和单位。"`
	Quantity     *decimal.Decimal `json:"quantity,omitempty" zh:"数量" desc:"Quantity." zhdesc:"数量。"`
	QuantityUnit string           `json:"quantity_unit,omitempty" zh:"数量单位" desc:"Unit of the quantity: 平方米, 辆, 台." zhdesc:"数量单位：平方米、辆、台等。"`
	Value        *Amount          `json:"value" zh:"价值" desc:"Value."`
	Subitem      bool             `json:"subitem,omitempty" zh:"其中项" desc:"A 其中 line: part of the line above, not added to the total." zhdesc:"“其中”行：是上一行的一部分，不再计入总额。"`
	At           At               `json:"at" zh:"位置" desc:"Where the row is."`
}

// Table is one table as found, with its kind and rows.
type Table struct {
	Kind      TableKind   `json:"kind" zh:"表类型" desc:"B1..B9, F1..F9 (domain.md §2–3); procurement, assets, performance, project, operating_expenses (机关运行经费表), fiscal_expenditure (财政拨款支出表, functional), fiscal_basic (财政拨款基本支出表, economic), units (单位构成), or other." zhdesc:"表类型：B1..B9、F1..F9（见 domain.md 第 2–3 节）；procurement（政府采购）、assets（国有资产）、performance（绩效）、project（项目）、operating_expenses（机关运行经费表）、fiscal_expenditure（财政拨款支出表，功能分类）、fiscal_basic（财政拨款基本支出表，经济分类）、units（单位构成）或 other（其他）。"`
	Title     string      `json:"title" zh:"表名" desc:"Title as printed." zhdesc:"印出的表名。"`
	Number    string      `json:"number,omitempty" zh:"表号" desc:"The table's printed number, e.g. 公开01表, 表一, 4."`
	Unit      string      `json:"unit,omitempty" zh:"金额单位" desc:"Money unit declared for the table." zhdesc:"表格声明的金额单位。"`
	Empty     bool        `json:"empty,omitempty" zh:"空表" desc:"The table has no data." zhdesc:"表中没有数据。"`
	EmptyNote string      `json:"empty_note,omitempty" zh:"空表说明" desc:"Why, as the document says (本部门无…，故本表无数据)." zhdesc:"文件所说的空表原因（本部门无…，故本表无数据）。"`
	Header    [][]string  `json:"header" zh:"表头" desc:"Header rows as printed."`
	Rows      [][]string  `json:"rows" zh:"数据行" desc:"Body rows as printed; blank cells stay blank."`
	At        At          `json:"at" zh:"位置" desc:"Where the table starts." zhdesc:"表格开始的位置。"`
	Columns   []Column    `json:"columns,omitempty" zh:"列映射" desc:"Header bands mapped onto canonical column names, one entry per amount column."`
	LineItems []LineItem  `json:"line_items" zh:"科目明细" desc:"Rows as classified line items."`
	Check     *TableCheck `json:"check,omitempty" zh:"表内自检" desc:"How the table's own arithmetic came out when it was read (tables with line items)."`
}

// Column maps one amount column of a table onto a canonical name.
type Column struct {
	Col   int         `json:"col" zh:"列号" desc:"Column index in the grid, 0-based."`
	Key   ColumnKey   `json:"key" zh:"列名" desc:"Canonical name: total, basic, project, personnel, public_use, general_public_budget, …; F7 adds .budget/.final."`
	Path  []string    `json:"path" zh:"表头路径" desc:"The header texts above the column, outermost first (本年支出 › 基本支出)."`
	Side  string      `json:"side,omitempty" zh:"栏目" desc:"Which block of a side-by-side table: revenue, expenditure, purpose (支出用途), personnel, public_use."`
	Parts []ColumnKey `json:"parts,omitempty" zh:"组成列" desc:"Keys of the columns (same side) that add up to this one."`
}

// Row kinds of a line item.
const (
	RowTotal      = "total"       // 合计, 本年收入合计
	RowSubtotal   = "subtotal"    // 小计
	RowGrandTotal = "grand_total" // 总计, 收入总计
)

// NarrativeItem is one expenditure line the narrative lists by functional
// classification, with the figures its sentence states.
type NarrativeItem struct {
	Code           string           `json:"code,omitempty" zh:"科目编码" desc:"Functional code rebuilt from the 类/款/项 parts: 2040601."`
	Name           string           `json:"name" zh:"科目名称" desc:"Name of the deepest level given."`
	Level          string           `json:"level,omitempty" zh:"级次" desc:"类, 款 or 项." enum:"类,款,项"`
	Amount         *Amount          `json:"amount" zh:"金额" desc:"The amount stated after the name."`
	Planned        *Amount          `json:"planned,omitempty" zh:"预算安排" desc:"The amount restated in the sentence (本年预算安排X万元)."`
	LastYear       *Amount          `json:"last_year,omitempty" zh:"上年执行数" desc:"Last year's figure (上年预算执行数 / 上年预算数)."`
	ChangePct      *decimal.Decimal `json:"change_pct,omitempty" zh:"增减比例" desc:"Stated change versus last year in percent, signed (减少 is negative)."`
	Budget         *Amount          `json:"budget,omitempty" zh:"年初预算数" desc:"Final accounts: the budget at the start of the year (年初预算为X万元); Amount is then the 决算 figure."`
	FullYearBudget *Amount          `json:"full_year_budget,omitempty" zh:"全年预算数" desc:"Final accounts: the adjusted budget for the whole year (全年预算为X万元)."`
	CompletionPct  *decimal.Decimal `json:"completion_pct,omitempty" zh:"完成率" desc:"Stated completion in percent (完成年初预算的Z%)."`
	CompletionBase string           `json:"completion_base,omitempty" zh:"完成率基数" desc:"Which budget the completion is stated against: initial (年初预算) or full_year (全年预算)." enum:"initial,full_year"`
	Purpose        string           `json:"purpose,omitempty" zh:"主要用途" desc:"主要用于…"`
	Reason         string           `json:"reason,omitempty" zh:"变动原因" desc:"主要原因是…"`
	At             At               `json:"at" zh:"位置" desc:"Where the line starts."`
}

// LineItem is one classified row of a standard table.
type LineItem struct {
	Code           string                 `json:"code,omitempty" zh:"科目编码" desc:"Classification code: 204, 20406, 2040601." zhdesc:"科目编码：204、20406、2040601。"`
	Name           string                 `json:"name" zh:"科目名称" desc:"Row label." zhdesc:"行的名称（科目名称）。"`
	Level          string                 `json:"level,omitempty" zh:"级次" desc:"类, 款 or 项." zhdesc:"级次：类、款或项。" enum:"类,款,项"`
	Classification string                 `json:"classification,omitempty" zh:"分类" desc:"functional or economic." zhdesc:"functional（支出功能分类）或 economic（支出经济分类）。" enum:"functional,economic"`
	Parent         string                 `json:"parent,omitempty" zh:"上级科目" desc:"Code of the parent line (款 → 类, 项 → 款), or the group name for uncoded sub-rows."`
	Side           string                 `json:"side,omitempty" zh:"栏目" desc:"Which block of a side-by-side table the row is in: revenue, expenditure, purpose, personnel, public_use."`
	Key            RowKey                 `json:"key,omitempty" zh:"行含义" desc:"What a summary row is: revenue.total, revenue.carried_over, expenditure.grand_total, expenditure.basic, …"`
	RowKind        string                 `json:"row_kind,omitempty" zh:"合计行" desc:"total (合计), subtotal (小计) or grand_total (总计); empty for ordinary rows." enum:"total,subtotal,grand_total"`
	Subitem        bool                   `json:"subitem,omitempty" zh:"其中项" desc:"A 其中 or numbered sub-row, part of the row above it, not added again."`
	Amounts        map[ColumnKey]*Amount  `json:"amounts" zh:"金额" desc:"Column name → amount; blank cells have no entry."`
	Percents       map[ColumnKey]*Percent `json:"percents,omitempty" zh:"百分比" desc:"Column name → percentage printed in the row (增减%, 完成率); kept apart from the amounts."`
	At             At                     `json:"at" zh:"位置" desc:"Where the row is."`
}

// Percent is a percentage printed in a table cell: "-1.07%" is -1.07.
type Percent struct {
	Value decimal.Decimal `json:"value" zh:"数值" desc:"The percentage, signed: -1.07 for -1.07%."`
	Text  string          `json:"text" zh:"原文" desc:"The cell as printed."`
	At    At              `json:"at" zh:"位置" desc:"The cell."`
}

// GlossaryEntry is one defined term.
type GlossaryEntry struct {
	Term       string `json:"term" zh:"名词" desc:"The term."`
	Definition string `json:"definition" zh:"解释" desc:"Its definition."`
}

// Severities.
const (
	SevInfo    = "info"
	SevWarning = "warning"
	SevError   = "error"
)

// Finding is one problem found.
type Finding struct {
	Rule      string `json:"rule" zh:"规则" desc:"Name of the check, e.g. assets.total_equals_parts." zhdesc:"检查规则的名称，如 assets.total_equals_parts。"`
	Severity  string `json:"severity" zh:"严重程度" desc:"info, warning or error." zhdesc:"严重程度：info（提示）、warning（警告）或 error（错误）。" enum:"info,warning,error"`
	Message   string `json:"message" zh:"说明" desc:"What is wrong, with both numbers and where they are printed, in Chinese." zhdesc:"问题说明（中文）：两个数字、各自印在何处及差额。"`
	MessageEn string `json:"message_en" zh:"英文说明" desc:"The same in English, for developers." zhdesc:"同一说明的英文，供开发者使用。"`
	Expected  string `json:"expected,omitempty" zh:"应为" desc:"The figure the rule expects (e.g. the sum of the parts), in 元." zhdesc:"规则推算应有的数字（如各部分之和），单位元。"`
	Actual    string `json:"actual,omitempty" zh:"实为" desc:"The figure the document states, in 元." zhdesc:"文件印出的数字，单位元。"`
	At        []At   `json:"at" zh:"位置" desc:"Where the figures involved are." zhdesc:"涉及的各数字在文件中的位置。"`
}
