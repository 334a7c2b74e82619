//tempguard:file-ignore tempperm the fixtures are world-readable on purpose

package fileignore

import "os"

func flag(args ...any) {}

var _ = os.Args

func a() {
	flag(1)
	flag(2)
}
