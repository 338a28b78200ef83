package registry_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bind "github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/bindings"
	achain "github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/registry"
	"github.com/aivm-dev/aivm/models/zoo"
	"github.com/aivm-dev/aivm/vm/kernel"
)

type chain struct {
	sim  *simulated.Backend
	auth *bind.TransactOpts
}

// newChain starts an in-process chain with a funded key. go-ethereum's dev
// config enables every fork it knows, including the unscheduled Bogota with
// its repriced state gas; mainnet=true stops at Osaka, today's mainnet rules,
// so gas figures are comparable to a real deployment.
func newChain(t *testing.T, mainnet bool) *chain {
	t.Helper()
	keys, alloc, err := achain.FundedKeys(1)
	if err != nil {
		t.Fatal(err)
	}
	key := keys[0]
	var opts []func(*node.Config, *ethconfig.Config)
	if mainnet {
		opts = append(opts, achain.MainnetRules)
	}
	sim := simulated.NewBackend(alloc, opts...)
	t.Cleanup(func() { sim.Close() })
	id, err := sim.Client().ChainID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return &chain{sim: sim, auth: bind.NewKeyedTransactor(key, id)}
}

// mine commits a block and returns tx's receipt.
func (c *chain) mine(t *testing.T, tx *types.Transaction) *types.Receipt {
	t.Helper()
	c.sim.Commit()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	rc, err := bind.WaitMined(ctx, c.sim.Client(), tx.Hash())
	if err != nil {
		t.Fatal(err)
	}
	if rc.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("tx %s failed", tx.Hash())
	}
	return rc
}

func (c *chain) deploy(t *testing.T) *registry.Registry {
	t.Helper()
	addr, tx, err := registry.Deploy(c.auth, c.sim.Client())
	if err != nil {
		t.Fatal(err)
	}
	c.mine(t, tx)
	return registry.New(addr, c.sim.Client())
}

// TestRegisterFashionMNIST builds the fashion-mnist kernel (vm/kernel.Build),
// registers it through the generated bindings on the in-process chain, reads
// it back and checks the event and the transaction gas.
func TestRegisterFashionMNIST(t *testing.T) {
	ctx := context.Background()
	out := t.TempDir()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	m, err := kernel.Build(ctx, kernel.BuildOptions{Model: "fashion-mnist", OutDir: out, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	file, err := os.ReadFile(filepath.Join(out, kernel.ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	model, _, err := zoo.Resolve("fashion-mnist")
	if err != nil {
		t.Fatal(err)
	}
	k, err := registry.FromManifest(m, model, "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi")
	if err != nil {
		t.Fatal(err)
	}
	// The manifest hash is keccak of the file bytes; the model root is the zoo model's.
	if k.ManifestHash != crypto.Keccak256Hash(file) {
		t.Fatalf("manifest hash %s, keccak(manifest.json) %s", k.ManifestHash, crypto.Keccak256Hash(file))
	}
	root, err := model.Root()
	if err != nil {
		t.Fatal(err)
	}
	if k.ModelRoot != common.Hash(root) {
		t.Fatalf("model root %s, zoo %x", k.ModelRoot, root)
	}
	if k.GraphSize != 5 || k.Aggregation != kernel.AggArgmax {
		t.Fatalf("graph size %d aggregation %q, want 5 argmax", k.GraphSize, k.Aggregation)
	}
	// One input (the image, slot 0); outputs: the argmax (node 5, slot 5),
	// then the logits (node 4, slot 4).
	require.Equal(t, uint16(1), k.NumInputs)
	require.Equal(t, []uint32{5, 4}, k.OutputSlots)
	wantID, err := k.ID()
	if err != nil {
		t.Fatal(err)
	}

	c := newChain(t, true)
	reg := c.deploy(t)
	if ok, err := reg.IsRegistered(ctx, wantID); err != nil || ok {
		t.Fatalf("IsRegistered before = %v, %v", ok, err)
	}
	if _, err := reg.Get(ctx, wantID); !errors.Is(err, registry.ErrNotRegistered) {
		t.Fatalf("Get before: %v, want ErrNotRegistered", err)
	}

	tx, err := reg.Register(c.auth, k)
	if err != nil {
		t.Fatal(err)
	}
	rc := c.mine(t, tx)
	t.Logf("register gas (full transaction, Osaka rules, %d-byte URI): %d", len(k.ManifestURI), rc.GasUsed)
	// The budget covers the record's slots: the fixed fields, the URI and
	// (since the registry records the graph's interface) the output slot
	// list, a length word plus one word per 8 slots.
	if rc.GasUsed > 300_000 {
		t.Errorf("register used %d gas, budget 300,000", rc.GasUsed)
	}
	// The same transaction under go-ethereum's default dev rules (Bogota), for reference.
	cb := newChain(t, false)
	txb, err := cb.deploy(t).Register(cb.auth, k)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("register gas (full transaction, Bogota dev rules): %d", cb.mine(t, txb).GasUsed)

	ev, err := reg.Registered(rc)
	if err != nil {
		t.Fatal(err)
	}
	want := registry.Record{Kernel: k, ID: wantID, Owner: c.auth.From, RegisteredAt: rc.BlockNumber.Uint64()}
	require.Equal(t, want, *ev, "event")
	got, err := reg.Get(ctx, wantID)
	if err != nil {
		t.Fatal(err)
	}
	require.Equal(t, want, *got, "record")
	ni, slots, err := reg.ResultShape(ctx, wantID)
	require.NoError(t, err)
	require.Equal(t, uint16(1), ni)
	require.Equal(t, []uint32{5}, slots, "argmax binds output 0's slot")
	if ok, err := reg.IsRegistered(ctx, wantID); err != nil || !ok {
		t.Fatalf("IsRegistered after = %v, %v", ok, err)
	}

	// The contract's id is the Go id.
	b := bindings.NewKernelRegistry()
	onchain, err := bind.Call(b.Instance(c.sim.Client(), reg.Address()), nil,
		b.PackKernelId(k.ModelRoot, k.PrestateHash, k.ManifestHash, k.GraphSize, registry.AggArgmax, k.NumInputs, k.OutputSlots), b.UnpackKernelId)
	if err != nil {
		t.Fatal(err)
	}
	if common.Hash(onchain) != wantID {
		t.Fatalf("kernelId on chain %x, Go %s", onchain, wantID)
	}

	// Re-registration (even with another URI) is refused with the custom error.
	k2 := k
	k2.ManifestURI = "https://example.org/manifest.json"
	_, err = reg.Register(c.auth, k2)
	var re *achain.RevertError
	if !errors.As(err, &re) || re.Name != "KernelAlreadyRegistered" {
		t.Fatalf("re-register: %v, want KernelAlreadyRegistered", err)
	}
	got, err = reg.Get(ctx, wantID)
	require.NoError(t, err)
	require.Equal(t, want, *got, "record after re-register")

	// A model that is not the manifest's is refused.
	other, _, err := zoo.Resolve("tiny-llama")
	require.NoError(t, err)
	_, err = registry.FromManifest(m, other, "")
	require.ErrorContains(t, err, "model root")
	_, err = registry.FromManifest(m, nil, "")
	require.Error(t, err)
}

func TestValidationAndAggregation(t *testing.T) {
	for _, rule := range []string{kernel.AggArgmax, kernel.AggLogits, kernel.AggOutputs} {
		code, err := registry.AggregationCode(rule)
		if err != nil {
			t.Fatal(err)
		}
		if name, err := registry.AggregationName(code); err != nil || name != rule {
			t.Fatalf("AggregationName(%d) = %q, %v", code, name, err)
		}
	}
	if _, err := registry.AggregationCode("mean"); err == nil {
		t.Fatal("unknown rule accepted")
	}
	if _, err := registry.AggregationName(0); err == nil {
		t.Fatal("code 0 accepted")
	}

	c := newChain(t, false)
	reg := c.deploy(t)
	good := registry.Kernel{ModelRoot: common.Hash{1}, PrestateHash: common.Hash{2}, ManifestHash: common.Hash{3},
		GraphSize: 1, Aggregation: kernel.AggOutputs, NumInputs: 1, OutputSlots: []uint32{1}}
	for name, mut := range map[string]func(*registry.Kernel){
		"zero model root":      func(k *registry.Kernel) { k.ModelRoot = common.Hash{} },
		"zero pre-state":       func(k *registry.Kernel) { k.PrestateHash = common.Hash{} },
		"zero manifest":        func(k *registry.Kernel) { k.ManifestHash = common.Hash{} },
		"zero graph size":      func(k *registry.Kernel) { k.GraphSize = 0 },
		"bad aggregation":      func(k *registry.Kernel) { k.Aggregation = "mean" },
		"URI too long":         func(k *registry.Kernel) { k.ManifestURI = strings.Repeat("x", registry.MaxManifestURILength+1) },
		"no inputs":            func(k *registry.Kernel) { k.NumInputs, k.OutputSlots = 0, []uint32{0} },
		"too many inputs":      func(k *registry.Kernel) { k.NumInputs, k.OutputSlots = registry.MaxIO+1, []uint32{registry.MaxIO + 1} },
		"no outputs":           func(k *registry.Kernel) { k.OutputSlots = nil },
		"output is an input":   func(k *registry.Kernel) { k.OutputSlots = []uint32{0} },
		"output past the end":  func(k *registry.Kernel) { k.OutputSlots = []uint32{2} },
		"logits with 1 output": func(k *registry.Kernel) { k.Aggregation = kernel.AggLogits },
	} {
		k := good
		mut(&k)
		if _, err := reg.Register(c.auth, k); err == nil {
			t.Errorf("%s: accepted", name)
		}
		// The contract refuses it too (the off-chain check is only earlier).
		if id, err := k.ID(); err == nil {
			if ok, _ := reg.IsRegistered(context.Background(), id); ok {
				t.Errorf("%s: registered", name)
			}
		}
	}
	tx, err := reg.Register(c.auth, good)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := reg.Registered(c.mine(t, tx))
	if err != nil {
		t.Fatal(err)
	}
	if id, _ := good.ID(); rec.ID != id || rec.ManifestURI != "" {
		t.Fatalf("record %+v, want id %s and empty URI", rec, id)
	}
}

// TestIDMatchesContract: the Go kernel id is KernelRegistry.kernelId for
// every aggregation and several input counts and output lists, and the
// registry's resultShape names the slots Kernel.ResultSlots does.
func TestIDMatchesContract(t *testing.T) {
	ctx := context.Background()
	c := newChain(t, false)
	reg := c.deploy(t)
	b := bindings.NewKernelRegistry()
	for i, k := range []registry.Kernel{
		{GraphSize: 5, Aggregation: kernel.AggArgmax, NumInputs: 1, OutputSlots: []uint32{5}},
		{GraphSize: 41, Aggregation: kernel.AggLogits, NumInputs: 4, OutputSlots: []uint32{44, 43}},
		{GraphSize: 7, Aggregation: kernel.AggOutputs, NumInputs: 3, OutputSlots: []uint32{9, 3, 5}},
		{GraphSize: 300, Aggregation: kernel.AggOutputs, NumInputs: 256, OutputSlots: []uint32{555, 256}},
	} {
		k.ModelRoot, k.PrestateHash, k.ManifestHash = common.Hash{byte(i + 1)}, common.Hash{2}, common.Hash{3}
		id, err := k.ID()
		require.NoError(t, err)
		agg, err := registry.AggregationCode(k.Aggregation)
		require.NoError(t, err)
		onchain, err := bind.Call(b.Instance(c.sim.Client(), reg.Address()), nil,
			b.PackKernelId(k.ModelRoot, k.PrestateHash, k.ManifestHash, k.GraphSize, agg, k.NumInputs, k.OutputSlots), b.UnpackKernelId)
		require.NoError(t, err)
		require.Equal(t, id, common.Hash(onchain), "kernel %d (%s)", i, k.Aggregation)

		tx, err := reg.Register(c.auth, k)
		require.NoError(t, err)
		rec, err := reg.Registered(c.mine(t, tx))
		require.NoError(t, err)
		require.Equal(t, id, rec.ID)
		want, err := k.ResultSlots()
		require.NoError(t, err)
		ni, slots, err := reg.ResultShape(ctx, id)
		require.NoError(t, err)
		require.Equal(t, k.NumInputs, ni)
		require.Equal(t, want, slots, "kernel %d (%s)", i, k.Aggregation)
	}
	_, _, err := reg.ResultShape(ctx, common.Hash{0xee})
	var re *achain.RevertError
	require.ErrorAs(t, err, &re)
	require.Equal(t, "KernelNotRegistered", re.Name)
}
