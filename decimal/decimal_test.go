package decimal_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/yusuan/yusuan/decimal"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in    string
		want  string // String() of the result
		scale int
	}{
		{"454.70", "454.70", 2}, // trailing zeros as printed are kept
		{"0", "0", 0},
		{"0.00", "0.00", 2},
		{"-0", "0", 0},
		{"-0.5", "-0.5", 1},
		{".5", "0.5", 1},
		{"-.5", "-0.5", 1},
		{"+12", "12", 0},
		{"12.", "12", 0}, // a trailing point is tolerated (Go's strconv does too)
		{"007", "7", 0},
		{"4733.14", "4733.14", 2},
		{"-1234.50", "-1234.50", 2},
		{"0.001", "0.001", 3},
		{"52360000.00", "52360000.00", 2},
		{"123456789012345678901234567890.123456789", "123456789012345678901234567890.123456789", 9},
		{strings.Repeat("9", 64), strings.Repeat("9", 64), 0},
		{"-" + strings.Repeat("1", 64) + ".", "-" + strings.Repeat("1", 64), 0}, // 66 bytes: at the limit
		{"-." + strings.Repeat("1", 63), "-0." + strings.Repeat("1", 63), 63},
	}
	for _, tt := range tests {
		d, err := decimal.Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := d.String(); got != tt.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.in, got, tt.want)
		}
		if d.Scale() != tt.scale {
			t.Errorf("Parse(%q).Scale() = %d, want %d", tt.in, d.Scale(), tt.scale)
		}
		// What String prints parses back to the same value and the same text.
		back, err := decimal.Parse(d.String())
		if err != nil || !back.Equal(d) || back.String() != d.String() {
			t.Errorf("Parse(%q) round trip: %v, %v", d.String(), back, err)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{
		"", "-", "+", ".", "-.", "+.", "..5", "1.2.3", "--1", "+-1", "1-", "1e5", "1E5", "0x10",
		" 1", "1 ", "1,000", "4,733.14", "１２", "12万元", "abc", "NaN", "Inf", "1_000", "½",
		"\x00", "٣", // Arabic-Indic three
		strings.Repeat("1", 67),              // over the length limit
		"-" + strings.Repeat("1", 66),        // 67 bytes with the sign
		"0." + strings.Repeat("0", 70) + "1", // long fraction
		"." + strings.Repeat("0", 64),        // prints as "0.000…", one digit over
		"-." + strings.Repeat("1", 64),
		strings.Repeat("1", 1<<16) + ".5",       // hostile length
		strings.Repeat("1", 30) + "." + "\xff2", // invalid UTF-8
	} {
		d, err := decimal.Parse(in)
		if !errors.Is(err, decimal.ErrSyntax) {
			t.Errorf("Parse(%.40q) = %v, %v; want ErrSyntax", in, d, err)
		}
	}
}

func TestMustParsePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustParse(\"x\") did not panic")
		}
	}()
	decimal.MustParse("x")
}

func TestZeroValue(t *testing.T) {
	var z decimal.Decimal
	if z.String() != "0" || !z.IsZero() || z.Sign() != 0 || z.Scale() != 0 {
		t.Errorf("zero value: %q sign %d scale %d", z.String(), z.Sign(), z.Scale())
	}
	if !z.Equal(decimal.MustParse("0.00")) || !z.Equal(decimal.FromInt(0)) {
		t.Error("zero value not equal to 0.00")
	}
	if got := z.Add(decimal.MustParse("1.5")).String(); got != "1.5" {
		t.Errorf("0 + 1.5 = %s", got)
	}
	if got := z.Shift(4).String(); got != "0" {
		t.Errorf("0 shifted = %s", got)
	}
}

func TestArithmetic(t *testing.T) {
	tests := []struct {
		op   string
		a, b string
		want string
	}{
		{"+", "454.70", "0", "454.7"}, // results are canonical
		{"+", "0.1", "0.2", "0.3"},
		{"+", "4733.14", "-4733.14", "0"},
		{"+", "1.005", "2", "3.005"},
		{"+", "-1.5", "-2.25", "-3.75"},
		{"+", "99999999999999999999.99", "0.01", "100000000000000000000"},
		{"-", "1.00", "1", "0"},
		{"-", "454.70", "54.7", "400"},
		{"-", "0", "0.001", "-0.001"},
		{"-", "-3", "-5", "2"},
		{"*", "1.5", "2", "3"},
		{"*", "454.70", "10000", "4547000"},
		{"*", "-0.5", "0.5", "-0.25"},
		{"*", "-2", "-3.5", "7"},
		{"*", "123.45", "0", "0"},
		{"*", "0.001", "0.001", "0.000001"},
	}
	for _, tt := range tests {
		a, b := decimal.MustParse(tt.a), decimal.MustParse(tt.b)
		var got decimal.Decimal
		switch tt.op {
		case "+":
			got = a.Add(b)
		case "-":
			got = a.Sub(b)
		case "*":
			got = a.Mul(b)
		}
		if got.String() != tt.want {
			t.Errorf("%s %s %s = %s, want %s", tt.a, tt.op, tt.b, got, tt.want)
		}
		// The operands are values: the operation must not change them.
		if a.String() != decimal.MustParse(tt.a).String() || b.String() != decimal.MustParse(tt.b).String() {
			t.Errorf("%s %s %s changed an operand: %s, %s", tt.a, tt.op, tt.b, a, b)
		}
	}
}

func TestNegAbsSign(t *testing.T) {
	tests := []struct {
		in, neg, abs string
		sign         int
	}{
		{"454.70", "-454.70", "454.70", 1},
		{"-0.5", "0.5", "0.5", -1},
		{"0", "0", "0", 0},
		{"0.00", "0.00", "0.00", 0},
	}
	for _, tt := range tests {
		d := decimal.MustParse(tt.in)
		if got := d.Neg().String(); got != tt.neg {
			t.Errorf("Neg(%s) = %s, want %s", tt.in, got, tt.neg)
		}
		if got := d.Abs().String(); got != tt.abs {
			t.Errorf("Abs(%s) = %s, want %s", tt.in, got, tt.abs)
		}
		if d.Sign() != tt.sign || d.IsZero() != (tt.sign == 0) {
			t.Errorf("Sign(%s) = %d, IsZero %v", tt.in, d.Sign(), d.IsZero())
		}
		if d.String() != decimal.MustParse(tt.in).String() {
			t.Errorf("Neg/Abs changed %s to %s", tt.in, d)
		}
	}
}

func TestShift(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"454.70", 4, "4547000"}, // 万元 to 元
		{"454.70", 2, "45470"},
		{"454.70", 1, "4547"},
		{"454.75", 1, "4547.5"},
		{"454.70", 0, "454.7"},
		{"454.70", -4, "0.04547"}, // 元 to 万元
		{"4733.14", 4, "47331400"},
		{"3.809", 4, "38090"},
		{"1.2", 8, "120000000"}, // 亿元
		{"-12.50", 4, "-125000"},
		{"0", 8, "0"},
		{"0.00", -3, "0"},
		{"5", -1, "0.5"},
		{".5", 3, "500"},
		{"1", 40, "1" + strings.Repeat("0", 40)},
	}
	for _, tt := range tests {
		got := decimal.MustParse(tt.in).Shift(tt.n)
		if got.String() != tt.want {
			t.Errorf("%s.Shift(%d) = %s, want %s", tt.in, tt.n, got, tt.want)
		}
		// Shifting back is exact.
		if back := got.Shift(-tt.n); !back.Equal(decimal.MustParse(tt.in)) {
			t.Errorf("%s.Shift(%d).Shift(%d) = %s", tt.in, tt.n, -tt.n, back)
		}
	}
}

func TestCmp(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"454.70", "454.7", 0},
		{"1", "1.000", 0},
		{"0", "-0.00", 0},
		{"0.1", "0.09", 1},
		{"0.09", "0.1", -1},
		{"-1", "-1.01", 1},
		{"-1.01", "-1", -1},
		{"100", "99.999", 1},
		{"-0.001", "0", -1},
		{"12345678901234567890.5", "12345678901234567890.49", 1},
	}
	for _, tt := range tests {
		a, b := decimal.MustParse(tt.a), decimal.MustParse(tt.b)
		if got := a.Cmp(b); got != tt.want {
			t.Errorf("Cmp(%s, %s) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := b.Cmp(a); got != -tt.want {
			t.Errorf("Cmp(%s, %s) = %d, want %d", tt.b, tt.a, got, -tt.want)
		}
		if a.Equal(b) != (tt.want == 0) {
			t.Errorf("Equal(%s, %s) = %v", tt.a, tt.b, a.Equal(b))
		}
	}
	// Equal values across scales: the zero value, FromInt and a shifted value.
	if !decimal.MustParse("4547000.00").Equal(decimal.MustParse("454.70").Shift(4)) {
		t.Error("4547000.00 != 454.70 shifted by 4")
	}
	if !decimal.FromInt(-7).Equal(decimal.MustParse("-7.0")) {
		t.Error("FromInt(-7) != -7.0")
	}
}

func TestDiv(t *testing.T) {
	tests := []struct {
		a, b   string
		places int
		want   string
	}{
		{"1", "3", 2, "0.33"},
		{"2", "3", 2, "0.67"},
		{"1", "8", 2, "0.13"},   // 0.125: half away from zero
		{"-1", "8", 2, "-0.13"}, // likewise below zero
		{"1", "-8", 2, "-0.13"},
		{"-1", "-8", 2, "0.13"},
		{"1", "8", 3, "0.125"},
		{"1", "6", 0, "0"},
		{"1", "2", 0, "1"},
		{"-1", "2", 0, "-1"},
		{"-1", "3", 0, "0"},
		{"5", "1000", 2, "0.01"},     // 0.005 rounds up
		{"-5", "1000", 2, "-0.01"},   // and down below zero
		{"4", "1000", 2, "0"},        // 0.004 rounds to 0
		{"-4", "1000", 2, "0"},       // not -0
		{"454.70", "4547", 4, "0.1"}, // scales of both operands
		{"476.16", "454.70", 4, "1.0472"},
		{"21.46", "454.70", 2, "0.05"},
		{"0.3", "0.1", 0, "3"},
		{"1", "0.03", 2, "33.33"},
		{"0", "7", 2, "0"},
		{"10", "4", 5, "2.5"}, // canonical: no padding zeros
	}
	for _, tt := range tests {
		got, ok := decimal.MustParse(tt.a).Div(decimal.MustParse(tt.b), tt.places)
		if !ok || got.String() != tt.want {
			t.Errorf("%s ÷ %s (%d places) = %s, %v; want %s", tt.a, tt.b, tt.places, got, ok, tt.want)
		}
	}
	for _, zero := range []string{"0", "0.00", "-0"} {
		got, ok := decimal.MustParse("454.70").Div(decimal.MustParse(zero), 2)
		if ok || !got.IsZero() {
			t.Errorf("454.70 ÷ %s = %s, %v; want 0, false", zero, got, ok)
		}
	}
	if got, ok := decimal.MustParse("1").Div(decimal.Decimal{}, 2); ok || !got.IsZero() {
		t.Errorf("1 ÷ zero value = %s, %v; want 0, false", got, ok)
	}
}

func TestRound(t *testing.T) {
	tests := []struct {
		in     string
		places int
		want   string
	}{
		{"2.345", 2, "2.35"},
		{"-2.345", 2, "-2.35"},
		{"2.344", 2, "2.34"},
		{"-2.344", 2, "-2.34"},
		{"1.5", 0, "2"},
		{"2.5", 0, "3"}, // half away from zero, not to even
		{"-0.5", 0, "-1"},
		{"-0.4", 0, "0"},
		{"0.49999", 0, "0"},
		{"454.70", 1, "454.7"},
		{"454.75", 1, "454.8"},
		{"1.5", 3, "1.5"},
		{"99.995", 2, "100"},
		{"-99.995", 2, "-100"},
		{"0", 2, "0"},
	}
	for _, tt := range tests {
		if got := decimal.MustParse(tt.in).Round(tt.places); got.String() != tt.want {
			t.Errorf("Round(%s, %d) = %s, want %s", tt.in, tt.places, got, tt.want)
		}
	}
}

func TestFloat64(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"454.70", 454.7},
		{"-0.5", -0.5},
		{"4547000", 4547000},
		{"0", 0},
		{"0.1", 0.1},
	}
	for _, tt := range tests {
		if got := decimal.MustParse(tt.in).Float64(); got != tt.want {
			t.Errorf("Float64(%s) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestMarshalJSON(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"454.70", "454.70"},
		{"-0.5", "-0.5"},
		{".5", "0.5"},
		{"4547000", "4547000"},
	} {
		b, err := json.Marshal(decimal.MustParse(tt.in))
		if err != nil || string(b) != tt.want {
			t.Errorf("Marshal(%s) = %s, %v; want %s", tt.in, b, err, tt.want)
		}
	}
	// In a struct, as schema.Money carries it, the zero value is 0.
	b, err := json.Marshal(struct {
		Yuan decimal.Decimal `json:"yuan"`
	}{})
	if err != nil || string(b) != `{"yuan":0}` {
		t.Errorf("Marshal(zero) = %s, %v", b, err)
	}
}

func TestUnmarshalJSON(t *testing.T) {
	tests := []struct {
		in   string
		want string // String() after decoding; results are canonical
	}{
		{`454.70`, "454.7"},
		{`"454.70"`, "454.7"},
		{`-0.5`, "-0.5"},
		{`0`, "0"},
		{`4547000`, "4547000"},
		{`1e3`, "1000"},
		{`1E3`, "1000"},
		{`1e+3`, "1000"},
		{`"1e3"`, "1000"},
		{`4.547e6`, "4547000"},
		{`1.5e-2`, "0.015"},
		{`-2.5E-1`, "-0.25"},
		{`1.5e-14`, "0.000000000000015"}, // exact, not rounded to 12 places
		{`1e-20`, "0.00000000000000000001"},
		{`0e5`, "0"},
	}
	for _, tt := range tests {
		var d decimal.Decimal
		if err := json.Unmarshal([]byte(tt.in), &d); err != nil {
			t.Errorf("Unmarshal(%s): %v", tt.in, err)
			continue
		}
		if d.String() != tt.want {
			t.Errorf("Unmarshal(%s) = %s, want %s", tt.in, d, tt.want)
		}
	}
}

func TestUnmarshalJSONErrors(t *testing.T) {
	for _, in := range []string{
		`""`, `"abc"`, `true`, `"1,000"`, `1e`, `e5`, `1e5.5`, `1ee5`, `"0x1e"`, `"0xe/3"`, `"1/3"`,
		`1e999999999`, `1e1000`, `1e-1000`, `"` + strings.Repeat("9", 80) + `"`,
	} {
		var d decimal.Decimal
		err := d.UnmarshalJSON([]byte(in))
		if !errors.Is(err, decimal.ErrSyntax) {
			t.Errorf("UnmarshalJSON(%.40s) = %s, %v; want ErrSyntax", in, d, err)
		}
	}
}

// TestUnmarshalJSONNull follows encoding/json's convention: null leaves the
// value unchanged, so {"yuan": null} decodes into a struct without error.
func TestUnmarshalJSONNull(t *testing.T) {
	var v struct {
		Yuan decimal.Decimal `json:"yuan"`
	}
	v.Yuan = decimal.MustParse("1.5")
	if err := json.Unmarshal([]byte(`{"yuan": null}`), &v); err != nil {
		t.Fatalf("Unmarshal null: %v", err)
	}
	if v.Yuan.String() != "1.5" {
		t.Errorf("null changed the value to %s", v.Yuan)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	type money struct {
		Yuan  decimal.Decimal  `json:"yuan"`
		Value *decimal.Decimal `json:"value,omitempty"`
	}
	v := decimal.MustParse("454.70")
	in := money{Yuan: decimal.MustParse("4547000"), Value: &v}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"yuan":4547000,"value":454.70}` {
		t.Errorf("Marshal = %s", b)
	}
	var out money
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if !out.Yuan.Equal(in.Yuan) || out.Value == nil || !out.Value.Equal(v) {
		t.Errorf("round trip: %+v", out)
	}
}

// FuzzParse: whatever Parse accepts prints as text that parses back to the
// same value and the same text, and survives a JSON round trip; Parse never
// panics and rejects with ErrSyntax only.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"454.70", "-0.5", ".5", "12.", "0", "-0.00", "+7", "1e5", "", ".", "-", "4,733.14",
		strings.Repeat("9", 64), "0." + strings.Repeat("0", 63) + "1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := decimal.Parse(s)
		if err != nil {
			if !errors.Is(err, decimal.ErrSyntax) {
				t.Fatalf("Parse(%q): error %v is not ErrSyntax", s, err)
			}
			return
		}
		str := d.String()
		back, err := decimal.Parse(str)
		if err != nil {
			t.Fatalf("Parse(%q) = %s, which does not parse: %v", s, str, err)
		}
		if !back.Equal(d) || back.String() != str || back.Scale() != d.Scale() {
			t.Fatalf("Parse(%q) = %s, Parse(%s) = %s (scale %d vs %d)", s, str, str, back, d.Scale(), back.Scale())
		}
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatalf("Marshal(%s): %v", str, err)
		}
		var j decimal.Decimal
		if err := json.Unmarshal(b, &j); err != nil || !j.Equal(d) {
			t.Fatalf("JSON round trip of %s: %s, %v", str, j, err)
		}
		if d.Add(d).Sub(d).Cmp(d) != 0 || d.Shift(5).Shift(-5).Cmp(d) != 0 {
			t.Fatalf("arithmetic identities fail for %s", str)
		}
	})
}
