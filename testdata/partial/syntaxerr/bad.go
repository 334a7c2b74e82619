// Package syntaxerr has one file that does not parse.
package syntaxerr

func Bad() {
	x := 
}
