// Package roundtrip holds the PDF format-invariance tests: disclosures
// printed to PDF by Chromium and LibreOffice (the fixtures in samples/ and,
// at test time, the seed disclosure) must come out of extract/pdf and the
// one-call API with the tables and figures of their source. It has no code
// of its own; it lives apart from extract/pdf so that those tests, which
// import the whole pipeline, cannot break the extractor's own build.
package roundtrip
