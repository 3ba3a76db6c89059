package yusuan

import (
	"runtime/debug"
	"testing"
)

func TestDescribeBuild(t *testing.T) {
	vcs := []debug.BuildSetting{{Key: "vcs.revision", Value: "3f2c1a9d8e7b5a4c"}, {Key: "vcs.modified", Value: "true"}}
	tests := []struct {
		name string
		info debug.BuildInfo
		want string
	}{
		{"release", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "v1.2.0"}}, "v1.2.0"},
		{"checkout", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "(devel)"}, Settings: vcs}, "(devel) 3f2c1a9d8e7b+dirty"},
		{"pseudo-version", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "v0.0.0-20261207010138-3f2c1a9d8e7b+dirty"}, Settings: vcs},
			"v0.0.0-20261207010138-3f2c1a9d8e7b+dirty"},
		{"no info", debug.BuildInfo{Main: debug.Module{Path: modulePath}}, "(devel)"},
		{"as a dependency", debug.BuildInfo{Main: debug.Module{Path: "example.com/app"}, Settings: vcs,
			Deps: []*debug.Module{{Path: modulePath, Version: "v0.3.1"}}}, "v0.3.1"},
	}
	for _, tc := range tests {
		if got := describeBuild(&tc.info); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
