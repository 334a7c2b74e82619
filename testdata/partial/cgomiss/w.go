package cgomiss

import "os"

func W() { os.WriteFile("/tmp/cgomiss.txt", nil, 0o644) }
