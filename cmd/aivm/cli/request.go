package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/spf13/cobra"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/contracts/registry"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/models/zoo"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// `aivm request`: the integrator's side of the market. It sends
// requestInference for a registered kernel and, with --wait, follows the
// request to its final result.

func init() {
	Root.AddCommand(requestCmd())
}

// statusNames are InferenceMarket.Status values.
var statusNames = []string{"none", "open", "submitted", "finalized", "cancelled"}

func statusName(s uint8) string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("status %d", s)
}

// requestSummary is the --json line of request.
type requestSummary struct {
	RequestID        string           `json:"request_id"`
	KernelID         common.Hash      `json:"kernel_id"`
	Tx               common.Hash      `json:"tx"`
	Block            uint64           `json:"block"`
	GasUsed          uint64           `json:"gas_used"`
	Fee              string           `json:"fee_wei"`
	OutputSlots      []uint32         `json:"output_slots"`
	Submitters       []common.Address `json:"submitters,omitempty"`
	OpenAfter        uint64           `json:"open_after,omitempty"`
	InitialState     common.Hash      `json:"initial_state"`
	SampleLabel      string           `json:"sample_label,omitempty"`
	Status           string           `json:"status"`
	Round            uint32           `json:"round,omitempty"`
	Submitter        *common.Address  `json:"submitter,omitempty"`
	FinalState       *common.Hash     `json:"final_state,omitempty"`
	OutputCommitment *common.Hash     `json:"output_commitment,omitempty"`
	OutputHex        string           `json:"output_hex,omitempty"`
	Output           *tensorJSON      `json:"output,omitempty"`
	Outputs          []tensorJSON     `json:"outputs,omitempty"`
	Class            *int             `json:"class,omitempty"`
	Label            string           `json:"label,omitempty"`
	OutputError      string           `json:"output_error,omitempty"`
}

type requestOptions struct {
	chain       *chainOptions
	kernel      string
	model       string
	store       string
	inputs      []string
	sample      int
	submitters  []string
	fee         weiValue
	callback    string
	callbackGas uint32
	wait        bool
	timeout     time.Duration
	asJSON      bool
	gen         generationOptions
}

func requestCmd() *cobra.Command {
	ro := &requestOptions{}
	c := &cobra.Command{
		Use:   "request --rpc URL --deployment FILE --kernel ID (--sample N | --input FILE...) --fee WEI [--wait]",
		Short: "Request an inference from the market (integrator side) and optionally wait for the final result",
		Long: `Request sends requestInference (docs/protocol.md 6.1) for a registered kernel
with --fee attached and prints the request id. The inputs are the canonical
tensor encodings of the graph's inputs: --input FILE (repeat, in input order)
or --sample N, the N-th test item of a built-in model; there must be as
many as the kernel's registered input count. The market binds the result to
the output slot(s) the kernel registered for its aggregation rule. The model
(the kernel's model root among the built-in models, or --model: a built-in
name or a model file) is used to check the inputs and for --sample.

--submitter ADDR (repeatable) lists the submitters allowed to answer during
the first half of the market's request timeout; after it anyone may.

With --wait it follows the request until it is finalized, riding out node
outages (transport errors are retried with backoff; one warning when the
node stops answering, one line when it is back), printing progress
(status changes, results, challenges opened and resolved, the end of the
challenge window) on stderr, then prints the final output tensor and, for a
built-in classifier, the class and its label. A cancelled request, or
--timeout running out, exits non-zero. With --json the last stdout line is
one JSON object.

Generation (docs/protocol.md 8): with --prompt TEXT (encoded with the
model's tokenizer blob: the unrolled generation model is --model FILE, or
found by the kernel's model root in the content store --store, where
'aivm kernel register --store' put it) or
--prompt-tokens IDS, it sends requestGeneration instead, with --max-tokens,
--temperature, --top-p and --stop-token; the prompt is left-padded with
token 0 to the kernel's prompt window. With --wait it prints the finalized
tokens (what the callback receives) and their text.`,
		Args:    cobra.NoArgs,
		PreRunE: func(cmd *cobra.Command, _ []string) error { return bindConfig(cmd) },
		RunE:    func(cmd *cobra.Command, _ []string) error { return runRequest(cmd, ro) },
	}
	ro.chain = addChainFlags(c, true, 2)
	f := c.Flags()
	f.StringVar(&ro.kernel, "kernel", "", "kernel id (0x + 64 hex digits, printed by 'aivm kernel register')")
	f.StringVar(&ro.model, "model", "", "the kernel's model: built-in name or model file (default: its model root among the built-in models)")
	f.StringVar(&ro.store, "store", "aivm-store", "generation: content store directory looked up for the kernel's model (its tokenizer) when --prompt is given without --model and the model is not built in")
	f.StringSliceVar(&ro.inputs, "input", nil, "input tensor file (canonical encoding); repeat in the graph's input order")
	f.IntVar(&ro.sample, "sample", 0, "use test item N of a built-in model as the input")
	f.StringArrayVar(&ro.submitters, "submitter", nil, "address allowed to answer during the first half of the request timeout (repeat; default: anyone at once)")
	f.Var(&ro.fee, "fee", "fee paid with the request, wei (units allowed: 0.01ether)")
	f.StringVar(&ro.callback, "callback", "", "contract called with onInferenceResult at finalization (IInferenceConsumer)")
	f.Uint32Var(&ro.callbackGas, "callback-gas", 0, "gas limit of the callback (at most the market's maxCallbackGas)")
	f.BoolVar(&ro.wait, "wait", false, "wait for the final result and print it")
	f.DurationVar(&ro.timeout, "timeout", 0, "with --wait: give up after this long (0: never)")
	f.BoolVar(&ro.asJSON, "json", false, "print one JSON object as the last stdout line")
	ro.gen.addFlags(c)
	return c
}

// requestModel resolves the kernel's model: --model, or its model root
// among the built-in models. It returns nil (and no error) when neither
// works and the caller may go on without a model.
func requestModel(rec *registry.Record, name string) (*graph.Model, *zoo.Entry, error) {
	explicit := name != ""
	if !explicit {
		name = rec.ModelRoot.Hex()
	}
	m, entry, err := zoo.Resolve(name)
	if err != nil {
		if explicit {
			return nil, nil, fmt.Errorf("--model: %w", err)
		}
		return nil, nil, nil
	}
	root, err := m.Root()
	if err != nil {
		return nil, nil, err
	}
	if common.Hash(root) != rec.ModelRoot {
		return nil, nil, fmt.Errorf("model %s has root %s, kernel %s is registered for model root %s", name, common.Hash(root), rec.ID, rec.ModelRoot)
	}
	return m, entry, nil
}

func runRequest(cmd *cobra.Command, ro *requestOptions) error {
	ctx := signalCtx(cmd)
	flags := cmd.Flags()
	log := slog.Default().With("cmd", "request")
	progress := cmd.ErrOrStderr()
	switch {
	case ro.kernel == "":
		return errors.New("--kernel ID is required (printed by 'aivm kernel register')")
	case ro.fee.v == nil || ro.fee.v.Sign() <= 0:
		return errors.New("--fee must be > 0 (wei, or with a unit: 0.01ether)")
	case !ro.gen.active() && flags.Changed("sample") == (len(ro.inputs) > 0):
		return errors.New("give exactly one of --sample N and --input FILE")
	case ro.callback != "" && !common.IsHexAddress(ro.callback):
		return fmt.Errorf("--callback %q is not an address", ro.callback)
	case ro.callback != "" && ro.callbackGas == 0:
		return errors.New("--callback needs --callback-gas")
	case ro.callback == "" && ro.callbackGas != 0:
		return errors.New("--callback-gas goes with --callback")
	case len(ro.submitters) > market.MaxSubmitters:
		return fmt.Errorf("%d --submitter addresses, the market takes at most %d", len(ro.submitters), market.MaxSubmitters)
	}
	submitters := make([]common.Address, len(ro.submitters))
	for i, a := range ro.submitters {
		if !common.IsHexAddress(a) {
			return fmt.Errorf("--submitter %q is not an address", a)
		}
		submitters[i] = common.HexToAddress(a)
	}
	kernelID, err := parseHash32(ro.kernel)
	if err != nil {
		return fmt.Errorf("--kernel: %w", err)
	}
	cn, err := ro.chain.dial(ctx, true, log)
	if err != nil {
		return err
	}
	defer cn.Close()
	if m := cn.addrs.Config.MaxCallbackGas; m != 0 && uint64(ro.callbackGas) > m {
		return fmt.Errorf("--callback-gas %d exceeds the market's maxCallbackGas %d", ro.callbackGas, m)
	}
	reg := registry.New(cn.addrs.Registry, cn.client)
	rec, err := reg.Get(ctx, kernelID)
	if err != nil {
		return fmt.Errorf("kernel %s: %w", common.Hash(kernelID), err)
	}
	m, entry, err := requestModel(rec, ro.model)
	if err != nil {
		return err
	}
	if ro.gen.active() {
		if m == nil && ro.gen.prompt != "" {
			if m, err = storedModel(ctx, ro.store, rec); err != nil {
				return err
			}
		}
		return runGeneration(cmd, ro, rec, m, cn, market.New(*cn.addrs, cn.client))
	}

	// Inputs.
	var ins []*tensor.Tensor
	var sampleLabel string
	if flags.Changed("sample") {
		if entry == nil {
			return fmt.Errorf("--sample needs a built-in model; kernel %s's model root %s is none (use --input)", rec.ID, rec.ModelRoot)
		}
		s, err := entry.Sample(ro.sample)
		if err != nil {
			return fmt.Errorf("--sample: %w", err)
		}
		ins, sampleLabel = s.Inputs, s.Label
	} else if ins, err = readInputs(ro.inputs); err != nil {
		return err
	}
	if m != nil {
		ex, err := graph.NewExecutor(m)
		if err != nil {
			return err
		}
		if err := ex.CheckInputs(ins); err != nil {
			return err
		}
	}
	encoded := make([][]byte, len(ins))
	for i, t := range ins {
		if encoded[i], err = t.Encode(); err != nil {
			return fmt.Errorf("input %d: %w", i, err)
		}
	}

	// The market refuses any other count (InvalidInputCount); say so first.
	if len(ins) != int(rec.NumInputs) {
		return fmt.Errorf("%d input tensor(s), kernel %s takes %d", len(ins), rec.ID, rec.NumInputs)
	}
	slots, err := rec.ResultSlots()
	if err != nil {
		return err
	}

	// Send.
	mc := market.New(*cn.addrs, cn.client)
	var cb common.Address
	if ro.callback != "" {
		cb = common.HexToAddress(ro.callback)
	}
	log.Info("sending request", "kernel", rec.ID, "fee", formatWei(ro.fee.v), "inputs", len(ins), "output_slots", slots,
		"submitters", len(submitters), "from", cn.from)
	rc, err := cn.tx.Send(ctx, cn.addrs.Market, mc.PackRequest(rec.ID, encoded, cb, ro.callbackGas, submitters), ro.fee.v)
	if err != nil {
		return sendErr("requestInference", err)
	}
	ev, err := mc.Requested(rc)
	if err != nil {
		return err
	}
	sum := &requestSummary{RequestID: ev.RequestId.String(), KernelID: rec.ID, Tx: rc.TxHash, Block: rc.BlockNumber.Uint64(),
		GasUsed: rc.GasUsed, Fee: ro.fee.v.String(), OutputSlots: slots, OpenAfter: ev.OpenAfter, InitialState: ev.InitialState,
		SampleLabel: sampleLabel, Status: statusName(market.StatusOpen), Submitters: ev.Submitters}
	w := cmd.OutOrStdout()
	if !ro.asJSON {
		fmt.Fprintf(w, "request %s\n", sum.RequestID)
	}
	fmt.Fprintf(progress, "request %s sent in block %d (tx %s, gas %d), S_0 %s\n", sum.RequestID, sum.Block, sum.Tx, sum.GasUsed, sum.InitialState)
	if sampleLabel != "" {
		fmt.Fprintf(progress, "sample %d: test-set label %q\n", ro.sample, sampleLabel)
	}
	if len(ev.Submitters) > 0 {
		fmt.Fprintf(progress, "only the %d listed submitter(s) may answer until %s; anyone after\n", len(ev.Submitters),
			time.Unix(int64(ev.OpenAfter), 0).UTC().Format(time.RFC3339))
	}
	if !ro.wait {
		if ro.asJSON {
			return printJSON(w, sum)
		}
		return nil
	}

	// Wait.
	r, err := ro.waitFinal(ctx, cn, mc, ev.RequestId, sum.Block, progress)
	if err != nil {
		return err
	}
	sum.Status, sum.Round = statusName(r.Status), r.Round
	if r.Status == market.StatusCancelled {
		if ro.asJSON {
			if err := printJSON(w, sum); err != nil {
				return err
			}
			return ExitCode(1)
		}
		return fmt.Errorf("request %s was cancelled without a result; the fee is credited back to the requester (withdraw it from the market)", sum.RequestID)
	}
	sub, fs, oc := r.Submitter, common.Hash(r.Candidate.FinalState), common.Hash(r.Candidate.OutputCommitment)
	sum.Submitter, sum.FinalState, sum.OutputCommitment = &sub, &fs, &oc
	sum.OutputHex = hexutil.Encode(r.Candidate.Output)
	explainOutput(sum, r.Candidate.Output, rec.Aggregation, entry)
	if ro.asJSON {
		return printJSON(w, sum)
	}
	fmt.Fprintf(w, "status       finalized (round %d)\n", sum.Round)
	fmt.Fprintf(w, "submitter    %s\n", sub)
	fmt.Fprintf(w, "final state  %s\n", fs)
	fmt.Fprintf(w, "commitment   %s\n", oc)
	switch {
	case sum.Output != nil:
		fmt.Fprintf(w, "output       %s %v = %s\n", sum.Output.DType, sum.Output.Shape, short(sum.Output.Data))
	case len(sum.Outputs) > 0:
		for i, o := range sum.Outputs {
			fmt.Fprintf(w, "output %-5d %s %v = %s\n", i, o.DType, o.Shape, short(o.Data))
		}
	default:
		fmt.Fprintf(w, "output       %s (%s)\n", sum.OutputHex, sum.OutputError)
	}
	if sum.Class != nil {
		if sum.Label != "" {
			fmt.Fprintf(w, "class        %d (%s)\n", *sum.Class, sum.Label)
		} else {
			fmt.Fprintf(w, "class        %d\n", *sum.Class)
		}
	}
	return nil
}

// explainOutput decodes the posted output (one tensor; for the outputs
// rule every graph output's, back to back) and, for argmax and logits,
// adds the class (the argmax) and the built-in model's label for it.
func explainOutput(sum *requestSummary, out []byte, aggregation string, entry *zoo.Entry) {
	ts, err := market.SplitOutput(out)
	if err != nil {
		sum.OutputError = fmt.Sprintf("not canonical tensor encodings: %v", err)
		return
	}
	if aggregation == kernel.AggOutputs {
		for _, t := range ts {
			sum.Outputs = append(sum.Outputs, viewTensor(t))
		}
		return
	}
	if len(ts) != 1 {
		sum.OutputError = fmt.Sprintf("%d tensors, the %s rule posts one", len(ts), aggregation)
		return
	}
	t := ts[0]
	v := viewTensor(t)
	sum.Output = &v
	if t.DType != tensor.I32 || t.Len() == 0 {
		return
	}
	var class int
	switch aggregation {
	case kernel.AggArgmax:
		if t.Len() != 1 {
			return
		}
		class = int(t.I32[0])
	case kernel.AggLogits:
		for i, x := range t.I32 {
			if x > t.I32[class] {
				class = i
			}
		}
	default:
		return
	}
	sum.Class = &class
	if entry != nil && entry.Explain != nil {
		ct, err := tensor.FromI32([]int32{int32(class)}, 1)
		if err == nil {
			sum.Label = entry.Explain([]*tensor.Tensor{ct})
		}
	}
}

// requestWatcher follows one request: its record and its events.
// waitFinal follows request id from block from until it is finalized or
// cancelled, within --timeout; inference and generation requests share it.
func (ro *requestOptions) waitFinal(ctx context.Context, cn *conn, mc *market.Client, id *big.Int, from uint64, progress io.Writer) (bindings.InferenceMarketRequest, error) {
	wctx := ctx
	if ro.timeout > 0 {
		var cancel context.CancelFunc
		wctx, cancel = context.WithTimeout(ctx, ro.timeout)
		defer cancel()
	}
	rw := &requestWatcher{cn: cn, mc: mc, id: id, next: from, out: progress, status: market.StatusOpen,
		poll: ro.chain.poll, requestTimeout: cn.addrs.Config.RequestTimeout, outage: cn.outage}
	r, err := rw.wait(wctx)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
			return r, fmt.Errorf("request %s: no final result after --timeout %s (status %s)", id, ro.timeout, statusName(rw.status))
		}
		return r, fmt.Errorf("request %s: %w", id, err)
	}
	return r, nil
}

type requestWatcher struct {
	cn             *conn
	mc             *market.Client
	id             *big.Int
	next           uint64 // next block to scan for events
	out            io.Writer
	poll           time.Duration
	requestTimeout uint64
	outage         *chain.Outage // transport failures: logged once per outage
	backoff        chain.Backoff // zero: chain.DefaultBackoff

	status       uint8
	windowOver   uint64 // window end already reported as passed
	timeoutNoted bool
}

// wait polls until the request is finalized or cancelled and returns its
// final record. Transport failures (the node down or unreachable) are
// retried with backoff until ctx is done; other errors end the wait.
func (rw *requestWatcher) wait(ctx context.Context) (bindings.InferenceMarketRequest, error) {
	if rw.outage == nil {
		rw.outage = &chain.Outage{What: "rpc"}
	}
	failures := 0
	for {
		r, done, err := rw.step(ctx)
		switch {
		case err == nil && done:
			rw.outage.OK()
			return r, nil
		case err == nil:
			failures = 0
			rw.outage.OK()
		case chain.IsTransient(err) && ctx.Err() == nil:
			failures++
			rw.outage.Fail("request poll", err)
		case ctx.Err() != nil:
			return r, ctx.Err()
		default:
			// A market read failing with empty data means the market is gone
			// (node reset): say so rather than "abi: ... empty string".
			if gone := chain.CheckContracts(ctx, rw.cn.client, map[string]common.Address{"inference_market": rw.cn.addrs.Market}); errors.Is(gone, chain.ErrContractsGone) {
				return r, gone
			}
			return r, err
		}
		delay := rw.poll
		if failures > 0 {
			delay = max(delay, rw.backoff.Delay(failures-1))
		}
		if err := chain.Sleep(ctx, delay); err != nil {
			return r, err
		}
	}
}

// step is one poll of wait: the request's events and record; done once
// it is finalized or cancelled.
func (rw *requestWatcher) step(ctx context.Context) (r bindings.InferenceMarketRequest, done bool, err error) {
	if err := rw.sweep(ctx); err != nil {
		return r, false, err
	}
	if r, err = rw.mc.Request(ctx, rw.id); err != nil {
		return r, false, err
	}
	if r.Status != rw.status {
		fmt.Fprintf(rw.out, "status %s -> %s\n", statusName(rw.status), statusName(r.Status))
		rw.status = r.Status
	}
	if r.Status == market.StatusFinalized || r.Status == market.StatusCancelled {
		return r, true, rw.sweep(ctx)
	}
	return r, false, rw.noteTime(ctx, r)
}

// noteTime reports, by the chain's clock, a passed challenge window and a
// request that may be cancelled.
func (rw *requestWatcher) noteTime(ctx context.Context, r bindings.InferenceMarketRequest) error {
	h, err := rw.cn.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("latest header: %w", err)
	}
	switch {
	case r.Status == market.StatusSubmitted && h.Time >= r.WindowEnd && rw.windowOver != r.WindowEnd:
		rw.windowOver = r.WindowEnd
		if r.OpenChallenges > 0 {
			fmt.Fprintf(rw.out, "challenge window over (block %d), %d challenge(s) still open\n", h.Number, r.OpenChallenges)
		} else {
			fmt.Fprintf(rw.out, "challenge window over (block %d): waiting for finalization\n", h.Number)
		}
	case r.Status == market.StatusOpen && rw.requestTimeout > 0 && h.Time >= r.CreatedAt+rw.requestTimeout && !rw.timeoutNoted:
		rw.timeoutNoted = true
		fmt.Fprintf(rw.out, "no result within the request timeout (%d s): anyone may now cancel the request (aivm cancel %s)\n", rw.requestTimeout, rw.id)
	}
	return nil
}

// sweep prints the request's market events up to the latest block.
func (rw *requestWatcher) sweep(ctx context.Context) error {
	head, err := rw.cn.client.BlockNumber(ctx)
	if err != nil {
		return fmt.Errorf("block number: %w", err)
	}
	if head < rw.next {
		return nil
	}
	q := ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(rw.next), ToBlock: new(big.Int).SetUint64(head),
		Addresses: []common.Address{rw.cn.addrs.Market}, Topics: [][]common.Hash{nil, {common.BigToHash(rw.id)}}}
	logs, err := rw.cn.client.FilterLogs(ctx, q)
	if err != nil {
		return fmt.Errorf("market logs %d..%d: %w", rw.next, head, err)
	}
	for i := range logs {
		rw.describe(ctx, &logs[i])
	}
	rw.next = head + 1
	return nil
}

// describe prints one event of the request.
func (rw *requestWatcher) describe(ctx context.Context, l *types.Log) {
	m := rw.mc.Market
	at := fmt.Sprintf("[block %d] ", l.BlockNumber)
	in := func(end uint64) string {
		h, err := rw.cn.client.HeaderByNumber(ctx, new(big.Int).SetUint64(l.BlockNumber))
		if err != nil || end <= h.Time {
			return ""
		}
		return fmt.Sprintf(" (in %d s)", end-h.Time)
	}
	switch market.EventName(*l) {
	case "ResultSubmitted":
		if ev, err := m.UnpackResultSubmittedEvent(l); err == nil {
			fmt.Fprintf(rw.out, "%sresult submitted by %s (S_n %s); challenge window ends at %s%s\n", at, ev.Submitter,
				common.Hash(ev.FinalState), time.Unix(int64(ev.WindowEnd), 0).UTC().Format(time.RFC3339), in(ev.WindowEnd))
		}
	case "ChallengeOpened":
		if ev, err := m.UnpackChallengeOpenedEvent(l); err == nil {
			fmt.Fprintf(rw.out, "%schallenge #%s opened by %s (game %s, S_n %s)\n", at, ev.ChallengeIndex, ev.Challenger, ev.GameId, common.Hash(ev.FinalState))
		}
	case "ChallengeLost":
		if ev, err := m.UnpackChallengeLostEvent(l); err == nil {
			fmt.Fprintf(rw.out, "%schallenge #%s resolved: the result stands (challenger's bond: half burned, half to %s)\n", at, ev.ChallengeIndex, ev.Submitter)
		}
	case "ChallengeWon":
		if ev, err := m.UnpackChallengeWonEvent(l); err == nil {
			if ev.ReplacedCandidate {
				fmt.Fprintf(rw.out, "%schallenge #%s resolved: won by %s, whose result is the new candidate; window ends at %s%s\n", at,
					ev.ChallengeIndex, ev.Challenger, time.Unix(int64(ev.WindowEnd), 0).UTC().Format(time.RFC3339), in(ev.WindowEnd))
			} else {
				fmt.Fprintf(rw.out, "%schallenge #%s resolved: won by %s against an already refuted result\n", at, ev.ChallengeIndex, ev.Challenger)
			}
		}
	case "RoundSettled":
		if ev, err := m.UnpackRoundSettledEvent(l); err == nil {
			fmt.Fprintf(rw.out, "%sround %d's refuted result has no game left: %s wei burned, %s wei to each of %d winner(s)\n", at,
				ev.Round, ev.Burned, ev.Share, ev.Winners)
		}
	case "RewardClaimed":
		if ev, err := m.UnpackRewardClaimedEvent(l); err == nil {
			fmt.Fprintf(rw.out, "%schallenge #%s's reward claimed: %s wei to %s\n", at, ev.ChallengeIndex, ev.Amount, ev.Challenger)
		}
	case "RequestFinalized":
		if ev, err := m.UnpackRequestFinalizedEvent(l); err == nil {
			fmt.Fprintf(rw.out, "%sfinalized: fee %s and bond %s credited to %s\n", at, ev.Fee, ev.Bond, ev.Submitter)
		}
	case "CallbackResult":
		if ev, err := m.UnpackCallbackResultEvent(l); err == nil {
			fmt.Fprintf(rw.out, "%scallback %s: success %t\n", at, ev.Callback, ev.Success)
		}
	case "RequestCancelled":
		if ev, err := m.UnpackRequestCancelledEvent(l); err == nil {
			fmt.Fprintf(rw.out, "%scancelled by %s: fee %s credited back\n", at, ev.Requester, ev.Fee)
		}
	}
}
