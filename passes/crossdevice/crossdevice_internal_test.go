package crossdevice

import "testing"

func TestTempishName(t *testing.T) {
	for name, want := range map[string]bool{
		"tmpDir": true, "tempPath": true, "TMP": true, "workTemp": true, "temporary": true,
		"templatePath": false, "tmplFile": false, "attempts": false, "path": false, "dst": false,
		"templateTmp": true,
	} {
		if got := tempishName(name); got != want {
			t.Errorf("tempishName(%q) = %v, want %v", name, got, want)
		}
	}
}
