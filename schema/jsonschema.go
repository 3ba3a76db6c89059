package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/yusuan/yusuan/decimal"
)

// JSON Schema identity of the published contract.
const (
	SchemaID      = "https://github.com/yusuan/yusuan/schema/document.v1.schema.json"
	SchemaDialect = "https://json-schema.org/draft/2020-12/schema"
)

// JSONSchema returns the JSON Schema (draft 2020-12) of Document, generated
// by reflection over the types in types.go: each property's "title" is its
// zh tag and its "description" its desc tag; named struct types other than
// Document go to $defs and are referenced with $ref. Output is indented and
// deterministic (properties in struct field order, $defs in first-use order).
//
// Shape rules, which follow what encoding/json writes:
//   - decimal.Decimal is a number;
//   - a pointer is nullable (type [X, "null"], or anyOf [$ref, null]);
//   - a slice or map without omitempty is nullable too, because a nil one is
//     written as null;
//   - a field is required unless it is a pointer or omitempty.
func JSONSchema() ([]byte, error) {
	g := &schemaGen{names: map[string]reflect.Type{}, done: map[reflect.Type]bool{}}
	doc, err := g.object(reflect.TypeFor[Document]())
	if err != nil {
		return nil, fmt.Errorf("json schema: %w", err)
	}
	top := jsonObject{
		{"$schema", SchemaDialect},
		{"$id", SchemaID},
		{"title", "yusuan 预算公开文件（模式版本 " + Version + "）"},
		{"description", "One Chinese government budget (部门预算) or final account (部门决算) disclosure in yusuan's canonical form."},
	}
	top = append(top, doc...)
	if len(g.defs) > 0 {
		top = append(top, jsonMember{"$defs", g.defs})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(top); err != nil {
		return nil, fmt.Errorf("json schema: %w", err)
	}
	return buf.Bytes(), nil
}

// jsonObject is a JSON object that keeps its members in order.
type jsonObject []jsonMember

type jsonMember struct {
	Key   string
	Value any
}

// MarshalJSON writes the members in order, without HTML escaping.
func (o jsonObject) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	buf.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := enc.Encode(m.Key); err != nil {
			return nil, err
		}
		buf.Truncate(buf.Len() - 1) // Encode's newline
		buf.WriteByte(':')
		if err := enc.Encode(m.Value); err != nil {
			return nil, err
		}
		buf.Truncate(buf.Len() - 1)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// fieldDoc is the Chinese label and the descriptions of one field: desc in
// English (the JSON Schema, for programs) and zhdesc in Chinese (the 字段说明
// of the tabular outputs, for people).
type fieldDoc struct{ zh, desc, zhdesc string }

// docOf returns the label and descriptions of field f, from its tags.
func docOf(_ reflect.Type, f reflect.StructField) fieldDoc {
	return fieldDoc{zh: f.Tag.Get("zh"), desc: f.Tag.Get("desc"), zhdesc: f.Tag.Get("zhdesc")}
}

var (
	decimalType   = reflect.TypeFor[decimal.Decimal]()
	marshalerType = reflect.TypeFor[json.Marshaler]()
)

type schemaGen struct {
	defs  jsonObject
	names map[string]reflect.Type // def name → type, to catch two types with one name
	done  map[reflect.Type]bool
}

// jsonField is what encoding/json makes of one struct field.
type jsonField struct {
	name      string
	omitempty bool
}

func jsonFieldOf(f reflect.StructField) (jsonField, bool) {
	if !f.IsExported() {
		return jsonField{}, false
	}
	tag := f.Tag.Get("json")
	if tag == "-" {
		return jsonField{}, false
	}
	name, opts, _ := strings.Cut(tag, ",")
	if name == "" {
		name = f.Name
	}
	jf := jsonField{name: name}
	for o := range strings.SplitSeq(opts, ",") {
		if o == "omitempty" || o == "omitzero" {
			jf.omitempty = true
		}
	}
	return jf, true
}

// object returns the members of a struct's schema: type, properties, required.
func (g *schemaGen) object(t reflect.Type) (jsonObject, error) {
	var props jsonObject
	var required []string
	for f := range structFields(t) {
		jf, ok := jsonFieldOf(f)
		if !ok {
			continue
		}
		if f.Anonymous {
			return nil, fmt.Errorf("%s.%s: embedded fields are not supported", t.Name(), f.Name)
		}
		s, err := g.schema(f.Type, jf.omitempty)
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", t.Name(), f.Name, err)
		}
		var p jsonObject
		d := docOf(t, f)
		if d.zh != "" {
			p = append(p, jsonMember{"title", d.zh})
		}
		if d.desc != "" {
			p = append(p, jsonMember{"description", d.desc})
		}
		if t == reflect.TypeFor[Document]() && jf.name == "schema_version" {
			p = append(p, jsonMember{"const", Version})
		}
		if e := f.Tag.Get("enum"); e != "" {
			var vals []any
			for v := range strings.SplitSeq(e, ",") {
				vals = append(vals, v)
			}
			if nullable(s) {
				vals = append(vals, nil)
			}
			p = append(p, jsonMember{"enum", vals})
		}
		p = append(p, s...)
		props = append(props, jsonMember{jf.name, p})
		if f.Type.Kind() != reflect.Pointer && !jf.omitempty {
			required = append(required, jf.name)
		}
	}
	o := jsonObject{{"type", "object"}, {"properties", props}}
	if len(required) > 0 {
		o = append(o, jsonMember{"required", required})
	}
	return o, nil
}

func structFields(t reflect.Type) func(func(reflect.StructField) bool) {
	return func(yield func(reflect.StructField) bool) {
		for i := range t.NumField() {
			if !yield(t.Field(i)) {
				return
			}
		}
	}
}

// nullable reports whether a schema built by schema admits null.
func nullable(s jsonObject) bool {
	for _, m := range s {
		switch v := m.Value.(type) {
		case []string:
			if m.Key == "type" && len(v) == 2 && v[1] == "null" {
				return true
			}
		case []any:
			if m.Key == "anyOf" {
				return true
			}
		}
	}
	return false
}

// schema returns the schema members for a value of type t. omitempty tells
// whether a nil slice or map is left out (else it is written as null).
func (g *schemaGen) schema(t reflect.Type, omitempty bool) (jsonObject, error) {
	if t == decimalType {
		return jsonObject{{"type", "number"}}, nil
	}
	if t.Kind() == reflect.Pointer {
		s, err := g.schema(t.Elem(), true)
		if err != nil {
			return nil, err
		}
		return orNull(s), nil
	}
	if t.Implements(marshalerType) || reflect.PointerTo(t).Implements(marshalerType) {
		return nil, fmt.Errorf("type %s has its own MarshalJSON: teach JSONSchema its shape", t)
	}
	switch t.Kind() {
	case reflect.String:
		return jsonObject{{"type", "string"}}, nil
	case reflect.Bool:
		return jsonObject{{"type", "boolean"}}, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return jsonObject{{"type", "integer"}}, nil
	case reflect.Float32, reflect.Float64:
		return jsonObject{{"type", "number"}}, nil
	case reflect.Array:
		items, err := g.schema(t.Elem(), false)
		if err != nil {
			return nil, err
		}
		return jsonObject{{"type", "array"}, {"items", items}, {"minItems", t.Len()}, {"maxItems", t.Len()}}, nil
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return nil, fmt.Errorf("[]byte is not supported")
		}
		items, err := g.schema(t.Elem(), false)
		if err != nil {
			return nil, err
		}
		s := jsonObject{{"type", "array"}, {"items", items}}
		if !omitempty {
			s = orNull(s)
		}
		return s, nil
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			return nil, fmt.Errorf("map key %s is not a string", t.Key())
		}
		vals, err := g.schema(t.Elem(), false)
		if err != nil {
			return nil, err
		}
		s := jsonObject{{"type", "object"}, {"additionalProperties", vals}}
		if !omitempty {
			s = orNull(s)
		}
		return s, nil
	case reflect.Struct:
		return g.ref(t)
	}
	return nil, fmt.Errorf("type %s is not supported", t)
}

// ref registers struct type t under $defs and returns a $ref to it.
func (g *schemaGen) ref(t reflect.Type) (jsonObject, error) {
	name := t.Name()
	if name == "" {
		return nil, fmt.Errorf("anonymous struct types are not supported")
	}
	if other, ok := g.names[name]; ok && other != t {
		return nil, fmt.Errorf("two types named %s: %s and %s", name, other, t)
	}
	if !g.done[t] {
		g.names[name] = t
		g.done[t] = true
		i := len(g.defs)
		g.defs = append(g.defs, jsonMember{name, nil}) // reserve the slot: first-use order
		o, err := g.object(t)
		if err != nil {
			return nil, err
		}
		g.defs[i].Value = o
	}
	return jsonObject{{"$ref", "#/$defs/" + name}}, nil
}

// orNull makes schema s also admit null.
func orNull(s jsonObject) jsonObject {
	if len(s) > 0 && s[0].Key == "type" {
		if typ, ok := s[0].Value.(string); ok {
			out := append(jsonObject{{"type", []string{typ, "null"}}}, s[1:]...)
			return out
		}
	}
	if nullable(s) {
		return s
	}
	return jsonObject{{"anyOf", []any{s, jsonObject{{"type", "null"}}}}}
}
