package leaks

import "io/ioutil"

func onlyIoutil() error {
	f, err := ioutil.TempFile("", "legacy") // want `temporary file from ioutil.TempFile`
	if err != nil {
		return err
	}
	return f.Close()
}
