package inspecthtml

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/yusuan/yusuan/schema"
)

// Field is one amount of the schema document: its JSON path, its Chinese
// label (the zh tags the JSON Schema titles come from) and the value.
type Field struct {
	Path   string
	Label  string
	Amount *schema.Amount
}

var amountType = reflect.TypeFor[schema.Amount]()

// Fields lists every amount in d (findings aside), in document order, with
// map keys sorted.
func Fields(d *schema.Document) []Field {
	var out []Field
	walk(reflect.ValueOf(d).Elem(), "", nil, &out)
	return out
}

func walk(v reflect.Value, path string, labels []string, out *[]Field) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if v.Type().Elem() == amountType {
			*out = append(*out, Field{Path: path, Label: strings.Join(labels, " › "), Amount: v.Interface().(*schema.Amount)})
			return
		}
		walk(v.Elem(), path, labels, out)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[schema.Finding]() {
			return
		}
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			name, ok := jsonName(f)
			if !ok || name == "findings" {
				continue
			}
			p := name
			if path != "" {
				p = path + "." + name
			}
			walk(v.Field(i), p, appendLabel(labels, f.Tag.Get("zh")), out)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i), appendLabel(labels, itemLabel(v.Index(i), i)), out)
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			walk(v.MapIndex(k), path+"."+k.String(), appendLabel(labels, keyLabel(k)), out)
		}
	}
}

// keyLabel names a map key: its Chinese label from the schema vocabulary
// (ColumnKey.Label) beside the key, where it has one.
func keyLabel(k reflect.Value) string {
	if l, ok := k.Interface().(interface{ Label() string }); ok && l.Label() != k.String() {
		return l.Label() + "（" + k.String() + "）"
	}
	return k.String()
}

// itemLabel names a slice element: its Name or Title where it has one.
func itemLabel(v reflect.Value, i int) string {
	for v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	if v.Kind() == reflect.Struct {
		for _, n := range []string{"Name", "Title"} {
			if f := v.FieldByName(n); f.IsValid() && f.Kind() == reflect.String && f.String() != "" {
				return fmt.Sprintf("[%d]「%s」", i, f.String())
			}
		}
	}
	return fmt.Sprintf("[%d]", i)
}

func appendLabel(labels []string, l string) []string {
	if l == "" {
		return labels
	}
	return append(labels[:len(labels):len(labels)], l)
}

func jsonName(f reflect.StructField) (string, bool) {
	if !f.IsExported() {
		return "", false
	}
	tag := f.Tag.Get("json")
	if tag == "-" {
		return "", false
	}
	name, _, _ := strings.Cut(tag, ",")
	if name == "" {
		name = f.Name
	}
	return name, true
}

// headlinePaths are the figures of the side panel, in order.
var headlinePaths = []string{
	"summary.revenue.total", "summary.expenditure.total", "summary.expenditure.basic",
	"summary.expenditure.project", "three_public.total", "three_public.overseas_travel",
	"three_public.vehicles", "three_public.vehicle_purchase", "three_public.vehicle_operation",
	"three_public.reception", "operating_expenses",
}

// severityZh names the severities in Chinese.
var severityZh = map[string]string{schema.SevInfo: "提示", schema.SevWarning: "警告", schema.SevError: "错误"}

// findingZh says a finding in Chinese: its head (findingHead), then the
// finding's Chinese message. A finding without message_en was written
// before findings were Chinese: its message is English, so the expected and
// stated figures under the Finding's own zh labels stand for it.
func findingZh(f schema.Finding) string {
	if f.Message != "" && f.MessageEn != "" {
		return findingHead(f) + "：" + f.Message
	}
	return findingFigures(f)
}

// findingHead is a finding's severity and the area its rule checks (the
// zh label of the document field the rule is named after) in Chinese.
func findingHead(f schema.Finding) string {
	s := severityZh[f.Severity]
	area, _, _ := strings.Cut(f.Rule, ".")
	if area == "extract" {
		s += " · 提取"
	} else if l := topLabel(area); l != "" {
		s += " · " + l
	}
	return s
}

// findingFigures is findingHead with the expected and stated figures.
func findingFigures(f schema.Finding) string {
	s := findingHead(f)
	ft := reflect.TypeFor[schema.Finding]()
	var figures []string
	for _, name := range []string{"Expected", "Actual"} {
		if v := reflect.ValueOf(f).FieldByName(name).String(); v != "" {
			sf, _ := ft.FieldByName(name)
			figures = append(figures, sf.Tag.Get("zh")+" "+v+" 元")
		}
	}
	if len(figures) > 0 {
		s += "：" + strings.Join(figures, "，")
	}
	return s
}

// topLabel is the zh label of the Document field with JSON name name.
func topLabel(name string) string {
	t := reflect.TypeFor[schema.Document]()
	for i := range t.NumField() {
		if n, ok := jsonName(t.Field(i)); ok && n == name {
			return t.Field(i).Tag.Get("zh")
		}
	}
	return ""
}
