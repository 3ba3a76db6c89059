package schema

// BilingualProblem exposes bilingualProblem to the external tests.
var BilingualProblem = bilingualProblem
