// Package cgomiss includes a C header that is not installed.
package cgomiss

// #include <tempguard_no_such_lib/no_such_header.h>
import "C"

func C1() {}
