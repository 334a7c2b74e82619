/* want `^//tempguard:file-ignore tempperm suppresses no tempperm finding: remove it$` */ //tempguard:file-ignore tempperm the reason

package unused

func quiet() {
	noflag(1)
}
