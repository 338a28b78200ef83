// Package testenv is test support shared by every package's tests: the one
// rule for what a test does when a tool or service it needs is missing.
// On a developer machine it skips; in CI (CI set, as .ci/run sets it) it
// fails, because `make setup` installs every tool and a silent skip would
// drop what the test checks. It imports nothing of the project, so any
// layer's tests may use it.
package testenv

import (
	"os"
	"os/exec"
	"testing"
)

// InCI reports whether the tests run in CI: CI is set to anything but
// "", "0" or "false" (.ci/run exports CI=true; CI services set it too).
func InCI() bool {
	switch os.Getenv("CI") {
	case "", "0", "false":
		return false
	}
	return true
}

// Require ends the test when err (getting a tool, a node or a build the
// test needs) is not nil: a skip locally, a failure in CI. what names the
// thing and how to get it, e.g. "anvil (make setup-npm)".
func Require(t testing.TB, what string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	if InCI() {
		t.Fatalf("%s unavailable in CI (CI=%q): %v", what, os.Getenv("CI"), err)
	}
	t.Skipf("%s unavailable: %v", what, err)
}

// RequireTool returns the path of the first of names found on PATH;
// without any, it skips locally and fails in CI (Require). hint says how
// to install it, e.g. "Debian package chromium, make setup".
func RequireTool(t testing.TB, hint string, names ...string) string {
	t.Helper()
	var err error
	for _, name := range names {
		var p string
		if p, err = exec.LookPath(name); err == nil {
			return p
		}
	}
	Require(t, names[0]+" ("+hint+")", err)
	return ""
}
