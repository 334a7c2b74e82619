package flagged

import (
	"io/ioutil"
	"os"
)

const logPattern = "server.log"

func leadingSlash() (*os.File, error) {
	return ioutil.TempFile(os.TempDir(), "/docconv") // want `ioutil.TempFile pattern "/docconv" contains a path separator, an error at run time; put the directory in the dir argument`
}

func subdirInPattern() (*os.File, error) {
	return os.CreateTemp("", "cache/entry-*") // want `os.CreateTemp pattern "cache/entry-\*" contains a path separator`
}

func subdirWithDir(base string) (string, error) {
	return os.MkdirTemp(base, "work/build-*") // want `os.MkdirTemp pattern "work/build-\*" contains a path separator`
}

func absolutePattern() (*os.File, error) {
	return os.CreateTemp("", "/var/lib/app/upload-*") // want `contains a path separator`
}

func hardTmp() (*os.File, error) {
	return os.CreateTemp("/tmp", "upload-*") // want `os.CreateTemp dir "/tmp" ignores \$TMPDIR and does not exist on Windows; use "" for the default temp dir`
}

func hardVarTmp() (string, error) {
	return ioutil.TempDir("/var/tmp", "extract-") // want `ioutil.TempDir dir "/var/tmp" ignores \$TMPDIR`
}

func hardTmpSlash() (string, error) {
	return os.MkdirTemp("/tmp/", "work") // want `os.MkdirTemp dir "/tmp/" ignores`
}

const tmpDir = "/tmp"

func hardTmpConst() (*os.File, error) {
	return os.CreateTemp(tmpDir, "data-*") // want `os.CreateTemp dir "/tmp" ignores`
}

func extJSON() (*os.File, error) {
	return os.CreateTemp("", "config.json") // want `os.CreateTemp pattern "config.json" has no "\*": the random part goes after the .json extension; use "config\*.json"`
}

func extGo() (*os.File, error) {
	return ioutil.TempFile("", "main.go") // want `pattern "main.go" has no "\*".*use "main\*.go"`
}

func extPDF(dir string) (*os.File, error) {
	return os.CreateTemp(dir, "report-.pdf") // want `use "report-\*.pdf"`
}

func extTarGz() (*os.File, error) {
	return os.CreateTemp("", "backup.tar.gz") // want `the random part goes after the .tar.gz extension; use "backup\*.tar.gz"`
}

func extOnly() (*os.File, error) {
	return os.CreateTemp("", ".yaml") // want `use "\*.yaml"`
}

func extUpper() (*os.File, error) {
	return os.CreateTemp("", `Scan.PDF`) // want `use "Scan\*.PDF"`
}

func extConst() (*os.File, error) {
	return os.CreateTemp("", logPattern) // want `pattern "server.log" has no "\*"`
}

func extRuntime(name string) (*os.File, error) {
	return os.CreateTemp("", name+".txt") // want `os.CreateTemp pattern has no "\*": the random part goes after the .txt extension; insert "\*" before it`
}

func everything() (*os.File, error) {
	return ioutil.TempFile("/tmp", "cache/report.pdf") // want `ioutil.TempFile pattern "cache/report.pdf" contains a path separator.*; also: dir "/tmp" ignores \$TMPDIR, the random part hides the .pdf extension`
}

func separatorAndExt() (*os.File, error) {
	return os.CreateTemp("", "/out.csv") // want `contains a path separator.*; also: the random part hides the .csv extension`
}

func joinPattern() (*os.File, error) {
	return os.CreateTemp("", os.TempDir()+"/scratch-*") // want `os.CreateTemp pattern is a path under os.TempDir\(\), which contains a path separator`
}

func joinPattern2() (string, error) {
	dir, err := os.MkdirTemp("", "outer")
	if err != nil {
		return "", err
	}
	return os.MkdirTemp("", dir+"/inner") // want `os.MkdirTemp pattern is a path under os.MkdirTemp`
}
