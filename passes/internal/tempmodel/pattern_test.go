package tempmodel

import "testing"

func TestPattern(t *testing.T) {
	for _, c := range []struct {
		first, base string
		dir         bool
		want        string
	}{
		{"app-", ".log", false, "app-*.log"},
		{"report-", ".csv", false, "report-*.csv"},
		{"myapp/data.json", "myapp/data.json", false, "data-*.json"},
		{"cpu-", ".pprof", false, "cpu-*.pprof"},
		{"", "", false, "tmp-*"},
		{".", ".", false, "tmp-*"},
		{".", ".log", false, "tmp-*.log"},
		{"build-", "/out", true, "build-*"},
		{"commit-msg", "commit-msg", false, "commit-msg-*"},
		{".X-lock", ".X-lock", false, "X-lock-*"},
		{"app.log", "app.log", false, "app-*.log"},
		{"my app", "my app", false, "my-app-*"},
	} {
		got := Pattern(Prov{First: c.first, Base: c.base}, c.dir)
		if got != c.want {
			t.Errorf("Pattern(first=%q, base=%q, dir=%v) = %q, want %q", c.first, c.base, c.dir, got, c.want)
		}
	}
}
