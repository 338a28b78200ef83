package vrf

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/params"
	"github.com/stretchr/testify/require"
)

// testKey derives a key from a deterministic seed built from i.
func testKey(t testing.TB, i int) *SecretKey {
	t.Helper()
	seed := bytes.Repeat([]byte{byte(i), byte(i >> 8), 0xA1, 0x5E}, MinSeedLen/4)
	sk, err := KeyFromSeed(seed)
	require.NoError(t, err)
	return sk
}

func testRequest(i int64) Request {
	var kernel [32]byte
	kernel[0], kernel[31] = 0x4b, byte(i)
	return Request{
		ChainID:   big.NewInt(31337),
		Market:    common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3"),
		RequestID: big.NewInt(i),
		KernelID:  kernel,
	}
}

func TestKeyFromSeed(t *testing.T) {
	seed := bytes.Repeat([]byte{7}, MinSeedLen)
	a, err := KeyFromSeed(seed)
	require.NoError(t, err)
	b, err := KeyFromSeed(seed)
	require.NoError(t, err)
	require.Equal(t, a.PublicKey().Words(), b.PublicKey().Words(), "same seed, same key")
	seed[0] ^= 1
	c, err := KeyFromSeed(seed)
	require.NoError(t, err)
	require.NotEqual(t, a.PublicKey().Words(), c.PublicKey().Words())
	_, err = KeyFromSeed(seed[:MinSeedLen-1])
	require.ErrorContains(t, err, "need at least 32")

	g, err := GenerateKey(nil)
	require.NoError(t, err)
	require.True(t, g.PublicKey().p.IsInSubGroup())
	_, err = GenerateKey(bytes.NewReader(make([]byte, 5)))
	require.Error(t, err)
}

func TestSignVerify(t *testing.T) {
	for i := range 4 {
		sk := testKey(t, i)
		pk := sk.PublicKey()
		req := testRequest(int64(i))
		sig, seed, err := sk.Evaluate(req)
		require.NoError(t, err)
		got, err := VerifyRequest(pk, req, sig)
		require.NoError(t, err)
		require.Equal(t, seed, got)
		// Deterministic: signing again gives the same point, hence the same seed.
		again, _, err := sk.Evaluate(req)
		require.NoError(t, err)
		require.Equal(t, sig.Words(), again.Words())
	}
}

func TestRequestMessage(t *testing.T) {
	req := testRequest(5)
	msg, err := req.Message()
	require.NoError(t, err)
	require.Len(t, msg, MessageLen)
	require.Equal(t, "0x0000000000000000000000000000000000000000000000000000000000007a69"+
		"0000000000000000000000005fbdb2315678afecb367f032d93f642f64180aa3"+
		"0000000000000000000000000000000000000000000000000000000000000005"+
		"4b00000000000000000000000000000000000000000000000000000000000005", hexutil.Encode(msg))
	for name, r := range map[string]Request{
		"negative chain id": {ChainID: big.NewInt(-1), RequestID: big.NewInt(1)},
		"nil request id":    {ChainID: big.NewInt(1)},
		"request id > 2^256": {ChainID: big.NewInt(1),
			RequestID: new(big.Int).Lsh(big.NewInt(1), 256)},
	} {
		_, err := r.Message()
		require.Error(t, err, name)
	}
}

// forgery is one signature that must be refused, with the on-chain status
// BN254VRF.check returns for it.
type forgery struct {
	name   string
	pk     [4]*big.Int
	msg    []byte
	sig    [2]*big.Int
	want   error
	status uint8 // BN254VRF.Status
}

// Status numbers of BN254VRF.Status.
const (
	statusValid uint8 = iota
	statusCoordinateOutOfRange
	statusSignatureAtInfinity
	statusSignatureNotOnCurve
	statusPublicKeyAtInfinity
	statusPublicKeyInvalid
	statusPairingMismatch
)

// forgeries builds every kind of refused signature around one honest
// (pk, msg, sig), as an attacker without sk could post them.
func forgeries(t testing.TB, sk *SecretKey, msg []byte, other *SecretKey) []forgery {
	t.Helper()
	pk := sk.PublicKey().Words()
	sig, err := sk.Sign(msg)
	require.NoError(t, err)
	good := sig.Words()
	p := fp.Modulus()
	otherSig, err := other.Sign(msg)
	require.NoError(t, err)
	popSig, err := sk.signDST(msg, PoPDST)
	require.NoError(t, err)
	var neg bn254.G1Affine
	neg.Neg(&sig.p)
	var u bn254.E2
	u.SetString("5", "7")
	twist := bn254.MapToCurve2(&u) // on the twist, not cofactor-cleared: outside G2
	require.True(t, twist.IsOnCurve())
	require.False(t, twist.IsInSubGroup())
	wrongMsg := append(bytes.Clone(msg), 0)
	add := func(a *big.Int, d int64) *big.Int { return new(big.Int).Add(a, big.NewInt(d)) }
	zero := func() *big.Int { return new(big.Int) }
	return []forgery{
		{"wrong message", pk, wrongMsg, good, ErrPairingMismatch, statusPairingMismatch},
		{"another key's signature", pk, msg, otherSig.Words(), ErrPairingMismatch, statusPairingMismatch},
		{"wrong public key", other.PublicKey().Words(), msg, good, ErrPairingMismatch, statusPairingMismatch},
		{"signature under the PoP DST", pk, msg, popSig.Words(), ErrPairingMismatch, statusPairingMismatch},
		{"negated signature", pk, msg, (&Signature{p: neg}).Words(), ErrPairingMismatch, statusPairingMismatch},
		{"hash of the message as signature", pk, msg, mustHash(t, msg, VRFDST), ErrPairingMismatch, statusPairingMismatch},
		{"signature off the curve", pk, msg, [2]*big.Int{good[0], add(good[1], 1)}, ErrSignatureNotOnCurve, statusSignatureNotOnCurve},
		{"signature (1, 1)", pk, msg, [2]*big.Int{big.NewInt(1), big.NewInt(1)}, ErrSignatureNotOnCurve, statusSignatureNotOnCurve},
		{"signature at infinity", pk, msg, [2]*big.Int{zero(), zero()}, ErrSignatureAtInfinity, statusSignatureAtInfinity},
		{"signature x + p", pk, msg, [2]*big.Int{new(big.Int).Add(good[0], p), good[1]}, ErrCoordinateRange, statusCoordinateOutOfRange},
		{"signature y = p", pk, msg, [2]*big.Int{good[0], new(big.Int).Set(p)}, ErrCoordinateRange, statusCoordinateOutOfRange},
		{"public key x.re + p", [4]*big.Int{pk[0], new(big.Int).Add(pk[1], p), pk[2], pk[3]}, msg, good, ErrCoordinateRange, statusCoordinateOutOfRange},
		{"public key at infinity", [4]*big.Int{zero(), zero(), zero(), zero()}, msg, good, ErrPublicKeyAtInfinity, statusPublicKeyAtInfinity},
		{"public key off the twist", [4]*big.Int{pk[0], pk[1], pk[2], add(pk[3], 1)}, msg, good, ErrPublicKeyInvalid, statusPublicKeyInvalid},
		{"public key outside G2", (&PublicKey{p: twist}).Words(), msg, good, ErrPublicKeyInvalid, statusPublicKeyInvalid},
	}
}

func mustHash(t testing.TB, msg []byte, dst string) [2]*big.Int {
	t.Helper()
	h, err := HashToG1(msg, dst)
	require.NoError(t, err)
	return h
}

// verifyWords parses EVM words and verifies, as the chain sees the inputs.
func verifyWords(pkw [4]*big.Int, msg []byte, sigw [2]*big.Int) error {
	pk, err := PublicKeyFromWords(pkw)
	if err != nil {
		return err
	}
	sig, err := SignatureFromWords(sigw)
	if err != nil {
		return err
	}
	return Verify(pk, msg, sig)
}

func TestVerifyRejectsForgeries(t *testing.T) {
	sk, other := testKey(t, 1), testKey(t, 2)
	msg, err := testRequest(9).Message()
	require.NoError(t, err)
	sig, err := sk.Sign(msg)
	require.NoError(t, err)
	require.NoError(t, verifyWords(sk.PublicKey().Words(), msg, sig.Words()), "the honest signature")
	for _, f := range forgeries(t, sk, msg, other) {
		t.Run(f.name, func(t *testing.T) {
			require.ErrorIs(t, verifyWords(f.pk, f.msg, f.sig), f.want)
		})
	}
}

func TestProofOfPossession(t *testing.T) {
	sk, other := testKey(t, 3), testKey(t, 4)
	pk := sk.PublicKey()
	owner := common.HexToAddress("0x00000000000000000000000000000000000a11ce")
	proof, err := sk.ProvePossession(owner)
	require.NoError(t, err)
	require.NoError(t, VerifyPossession(pk, owner, proof))

	// Bound to the owner: replaying the proof for another address fails.
	require.ErrorIs(t, VerifyPossession(pk, common.HexToAddress("0xb0b"), proof), ErrPairingMismatch)
	// Bound to the key: another key's proof does not register pk.
	otherProof, err := other.ProvePossession(owner)
	require.NoError(t, err)
	require.ErrorIs(t, VerifyPossession(pk, owner, otherProof), ErrPairingMismatch)
	// Domain separation: a proof of possession is not a VRF proof of the same
	// bytes, and a VRF proof is not a proof of possession.
	popMsg := possessionMessage(pk, owner)
	require.ErrorIs(t, Verify(pk, popMsg, proof), ErrPairingMismatch)
	vrfSig, err := sk.Sign(popMsg)
	require.NoError(t, err)
	require.ErrorIs(t, VerifyPossession(pk, owner, vrfSig), ErrPairingMismatch)

	// The rogue key the proof stops: pk' = x*g2 - pk is a valid G2 point whose
	// secret nobody knows, so nobody can prove possession of it.
	var xg2, rogue bn254.G2Affine
	xg2.ScalarMultiplicationBase(big.NewInt(424242))
	var negPK bn254.G2Affine
	negPK.Neg(&pk.p)
	rogue.Add(&xg2, &negPK)
	require.True(t, rogue.IsInSubGroup())
	attempt, err := (&SecretKey{s: testKey(t, 5).s}).ProvePossession(owner)
	require.NoError(t, err)
	require.ErrorIs(t, VerifyPossession(&PublicKey{p: rogue}, owner, attempt), ErrPairingMismatch)
}

func TestWordsRoundTrip(t *testing.T) {
	sk := testKey(t, 6)
	pk := sk.PublicKey()
	back, err := PublicKeyFromWords(pk.Words())
	require.NoError(t, err)
	require.True(t, back.p.Equal(&pk.p))
	sig, err := sk.Sign([]byte("x"))
	require.NoError(t, err)
	sback, err := SignatureFromWords(sig.Words())
	require.NoError(t, err)
	require.True(t, sback.p.Equal(&sig.p))
	_, err = SignatureFromWords([2]*big.Int{nil, big.NewInt(1)})
	require.ErrorIs(t, err, ErrCoordinateRange)
	_, err = PublicKeyFromWords([4]*big.Int{big.NewInt(-1), big.NewInt(0), big.NewInt(0), big.NewInt(0)})
	require.ErrorIs(t, err, ErrCoordinateRange)
}

// rfcVectors is testdata/vrf/rfc9380-bn254g1-ro.json.
type rfcVectors struct {
	DST   hexutil.Bytes `json:"dst"`
	Cases []struct {
		Msg                                hexutil.Bytes `json:"msg"`
		U0, U1, Q0x, Q0y, Q1x, Q1y, Px, Py string
	} `json:"cases"`
}

func readJSON(t testing.TB, name string, v any) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "vrf", name))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, v))
}

func hexBig(t testing.TB, s string) *big.Int {
	t.Helper()
	v, ok := new(big.Int).SetString(s, 0)
	require.True(t, ok, s)
	return v
}

// TestRFC9380Vectors checks gnark-crypto against its own published
// BN254G1_XMD:SHA-256_SVDW_RO_ vectors, stage by stage, so a change in the
// library (which the Solidity side is held to) cannot pass unnoticed.
func TestRFC9380Vectors(t *testing.T) {
	var v rfcVectors
	readJSON(t, "rfc9380-bn254g1-ro.json", &v)
	require.Len(t, v.Cases, 5)
	for _, c := range v.Cases {
		u, err := fp.Hash(c.Msg, v.DST, 2)
		require.NoError(t, err)
		require.Equal(t, hexBig(t, c.U0), u[0].BigInt(new(big.Int)), "u0")
		require.Equal(t, hexBig(t, c.U1), u[1].BigInt(new(big.Int)), "u1")
		q0, q1 := bn254.MapToCurve1(&u[0]), bn254.MapToCurve1(&u[1])
		require.Equal(t, [2]*big.Int{hexBig(t, c.Q0x), hexBig(t, c.Q0y)}, (&Signature{p: q0}).Words(), "Q0")
		require.Equal(t, [2]*big.Int{hexBig(t, c.Q1x), hexBig(t, c.Q1y)}, (&Signature{p: q1}).Words(), "Q1")
		p, err := HashToG1(c.Msg, string(v.DST))
		require.NoError(t, err)
		require.Equal(t, [2]*big.Int{hexBig(t, c.Px), hexBig(t, c.Py)}, p, "P")
	}
}

// solidityConstants reads the uint256 constants of BN254VRF.sol by name.
func solidityConstants(t testing.TB) (map[string]*big.Int, map[string]string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "src", "lib", "BN254VRF.sol"))
	require.NoError(t, err)
	nums := map[string]*big.Int{}
	for _, m := range regexp.MustCompile(`uint256 internal constant (\w+) = (0x[0-9a-fA-F]+|[0-9_]+);`).FindAllSubmatch(src, -1) {
		nums[string(m[1])] = hexBig(t, strings.ReplaceAll(string(m[2]), "_", ""))
	}
	strs := map[string]string{}
	for _, m := range regexp.MustCompile(`bytes internal constant (\w+) = "([^"]*)";`).FindAllSubmatch(src, -1) {
		strs[string(m[1])] = string(m[2])
	}
	return nums, strs
}

// TestSVDWConstants derives Z and c1..c4 of RFC 9380 section 6.6.1 for
// y^2 = x^3 + 3 from their definitions and holds BN254VRF.sol's constants,
// and the other numbers it hard-codes, to them.
func TestSVDWConstants(t *testing.T) {
	p := fp.Modulus()
	mod := func(v *big.Int) *big.Int { return v.Mod(v, p) }
	g := func(x *big.Int) *big.Int { // x^3 + 3
		return mod(new(big.Int).Add(new(big.Int).Exp(x, big.NewInt(3), p), big.NewInt(3)))
	}
	isSquare := func(x *big.Int) bool { return big.Jacobi(x, p) >= 0 }
	inv := func(x *big.Int) *big.Int { return new(big.Int).ModInverse(x, p) }

	// find_z_svdw (RFC 9380 appendix H.1) over 1, -1, 2, -2, ...; A = 0.
	var z *big.Int
	for k := int64(1); z == nil; k++ {
		for _, cand := range []*big.Int{big.NewInt(k), mod(big.NewInt(-k))} {
			gz := g(cand)
			h := mod(new(big.Int).Mul(mod(new(big.Int).Neg(new(big.Int).Mul(big.NewInt(3), new(big.Int).Mul(cand, cand)))), inv(mod(new(big.Int).Mul(big.NewInt(4), gz)))))
			minusZHalf := mod(new(big.Int).Mul(mod(new(big.Int).Neg(cand)), inv(big.NewInt(2))))
			if gz.Sign() != 0 && h.Sign() != 0 && isSquare(h) && (isSquare(gz) || isSquare(g(minusZHalf))) {
				z = cand
				break
			}
		}
	}
	threeZ2 := mod(new(big.Int).Mul(big.NewInt(3), new(big.Int).Mul(z, z)))
	c1 := g(z)
	c2 := mod(new(big.Int).Mul(mod(new(big.Int).Neg(z)), inv(big.NewInt(2))))
	c3sq := mod(new(big.Int).Neg(new(big.Int).Mul(c1, threeZ2)))
	c3 := new(big.Int).ModSqrt(c3sq, p)
	require.NotNil(t, c3)
	if c3.Bit(0) == 1 { // sgn0(c3) must be 0
		c3.Sub(p, c3)
	}
	c4 := mod(new(big.Int).Mul(mod(new(big.Int).Mul(big.NewInt(-4), c1)), inv(threeZ2)))

	_, _, _, g2 := bn254.Generators()
	var negG2 bn254.G2Affine
	negG2.Neg(&g2)
	negW := (&PublicKey{p: negG2}).Words()
	want := map[string]*big.Int{
		"P": p, "Z": z, "C1": c1, "C2": c2, "C3": c3, "C4": c4,
		"TWO_256_MOD_P": mod(new(big.Int).Lsh(big.NewInt(1), 256)),
		"SQRT_EXP":      new(big.Int).Rsh(new(big.Int).Add(p, big.NewInt(1)), 2),
		"INV_EXP":       new(big.Int).Sub(p, big.NewInt(2)),
		"PAIRING_GAS":   new(big.Int).SetUint64(2 * (params.Bn256PairingBaseGasIstanbul + 2*params.Bn256PairingPerPointGasIstanbul)),
		"NEG_G2_X_IM":   negW[0], "NEG_G2_X_RE": negW[1], "NEG_G2_Y_IM": negW[2], "NEG_G2_Y_RE": negW[3],
	}
	nums, strs := solidityConstants(t)
	require.Len(t, nums, len(want), "every uint256 constant of BN254VRF.sol is checked")
	for name, w := range want {
		require.Equal(t, w, nums[name], name)
	}
	require.Equal(t, int64(1), z.Int64(), "Z = 1 for BN254 G1")
	require.Equal(t, map[string]string{"VRF_DST": VRFDST, "POP_DST": PoPDST}, strs)
	require.Equal(t, int64(3), new(big.Int).Mod(p, big.NewInt(4)).Int64(), "p = 3 mod 4, so SQRT_EXP gives roots")
}

// TestMapToCurveExceptional covers the inputs where SVDW's denominator
// (1 - u^2 c1)(1 + u^2 c1) vanishes and inv0 returns 0: u = ±1/2.
func TestMapToCurveExceptional(t *testing.T) {
	for _, u := range exceptionalU() {
		var e fp.Element
		e.SetBigInt(u)
		q := bn254.MapToCurve1(&e)
		require.True(t, q.IsOnCurve(), "u=%v", u)
	}
}

// exceptionalU lists field elements worth a dedicated map_to_curve check.
func exceptionalU() []*big.Int {
	p := fp.Modulus()
	half := new(big.Int).ModInverse(big.NewInt(2), p)
	return []*big.Int{
		big.NewInt(0), big.NewInt(1), big.NewInt(2), half, new(big.Int).Sub(p, half),
		new(big.Int).Sub(p, big.NewInt(1)), new(big.Int).Rsh(p, 1),
	}
}

// TestSeedDistinct: different requests give different seeds under one key,
// and one request gives different seeds under different keys.
func TestSeedDistinct(t *testing.T) {
	seen := map[[32]byte]string{}
	r := rand.New(rand.NewPCG(1, 2))
	for k := range 3 {
		sk := testKey(t, 10+k)
		for i := range 5 {
			_, seed, err := sk.Evaluate(testRequest(int64(i) + r.Int64N(1<<40)))
			require.NoError(t, err)
			_, dup := seen[seed]
			require.False(t, dup)
			seen[seed] = "ok"
		}
	}
}

// errStatus maps a Go refusal to the on-chain status number.
func errStatus(err error) uint8 {
	for _, c := range []struct {
		err    error
		status uint8
	}{
		{ErrCoordinateRange, statusCoordinateOutOfRange},
		{ErrSignatureAtInfinity, statusSignatureAtInfinity},
		{ErrSignatureNotOnCurve, statusSignatureNotOnCurve},
		{ErrPublicKeyAtInfinity, statusPublicKeyAtInfinity},
		{ErrPublicKeyInvalid, statusPublicKeyInvalid},
		{ErrPairingMismatch, statusPairingMismatch},
	} {
		if errors.Is(err, c.err) {
			return c.status
		}
	}
	if err == nil {
		return statusValid
	}
	return 255
}

// vectorsFile is testdata/vrf/vectors.json: the Go side's answers that the
// forge tests (contracts/test/BLSVRF.t.sol) hold BN254VRF.sol to.
const vectorsFile = "vectors.json"

type hexWords []string

func words(ws ...*big.Int) hexWords {
	out := make(hexWords, len(ws))
	for i, w := range ws {
		out[i] = fmt.Sprintf("0x%064x", w)
	}
	return out
}

type hashVector struct {
	DST hexutil.Bytes `json:"dst"`
	Msg hexutil.Bytes `json:"msg"`
	U   hexWords      `json:"u"`
	P   hexWords      `json:"p"`
}

type mapVector struct {
	U string   `json:"u"`
	Q hexWords `json:"q"`
}

type proofVector struct {
	PK        hexWords       `json:"pk"`
	ChainID   string         `json:"chainId"`
	Market    common.Address `json:"market"`
	RequestID string         `json:"requestId"`
	KernelID  common.Hash    `json:"kernelId"`
	Msg       hexutil.Bytes  `json:"msg"`
	Sig       hexWords       `json:"sig"`
	Seed      common.Hash    `json:"seed"`
	Owner     common.Address `json:"owner"`
	PoP       hexWords       `json:"pop"`
}

type forgeryVector struct {
	Name   string        `json:"name"`
	PK     hexWords      `json:"pk"`
	Msg    hexutil.Bytes `json:"msg"`
	Sig    hexWords      `json:"sig"`
	Status uint8         `json:"status"`
}

type vectors struct {
	Note       string          `json:"note"`
	VRFDST     hexutil.Bytes   `json:"vrfDst"`
	PoPDST     hexutil.Bytes   `json:"popDst"`
	NHash      int             `json:"nHash"`
	NMap       int             `json:"nMap"`
	NProofs    int             `json:"nProofs"`
	NForgeries int             `json:"nForgeries"`
	Hash       []hashVector    `json:"hash"`
	Map        []mapVector     `json:"map"`
	Proofs     []proofVector   `json:"proofs"`
	Forgeries  []forgeryVector `json:"forgeries"`
}

// buildVectors computes the vectors from fixed keys and requests.
func buildVectors(t testing.TB) vectors {
	t.Helper()
	v := vectors{
		Note:   "Generated by gnark-crypto through contracts/vrf: AIVM_UPDATE_VRF_VECTORS=1 go test ./contracts/vrf -run TestVectorsFile. Words are 32-byte big-endian; pk in EIP-197 order (x.im, x.re, y.im, y.re); forgery status is BN254VRF.Status.",
		VRFDST: []byte(VRFDST), PoPDST: []byte(PoPDST),
	}
	for _, dst := range []string{VRFDST, PoPDST} {
		for _, msg := range [][]byte{nil, []byte("abc"), bytes.Repeat([]byte{0xA5}, 200)} {
			u, err := fp.Hash(msg, []byte(dst), 2)
			require.NoError(t, err)
			p := mustHash(t, msg, dst)
			v.Hash = append(v.Hash, hashVector{DST: []byte(dst), Msg: msg,
				U: words(u[0].BigInt(new(big.Int)), u[1].BigInt(new(big.Int))), P: words(p[0], p[1])})
		}
	}
	for _, u := range exceptionalU() {
		var e fp.Element
		e.SetBigInt(u)
		q := (&Signature{p: bn254.MapToCurve1(&e)}).Words()
		v.Map = append(v.Map, mapVector{U: fmt.Sprintf("0x%064x", u), Q: words(q[:]...)})
	}
	for i := range 4 {
		sk := testKey(t, 40+i)
		req := testRequest(int64(1000 + i))
		sig, seed, err := sk.Evaluate(req)
		require.NoError(t, err)
		msg, err := req.Message()
		require.NoError(t, err)
		owner := common.BigToAddress(big.NewInt(int64(0xA11CE + i)))
		pop, err := sk.ProvePossession(owner)
		require.NoError(t, err)
		pk := sk.PublicKey().Words()
		sw, pw := sig.Words(), pop.Words()
		v.Proofs = append(v.Proofs, proofVector{
			PK: words(pk[:]...), ChainID: fmt.Sprintf("0x%064x", req.ChainID), Market: req.Market,
			RequestID: fmt.Sprintf("0x%064x", req.RequestID), KernelID: req.KernelID, Msg: msg,
			Sig: words(sw[:]...), Seed: seed, Owner: owner, PoP: words(pw[:]...),
		})
	}
	msg, err := testRequest(1000).Message()
	require.NoError(t, err)
	for _, f := range forgeries(t, testKey(t, 40), msg, testKey(t, 41)) {
		v.Forgeries = append(v.Forgeries, forgeryVector{Name: f.name, PK: words(f.pk[:]...), Msg: f.msg,
			Sig: words(f.sig[:]...), Status: f.status})
	}
	v.NHash, v.NMap, v.NProofs, v.NForgeries = len(v.Hash), len(v.Map), len(v.Proofs), len(v.Forgeries)
	return v
}

// TestVectorsFile keeps testdata/vrf/vectors.json equal to what gnark-crypto
// computes now (AIVM_UPDATE_VRF_VECTORS=1 rewrites it).
func TestVectorsFile(t *testing.T) {
	got, err := json.MarshalIndent(buildVectors(t), "", " ")
	require.NoError(t, err)
	got = append(got, '\n')
	path := filepath.Join("..", "..", "testdata", "vrf", vectorsFile)
	if os.Getenv("AIVM_UPDATE_VRF_VECTORS") == "1" {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, string(want), string(got), "rerun with AIVM_UPDATE_VRF_VECTORS=1")
}

// BenchmarkEvaluate is the submitter's cost of one proof (hash to G1 and one
// G1 scalar multiplication).
func BenchmarkEvaluate(b *testing.B) {
	sk := testKey(b, 1)
	req := testRequest(1)
	for i := 0; b.Loop(); i++ {
		req.RequestID = big.NewInt(int64(i))
		if _, _, err := sk.Evaluate(req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerify is an off-chain check of one proof (what a challenger or a
// watcher does before relying on a seed): hash to G1, G2 subgroup check, a
// two-pair pairing.
func BenchmarkVerify(b *testing.B) {
	sk := testKey(b, 1)
	req := testRequest(1)
	sig, _, err := sk.Evaluate(req)
	require.NoError(b, err)
	pk := sk.PublicKey()
	for b.Loop() {
		if _, err := VerifyRequest(pk, req, sig); err != nil {
			b.Fatal(err)
		}
	}
}

func TestVerifyNil(t *testing.T) {
	sk := testKey(t, 1)
	sig, err := sk.Sign([]byte("m"))
	require.NoError(t, err)
	require.Error(t, Verify(nil, []byte("m"), sig))
	require.Error(t, Verify(sk.PublicKey(), []byte("m"), nil))
}
