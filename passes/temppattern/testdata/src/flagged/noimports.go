package flagged

import "io/ioutil"

func needsImports() (string, error) {
	return ioutil.TempDir("", "builds/job-") // want `ioutil.TempDir pattern "builds/job-" contains a path separator`
}
