package bisection

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/vm/runtime"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/models/testenv"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// The Solidity dissection arithmetic (contracts/src/lib/LibDissection.sol,
// what DisputeGame computes its split points and sub-segments with) is
// fuzzed against this package's rules: the library is compiled from source
// with the project's solc (scripts/solc, solc-js from npm, the settings of
// foundry.toml) behind a harness that exposes its internal functions, and
// run in go-ethereum's EVM.

const libHarness = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;
import {LibDissection} from "contracts/src/lib/LibDissection.sol";
contract LibDissectionHarness {
    function parts(uint64 lo, uint64 hi, uint256 k) external pure returns (uint256) {
        return LibDissection.parts(lo, hi, k);
    }
    function point(uint64 lo, uint64 hi, uint256 m, uint256 i) external pure returns (uint64) {
        return LibDissection.point(lo, hi, m, i);
    }
    function sub(uint64 lo, uint64 hi, uint256 m, uint256 j) external pure returns (uint64, uint64) {
        return LibDissection.sub(lo, hi, m, j);
    }
}
`

type solHarness struct {
	code []byte
	abi  abi.ABI
}

var (
	harnessOnce sync.Once
	harness     *solHarness
	harnessErr  error
)

// compileHarness compiles libHarness once per test process.
func compileHarness() (*solHarness, error) {
	root, err := kernel.ModuleRoot()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(root, "node_modules", "solc")); err != nil {
		return nil, fmt.Errorf("solc-js not installed (make setup-npm): %w", err)
	}
	in, err := json.Marshal(map[string]any{
		"language": "Solidity",
		"sources":  map[string]any{"LibDissectionHarness.sol": map[string]string{"content": libHarness}},
		"settings": map[string]any{
			"optimizer":       map[string]any{"enabled": true, "runs": 200}, // foundry.toml
			"evmVersion":      "cancun",
			"outputSelection": map[string]any{"*": map[string]any{"LibDissectionHarness": []string{"abi", "evm.deployedBytecode.object"}}},
		},
	})
	if err != nil {
		return nil, err
	}
	cmd := exec.Command("node", filepath.Join(root, "scripts", "solc"), "--standard-json")
	cmd.Dir = root
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("scripts/solc: %w", err)
	}
	var res struct {
		Errors []struct {
			Severity, FormattedMessage string
		}
		Contracts map[string]map[string]struct {
			ABI json.RawMessage
			EVM struct {
				DeployedBytecode struct{ Object string }
			}
		}
	}
	if err := json.Unmarshal(out, &res); err != nil {
		return nil, fmt.Errorf("scripts/solc output: %w", err)
	}
	for _, e := range res.Errors {
		if e.Severity == "error" {
			return nil, fmt.Errorf("compile LibDissection: %s", e.FormattedMessage)
		}
	}
	c := res.Contracts["LibDissectionHarness.sol"]["LibDissectionHarness"]
	a, err := abi.JSON(bytes.NewReader(c.ABI))
	if err != nil {
		return nil, err
	}
	code := common.FromHex(c.EVM.DeployedBytecode.Object)
	if len(code) == 0 {
		return nil, fmt.Errorf("compile LibDissection: no bytecode")
	}
	return &solHarness{code: code, abi: a}, nil
}

// libHarnessFor is the compiled harness, or the test ends (skipped
// locally, failed in CI, without node and solc-js).
func libHarnessFor(t testing.TB) *solHarness {
	t.Helper()
	testenv.RequireTool(t, "Node.js, make setup", "node")
	harnessOnce.Do(func() { harness, harnessErr = compileHarness() })
	testenv.Require(t, "the LibDissection harness", harnessErr)
	return harness
}

// call runs one harness function in the EVM.
func (h *solHarness) call(t testing.TB, name string, args ...any) []any {
	t.Helper()
	in, err := h.abi.Pack(name, args...)
	require.NoError(t, err)
	ret, _, err := runtime.Execute(h.code, in, &runtime.Config{GasLimit: 10_000_000})
	require.NoError(t, err, "%s%v reverted", name, args)
	out, err := h.abi.Unpack(name, ret)
	require.NoError(t, err)
	return out
}

// checkLibDissection compares the library with the rules on the move on
// (lo, hi) with arity k: m, every split point, and sub-segment j (mod m),
// the first and the last.
func checkLibDissection(t testing.TB, h *solHarness, lo, hi uint64, k uint, j uint64) {
	t.Helper()
	seg := Segment{Lo: lo, Hi: hi}
	m := Parts(seg, k)
	require.NotZero(t, m, "a move on %v with k=%d", seg, k)
	bk := new(big.Int).SetUint64(uint64(k))
	got := h.call(t, "parts", lo, hi, bk)[0].(*big.Int)
	require.Equal(t, m, got.Uint64(), "parts%v k=%d", seg, k)
	bm := new(big.Int).SetUint64(m)
	for i, p := range SplitPoints(lo, hi, k) {
		sp := h.call(t, "point", lo, hi, bm, big.NewInt(int64(i+1)))[0].(uint64)
		require.Equal(t, p, sp, "point %d of %v, k=%d", i+1, seg, k)
	}
	for _, jj := range []uint64{j % m, 0, m - 1} {
		want, err := Choose(seg, k, jj)
		require.NoError(t, err)
		out := h.call(t, "sub", lo, hi, bm, new(big.Int).SetUint64(jj))
		require.Equal(t, want, Segment{Lo: out[0].(uint64), Hi: out[1].(uint64)}, "sub-segment %d of %v, k=%d", jj, seg, k)
	}
}

// libCase maps arbitrary fuzz inputs into the library's domain: a move
// (hi - lo >= 2) and 2 <= k <= 256.
func libCase(lo, d uint64, k uint16) (uint64, uint64, uint) {
	if lo > math.MaxUint64-2 {
		lo = math.MaxUint64 - 2
	}
	d = 2 + d%(math.MaxUint64-lo-1) // lo + d <= MaxUint64
	return lo, lo + d, MinK + uint(k)%(MaxK-MinK+1)
}

// FuzzLibDissection fuzzes LibDissection against Parts, SplitPoints and
// Choose (go test -fuzz FuzzLibDissection ./bisection; plain go test runs
// the seeds).
func FuzzLibDissection(f *testing.F) {
	f.Add(uint64(0), uint64(VMSpan-2), uint16(14), uint64(3))                 // phase V, k = 16
	f.Add(uint64(0), uint64(1252), uint16(14), uint64(15))                    // LLaMA-7B scale phase G
	f.Add(uint64(0), uint64(0), uint16(0), uint64(0))                         // (0, 2), k = 2
	f.Add(uint64(math.MaxUint64-2), uint64(0), uint16(254), uint64(1))        // at the top of uint64
	f.Add(uint64(0), uint64(math.MaxUint64), uint16(254), uint64(255))        // the widest segment, k = 256
	f.Add(uint64(1<<40), uint64(7), uint16(200), uint64(6))                   // shorter than k
	f.Add(uint64(12345), uint64(1<<33+17), uint16(5), uint64(math.MaxUint64)) // k = 7, uneven parts
	f.Fuzz(func(t *testing.T, lo, d uint64, k uint16, j uint64) {
		h := libHarnessFor(t)
		l, hi, kk := libCase(lo, d, k)
		checkLibDissection(t, h, l, hi, kk, j)
	})
}

// TestLibDissectionMatchesRules runs the comparison on 300 random moves of
// every size class (a fixed seed), so that a plain go test covers more than
// the fuzz seeds.
func TestLibDissectionMatchesRules(t *testing.T) {
	h := libHarnessFor(t)
	rng := rand.New(rand.NewPCG(13, 6))
	for n := range 300 {
		var d uint64
		switch n % 3 {
		case 0:
			d = rng.Uint64N(300) // graph sizes, shorter than k
		case 1:
			d = rng.Uint64N(VMSpan) // phase-V segments
		default:
			d = rng.Uint64() // anything
		}
		lo, hi, k := libCase(rng.Uint64()>>uint(rng.IntN(64)), d, uint16(rng.Uint32()))
		checkLibDissection(t, h, lo, hi, k, rng.Uint64())
	}
}
