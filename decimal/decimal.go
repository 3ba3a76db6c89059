// Package decimal is the exact decimal number yusuan keeps money in.
//
// A Decimal is an integer coefficient and a count of digits after the point,
// so "454.70" is 45470×10⁻² and converting 万元 to 元 is a shift, never a
// float64 step. It is its own package because extract-independent parsing
// (normalize), the output contract (schema) and the validators all do
// arithmetic on it. Only what budgets need is here: parse, print, add,
// subtract, compare, shift by powers of ten, multiply and a rounded divide.
package decimal

import (
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// Decimal is coef × 10^-scale. The zero value is 0.
type Decimal struct {
	coef  *big.Int // nil means 0
	scale int32
}

// ErrSyntax is returned by Parse for text that is not a plain decimal number.
var ErrSyntax = errors.New("decimal: invalid syntax")

// maxDigits bounds the input so that hostile text cannot make Parse allocate without limit.
const maxDigits = 64

// Parse reads an optionally signed plain decimal such as "-1234.50" or ".5".
// Thousands separators, units and other decoration are the caller's to strip.
func Parse(s string) (Decimal, error) {
	if s == "" || len(s) > maxDigits+2 {
		return Decimal{}, fmt.Errorf("%w: %q", ErrSyntax, s)
	}
	neg := false
	switch s[0] {
	case '-':
		neg, s = true, s[1:]
	case '+':
		s = s[1:]
	}
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if intPart == "" && frac == "" || strings.ContainsAny(frac, ".") {
		return Decimal{}, fmt.Errorf("%w: %q", ErrSyntax, s)
	}
	if hasPoint && frac == "" && intPart == "" {
		return Decimal{}, fmt.Errorf("%w: %q", ErrSyntax, s)
	}
	// Count the "0" that String prints before a bare ".5", so that all
	// String prints parses back.
	if max(len(intPart), 1)+len(frac) > maxDigits {
		return Decimal{}, fmt.Errorf("%w: more than %d digits", ErrSyntax, maxDigits)
	}
	digits := intPart + frac
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return Decimal{}, fmt.Errorf("%w: %q", ErrSyntax, s)
		}
	}
	c, ok := new(big.Int).SetString(digits, 10)
	if !ok {
		return Decimal{}, fmt.Errorf("%w: %q", ErrSyntax, s)
	}
	if neg {
		c.Neg(c)
	}
	return Decimal{coef: c, scale: int32(len(frac))}, nil
}

// MustParse is Parse for constants in code and tests; it panics on bad input.
func MustParse(s string) Decimal {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// FromInt returns n as a Decimal.
func FromInt(n int64) Decimal { return Decimal{coef: big.NewInt(n)} }

func (d Decimal) c() *big.Int {
	if d.coef == nil {
		return new(big.Int)
	}
	return d.coef
}

// Shift returns d × 10^n (n may be negative); exact.
func (d Decimal) Shift(n int) Decimal {
	if n <= 0 {
		return Decimal{coef: new(big.Int).Set(d.c()), scale: d.scale - int32(n)}.canonical()
	}
	if int(d.scale) >= n {
		return Decimal{coef: new(big.Int).Set(d.c()), scale: d.scale - int32(n)}.canonical()
	}
	c := new(big.Int).Mul(d.c(), pow10(n-int(d.scale)))
	return Decimal{coef: c}
}

// canonical drops trailing zeros after the point, so equal values print alike.
func (d Decimal) canonical() Decimal {
	if d.coef == nil || d.coef.Sign() == 0 {
		return Decimal{}
	}
	c := new(big.Int).Set(d.coef)
	s := d.scale
	ten := big.NewInt(10)
	r := new(big.Int)
	for s > 0 {
		q, m := new(big.Int).QuoRem(c, ten, r)
		if m.Sign() != 0 {
			break
		}
		c, s = q, s-1
	}
	for s < 0 {
		c.Mul(c, ten)
		s++
	}
	return Decimal{coef: c, scale: s}
}

func pow10(n int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

// align returns both coefficients at the larger scale.
func align(a, b Decimal) (*big.Int, *big.Int, int32) {
	ac, bc := a.c(), b.c()
	switch {
	case a.scale > b.scale:
		bc = new(big.Int).Mul(bc, pow10(int(a.scale-b.scale)))
		return ac, bc, a.scale
	case b.scale > a.scale:
		ac = new(big.Int).Mul(ac, pow10(int(b.scale-a.scale)))
		return ac, bc, b.scale
	}
	return ac, bc, a.scale
}

// Add returns d + e.
func (d Decimal) Add(e Decimal) Decimal {
	a, b, s := align(d, e)
	return Decimal{coef: new(big.Int).Add(a, b), scale: s}.canonical()
}

// Sub returns d − e.
func (d Decimal) Sub(e Decimal) Decimal {
	a, b, s := align(d, e)
	return Decimal{coef: new(big.Int).Sub(a, b), scale: s}.canonical()
}

// Mul returns d × e.
func (d Decimal) Mul(e Decimal) Decimal {
	return Decimal{coef: new(big.Int).Mul(d.c(), e.c()), scale: d.scale + e.scale}.canonical()
}

// Neg returns −d.
func (d Decimal) Neg() Decimal { return Decimal{coef: new(big.Int).Neg(d.c()), scale: d.scale} }

// Abs returns |d|.
func (d Decimal) Abs() Decimal { return Decimal{coef: new(big.Int).Abs(d.c()), scale: d.scale} }

// Cmp compares d and e: -1, 0 or +1.
func (d Decimal) Cmp(e Decimal) int {
	a, b, _ := align(d, e)
	return a.Cmp(b)
}

// Equal reports d == e in value.
func (d Decimal) Equal(e Decimal) bool { return d.Cmp(e) == 0 }

// Sign returns -1, 0 or +1.
func (d Decimal) Sign() int { return d.c().Sign() }

// IsZero reports d == 0.
func (d Decimal) IsZero() bool { return d.Sign() == 0 }

// Scale is the number of digits after the point as written.
func (d Decimal) Scale() int { return int(d.scale) }

// Div returns d ÷ e rounded half away from zero to places digits after the
// point. It is for ratios (percentages), never for money itself. Dividing by
// zero returns 0 and false.
func (d Decimal) Div(e Decimal, places int) (Decimal, bool) {
	if e.IsZero() {
		return Decimal{}, false
	}
	// d/e = (dc/10^ds)/(ec/10^es); scaled by 10^(places+1) for rounding.
	num := new(big.Int).Mul(d.c(), pow10(places+1+int(e.scale)))
	den := new(big.Int).Mul(e.c(), pow10(int(d.scale)))
	q := new(big.Int).Quo(num, den)
	// round half away from zero on the extra digit
	r := new(big.Int)
	q.QuoRem(q, big.NewInt(10), r)
	if r.CmpAbs(big.NewInt(5)) >= 0 {
		if q.Sign() < 0 || (q.Sign() == 0 && num.Sign()*den.Sign() < 0) {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return Decimal{coef: q, scale: int32(places)}.canonical(), true
}

// Round returns d rounded half away from zero to places digits after the point.
func (d Decimal) Round(places int) Decimal {
	r, _ := d.Div(FromInt(1), places)
	return r
}

// String prints d in plain notation with no exponent and no trailing zeros
// beyond those it was written with after arithmetic canonicalisation.
func (d Decimal) String() string {
	c := d.c()
	neg := c.Sign() < 0
	digits := new(big.Int).Abs(c).String()
	if d.scale > 0 {
		for len(digits) <= int(d.scale) {
			digits = "0" + digits
		}
		p := len(digits) - int(d.scale)
		digits = digits[:p] + "." + digits[p:]
	} else if d.scale < 0 && c.Sign() != 0 {
		digits += strings.Repeat("0", int(-d.scale))
	}
	if neg {
		return "-" + digits
	}
	return digits
}

// Float64 is for writers whose target format only has binary floating point
// (spreadsheet cells). Never compute with it.
func (d Decimal) Float64() float64 {
	f, _ := new(big.Float).SetPrec(128).SetInt(d.c()).Float64()
	if d.scale != 0 {
		r, _ := new(big.Rat).SetFrac(d.c(), pow10Signed(int(d.scale))).Float64()
		return r
	}
	return f
}

func pow10Signed(n int) *big.Int {
	if n < 0 {
		return big.NewInt(1)
	}
	return pow10(n)
}

// MarshalJSON writes d as a JSON number, exactly.
func (d Decimal) MarshalJSON() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalJSON reads a JSON number (or a quoted one), exponents exactly.
// null leaves d unchanged, as encoding/json's convention asks.
func (d *Decimal) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	s := strings.Trim(string(b), `"`)
	exp := 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		n, err := strconv.Atoi(s[i+1:])
		if err != nil || n < -maxDigits || n > maxDigits {
			return fmt.Errorf("%w: %q", ErrSyntax, s)
		}
		s, exp = s[:i], n
	}
	v, err := Parse(s)
	if err != nil {
		return err
	}
	v = v.Shift(exp).canonical()
	if _, err := Parse(v.String()); err != nil {
		// Too long to read back: refuse rather than break the round trip.
		return fmt.Errorf("%w: %q out of range", ErrSyntax, b)
	}
	*d = v
	return nil
}
