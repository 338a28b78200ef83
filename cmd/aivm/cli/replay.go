package cli

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"

	"github.com/aivm-dev/aivm/bisection/replay"
	"github.com/aivm-dev/aivm/contracts/deploy"
	"github.com/aivm-dev/aivm/contracts/registry"
	"github.com/aivm-dev/aivm/vm/kernel/store"
)

// `aivm replay`: the researcher's tool. It rebuilds one DisputeGame from
// the chain (events, transactions, the game record), re-executes the
// request and the disputed node locally from a content store, and explains
// the dispute: who claimed what, the first lie, the node and the VM step,
// the instruction, registers and memory, gas and clocks, the verdict. The
// work is replay.Run; this command only dials --rpc and resolves the
// addresses.

func init() { Root.AddCommand(replayCmd()) }

func replayCmd() *cobra.Command {
	var (
		rpcURL, gameID, deployment, marketAddr, storeDir, htmlPath string
		asJSON                                                     bool
		fromBlock                                                  uint64
	)
	cmd := &cobra.Command{
		Use:   "replay --rpc URL --game ID [--deployment FILE | --market ADDR] --store DIR [--html FILE] [--json]",
		Short: "Rebuild a dispute game from the chain, re-execute it locally and explain it (text, JSON, HTML)",
		Long: `replay reads every event of one DisputeGame (GameCreated, Split, Chosen,
VMPhaseStarted, Stepped, Resolved), the market's request, result and challenge
behind it and each move's transaction (sender, gas, block time), then
re-executes the request from the content store: S_0, the honest graph trace,
the honest kernel run of the disputed node on the game's local data. It
judges every claim and choice, finds the first lie, re-runs the final step
from its calldata through the Go verifier and a local VM, and disassembles
the instruction.

It prints the story and a table of moves (or, with --json, the whole
report); --html writes a self-contained page (inline CSS and SVG). The exit
status is non-zero when a check fails (the report still shows it).

The contracts come from --deployment (written by aivm deploy) or from
--market alone (the game, registry and oracle are read from its
immutables; logs are then searched from --from-block).`,
		Args: cobra.NoArgs,
		PreRunE: func(cmd *cobra.Command, _ []string) error {
			return bindConfig(cmd)
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			if rpcURL == "" {
				return errors.New("no --rpc endpoint (flag or AIVM_RPC)")
			}
			id, ok := new(big.Int).SetString(gameID, 0)
			if !ok || id.Sign() <= 0 {
				return fmt.Errorf("--game %q is not a game id (1, 2, ...)", gameID)
			}
			if (deployment == "") == (marketAddr == "") {
				return errors.New("give exactly one of --deployment and --market")
			}
			if marketAddr != "" && !common.IsHexAddress(marketAddr) {
				return fmt.Errorf("--market %q is not an address", marketAddr)
			}
			st, err := store.Open(storeDir)
			if err != nil {
				return err
			}
			client, err := ethclient.DialContext(ctx, rpcURL)
			if err != nil {
				return fmt.Errorf("rpc %s: %w", rpcURL, err)
			}
			defer client.Close()
			var addrs replay.Addresses
			if deployment != "" {
				a, err := deploy.Read(deployment)
				if err != nil {
					return err
				}
				if cid, err := client.ChainID(ctx); err == nil && a.ChainID != 0 && cid.Uint64() != a.ChainID {
					return fmt.Errorf("deployment %s is for chain %d, %s is chain %s", deployment, a.ChainID, rpcURL, cid)
				}
				addrs = replay.FromDeployment(a)
			} else {
				if addrs, err = replay.ResolveAddresses(ctx, client, common.HexToAddress(marketAddr)); err != nil {
					return err
				}
				addrs.FromBlock = fromBlock
			}
			return replay.Run(ctx, client, replay.Options{Addrs: addrs, GameID: id, Loader: registry.StoreLoader(st),
				HTML: htmlPath, JSON: asJSON}, cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.StringVar(&rpcURL, "rpc", "", "JSON-RPC endpoint of the chain (http(s):// or ws(s)://; AIVM_RPC)")
	f.StringVar(&gameID, "game", "", "the DisputeGame id")
	f.StringVar(&deployment, "deployment", "", "deployment file written by aivm deploy (contract addresses, deploy block)")
	f.StringVar(&marketAddr, "market", "", "InferenceMarket address (instead of --deployment)")
	f.Uint64Var(&fromBlock, "from-block", 0, "with --market: first block to search for logs")
	f.StringVar(&storeDir, "store", "aivm-store", "content store directory holding the kernel (model, manifest, ELF)")
	f.StringVar(&htmlPath, "html", "", "write a self-contained HTML report to this file")
	f.BoolVar(&asJSON, "json", false, "print the whole report as JSON instead of the story")
	addConfigFlag(cmd)
	return cmd
}
