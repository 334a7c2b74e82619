package fileapi

// fatalFuncs end the test or program with a message (Fatal and Fatalf of
// testing.T, B, F, TB and common; the Fatal functions of package log and
// *log.Logger): a fix that inserts error handling beside such a call calls
// the same function on the same receiver.
var fatalFuncs = map[Func]bool{
	{"testing", "T", "Fatal"}: true, {"testing", "T", "Fatalf"}: true,
	{"testing", "B", "Fatal"}: true, {"testing", "B", "Fatalf"}: true,
	{"testing", "F", "Fatal"}: true, {"testing", "F", "Fatalf"}: true,
	{"testing", "TB", "Fatal"}: true, {"testing", "TB", "Fatalf"}: true,
	{"testing", "common", "Fatal"}: true, {"testing", "common", "Fatalf"}: true,
	{"log", "", "Fatal"}: true, {"log", "", "Fatalf"}: true, {"log", "", "Fatalln"}: true,
	{"log", "Logger", "Fatal"}: true, {"log", "Logger", "Fatalf"}: true, {"log", "Logger", "Fatalln"}: true,
}

// IsFatal reports whether f is Fatal or Fatalf of testing.T, B, F or TB,
// or a Fatal function of package log or of *log.Logger.
func IsFatal(f Func) bool { return fatalFuncs[f] }

// IsCleanup reports whether f is the Cleanup method of testing.T, B, F,
// TB or common: it registers a function that runs after the test and its
// deferred calls return.
func IsCleanup(f Func) bool { return f.Pkg == "testing" && f.Recv != "" && f.Name == "Cleanup" }
