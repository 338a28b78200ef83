package cli

import (
	"fmt"
	"log/slog"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	"github.com/aivm-dev/aivm/contracts/market"
)

// `aivm cancel`: the integrator's way out of a request nobody answers.

func init() { Root.AddCommand(cancelCmd()) }

// cancelSummary is the --json line of cancel.
type cancelSummary struct {
	RequestID string         `json:"request_id"`
	Requester common.Address `json:"requester"`
	Fee       string         `json:"fee_wei"`
	Tx        common.Hash    `json:"tx"`
	Block     uint64         `json:"block"`
	Withdrawn string         `json:"withdrawn_wei,omitempty"`
}

func cancelCmd() *cobra.Command {
	var (
		withdraw bool
		asJSON   bool
	)
	c := &cobra.Command{
		Use:   "cancel REQUEST --rpc URL --deployment FILE (--keystore FILE --password-file FILE | --private-key HEX) [--withdraw]",
		Short: "Cancel a request that got no result within the market's request timeout; its fee goes back to the requester",
		Long: `cancel sends the market's cancelRequest for REQUEST (an id printed by
'aivm request'). The market has no other cancellation: a request can be
cancelled only while it is open (no result posted) and once the market's
request timeout has passed since it was made, and then by anyone; the fee
is credited to the requester in the market, never to the caller.

Before sending, cancel reads the request and says why it cannot be
cancelled (unknown, already answered, finalized or cancelled, or too early,
with the time from which it can be). With --withdraw, when the caller is the
requester, it then withdraws its credits from the market (withdraw()).`,
		Args:    cobra.ExactArgs(1),
		PreRunE: func(cmd *cobra.Command, _ []string) error { return bindConfig(cmd) },
	}
	co := addChainFlags(c, true, 1)
	f := c.Flags()
	f.BoolVar(&withdraw, "withdraw", false, "then withdraw the requester's credits (when the caller is the requester)")
	f.BoolVar(&asJSON, "json", false, "print one JSON object as the last stdout line")
	c.RunE = func(cmd *cobra.Command, args []string) error {
		ctx := signalCtx(cmd)
		id, ok := new(big.Int).SetString(strings.TrimSpace(args[0]), 0)
		if !ok || id.Sign() <= 0 {
			return fmt.Errorf("REQUEST %q is not a request id (1, 2, ...)", args[0])
		}
		log := slog.Default().With("cmd", "cancel")
		cn, err := co.dial(ctx, true, log)
		if err != nil {
			return err
		}
		defer cn.Close()
		mc := market.New(*cn.addrs, cn.client)
		r, err := mc.Request(ctx, id)
		if err != nil {
			return err
		}
		switch r.Status {
		case market.StatusOpen:
		case market.StatusNone:
			return fmt.Errorf("request %s does not exist on market %s", id, cn.addrs.Market)
		case market.StatusCancelled:
			return fmt.Errorf("request %s is already cancelled (its fee was credited to %s)", id, r.Requester)
		default:
			return fmt.Errorf("request %s is %s: only an open request without a result can be cancelled", id, statusName(r.Status))
		}
		head, err := cn.client.HeaderByNumber(ctx, nil)
		if err != nil {
			return fmt.Errorf("latest header: %w", err)
		}
		if notBefore := r.CreatedAt + cn.addrs.Config.RequestTimeout; head.Time < notBefore {
			return fmt.Errorf("request %s cannot be cancelled before %s (chain time; in %d s): the market's request timeout is %d s",
				id, time.Unix(int64(notBefore), 0).UTC().Format(time.RFC3339), notBefore-head.Time, cn.addrs.Config.RequestTimeout)
		}
		rc, err := cn.tx.Send(ctx, cn.addrs.Market, mc.Market.PackCancelRequest(id), nil)
		if err != nil {
			return sendErr("cancelRequest", err)
		}
		sum := cancelSummary{RequestID: id.String(), Requester: r.Requester, Fee: r.Fee.String(), Tx: rc.TxHash, Block: rc.BlockNumber.Uint64()}
		w := cmd.OutOrStdout()
		if !asJSON {
			fmt.Fprintf(w, "cancelled request %s in block %d (tx %s): fee %s credited to the requester %s\n",
				id, sum.Block, sum.Tx, formatWei(r.Fee), r.Requester)
		}
		if withdraw {
			if cn.from != r.Requester {
				return fmt.Errorf("--withdraw: the fee was credited to the requester %s, not to %s", r.Requester, cn.from)
			}
			credits, err := mc.Credits(ctx, cn.from)
			if err != nil {
				return err
			}
			if credits.Sign() > 0 {
				if _, err := cn.tx.Send(ctx, cn.addrs.Market, mc.Market.PackWithdraw(), nil); err != nil {
					return sendErr("withdraw", err)
				}
				sum.Withdrawn = credits.String()
				if !asJSON {
					fmt.Fprintf(w, "withdrew %s\n", formatWei(credits))
				}
			}
		}
		if asJSON {
			return printJSON(w, sum)
		}
		return nil
	}
	return c
}
