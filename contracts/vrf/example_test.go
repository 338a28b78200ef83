package vrf_test

import (
	"bytes"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/aivm-dev/aivm/contracts/vrf"
)

// A submitter's whole use of the package: derive the key from its secret
// seed, register the public key with a proof of possession, then answer each
// request with its proof; the market checks the same (BN254VRF.sol) and both
// sides get the same seed.
func Example() {
	sk, err := vrf.KeyFromSeed(bytes.Repeat([]byte{0x42}, vrf.MinSeedLen))
	if err != nil {
		panic(err)
	}
	submitter := common.HexToAddress("0x00000000000000000000000000000000005eed01")
	pk := sk.PublicKey()
	pop, err := sk.ProvePossession(submitter)
	if err != nil {
		panic(err)
	}
	fmt.Println("registration accepted:", vrf.VerifyPossession(pk, submitter, pop) == nil)

	req := vrf.Request{
		ChainID:   big.NewInt(31337),
		Market:    common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3"),
		RequestID: big.NewInt(7),
	}
	proof, seed, err := sk.Evaluate(req)
	if err != nil {
		panic(err)
	}
	checked, err := vrf.VerifyRequest(pk, req, proof)
	fmt.Println("proof verifies:", err == nil, "same seed:", checked == seed)

	req.RequestID = big.NewInt(8)
	_, err = vrf.VerifyRequest(pk, req, proof)
	fmt.Println("another request:", err)
	// Output:
	// registration accepted: true
	// proof verifies: true same seed: true
	// another request: vrf: signature does not verify for this key and message
}
