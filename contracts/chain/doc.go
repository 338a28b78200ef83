// Package chain is the chain plumbing shared by the aivm daemons (the
// submitter and the challenger): everything between "I have calldata" and
// "it is final on chain", and between "something happened on chain" and "a
// handler saw it exactly once".
//
// The daemons run against two kinds of EVM backend: the in-process
// go-ethereum simulated backend (tests, `aivm devnet`) and a JSON-RPC node
// (anvil, geth) in production. Backend is the method set both provide, so
// every part of this package works unchanged on either.
//
//   - TxManager owns one key. It estimates gas, assigns nonces itself (so
//     concurrent duties of one daemon never collide), signs EIP-1559
//     transactions, bumps their fees when they sit unmined, waits for
//     confirmations and re-sends transactions a reorg dropped. A fraud-proof
//     daemon that loses a transaction loses a bond, so "sent" is never
//     treated as "done". It resynchronizes its nonce from the node when a
//     transaction vanishes, a nonce gap appears (a node reset with its state
//     lost) or its nonce is taken, and reports a transaction pending past
//     StuckAfter (a WARN, and Pending for metrics). A Send under WithAnchor
//     stops (ErrAnchorGone), cancelling its pending transaction, once the
//     block of the event it answers leaves the canonical chain.
//   - Retry, Backoff, IsTransient and Outage ride out a node outage: capped,
//     jittered backoff on transport failures, one WARN when an outage starts
//     and one INFO when it ends. TxManager and LogWatcher use them; so do
//     the services and `aivm request --wait`.
//   - Identity (chain id and genesis hash) tells a chain from a reset of it
//     (Identity.Check: ErrChainChanged); CheckContracts reports contracts
//     without code (ErrContractsGone). Instrument reports every call of a
//     Backend by JSON-RPC method (contracts/telemetry counts the errors).
//   - RevertError is the one revert error: the raw revert data of a failed
//     estimate, call or mined transaction, named (ErrorName) from every
//     contract's ABI; Decode turns any backend error carrying revert data
//     into one and IsRevert matches a custom error by name.
//   - LogWatcher follows contract events from a start block, delivers each
//     log once its block is deep enough, detects reorgs of blocks it already
//     processed and re-delivers from the fork point, and checkpoints so a
//     restarted daemon resumes where it stopped.
//   - Store is a small embedded bbolt database for durable duties (what a
//     daemon has promised to do before a deadline) and watcher checkpoints.
//     It is file-locked: two daemons sharing one database would both act on
//     the same duties.
//   - AutoMine makes the simulated backend, which only mines on Commit,
//     behave like a chain that produces blocks on its own, so TxManager and
//     LogWatcher need no simulated-backend special cases.
package chain
