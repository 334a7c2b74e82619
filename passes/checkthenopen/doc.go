// Package checkthenopen reports check-then-use races on file paths.
package checkthenopen

const doc = `checkthenopen: report check-then-use (TOCTOU) races on file paths

TODO`
