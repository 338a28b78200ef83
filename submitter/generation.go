package submitter

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/submitter/agent"
)

// errNoVRFKey: a generation request needs a VRF key (Config.VRF).
var errNoVRFKey = errors.New("submitter: no VRF key configured: generation requests are not answered")

// RegisterVRF registers the configured VRF key with the market unless the
// market already holds it for this account. A key answers only requests
// made in a later block (docs/protocol.md 8.2), so a service registers it
// before it serves: requests made earlier are left to others. It returns
// the key's registration block.
func (s *Service) RegisterVRF(ctx context.Context) (uint64, error) {
	if s.cfg.VRF == nil {
		return 0, errNoVRFKey
	}
	gm, err := s.Generations()
	if err != nil {
		return 0, err
	}
	rec, err := gm.VrfKey(ctx, s.Address())
	if err != nil {
		return 0, err
	}
	want := s.cfg.VRF.PublicKey().Words()
	same := rec.RegisteredBlock != 0
	for i := range want {
		same = same && rec.Pk[i] != nil && rec.Pk[i].Cmp(want[i]) == 0
	}
	if same {
		return rec.RegisteredBlock, nil
	}
	rc, err := gm.RegisterVrfKey(ctx, s.cfg.VRF)
	if err != nil {
		return 0, fmt.Errorf("register VRF key: %w", err)
	}
	s.Log.Info("VRF key registered", "block", rc.BlockNumber, "gas", rc.GasUsed)
	return rc.BlockNumber.Uint64(), nil
}

// answerGeneration evaluates the VRF on generation request id, runs the
// unrolled generation with the seed and posts the result with the proof.
// It reports whether the result was posted.
func (s *Service) answerGeneration(ctx context.Context, d *agent.RequestDuty, id *big.Int) (bool, error) {
	if s.cfg.VRF == nil {
		s.vrfWarn.Do(func() { s.Log.Warn("generation request left unanswered", "request", id, "err", errNoVRFKey) })
		return false, nil
	}
	gm, err := s.Generations()
	if err != nil {
		return false, err
	}
	keyBlock, err := s.RegisterVRF(ctx)
	if err != nil {
		return false, err
	}
	rec, err := gm.Generation(ctx, id)
	if err != nil {
		return false, err
	}
	if keyBlock >= rec.CreatedBlock {
		s.Log.Info("generation request older than our VRF key: left to others", "request", id,
			"key_block", keyBlock, "request_block", rec.CreatedBlock)
		d.Posted = true // nothing this key can do for it; the duty only follows it to its end
		return false, s.SaveRequest(*d)
	}
	chainID, err := gm.ChainID(ctx)
	if err != nil {
		return false, err
	}
	proof, seed, err := s.cfg.VRF.Evaluate(gm.VRFRequest(chainID, id, d.KernelID))
	if err != nil {
		return false, fmt.Errorf("VRF: %w", err)
	}
	if d.Generation.Seed != common.Hash(seed) {
		d.Generation.Seed = seed
		if err := s.SaveRequest(*d); err != nil {
			return false, err
		}
	}
	res, err := s.Result(ctx, *d)
	if err != nil {
		return false, err
	}
	rc, err := gm.SubmitGeneration(ctx, id, proof, res, s.cfg.Bond)
	if err != nil {
		if chain.IsRevert(err, "BadRequestStatus") {
			return false, nil
		}
		return false, fmt.Errorf("submit generation: %w", err)
	}
	d.Posted, d.PostedAt = true, time.Now().UnixMilli()
	if err := s.SaveRequest(*d); err != nil {
		return false, err
	}
	s.Inc("aivm_results_posted_total")
	s.ObserveStage(agent.StageSeenToPosted, *d)
	s.Log.Info("generation posted", "request", id, "seed", common.Hash(seed), "final_state", res.FinalState,
		"gas", rc.GasUsed, "output_bytes", len(res.Output))
	return true, nil
}
