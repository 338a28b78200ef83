package agent

import (
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Request stages, for the stage-duration metrics: seen -> posted (a
// submitter's result) or challenged (a challenger's challenge) ->
// finalized.
const (
	StageSeenToPosted     = "seen_to_posted"
	StageSeenToChallenged = "seen_to_challenged"
	StagePostedToFinal    = "posted_to_finalized"
	StageSeenToFinal      = "seen_to_finalized"
)

// StageObserver is a Metrics that records durations with labels (a
// histogram or summary); cmd's metrics registry implements it where it
// can. Without it the agent keeps a sum and a count per stage
// (aivm_request_<stage>_seconds_sum and _count).
type StageObserver interface {
	ObserveStage(stage string, kernel common.Hash, d time.Duration)
}

// observeStage records that request d's stage took from start (unix ms)
// until now.
func (a *Agent) observeStage(stage string, kernel common.Hash, startMs int64) {
	if a.Metrics == nil || startMs <= 0 {
		return
	}
	d := time.Since(time.UnixMilli(startMs))
	if o, ok := a.Metrics.(StageObserver); ok {
		o.ObserveStage(stage, kernel, d)
		return
	}
	a.Metrics.Add("aivm_request_"+stage+"_seconds_sum", d.Seconds())
	a.Metrics.Add("aivm_request_"+stage+"_seconds_count", 1)
}

// ObserveStage records one stage of request d ending now (StageSeenTo*
// from d.SeenAt, StagePostedToFinal from d.PostedAt).
func (a *Agent) ObserveStage(stage string, d RequestDuty) {
	start := d.SeenAt
	if stage == StagePostedToFinal {
		start = d.PostedAt
	}
	a.observeStage(stage, d.KernelID, start)
}
