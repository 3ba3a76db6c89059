package schema

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/*.golden files")

func TestJSONSchemaGolden(t *testing.T) {
	got, err := JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	again, err := JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, again) {
		t.Fatal("JSONSchema is not deterministic")
	}
	if !json.Valid(got) {
		t.Fatal("JSONSchema output is not valid JSON")
	}
	golden := filepath.Join("testdata", "schema.golden.json")
	if *updateGolden {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./schema -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("JSONSchema differs from %s; review the change and run go test ./schema -update", golden)
	}
}

// TestFieldDocs fails if any field reachable from Document lacks a Chinese
// label or a description.
func TestFieldDocs(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type, string)
	walk = func(typ reflect.Type, path string) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Array || typ.Kind() == reflect.Map {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || typ == decimalType || seen[typ] {
			return
		}
		seen[typ] = true
		for f := range structFields(typ) {
			jf, ok := jsonFieldOf(f)
			if !ok {
				continue
			}
			p := path + "." + jf.name
			d := docOf(typ, f)
			if d.zh == "" {
				t.Errorf("%s (%s.%s) has no zh label", p, typ, f.Name)
			}
			if d.desc == "" {
				t.Errorf("%s (%s.%s) has no desc", p, typ, f.Name)
			}
			walk(f.Type, p)
		}
	}
	walk(reflect.TypeFor[Document](), "$")
	if len(seen) < 20 {
		t.Errorf("walked only %d struct types; the walk is broken", len(seen))
	}
}

// TestJSONSchemaShape pins the shape rules on a few properties.
func TestJSONSchemaShape(t *testing.T) {
	s := loadSchema(t)
	tests := []struct {
		path string // slash-separated walk from the root schema
		want string // JSON of the value found there
	}{
		{"$schema", `"https://json-schema.org/draft/2020-12/schema"`},
		{"properties/schema_version/const", `"1"`},
		{"properties/schema_version/title", `"模式版本"`},
		{"properties/source/$ref", `"#/$defs/Source"`},
		{"properties/operating_expenses/anyOf", `[{"$ref":"#/$defs/Amount"},{"type":"null"}]`},
		{"properties/sections/type", `["array","null"]`},
		{"$defs/Amount/properties/yuan/type", `"number"`},
		{"$defs/Amount/required", `["yuan","value","unit","text","at"]`},
		{"$defs/Target/properties/value/type", `["number","null"]`},
		{"$defs/Target/properties/comparator/enum", `[">=","<=","=",">","<","text"]`},
		{"$defs/LineItem/properties/amounts/additionalProperties/anyOf/0/$ref", `"#/$defs/Amount"`},
		{"$defs/At/properties/bbox/maxItems", `4`},
		{"$defs/At/properties/table/type", `["integer","null"]`},
		{"$defs/Meta/required", `["title","issuer","region"]`},
		{"$defs/Source/properties/bytes/description", `"File size in bytes."`},
	}
	for _, tt := range tests {
		var v any = s
		for _, k := range strings.Split(tt.path, "/") {
			switch x := v.(type) {
			case map[string]any:
				v = x[k]
			case []any:
				var i int
				fmt.Sscan(k, &i)
				v = x[i]
			}
		}
		b, _ := json.Marshal(v)
		if got := strings.ReplaceAll(string(b), `\u003e`, ">"); strings.ReplaceAll(got, `\u003c`, "<") != tt.want {
			t.Errorf("%s = %s, want %s", tt.path, b, tt.want)
		}
	}
}

func loadSchema(t *testing.T) map[string]any {
	t.Helper()
	b, err := JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestDocumentMatchesSchema writes hand-built documents and validates them
// against the generated schema, then checks that broken variants fail, so
// that neither the validator nor the schema passes everything.
func TestDocumentMatchesSchema(t *testing.T) {
	s := loadSchema(t)
	v := &validator{root: s}
	for _, d := range sampleDocs() {
		if errs := v.validate(s, toJSON(t, d), "$"); len(errs) > 0 {
			t.Errorf("%s: %d errors:\n%s", d.Source.Path, len(errs), strings.Join(errs, "\n"))
		}
	}

	tests := []struct {
		name   string
		mutate func(d map[string]any)
		want   string // substring of the expected error
	}{
		{"wrong schema_version", func(d map[string]any) { d["schema_version"] = "2" }, "$.schema_version: want const"},
		{"missing source", func(d map[string]any) { delete(d, "source") }, `$: missing required "source"`},
		{"yuan as string", func(d map[string]any) { obj(d, "summary", "revenue", "total")["yuan"] = "4547000" }, "$.summary.revenue.total.yuan: type string"},
		{"bad severity", func(d map[string]any) { idx(d["findings"], 0)["severity"] = "fatal" }, "$.findings[0].severity: \"fatal\" not in enum"},
		{"bad level", func(d map[string]any) { idx(idx(d["tables"], 0)["line_items"], 0)["level"] = "目" }, "$.tables[0].line_items[0].level"},
		{"bbox of three", func(d map[string]any) {
			obj(d, "sections")["0"] = nil
			idx(d["sections"], 0)["at"].(map[string]any)["bbox"] = []any{1, 2, 3}
		}, "$.sections[0].at.bbox: 3 items"},
		{"fiscal year fraction", func(d map[string]any) { obj(d, "meta")["fiscal_year"] = json.Number("2020.5") }, "$.meta.fiscal_year: type number"},
		{"unknown field", func(d map[string]any) { obj(d, "meta")["mystery"] = 1 }, "$.meta.mystery: not in schema"},
		{"amount map value wrong", func(d map[string]any) {
			obj(idx(idx(d["tables"], 0)["line_items"], 0), "amounts")["合计"] = "x"
		}, "$.tables[0].line_items[0].amounts.合计: no anyOf branch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := toJSON(t, sampleDocs()[0]).(map[string]any)
			tt.mutate(d)
			errs := v.validate(s, d, "$")
			if !slices.ContainsFunc(errs, func(e string) bool { return strings.Contains(e, tt.want) }) {
				t.Errorf("errors %q lack %q", errs, tt.want)
			}
		})
	}
}

func obj(d map[string]any, path ...string) map[string]any {
	for _, k := range path {
		if d[k] == nil {
			d[k] = map[string]any{}
		}
		if m, ok := d[k].(map[string]any); ok {
			d = m
		}
	}
	return d
}

func idx(v any, i int) map[string]any { return v.([]any)[i].(map[string]any) }

// toJSON writes d with WriteJSON and decodes it generically, numbers kept as json.Number.
func toJSON(t *testing.T, d *Document) any {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteJSON(&buf, []*Document{d}, false); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(&buf)
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// validator is a minimal JSON Schema validator: type, const, enum, required,
// properties, additionalProperties, items, minItems, maxItems, $ref (local)
// and anyOf. It is strict: an object member the schema does not describe is
// an error even where additionalProperties is absent, to catch drift.
type validator struct{ root map[string]any }

func (v *validator) validate(s map[string]any, x any, path string) []string {
	var errs []string
	fail := func(format string, a ...any) { errs = append(errs, path+": "+fmt.Sprintf(format, a...)) }
	if ref, ok := s["$ref"].(string); ok {
		name, ok := strings.CutPrefix(ref, "#/$defs/")
		def, _ := v.root["$defs"].(map[string]any)[name].(map[string]any)
		if !ok || def == nil {
			fail("unresolved $ref %s", ref)
			return errs
		}
		errs = append(errs, v.validate(def, x, path)...)
	}
	if anyOf, ok := s["anyOf"].([]any); ok {
		var branchErrs []string
		matched := false
		for _, b := range anyOf {
			e := v.validate(b.(map[string]any), x, path)
			if len(e) == 0 {
				matched = true
				break
			}
			branchErrs = append(branchErrs, e...)
		}
		if !matched {
			fail("no anyOf branch matches")
			errs = append(errs, branchErrs...)
		}
	}
	if c, ok := s["const"]; ok && fmt.Sprint(c) != fmt.Sprint(x) {
		fail("want const %v, got %v", c, x)
	}
	if e, ok := s["enum"].([]any); ok && !slices.ContainsFunc(e, func(y any) bool { return reflect.DeepEqual(y, x) }) {
		fail("%q not in enum %v", x, e)
	}
	if typ, ok := s["type"]; ok {
		var types []string
		switch typ := typ.(type) {
		case string:
			types = []string{typ}
		case []any:
			for _, t := range typ {
				types = append(types, t.(string))
			}
		}
		got := jsonType(x)
		if !slices.Contains(types, got) && !(got == "integer" && slices.Contains(types, "number")) {
			fail("type %s, want %v", got, types)
			return errs
		}
	}
	switch x := x.(type) {
	case map[string]any:
		props, _ := s["properties"].(map[string]any)
		if req, ok := s["required"].([]any); ok {
			for _, r := range req {
				if _, ok := x[r.(string)]; !ok {
					fail("missing required %q", r)
				}
			}
		}
		for k, val := range x {
			p := path + "." + k
			if ps, ok := props[k].(map[string]any); ok {
				errs = append(errs, v.validate(ps, val, p)...)
			} else if ap, ok := s["additionalProperties"].(map[string]any); ok {
				errs = append(errs, v.validate(ap, val, p)...)
			} else if s["type"] != nil || s["properties"] != nil {
				errs = append(errs, p+": not in schema")
			}
		}
	case []any:
		if n, ok := s["minItems"].(float64); ok && len(x) < int(n) {
			fail("%d items, want at least %v", len(x), n)
		}
		if n, ok := s["maxItems"].(float64); ok && len(x) > int(n) {
			fail("%d items, want at most %v", len(x), n)
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, el := range x {
				errs = append(errs, v.validate(items, el, fmt.Sprintf("%s[%d]", path, i))...)
			}
		}
	}
	return errs
}

func jsonType(x any) string {
	switch x := x.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case json.Number:
		if strings.ContainsAny(string(x), ".eE") {
			return "number"
		}
		return "integer"
	case float64:
		if x == float64(int64(x)) {
			return "integer"
		}
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", x)
}
