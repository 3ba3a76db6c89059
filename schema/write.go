package schema

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// WriteJSON writes docs as JSON: one document as an object, any other number
// as an array. pretty indents by two spaces. HTML characters (< > &) are not
// escaped, so comparators such as ">=" and Chinese text stay readable. The
// output ends with a newline.
func WriteJSON(w io.Writer, docs []*Document, pretty bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if pretty {
		enc.SetIndent("", "  ")
	}
	var v any = docs
	if len(docs) == 1 {
		v = docs[0]
	} else if docs == nil {
		v = []*Document{} // [] rather than null
	}
	for i, d := range docs {
		if d == nil {
			return fmt.Errorf("write json: document %d is nil", i)
		}
	}
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// WriteJSONL writes doc as one line of JSON followed by a newline, for JSON
// Lines output: call it once per document.
func WriteJSONL(w io.Writer, doc *Document) error {
	if doc == nil {
		return errors.New("write jsonl: nil document")
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write jsonl: %s: %w", doc.Source.Path, err)
	}
	return nil
}
