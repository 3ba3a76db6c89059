package normalize

import (
	"testing"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/prov"
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
