package leaks

import "io/ioutil"

func onlyIoutil() error {
	f, err := ioutil.TempFile("", "legacy") // want `temporary file from ioutil.TempFile`
	if err != nil {
		return err
	}
	return f.Close()
}

func onlyIoutilDir() error {
	dir, err := ioutil.TempDir("", "legacy") // want `temporary directory from ioutil.TempDir`
	if err != nil {
		return err
	}
	return ioutil.WriteFile(dir+"/x", nil, 0o600)
}
