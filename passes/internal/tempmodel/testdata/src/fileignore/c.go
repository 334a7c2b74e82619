package fileignore

func c() {
	flag(1)
}

/* want `//tempguard:file-ignore: "tmpperm" is not a tempguard analyzer \(did you mean tempperm\?\)$` */ //tempguard:file-ignore tempperm,tmpperm the reason
