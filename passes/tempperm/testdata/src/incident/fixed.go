package incident

import "os"

// The fixed form: os.CreateTemp makes the file with mode 0600 under a
// random name; neither analyzer reports it.
func screenshotFixed(png []byte) (string, error) {
	f, err := os.CreateTemp("", "vmtool_screenshot_*")
	if err != nil {
		return "", err
	}
	defer f.Close()
	if _, err := f.Write(png); err != nil {
		return "", err
	}
	return f.Name(), nil
}
