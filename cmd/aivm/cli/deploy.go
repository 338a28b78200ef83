package cli

import (
	"errors"
	"fmt"
	"log/slog"
	"os"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/deploy"
	"github.com/aivm-dev/aivm/contracts/registry"
	"github.com/aivm-dev/aivm/vm/kernel/store"
)

// `aivm deploy` puts the contract suite on a chain; `aivm kernel register`
// seeds a content store with a kernel and registers it.

func init() {
	Root.AddCommand(deployCmd())
	KernelCmd.AddCommand(kernelRegisterCmd())
}

// deployOrder is the order Deploy creates the contracts in.
var deployOrder = []string{"PreimageOracle", "MIPS", "KernelRegistry", "DisputeGame", "InferenceMarket"}

func deployCmd() *cobra.Command {
	cfg := deploy.Production()
	subBond := &weiValue{v: cfg.SubmitterBond}
	chalBond := &weiValue{v: cfg.ChallengerBond}
	var out string
	var devnet, force, asJSON bool
	var o *chainOptions
	c := &cobra.Command{
		Use:   "deploy --rpc URL (--private-key HEX | --keystore FILE --password-file FILE) [--devnet] [--out deployment.json]",
		Short: "Deploy PreimageOracle, MIPS, KernelRegistry, DisputeGame and InferenceMarket to a chain",
		Long: `Deploy sends the five contract creations from one key (docs/protocol.md 5.1):
the game is deployed with the market's predicted address as its creator, and
the deployment fails if the market lands elsewhere (another transaction from
the same key meanwhile). Every constructor parameter is a flag; the defaults
are the production configuration (k = 16, a week of clock per side, a one-day
window, 1 ETH bonds), --devnet switches the defaults to short windows and
small bonds for local chains. Flags given explicitly win over either.

It prints every address and the gas each creation used, and writes the
deployment file (--out) that the other commands read with --deployment.
Durations are whole seconds or Go durations (600, 10m, 168h); amounts are
wei, optionally with a unit (100000000000000000, 0.1ether, 30gwei).`,
		Args:    cobra.NoArgs,
		PreRunE: func(cmd *cobra.Command, _ []string) error { return bindConfig(cmd) },
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := signalCtx(cmd)
			flags := cmd.Flags()
			if devnet {
				d := deploy.Devnet()
				for name, set := range map[string]func(){
					"k":                func() { cfg.K = d.K },
					"clock-budget":     func() { cfg.ClockBudget = d.ClockBudget },
					"clock-extension":  func() { cfg.ClockExtension = d.ClockExtension },
					"submitter-bond":   func() { subBond.v = d.SubmitterBond },
					"challenger-bond":  func() { chalBond.v = d.ChallengerBond },
					"challenge-window": func() { cfg.ChallengeWindow = d.ChallengeWindow },
					"request-timeout":  func() { cfg.RequestTimeout = d.RequestTimeout },
					"max-callback-gas": func() { cfg.MaxCallbackGas = d.MaxCallbackGas },
				} {
					if !flags.Changed(name) {
						set()
					}
				}
			}
			cfg.SubmitterBond, cfg.ChallengerBond = subBond.v, chalBond.v
			if err := cfg.Validate(); err != nil {
				return err
			}
			if _, err := os.Stat(out); err == nil && !force {
				return fmt.Errorf("%s exists (an earlier deployment?); give another --out or --force to overwrite it", out)
			}
			log := slog.Default().With("cmd", "deploy")
			cn, err := o.dial(ctx, true, log)
			if err != nil {
				return err
			}
			defer cn.Close()
			bal, err := cn.balance(ctx)
			if err != nil {
				return err
			}
			log.Info("deploying the AIVM contracts", "chain", cn.chainID, "deployer", cn.from, "balance", formatWei(bal),
				"k", cfg.K, "challenge_window_s", cfg.ChallengeWindow, "confirmations", o.confirmations)
			if bal.Sign() == 0 {
				return fmt.Errorf("deployer %s has no ether on chain %s", cn.from, cn.chainID)
			}
			a, err := deploy.Deploy(ctx, cn.tx, cn.client, cfg, log)
			if err != nil {
				return fmt.Errorf("deploy to chain %s: %w", cn.chainID, chain.Decode(err))
			}
			a.ChainID = cn.chainID.Uint64()
			if err := a.Write(out); err != nil {
				return err
			}
			log.Info("deployment written", "file", out)
			w := cmd.OutOrStdout()
			if asJSON {
				return printJSON(w, struct {
					*deploy.Addresses
					Deployer common.Address `json:"deployer"`
					Out      string         `json:"out"`
				}{a, cn.from, out})
			}
			addr := map[string]common.Address{"PreimageOracle": a.Oracle, "MIPS": a.MIPS, "KernelRegistry": a.Registry,
				"DisputeGame": a.Game, "InferenceMarket": a.Market}
			fmt.Fprintf(w, "chain            %d\n", a.ChainID)
			fmt.Fprintf(w, "deployer         %s\n", cn.from)
			var total uint64
			for _, name := range deployOrder {
				fmt.Fprintf(w, "%-16s %s  gas %d\n", name, addr[name], a.GasUsed[name])
				total += a.GasUsed[name]
			}
			fmt.Fprintf(w, "total gas        %d\n", total)
			fmt.Fprintf(w, "deploy block     %d\n", a.Block)
			fmt.Fprintf(w, "k                %d\n", cfg.K)
			fmt.Fprintf(w, "clocks           budget %d s, extension %d s\n", cfg.ClockBudget, cfg.ClockExtension)
			fmt.Fprintf(w, "bonds            submitter %s, challenger %s\n", formatWei(cfg.SubmitterBond), formatWei(cfg.ChallengerBond))
			fmt.Fprintf(w, "window           %d s (request timeout %d s, max callback gas %d)\n", cfg.ChallengeWindow, cfg.RequestTimeout, cfg.MaxCallbackGas)
			fmt.Fprintf(w, "wrote            %s\n", out)
			return nil
		},
	}
	o = addChainFlags(c, false, 2)
	f := c.Flags()
	f.StringVar(&out, "out", "deployment.json", "deployment file to write (addresses, deploy block, configuration, gas)")
	f.BoolVar(&force, "force", false, "overwrite --out if it exists")
	f.BoolVar(&devnet, "devnet", false, "defaults for a local chain (deploy.Devnet: 600 s window, 3600 s clocks, 0.1 ETH bonds)")
	f.Uint64Var(&cfg.K, "k", cfg.K, "dissection arity of the dispute game (2..256)")
	f.Var(secondsValue{&cfg.ClockBudget}, "clock-budget", "each side's chess clock in a dispute")
	f.Var(secondsValue{&cfg.ClockExtension}, "clock-extension", "time the opponent keeps after every move (0 < extension <= budget)")
	f.Var(subBond, "submitter-bond", "bond posted with a result")
	f.Var(chalBond, "challenger-bond", "bond posted with a challenge")
	f.Var(secondsValue{&cfg.ChallengeWindow}, "challenge-window", "time a result can be challenged")
	f.Var(secondsValue{&cfg.RequestTimeout}, "request-timeout", "time after which an unanswered request may be cancelled")
	f.Uint64Var(&cfg.MaxCallbackGas, "max-callback-gas", cfg.MaxCallbackGas, "cap of a request's callback gas limit")
	f.BoolVar(&asJSON, "json", false, "print the deployment as one JSON object on the last stdout line")
	return c
}

// registerSummary is the --json line of kernel register.
type registerSummary struct {
	KernelID          common.Hash    `json:"kernel_id"`
	AlreadyRegistered bool           `json:"already_registered"`
	Model             string         `json:"model"`
	ModelRoot         common.Hash    `json:"model_root"`
	PrestateHash      common.Hash    `json:"prestate_hash"`
	ManifestHash      common.Hash    `json:"manifest_hash"`
	GraphSize         uint32         `json:"graph_size"`
	Aggregation       string         `json:"aggregation"`
	NumInputs         uint16         `json:"num_inputs"`
	OutputSlots       []uint32       `json:"output_slots"`
	ManifestURI       string         `json:"manifest_uri"`
	Owner             common.Address `json:"owner"`
	RegisteredAt      uint64         `json:"registered_at_block"`
	Tx                *common.Hash   `json:"tx,omitempty"`
	GasUsed           uint64         `json:"gas_used,omitempty"`
	Store             string         `json:"store"`
}

func kernelRegisterCmd() *cobra.Command {
	var storeDir, builtin, kernelDir, model, uri string
	var asJSON bool
	var o *chainOptions
	c := &cobra.Command{
		Use:   "register --rpc URL --deployment FILE --store DIR (--builtin NAME | --kernel-dir DIR [--model NAME|PATH]) [--uri URI]",
		Short: "Seed a content store with a kernel and register it in the deployment's KernelRegistry",
		Long: `Register puts a kernel into the content store the services load kernels from
(--store), then registers it on chain (docs/protocol.md 3). --builtin NAME
builds the kernel of a built-in model reproducibly from this module's source
(needs the go command); --kernel-dir imports a directory written by
'aivm kernel build' with its model (--model: a built-in name, model root or
model file; default: the manifest's model root among the built-in models).

The registration records the manifest's fields and, from the model's graph
header, the number of graph inputs and the activation slot of every graph
output (the market binds results to them); all of them are part of the
kernel id. Registration is idempotent: a kernel whose id is already
registered is not sent again; its id is printed and the command succeeds.
--uri is the manifest's location hint recorded on chain (not part of the
id).`,
		Args:    cobra.NoArgs,
		PreRunE: func(cmd *cobra.Command, _ []string) error { return bindConfig(cmd) },
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := signalCtx(cmd)
			switch {
			case (builtin == "") == (kernelDir == ""):
				return errors.New("give exactly one of --builtin NAME and --kernel-dir DIR")
			case builtin != "" && model != "":
				return errors.New("--model goes with --kernel-dir (a built-in kernel's model is the built-in)")
			case len(uri) > registry.MaxManifestURILength:
				return fmt.Errorf("--uri is %d bytes, the registry takes at most %d", len(uri), registry.MaxManifestURILength)
			}
			log := slog.Default().With("cmd", "kernel register")
			cn, err := o.dial(ctx, true, log)
			if err != nil {
				return err
			}
			defer cn.Close()
			st, err := store.Open(storeDir)
			if err != nil {
				return fmt.Errorf("store %s: %w", storeDir, err)
			}
			st.Log = log
			var hs store.Hashes
			if builtin != "" {
				log.Info("building the kernel reproducibly (cross-compiling the guest; this takes a while)", "model", builtin)
				hs, err = st.AddBuiltin(ctx, builtin)
			} else {
				log.Info("importing kernel directory", "dir", kernelDir, "model", model)
				hs, err = st.AddKernelDir(ctx, kernelDir, model)
			}
			if err != nil {
				return err
			}
			k, err := st.Kernel(ctx, hs.ModelRoot, hs.PrestateHash, hs.ManifestHash)
			if err != nil {
				return err
			}
			log.Info("kernel stored", "store", storeDir, "model", k.Manifest.Model.Name, "hashes", hs.String())
			// The manifest pins the model; its graph header gives the input
			// count and output slots the registration records.
			rk, err := registry.FromManifest(k.Manifest, k.Model, uri)
			if err != nil {
				return err
			}
			id, err := rk.ID()
			if err != nil {
				return err
			}
			reg := registry.New(cn.addrs.Registry, cn.client)
			sum := &registerSummary{KernelID: id, Model: k.Manifest.Model.Name, Store: storeDir}
			ok, err := reg.IsRegistered(ctx, id)
			if err != nil {
				return fmt.Errorf("registry %s: %w", cn.addrs.Registry, err)
			}
			if !ok {
				data, err := rk.PackRegister()
				if err != nil {
					return err
				}
				log.Info("registering", "kernel", id, "registry", cn.addrs.Registry)
				rc, err := cn.tx.Send(ctx, cn.addrs.Registry, data, nil)
				switch {
				case err != nil && chain.IsRevert(err, "KernelAlreadyRegistered"):
					ok = true // someone registered it meanwhile
				case err != nil:
					return sendErr(fmt.Sprintf("register kernel %s", id), err)
				default:
					if _, err := reg.Registered(rc); err != nil {
						return err
					}
					sum.Tx, sum.GasUsed = &rc.TxHash, rc.GasUsed
				}
			}
			sum.AlreadyRegistered = ok
			rec, err := reg.Get(ctx, id)
			if err != nil {
				return err
			}
			sum.ModelRoot, sum.PrestateHash, sum.ManifestHash = rec.ModelRoot, rec.PrestateHash, rec.ManifestHash
			sum.GraphSize, sum.Aggregation, sum.ManifestURI = rec.GraphSize, rec.Aggregation, rec.ManifestURI
			sum.NumInputs, sum.OutputSlots = rec.NumInputs, rec.OutputSlots
			sum.Owner, sum.RegisteredAt = rec.Owner, rec.RegisteredAt
			w := cmd.OutOrStdout()
			if asJSON {
				return printJSON(w, sum)
			}
			if sum.AlreadyRegistered {
				fmt.Fprintf(w, "already registered (block %d, by %s)\n", sum.RegisteredAt, sum.Owner)
			} else {
				fmt.Fprintf(w, "registered in block %d (tx %s, gas %d)\n", sum.RegisteredAt, sum.Tx, sum.GasUsed)
			}
			fmt.Fprintf(w, "model        %s (root %s)\n", sum.Model, sum.ModelRoot)
			fmt.Fprintf(w, "prestate     %s\n", sum.PrestateHash)
			fmt.Fprintf(w, "manifest     %s\n", sum.ManifestHash)
			fmt.Fprintf(w, "graph size   %d nodes, aggregation %s\n", sum.GraphSize, sum.Aggregation)
			fmt.Fprintf(w, "interface    %d input(s), output slots %v\n", sum.NumInputs, sum.OutputSlots)
			if sum.ManifestURI != "" {
				fmt.Fprintf(w, "uri          %s\n", sum.ManifestURI)
			}
			fmt.Fprintf(w, "kernel id    %s\n", sum.KernelID)
			return nil
		},
	}
	o = addChainFlags(c, true, 2)
	f := c.Flags()
	f.StringVar(&storeDir, "store", "aivm-store", "content store directory (models, manifests, kernel ELFs) the services read")
	f.StringVar(&builtin, "builtin", "", "build and register the kernel of this built-in model (e.g. fashion-mnist)")
	f.StringVar(&kernelDir, "kernel-dir", "", "register the kernel in this directory (written by 'aivm kernel build')")
	f.StringVar(&model, "model", "", "with --kernel-dir: the kernel's model (built-in name, 0x model root or model file)")
	f.StringVar(&uri, "uri", "", "where manifest.json can be fetched (recorded on chain, at most 256 bytes)")
	f.BoolVar(&asJSON, "json", false, "print one JSON object as the last stdout line")
	return c
}
