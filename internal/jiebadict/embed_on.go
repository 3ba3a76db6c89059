//go:build yusuan_embeddict

package jiebadict

import "embed"

// The dictionaries copied in by `go generate` for a portable build; the
// files are not in the repository (see the package doc).
//
//go:embed data/*.gz
var data embed.FS

var embedded = &data
