// Package agent is what the submitter and the challenger share
// (docs/services.md): the duty store of requests and games, following the
// market's events, the run loop, the registered kernels a service runs,
// and playing, resolving and claiming its games. A service is a Policy
// over an Agent (its own rule for each request duty, and what it does when
// it sees a request or a candidate); submitter and challenger are siblings
// that each build one.
//
// The agent takes its collaborators as small interfaces (Market, Kernels,
// Players, DutyStore, Metrics), so the services' decisions are unit-tested
// against a fake chain (agent/agenttest); Env.Connect wires them to a real
// deployment.
package agent
