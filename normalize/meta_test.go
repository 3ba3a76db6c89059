package normalize

import (
	"strings"
	"testing"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/prov"
	"github.com/yusuan/yusuan/schema"
)

func lines(page int, texts ...string) *extract.Document {
	d := &extract.Document{}
	for _, t := range texts {
		d.Blocks = append(d.Blocks, extract.Block{Kind: extract.KindParagraph, Text: t, At: prov.At{Page: page}})
	}
	return d
}

func TestFindTitle(t *testing.T) {
	cases := []struct {
		name string
		doc  *extract.Document
		file string
		want string
	}{
		{"one line", lines(0, "廊坊市广阳区科学技术局2020年部门预算信息公开情况说明", "按照《预算法》规定，现将……公开如下："), "", "廊坊市广阳区科学技术局2020年部门预算信息公开情况说明"},
		{"cover over three lines", lines(1, "上海市普陀区规划和自然", "资源局", "2024年度部门决算", "目录"), "", "上海市普陀区规划和自然资源局2024年度部门决算"},
		{"issuer line then year line", lines(1, "江苏省人民检察院", "2019年度部门预算公开"), "", "江苏省人民检察院2019年度部门预算公开"},
		{"split before the kind", lines(1, "2018年度江苏省高级", "人民法院预算公开", "2018年2月24日"), "", "2018年度江苏省高级人民法院预算公开"},
		{"labelled lines above", lines(0, "发布时间：2020-03-10 来源：区财政局", "廊坊市某某区水务局2021年部门预算公开", "一、部门职责"), "", "廊坊市某某区水务局2021年部门预算公开"},
		{"cover label skipped", lines(1, "上海市普陀区2026年区级部门预算", "预算主管部门：上海市普陀区司法局"), "", "上海市普陀区2026年区级部门预算"},
		{"tables only: file name", lines(0, "收支预算总表"), "/x/江苏省政协办公厅2019年预算公开表.pdf", "江苏省政协办公厅2019年预算公开表"},
		{"year without 年, over two lines", lines(1, "北京市人民政府国有资产监督管理委员会", "2026 部门预算情况的说明", "一、部门情况说明"), "", "北京市人民政府国有资产监督管理委员会2026部门预算情况的说明"},
		{"attachment mark above", lines(1, "附件2", "2019年部门综合预算公开报表", "部门名称：西安市安全生产监督管理局"), "", "2019年部门综合预算公开报表"},
	}
	for _, c := range cases {
		if got, _ := findTitle(c.doc, c.file); got != c.want {
			t.Errorf("%s: findTitle = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestIssuerAndRegion(t *testing.T) {
	cases := []struct {
		title, issuer string
		province      string
		city, county  string
	}{
		{"廊坊市广阳区科学技术局2020年部门预算信息公开情况说明", "廊坊市广阳区科学技术局", "河北省", "廊坊市", "广阳区"},
		{"2016年度平潭县人民检察院部门决算说明", "平潭县人民检察院", "", "", "平潭县"},
		{"上海市普陀区财政局2024年度部门决算", "上海市普陀区财政局", "上海市", "上海市", "普陀区"},
		{"中共上海市普陀区委社会工作部2024年度部门决算", "中共上海市普陀区委社会工作部", "上海市", "上海市", "普陀区"},
		{"江苏省人民检察院2019年度部门预算公开", "江苏省人民检察院", "江苏省", "", ""},
		{"附件二2016年平潭综合实验区检验检测认证中心部门预算说明", "平潭综合实验区检验检测认证中心", "", "", "平潭综合实验区"},
		{"2018年度金井湾片区项目建设指挥部部门预算说明", "金井湾片区项目建设指挥部", "", "", ""},
	}
	for _, c := range cases {
		got := issuerOf(c.title)
		if got != c.issuer {
			t.Errorf("issuerOf(%q) = %q, want %q", c.title, got, c.issuer)
			continue
		}
		r := regionOf(got, "")
		if r.Province != c.province || r.City != c.city || r.County != c.county {
			t.Errorf("regionOf(%q) = %+v, want %s/%s/%s", got, r, c.province, c.city, c.county)
		}
	}
}

func TestYearOf(t *testing.T) {
	for in, want := range map[string]int{"2020年部门预算": 2020, "二〇一九年决算": 2019, "预算": 0, "1.5万元": 0} {
		if got := yearOf(in); got != want {
			t.Errorf("yearOf(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestProvinceOfCity(t *testing.T) {
	for city, want := range map[string]string{
		"廊坊市": "河北省", "保定市": "河北省", "苏州市": "江苏省", "恩施土家族苗族自治州": "湖北省",
		"延边朝鲜族自治州": "吉林省", "阿拉善盟": "内蒙古自治区", "示例市": "", "吉林市": "吉林省",
	} {
		if got := provinceOfCity(city); got != want {
			t.Errorf("provinceOfCity(%q) = %q, want %q", city, got, want)
		}
	}
}

// TestTitleYearAndKind: titles as publishers print them — spaces inside the
// year, no 年 before the kind, full-width digits, two years in a report to
// the people's congress.
func TestTitleYearAndKind(t *testing.T) {
	cases := []struct {
		title string
		year  int
		kind  string
	}{
		{"北京市人民政府国有资产监督管理委员会2026 部门预算情况的说明", 2026, "budget"},
		{"北京市审计局 2026 年度部门预算信息公开", 2026, "budget"},
		{"２０２６年度福州市医疗保障局部门预算", 2026, "budget"},
		{"国家信访局2024年度部门决算", 2024, "final_account"},
		{"上海市2026年市级单位预算", 2026, "budget"},
		{"关于合肥市2022年预算执行情况和2023年预算草案的报告", 2023, "budget"},
		{"关于洛阳市2023年预算执行情况和2024年预算（草案）的报告", 2024, "budget"},
		{"关于南昌市2021年全市和市级预算执行情况与2022年全市和市级预算草案的报告(书面)", 2022, "budget"},
		{"关于合肥市2021年市级决算及2022年上半年预算执行情况的报告", 2021, "final_account"},
		{"关于洛阳市2022年财政决算和2023年1—6月份财政预算执行情况的报告", 2022, "final_account"},
		{"第2019号文件", 0, ""},
	}
	for _, c := range cases {
		kind := kindOf(c.title, "", "", "")
		if kind != c.kind {
			t.Errorf("kindOf(%q) = %q, want %q", c.title, kind, c.kind)
		}
		if got := titleYear(c.title, kind); got != c.year {
			t.Errorf("titleYear(%q) = %d, want %d", c.title, got, c.year)
		}
	}
}

// TestKindAndYearWithoutTitle: the narrative's phrase wins over a stray
// mention; a volume of tables gives them in its headers.
func TestKindAndYearWithoutTitle(t *testing.T) {
	cases := []struct {
		name, head, tables string
		year               int
		kind               string
	}{
		{"phrase before stray 决算", "现将2026 年度部门预算公开如下。2025年决算数为…", "", 2026, "budget"},
		{"budget tables", "", "预算 01表 收支总表\t\n金额单位：万元\t\n（2026年度）\t\n", 2026, "budget"},
		{"final account header", "", "收入支出决算总表\t\n项目\t2024年决算数\t\n", 2024, "final_account"},
		{"公开01表 budget", "", "公开01表\t部门收支总表\t\n2026年预算数\t\n", 2026, "budget"},
	}
	for _, c := range cases {
		if k := kindOf("", c.head, c.tables, c.head+c.tables); k != c.kind {
			t.Errorf("%s: kind %q, want %q", c.name, k, c.kind)
		}
		if y := headYear(c.head, c.tables, c.head+c.tables); y != c.year {
			t.Errorf("%s: year %d, want %d", c.name, y, c.year)
		}
	}
}

func table(rows ...[]string) extract.Block {
	tb := &extract.Table{}
	for _, r := range rows {
		var cells []extract.Cell
		for _, c := range r {
			cells = append(cells, extract.Cell{Text: c})
		}
		tb.Rows = append(tb.Rows, cells)
	}
	return extract.Block{Kind: extract.KindTable, Table: tb}
}

// TestTablesOnlyMeta: Beijing's 报表 volume has no title page; its tables
// name the kind (预算01表), the year (（2026年度）) and the department
// (部门名称 | 北京市审计局). Nothing comes from the file name then.
func TestTablesOnlyMeta(t *testing.T) {
	x := &extract.Document{Blocks: []extract.Block{
		table([]string{"预算01表收支总表", "〃"}, []string{"", "金额单位：万元"}, []string{"项目", "预算数"}, []string{"一、一般公共预算拨款收入", "32,365.090089"}),
		table([]string{"预算13表部门整体支出绩效目标表", "〃"}, []string{"（2026年度）", "〃"}, []string{"部门名称", "〃", "北京市审计局"}),
	}}
	var d schema.Document
	const name = "/x/某某_2025年度部门决算_附件2报表.pdf"
	title, fromFile := findTitle(x, name)
	(&Normalizer{}).fillMeta(&d, x, title, name, fromFile)
	m := d.Meta
	if m.FiscalYear != 2026 || m.Kind != schema.KindBudget || m.Issuer.Name != "北京市审计局" || m.Scope != schema.ScopeDepartment || len(m.FromFileName) != 0 {
		t.Errorf("meta = %+v", m)
	}

	// With no table naming them, the file name gives them, and says so.
	x = &extract.Document{Blocks: []extract.Block{table([]string{"项目", "金额"}, []string{"合计", "1.00"})}}
	d = schema.Document{}
	const name2 = "/x/北京市审计局_2026年度部门预算_附件2报表.pdf"
	title, fromFile = findTitle(x, name2)
	(&Normalizer{}).fillMeta(&d, x, title, name2, fromFile)
	m = d.Meta
	if m.FiscalYear != 2026 || m.Kind != schema.KindBudget || m.Issuer.Name != "北京市审计局" || strings.Join(m.FromFileName, ",") != "kind,fiscal_year,issuer" {
		t.Errorf("file-name meta = %+v", m)
	}
}

// TestCoverLabels: labels run into the next one, and cut names.
func TestCoverLabels(t *testing.T) {
	for in, want := range map[string]string{
		"部门名称：西安市安全生产监督管理局保密审查情况：不设密\t黄会强": "西安市安全生产监督管理局",
		"编制单位：福州市民政局(本级)":                  "福州市民政局(本级)",
		"部门名称：": "",
		"单位：万元": "",
	} {
		if got := labelledOrg(compact(in)); got != want {
			t.Errorf("labelledOrg(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOtherNames: the full name is the issuer; a short name printed beside
// it, also spelled out with the place; a phrase is never a name.
func TestOtherNames(t *testing.T) {
	cases := []struct {
		text, issuer string
		want         string
	}{
		{"设立北京市人\n民政府国有资产监督管理委员会（以下简称“市国资委”）。", "北京市人民政府国有资产监督管理委员会", "市国资委|北京市国资委"},
		{"北京市商务局（简称市商务局）是市政府组成部门，加挂北京市人民政府口岸办公室（简称市政府口岸\n办）牌子。", "北京市商务局", "北京市人民政府口岸办公室|市商务局|市政府口岸办|北京市政府口岸办"},
		{"因公出国（境）费、公务用车购置及运行费和公务接待费（以下简称“三公”经费）", "某某市审计局", ""},
		{"加挂某某县乡村振兴局牌子", "某某县农业农村局", "某某县乡村振兴局"},
	}
	for _, c := range cases {
		if got := strings.Join(otherNames(c.text, c.issuer), "|"); got != c.want {
			t.Errorf("otherNames(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestGovernmentReport: covers of reports to the people's congress, and
// department disclosures that mention 人大 and 政府 but are not such reports.
func TestGovernmentReport(t *testing.T) {
	cases := []struct {
		name          string
		doc           *extract.Document
		gov           bool
		title, issuer string
	}{
		{"budget report, presenter line", lines(1, "关于合肥市 2022 年预算执行情况", "和 2023 年预算草案的报告", "——2022 年 12 月 30 日在合肥市", "第十七届人民代表大会第二次会议上", "合肥市财政局", "各位代表：", "受市人民政府委托，现将合肥市 2022 年预算执行情况和2023 年预算草案提请大会审议"),
			true, "关于合肥市2022年预算执行情况和2023年预算草案的报告", "合肥市财政局"},
		{"document number above, presenter run into the date", lines(1, "洛阳市十六届人大", "三次会议文件十四", "关于洛阳市2024年预算执行情况和", "2025年预算（草案）的报告", "——2025年2月9日在洛阳市第十六届人民代表大会第三次会议上 市财政局", "各位代表："),
			true, "关于洛阳市2024年预算执行情况和2025年预算（草案）的报告", "洛阳市财政局"},
		{"government in the title", lines(1, "市人民政府关于 2024 年市级决算和 2025 年", "上半年预算执行情况的报告", "——2025 年 8 月 26 日在合肥市第十七届人民代表大会", "常务委员会第二十八次会议上", "市财政局局长 郑晓静", "合肥市人民代表大会常务委员会："),
			true, "市人民政府关于2024年市级决算和2025年上半年预算执行情况的报告", "合肥市人民政府"},
		{"government above the title", lines(1, "南宁市人民政府", "关于 2021 年南宁市本级决算的报告", "——2022 年 10 月 19 日在南宁市第十五届", "市人大常委会："),
			true, "关于2021年南宁市本级决算的报告", "南宁市人民政府"},
		{"no issuer printed", lines(1, "关于自贡市 2021 年市级决算的报告", "2022 年 8 月 30 日在自贡市第十八届人大常委会第五次会议上", "主任、各位副主任、秘书长、各位委员："),
			true, "关于自贡市2021年市级决算的报告", "自贡市人民政府"},
		{"department budget", lines(1, "北京市审计局 2026 年度部门预算信息公开", "一、部门职责", "按照市人大常委会审议批准的预算，受市人民政府委托……"), false, "", ""},
		{"department explanation titled 关于", lines(1, "关于某某市审计局2026年部门预算的说明", "各位代表关心的……"), false, "", ""},
		{"report without an address", lines(1, "关于2025年预算执行情况的报告", "一、总体情况"), false, "", ""},
	}
	for _, c := range cases {
		r, ok := governmentReport(c.doc)
		if ok != c.gov || r.title != c.title || r.issuer != c.issuer {
			t.Errorf("%s: governmentReport = %+v, %v; want %q %q %v", c.name, r, ok, c.title, c.issuer, c.gov)
		}
	}
}
