package cli

import (
	"context"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/deploy"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/models/bpe"
	"github.com/aivm-dev/aivm/models/generation"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/textllama"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// Generation flags are checked before any connection is made.
func TestRequestGenerationArgs(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--kernel", "0x" + strings.Repeat("1", 64), "--fee", "1", "--prompt", "hi"}, "no --rpc endpoint"},
	} {
		t.Setenv("AIVM_RPC", "")
		_, err := runCmd(t, requestCmd(), tc.args...)
		require.ErrorContains(t, err, tc.want, tc.args)
	}
	g := generationOptions{temperature: -1, topP: 1}
	_, err := g.sampling()
	require.ErrorContains(t, err, "--temperature")
	g = generationOptions{temperature: 0.8, topP: 0.9, stopToken: 7}
	s, err := g.sampling()
	require.NoError(t, err)
	require.Equal(t, uint32(52_429), s.Temperature)
	require.Equal(t, uint32(58_982), s.TopP)
	require.True(t, s.StopEnabled)
	g = generationOptions{promptTokens: []int{5, 6}}
	p, _, err := g.promptWindow(nil, 4)
	require.NoError(t, err)
	require.Equal(t, []uint32{0, 0, 5, 6}, p, "left-padded with 0")
	_, _, err = g.promptWindow(nil, 1)
	require.ErrorContains(t, err, "prompt window is 1")
}

// On anvil: a generation kernel (tiny-llama with a sample node and a byte
// tokenizer, unrolled over 8 prompt and 8 generated tokens) is registered,
// a submitter runs with a VRF key, and `aivm request --prompt "text"
// --max-tokens 6 --temperature 0.8 --wait` (the tokenizer from the model
// in the content store) prints the finalized tokens,
// which are the native generation's under the chain's seed, and their
// text.
func TestRequestGenerationAnvil(t *testing.T) {
	url, keys := startAnvil(t)
	deployer, operator, integrator := keys[0], keys[1], keys[2]
	dir := t.TempDir()
	dep := filepath.Join(dir, "deployment.json")
	storeDir := filepath.Join(dir, "store")
	fast := []string{"--rpc", url, "--poll", "200ms", "--confirmations", "0"}
	out, err := runCmd(t, deployCmd(), append(fast, "--private-key", deployer, "--devnet", "--challenge-window", "5", "--out", dep)...)
	require.NoError(t, err, out)

	// The generation model and its kernel.
	step, err := sampledStepModel("tiny-llama")
	require.NoError(t, err)
	tok, err := bpe.Train([]byte("byte-level"), 256)
	require.NoError(t, err)
	tb, err := tok.MarshalBinary()
	require.NoError(t, err)
	require.NoError(t, step.AddBlob(textllama.TokenizerBlob, tb))
	um, lay, err := generation.Unroll(step, 8, 8)
	require.NoError(t, err)
	enc, err := um.Encode()
	require.NoError(t, err)
	modelFile := filepath.Join(dir, "gen.aivm")
	require.NoError(t, os.WriteFile(modelFile, enc, 0o644))
	kdir := filepath.Join(dir, "kernel")
	_, err = kernel.Build(t.Context(), kernel.BuildOptions{Model: modelFile, OutDir: kdir})
	require.NoError(t, err)
	out, err = runCmd(t, kernelRegisterCmd(), append(fast, "--private-key", deployer, "--deployment", dep, "--store", storeDir,
		"--kernel-dir", kdir, "--model", modelFile, "--json")...)
	require.NoError(t, err, out)
	r := lastJSON(t, out)
	kernelID := r["kernel_id"].(string)
	require.Equal(t, "outputs", r["aggregation"])

	// The submitter with its VRF key.
	seedFile := filepath.Join(dir, "vrf.seed")
	require.NoError(t, os.WriteFile(seedFile, []byte("aivm cli test VRF seed, 32 bytes or more"), 0o600))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	subDone := make(chan error, 1)
	args := []string{"submitter", "run", "--rpc", url, "--deployment", dep, "--store", storeDir,
		"--db", filepath.Join(dir, "submitter.db"), "--private-key", operator, "--confirmations", "0", "--poll", "200ms",
		"--kernels", kernelID, "--workers", "2", "--vrf-seed-file", seedFile, "--log-level", "info"}
	go func() { subDone <- executeRoot(t, ctx, args) }()
	a, err := deploy.Read(dep)
	require.NoError(t, err)
	c, err := ethclient.Dial(url)
	require.NoError(t, err)
	defer c.Close()
	mc := market.New(*a, c)
	require.Eventually(t, func() bool {
		k, err := mc.VrfKey(context.Background(), common.HexToAddress(addressOf(t, operator)))
		return err == nil && k.RegisteredBlock != 0
	}, 60*time.Second, 200*time.Millisecond, "the submitter registers its VRF key")

	// The tokenizer comes from the kernel's model: found in the content
	// store by its root, or an error naming the ways to give it.
	out, err = runCmd(t, requestCmd(), append(fast, "--private-key", integrator, "--deployment", dep, "--kernel", kernelID,
		"--store", filepath.Join(dir, "no-store"), "--prompt", "Once", "--max-tokens", "6", "--fee", "0.01ether")...)
	require.ErrorContains(t, err, "--model FILE", out)
	out, err = runCmd(t, requestCmd(), append(fast, "--private-key", integrator, "--deployment", dep, "--kernel", kernelID,
		"--store", storeDir, "--prompt", "Once", "--max-tokens", "6", "--temperature", "0.8", "--fee", "0.01ether", "--wait", "--timeout", "90s")...)
	require.NoError(t, err, out)
	t.Logf("aivm request:\n%s", out)
	require.Contains(t, out, "status       finalized")

	// The native generation under the chain's seed.
	id := big.NewInt(1)
	rec, err := mc.Generation(context.Background(), id)
	require.NoError(t, err)
	prompt := make([]int, len(rec.Prompt))
	for i, p := range rec.Prompt {
		prompt[i] = int(p)
	}
	require.Equal(t, []int{0, 0, 0, 0, 'O', 'n', 'c', 'e'}, prompt)
	in, err := generation.Inputs(lay, prompt, generation.Sampling{Seed: generation.DrawSeed(rec.Seed), Temperature: 52_429, TopP: 1 << 16})
	require.NoError(t, err)
	ex, err := graph.NewExecutor(um)
	require.NoError(t, err)
	tr, err := ex.Run(in, graph.Options{})
	require.NoError(t, err)
	toks, err := generation.Tokens(tr.Outputs[0])
	require.NoError(t, err)
	want := toks[:6]
	require.Contains(t, out, fmt.Sprintf("tokens       %v\n", want))
	text, err := tok.Decode(want)
	require.NoError(t, err)
	require.Contains(t, out, fmt.Sprintf("text         %q\n", string(text)))
	cancel()
	select {
	case err := <-subDone:
		require.NoError(t, err)
	case <-time.After(15 * time.Second):
		t.Fatal("submitter did not stop after cancellation")
	}
}
