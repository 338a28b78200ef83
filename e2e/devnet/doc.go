// Package devnet is the AIVM network the devnet and the e2e suite run on:
// a chain (go-ethereum's simulated backend in process, or a dev node over
// JSON-RPC: anvil, geth --dev, started by StartAnvil and StartGeth) with
// the contracts deployed, the fashion-mnist kernel built and registered and
// a consumer contract (Network), the real submitter and challenger
// services run on it (StartSubmitter, StartChallenger), and Run, the main
// job (`aivm devnet`): the whole flow, narrated line by line, every line
// checked.
package devnet
