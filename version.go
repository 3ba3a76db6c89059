package yusuan

import (
	"runtime/debug"
	"strings"
	"sync"
)

// BuildVersion names the yusuan build that is running: the module version
// (a release tag, or "(devel)" for a build from a checkout) and, when the
// build recorded it, the VCS revision, with "+dirty" for uncommitted
// changes: "v1.2.0", "(devel) 3f2c1a9d8e7b+dirty". Every output records it
// so a dataset says what made it.
//
// Go records the revision when it builds in a git checkout (not in a git
// worktree, nor with -buildvcs=false); a build made elsewhere can stamp
// one: go build -ldflags "-X github.com/yusuan/yusuan.stamp=v1.2.0-abc123".
func BuildVersion() string { return buildVersion() }

// stamp, when set at link time, is the version BuildVersion reports.
var stamp string

var buildVersion = sync.OnceValue(func() string {
	if stamp != "" {
		return stamp
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	return describeBuild(info)
})

// describeBuild formats the version of the yusuan module in info (the main
// module for the command; a dependency when a program imports yusuan).
func describeBuild(info *debug.BuildInfo) string {
	v := info.Main.Version
	if info.Main.Path != modulePath {
		for _, d := range info.Deps {
			if d.Path == modulePath {
				v = d.Version
				if d.Replace != nil {
					v = d.Replace.Version
				}
			}
		}
	}
	if v == "" {
		v = "(devel)"
	}
	if info.Main.Path != modulePath {
		return v // the VCS settings describe the program, not yusuan
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if rev == "" {
		return v
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if strings.HasSuffix(strings.TrimSuffix(v, "+dirty"), rev) {
		return v // a pseudo-version already names the revision (and "+dirty")
	}
	return v + " " + rev + dirty
}

const modulePath = "github.com/yusuan/yusuan"
