package fileignore

// The directive covers the file it is in, wherever it is in it.
func b() {
	flag(1)
}

//tempguard:file-ignore tempperm,predictabletemp generated code

/* want `//tempguard:file-ignore needs a reason` */ //tempguard:file-ignore tempperm
