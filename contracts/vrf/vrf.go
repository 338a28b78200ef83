// Package vrf is the verifiable random function that seeds sampled generation
// requests: BLS signatures on BN254 with gnark-crypto. A submitter signs the
// request's message with its registered key; the market checks the signature
// on chain (contracts/src/lib/BN254VRF.sol, one EIP-197 pairing check) and the
// request's seed is keccak256 of the signature.
//
// Why BLS: a BLS signature is a deterministic function of the key and the
// message, and for a public key in G2 exactly one G1 point verifies, so the
// seed is unique per key and request and the submitter cannot grind it; it can
// only refuse to answer. Why signatures in G1 and keys in G2: the on-chain
// side then hashes to G1 (cheap: Fp arithmetic and one ecAdd precompile call)
// and never computes in G2.
//
// The message is abi.encode(chainId, market, requestId, kernelId) hashed to G1
// with RFC 9380 hash_to_curve (suite BN254G1_XMD:SHA-256_SVDW_RO_) under
// VRFDST; proofs of possession sign the key's own encoding and the owner's
// address under PoPDST. docs/protocol.md, "VRF seeds for sampling", states
// the construction and its properties.
package vrf

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Domain separation tags (RFC 9380 section 3.1). The Solidity library holds
// the same strings (BN254VRF.VRF_DST, POP_DST); the agreement tests check it.
const (
	VRFDST    = "AIVM-VRF-V01-CS01-with-BN254G1_XMD:SHA-256_SVDW_RO_"
	PoPDST    = "AIVM-POP-V01-CS01-with-BN254G1_XMD:SHA-256_SVDW_RO_"
	keyGenDST = "AIVM-VRF-V01-KEYGEN-BN254-FR_XMD:SHA-256_"
)

// MinSeedLen is the shortest key-generation seed accepted: 32 bytes, so the
// key has at least 128 bits of entropy whatever the seed's source.
const MinSeedLen = 32

// MessageLen is the length of a request message: four 32-byte ABI words.
const MessageLen = 128

// Refusal reasons. They match BN254VRF.Status on chain one to one.
var (
	ErrCoordinateRange     = errors.New("vrf: coordinate not below the field modulus")
	ErrSignatureAtInfinity = errors.New("vrf: signature is the point at infinity")
	ErrSignatureNotOnCurve = errors.New("vrf: signature is not on the curve")
	ErrPublicKeyAtInfinity = errors.New("vrf: public key is the point at infinity")
	ErrPublicKeyInvalid    = errors.New("vrf: public key is not in G2")
	ErrPairingMismatch     = errors.New("vrf: signature does not verify for this key and message")
)

// SecretKey is a scalar of BN254's prime-order groups, never zero.
type SecretKey struct{ s fr.Element }

// PublicKey is sk * g2, a point of G2.
type PublicKey struct{ p bn254.G2Affine }

// Signature is sk * H(m), a point of G1; as a VRF proof its hash is the seed.
type Signature struct{ p bn254.G1Affine }

// KeyFromSeed derives a secret key from at least MinSeedLen bytes of secret
// seed: hash_to_field over the scalar field (48 bytes reduced mod r, so the
// key is uniform). The same seed always gives the same key.
func KeyFromSeed(seed []byte) (*SecretKey, error) {
	if len(seed) < MinSeedLen {
		return nil, fmt.Errorf("vrf: key seed of %d bytes, need at least %d", len(seed), MinSeedLen)
	}
	s, err := fr.Hash(seed, []byte(keyGenDST), 1)
	if err != nil {
		return nil, fmt.Errorf("vrf: derive key: %w", err)
	}
	if s[0].IsZero() {
		return nil, errors.New("vrf: seed derives the zero key")
	}
	return &SecretKey{s: s[0]}, nil
}

// GenerateKey draws a MinSeedLen-byte seed from r (crypto/rand when nil) and
// derives a key from it.
func GenerateKey(r io.Reader) (*SecretKey, error) {
	if r == nil {
		r = rand.Reader
	}
	seed := make([]byte, MinSeedLen)
	if _, err := io.ReadFull(r, seed); err != nil {
		return nil, fmt.Errorf("vrf: read key seed: %w", err)
	}
	return KeyFromSeed(seed)
}

// PublicKey returns sk * g2.
func (sk *SecretKey) PublicKey() *PublicKey {
	var pk PublicKey
	pk.p.ScalarMultiplicationBase(sk.s.BigInt(new(big.Int)))
	return &pk
}

// Sign returns sk * H(msg), H being hash_to_curve under VRFDST.
func (sk *SecretKey) Sign(msg []byte) (*Signature, error) {
	return sk.signDST(msg, VRFDST)
}

func (sk *SecretKey) signDST(msg []byte, dst string) (*Signature, error) {
	h, err := bn254.HashToG1(msg, []byte(dst))
	if err != nil {
		return nil, fmt.Errorf("vrf: hash to G1: %w", err)
	}
	var sig Signature
	sig.p.ScalarMultiplication(&h, sk.s.BigInt(new(big.Int)))
	return &sig, nil
}

// Verify checks sig against pk and msg under VRFDST, with the same checks and
// in the same order as BN254VRF.check on chain; the error is one of the
// Err* values above (wrapped).
func Verify(pk *PublicKey, msg []byte, sig *Signature) error {
	return verifyDST(pk, msg, sig, VRFDST)
}

func verifyDST(pk *PublicKey, msg []byte, sig *Signature, dst string) error {
	if pk == nil || sig == nil {
		return errors.New("vrf: nil public key or signature")
	}
	if sig.p.IsInfinity() {
		return ErrSignatureAtInfinity
	}
	// BN254's G1 has cofactor 1: on the curve is in the group.
	if !sig.p.IsOnCurve() {
		return ErrSignatureNotOnCurve
	}
	if pk.p.IsInfinity() {
		return ErrPublicKeyAtInfinity
	}
	if !pk.p.IsOnCurve() || !pk.p.IsInSubGroup() {
		return ErrPublicKeyInvalid
	}
	h, err := bn254.HashToG1(msg, []byte(dst))
	if err != nil {
		return fmt.Errorf("vrf: hash to G1: %w", err)
	}
	_, _, _, g2 := bn254.Generators()
	var negG2 bn254.G2Affine
	negG2.Neg(&g2)
	ok, err := bn254.PairingCheck([]bn254.G1Affine{sig.p, h}, []bn254.G2Affine{negG2, pk.p})
	if err != nil {
		return fmt.Errorf("vrf: pairing: %w", err)
	}
	if !ok {
		return ErrPairingMismatch
	}
	return nil
}

// Request names one generation request: the VRF message binds the seed to
// the chain, the market contract, the request and the kernel.
type Request struct {
	ChainID   *big.Int
	Market    common.Address
	RequestID *big.Int
	KernelID  [32]byte
}

// Message returns abi.encode(chainId, market, requestId, kernelId), the
// bytes BN254VRF.requestMessage builds on chain.
func (r Request) Message() ([]byte, error) {
	msg := make([]byte, MessageLen)
	if err := putWord(msg[0:32], r.ChainID); err != nil {
		return nil, fmt.Errorf("vrf: chain id: %w", err)
	}
	copy(msg[32+12:64], r.Market[:])
	if err := putWord(msg[64:96], r.RequestID); err != nil {
		return nil, fmt.Errorf("vrf: request id: %w", err)
	}
	copy(msg[96:128], r.KernelID[:])
	return msg, nil
}

func putWord(dst []byte, v *big.Int) error {
	if v == nil || v.Sign() < 0 || v.BitLen() > 256 {
		return fmt.Errorf("%v is not a uint256", v)
	}
	v.FillBytes(dst)
	return nil
}

// Evaluate signs the request's message and returns the proof and the seed.
func (sk *SecretKey) Evaluate(req Request) (*Signature, [32]byte, error) {
	msg, err := req.Message()
	if err != nil {
		return nil, [32]byte{}, err
	}
	sig, err := sk.Sign(msg)
	if err != nil {
		return nil, [32]byte{}, err
	}
	return sig, sig.Seed(), nil
}

// VerifyRequest checks a proof for a request and returns the seed it yields,
// as BN254VRF.verifiedSeed does on chain.
func VerifyRequest(pk *PublicKey, req Request, sig *Signature) ([32]byte, error) {
	msg, err := req.Message()
	if err != nil {
		return [32]byte{}, err
	}
	if err := Verify(pk, msg, sig); err != nil {
		return [32]byte{}, err
	}
	return sig.Seed(), nil
}

// Seed is the VRF output: keccak256(abi.encode(sig.x, sig.y)).
func (sig *Signature) Seed() [32]byte {
	w := sig.Words()
	var buf [64]byte
	w[0].FillBytes(buf[:32])
	w[1].FillBytes(buf[32:])
	return crypto.Keccak256Hash(buf[:])
}

// possessionMessage is the 128-byte EIP-197 encoding of pk followed by the
// owner's address as a 32-byte ABI word: abi.encode(pk, owner).
func possessionMessage(pk *PublicKey, owner common.Address) []byte {
	msg := make([]byte, 160)
	for i, w := range pk.Words() {
		w.FillBytes(msg[32*i : 32*i+32])
	}
	copy(msg[128+12:], owner[:])
	return msg
}

// ProvePossession signs the key's own encoding and owner under PoPDST. A
// market registers a key only with such a proof: every registered key is then
// one whose secret its registrant holds (no rogue keys built from another's
// key), and a proof made for one address cannot register the key for another.
func (sk *SecretKey) ProvePossession(owner common.Address) (*Signature, error) {
	return sk.signDST(possessionMessage(sk.PublicKey(), owner), PoPDST)
}

// VerifyPossession checks a proof of possession of pk for owner.
func VerifyPossession(pk *PublicKey, owner common.Address, proof *Signature) error {
	return verifyDST(pk, possessionMessage(pk, owner), proof, PoPDST)
}

// Words returns the public key as the EVM sees it: EIP-197 order
// (x.im, x.re, y.im, y.re).
func (pk *PublicKey) Words() [4]*big.Int {
	return [4]*big.Int{
		pk.p.X.A1.BigInt(new(big.Int)), pk.p.X.A0.BigInt(new(big.Int)),
		pk.p.Y.A1.BigInt(new(big.Int)), pk.p.Y.A0.BigInt(new(big.Int)),
	}
}

// Words returns the signature as (x, y); the point at infinity is (0, 0).
func (sig *Signature) Words() [2]*big.Int {
	return [2]*big.Int{sig.p.X.BigInt(new(big.Int)), sig.p.Y.BigInt(new(big.Int))}
}

// PublicKeyFromWords parses EIP-197 words without checking the point (Verify
// does); it fails only on a coordinate that is not a field element.
func PublicKeyFromWords(w [4]*big.Int) (*PublicKey, error) {
	var pk PublicKey
	for i, dst := range []*fp.Element{&pk.p.X.A1, &pk.p.X.A0, &pk.p.Y.A1, &pk.p.Y.A0} {
		if err := setCoordinate(dst, w[i]); err != nil {
			return nil, err
		}
	}
	return &pk, nil
}

// SignatureFromWords parses (x, y) without checking the point (Verify does);
// it fails only on a coordinate that is not a field element.
func SignatureFromWords(w [2]*big.Int) (*Signature, error) {
	var sig Signature
	if err := setCoordinate(&sig.p.X, w[0]); err != nil {
		return nil, err
	}
	if err := setCoordinate(&sig.p.Y, w[1]); err != nil {
		return nil, err
	}
	return &sig, nil
}

func setCoordinate(dst *fp.Element, v *big.Int) error {
	if v == nil || v.Sign() < 0 || v.Cmp(fp.Modulus()) >= 0 {
		return fmt.Errorf("%w: %v", ErrCoordinateRange, v)
	}
	dst.SetBigInt(v)
	return nil
}

// HashToG1 is hash_to_curve of the message under dst, as (x, y) words: what
// BN254VRF.hashToG1 must return.
func HashToG1(msg []byte, dst string) ([2]*big.Int, error) {
	h, err := bn254.HashToG1(msg, []byte(dst))
	if err != nil {
		return [2]*big.Int{}, fmt.Errorf("vrf: hash to G1: %w", err)
	}
	return (&Signature{p: h}).Words(), nil
}
