package normalize

import (
	"regexp"
	"strings"

	"github.com/yusuan/yusuan/schema"
)

// titleKinds recognise a table by the words of its title, after the
// numbering, year and issuer are ignored. Each row gives the budget kind
// and the final-account kind (the same for local tables). Rows are tried
// in order, so the more specific come first. Sources: 财预〔2016〕143号 and
// the 部门决算 公开01–09表 names; the local spellings are the corpus's
// (上海 "财务收支预算总表", "…功能分类预算表", "…部门预算经济分类预算表";
// 江苏 "收支预算总表", "…（功能科目）", "“三公”经费、会议费、培训费支出预算表").
var titleKinds = []struct {
	budget, final schema.TableKind
	all           []string // every word must appear
	anyOf         []string // one of these must appear (if given)
	none          []string // no word may appear
}{
	{schema.KindB7, schema.KindF7, []string{"三公"}, nil, nil},
	{schema.KindUnits, schema.KindUnits, []string{"单位构成"}, nil, nil},
	{schema.KindProcurement, schema.KindProcurement, []string{"政府采购"}, nil, nil},
	{schema.KindPerformance, schema.KindPerformance, []string{"绩效"}, nil, nil},
	{schema.KindAssets, schema.KindAssets, nil, []string{"国有资产", "固定资产", "资产占用"}, nil},
	{schema.KindB8, schema.KindF8, []string{"政府性基金"}, nil, nil},
	{schema.KindB9, schema.KindF9, []string{"国有资本经营"}, nil, nil},
	{schema.KindOperating, schema.KindOperating, []string{"机关运行经费"}, nil, nil},
	{schema.KindB6, schema.KindF6, []string{"一般公共预算", "基本支出"}, nil, nil},
	{schema.KindFiscalBasic, schema.KindF6, []string{"财政拨款", "基本支出"}, nil, nil},
	{schema.KindB6, schema.KindF6, []string{"基本支出"}, nil, []string{"项目支出"}},
	{schema.KindB5, schema.KindF5, []string{"一般公共预算", "支出"}, nil, []string{"收支", "收入"}},
	{schema.KindB4, schema.KindF4, []string{"财政拨款"}, []string{"收支", "收入支出"}, nil},
	{schema.KindFiscalExpenditure, schema.KindF5, []string{"财政拨款", "支出"}, nil, []string{"收入"}},
	{schema.KindB1, schema.KindF1, nil, []string{"收支", "收入支出"}, []string{"项目"}},
	{schema.KindB2, schema.KindF2, []string{"收入"}, []string{"总表", "预算表", "决算表", "总体情况"}, nil},
	{schema.KindB3, schema.KindF3, []string{"支出"}, []string{"总表", "预算表", "决算表", "总体情况"}, []string{"项目支出表", "项目支出预算表"}},
	{schema.KindProject, schema.KindProject, []string{"项目"}, []string{"支出表", "支出预算表", "经费"}, nil},
}

// tableWords says whether a title names a table at all: captions such as
// "部门：XX局" or "单位：万元" do not.
var tableWords = regexp.MustCompile(`表|情况`)

// kindFromTitle returns the kind a title names, or "".
func kindFromTitle(title string, final bool) schema.TableKind {
	t := compact(Clean(title))
	if t == "" || !tableWords.MatchString(t) {
		return ""
	}
	t = tableNumber.ReplaceAllString(t, "")
	if !final && strings.Contains(t, "决算") {
		final = true
	}
	if final && strings.Contains(t, "预算表") && !strings.Contains(t, "决算") {
		final = false
	}
	for _, k := range titleKinds {
		if !containsAll(t, k.all) || (len(k.anyOf) > 0 && !hasAny(t, k.anyOf...)) || hasAny(t, k.none...) {
			continue
		}
		if final {
			return k.final
		}
		return k.budget
	}
	return ""
}

func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// tableNumber matches a printed table number: 公开01表, 公开表一, 表一, 表1,
// "4．", "五、".
var tableNumber = regexp.MustCompile(`^(?:公开\d{1,2}表|公开表[一二三四五六七八九十]+|附表\d{1,2}|表[一二三四五六七八九十\d]+|\d{1,2}[.．、]|[一二三四五六七八九十]+、)[：:、]?`)

// kindFromContent recognises a table without a telling title, from its
// header words and row labels (grid facts gathered in tableShape).
func kindFromContent(s *tableShape, final bool) schema.TableKind {
	h := s.headerText
	rows := s.labelText
	if hasAny(h, "决算数") {
		final = true
	}
	pick := func(b, f schema.TableKind) schema.TableKind {
		if final {
			return f
		}
		return b
	}
	switch {
	case hasAny(h, "三公", "因公出国"):
		return pick(schema.KindB7, schema.KindF7)
	case hasAny(h, "单位名称") && hasAny(h, "序号"):
		return schema.KindUnits
	case hasAny(h, "采购"):
		return schema.KindProcurement
	case hasAny(h, "一级指标", "二级指标", "三级指标", "绩效指标"):
		return schema.KindPerformance
	case hasAny(h, "机关运行经费") && !hasAny(h, "三公"):
		return schema.KindOperating
	case hasAny(h, "年初结转和结余") && hasAny(h, "本年收入"):
		if hasAny(s.title, "国有资本") {
			return pick(schema.KindB9, schema.KindF9)
		}
		return pick(schema.KindB8, schema.KindF8)
	}
	twoSided := (hasAny(h, "收入") && hasAny(h, "支出") && s.labelCols >= 2) ||
		(hasAny(rows, "收入合计", "收入总计", "本年收入") && hasAny(rows, "支出合计", "支出总计", "本年支出"))
	if twoSided {
		if hasAny(rows, "事业收入", "其他收入", "其他资金", "财政专户", "上级补助", "经营收入") {
			return pick(schema.KindB1, schema.KindF1)
		}
		return pick(schema.KindB4, schema.KindF4)
	}
	switch s.classification {
	case "economic":
		if hasAny(h, "人员经费", "公用经费") || final {
			return pick(schema.KindB6, schema.KindF6)
		}
		if hasAny(h+s.title, "财政拨款") {
			return schema.KindFiscalBasic
		}
		return schema.KindB6
	case "functional":
		switch {
		case hasAny(h, "财政拨款收入", "上级补助收入", "事业收入", "本年收入"):
			return pick(schema.KindB2, schema.KindF2)
		case hasAny(h, "一般公共预算"):
			return pick(schema.KindB5, schema.KindF5)
		case hasAny(h, "基本支出", "项目支出", "本年支出"):
			return pick(schema.KindB3, schema.KindF3)
		}
	}
	switch {
	case hasAny(rows, "收入总计", "一般公共预算资金") && !hasAny(rows, "支出"):
		return pick(schema.KindB2, schema.KindF2)
	case hasAny(h, "基本支出") && hasAny(h, "项目支出"):
		return pick(schema.KindB3, schema.KindF3)
	}
	return ""
}
