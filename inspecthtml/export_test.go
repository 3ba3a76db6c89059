package inspecthtml

// FindingZh exposes findingZh to the external tests.
var FindingZh = findingZh
