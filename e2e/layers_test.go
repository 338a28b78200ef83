package e2e

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/vm/kernel"
)

const modulePath = "github.com/aivm-dev/aivm/"

// readmeLayers reads the README's layout table: package prefix -> layer.
func readmeLayers(t *testing.T, root string) map[string]int {
	t.Helper()
	f, err := os.Open(filepath.Join(root, "README.md"))
	require.NoError(t, err)
	defer f.Close()
	row := regexp.MustCompile("^\\| (\\d+) \\| ((?:`[a-z0-9/]+`(?:, )?)+) \\|")
	pkg := regexp.MustCompile("`([a-z0-9/]+)`")
	layers := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := row.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		n, err := strconv.Atoi(m[1])
		require.NoError(t, err)
		for _, p := range pkg.FindAllStringSubmatch(m[2], -1) {
			layers[p[1]] = n
		}
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, layers, "README.md has no layout table")
	return layers
}

// layerOf is the layer of the longest README prefix of import path p.
func layerOf(layers map[string]int, p string) (int, bool) {
	rel := strings.TrimPrefix(p, modulePath)
	best, layer := -1, 0
	for pre, n := range layers {
		if (rel == pre || strings.HasPrefix(rel, pre+"/")) && len(pre) > best {
			best, layer = len(pre), n
		}
	}
	return layer, best >= 0
}

// TestLayers: every package of the module has a layer in the README's
// layout table, and no package imports a package of a higher layer.
// (External test packages may: they test across layers.)
func TestLayers(t *testing.T) {
	root, err := kernel.ModuleRoot()
	require.NoError(t, err)
	layers := readmeLayers(t, root)
	cmd := exec.Command("go", "list", "-json", "./...")
	cmd.Dir = root
	out, err := cmd.Output()
	require.NoError(t, err)
	dec := json.NewDecoder(strings.NewReader(string(out)))
	n := 0
	for dec.More() {
		var p struct {
			ImportPath string
			Imports    []string
		}
		require.NoError(t, dec.Decode(&p))
		if strings.Contains(p.ImportPath, "/testdata/") {
			continue // guest programs, built for the VM
		}
		lp, ok := layerOf(layers, p.ImportPath)
		require.True(t, ok, "%s has no layer in the README's layout table", p.ImportPath)
		for _, imp := range p.Imports {
			if !strings.HasPrefix(imp, modulePath) {
				continue
			}
			li, ok := layerOf(layers, imp)
			require.True(t, ok, "%s has no layer in the README's layout table", imp)
			require.LessOrEqual(t, li, lp, "%s (layer %d) imports %s (layer %d): an import up the layers", p.ImportPath, lp, imp, li)
		}
		n++
	}
	require.Greater(t, n, 30, "go list found the module's packages")
}
