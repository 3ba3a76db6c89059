package extract

import "errors"

// Sentinel errors, for use with errors.Is. Broken input (ErrCorrupt,
// ErrEmpty) is kept apart from valid input we cannot handle (ErrUnsupported,
// ErrEncrypted, ErrNoTextLayer).
var (
	ErrEmpty         = errors.New("file is empty")
	ErrUnknownFormat = errors.New("not a recognised document format (expected txt, html, pdf, xlsx or xls content)")
	ErrUnsupported   = errors.New("format not supported yet")
	ErrTooLarge      = errors.New("file exceeds the size limit")
	ErrLimit         = errors.New("document exceeds a processing limit")
	ErrCorrupt       = errors.New("file is damaged or truncated")
	ErrEncrypted     = errors.New("file is encrypted with a password")
	ErrNoTextLayer   = errors.New("no text layer")
	ErrBinary        = errors.New("content is binary, not text")
	ErrMislabeled    = errors.New("file is not what its name says")
)
