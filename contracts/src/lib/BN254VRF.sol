// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title BN254VRF
/// @notice A verifiable random function from BLS signatures on BN254 (alt_bn128): the signature
///         sigma = sk * H(m) lives in G1, the public key pk = sk * g2 in G2, and a signature is
///         checked with one pairing-product equation, e(sigma, -g2) * e(H(m), pk) == 1, through the
///         EIP-197 precompile. The VRF output is keccak256 of the signature; it is unique because a
///         BLS signature is a deterministic function of (sk, m), so the signer has nothing to grind.
///
///         H is hash_to_curve of RFC 9380 for the suite BN254G1_XMD:SHA-256_SVDW_RO_, exactly as
///         gnark-crypto's bn254.HashToG1 computes it (the Go side, contracts/vrf):
///         expand_message_xmd with SHA-256 (precompile 0x02) to 96 bytes, hash_to_field to two
///         elements of Fp (48 bytes each, reduced mod p), the Shallue-van de Woestijne map for
///         y^2 = x^3 + 3 with Z = 1 on each, and their sum (precompile 0x06). The G1 cofactor of BN254
///         is 1, so clear_cofactor is the identity. Inversions and square roots are exponentiations
///         through the modexp precompile (0x05); p = 3 mod 4, so sqrt(a) = a^((p+1)/4).
///
///         See docs/protocol.md, "VRF seeds for sampling", for the message, the DSTs and the
///         properties this gives the inference market.
library BN254VRF {
    /// @notice The base field modulus p of BN254.
    uint256 internal constant P = 0x30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47;

    /// @notice The SVDW constant Z of RFC 9380 for BN254 G1 (the first of 1, -1, 2, -2, ... that
    ///         satisfies the criteria of find_z_svdw; checked by the tests).
    uint256 internal constant Z = 1;
    /// @notice c1 = g(Z) = Z^3 + 3.
    uint256 internal constant C1 = 4;
    /// @notice c2 = -Z / 2 mod p.
    uint256 internal constant C2 = 0x183227397098d014dc2822db40c0ac2ecbc0b548b438e5469e10460b6c3e7ea3;
    /// @notice c3 = sqrt(-g(Z) * 3 * Z^2) mod p, the root with sgn0(c3) = 0 (even).
    uint256 internal constant C3 = 0x16789af3a83522eb353c98fc6b36d713d5d8d1cc5dffffffa;
    /// @notice c4 = -4 * g(Z) / (3 * Z^2) mod p.
    uint256 internal constant C4 = 0x10216f7ba065e00de81ac1e7808072c9dd2b2385cd7b438469602eb24829a9bd;
    /// @notice 2^256 mod p, to reduce the 384-bit integers of hash_to_field.
    uint256 internal constant TWO_256_MOD_P = 0xe0a77c19a07df2f666ea36f7879462c0a78eb28f5c70b3dd35d438dc58f0d9d;
    /// @notice (p + 1) / 4: a^((p+1)/4) is a square root of a whenever a is a square (p = 3 mod 4).
    uint256 internal constant SQRT_EXP = 0xc19139cb84c680a6e14116da060561765e05aa45a1c72a34f082305b61f3f52;
    /// @notice p - 2: a^(p-2) is the inverse of a for a != 0, and 0 for a = 0 (inv0 of RFC 9380).
    uint256 internal constant INV_EXP = 0x30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd45;

    /// @notice -g2, the negated G2 generator, in EIP-197 order (x.im, x.re, y.im, y.re).
    uint256 internal constant NEG_G2_X_IM = 0x198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2;
    uint256 internal constant NEG_G2_X_RE = 0x1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed;
    uint256 internal constant NEG_G2_Y_IM = 0x275dc4a288d1afb3cbb1ac09187524c7db36395df7be3b99e673b13a075a65ec;
    uint256 internal constant NEG_G2_Y_RE = 0x1d9befcd05a5323e6da4d435f3b617cdb3af83285c2df711ef39c01571827f9d;

    /// @notice Gas forwarded to the pairing precompile: twice the EIP-1108 price of a two-pair check
    ///         (45,000 + 2 * 34,000). A refused input makes the precompile consume all the gas it was
    ///         given, so an uncapped call would burn 63/64 of the caller's gas on a bad key; the cap
    ///         bounds that, and its headroom absorbs a repricing (past it, checks fail closed).
    uint256 internal constant PAIRING_GAS = 226_000;

    /// @notice Domain separation tag of VRF evaluations (RFC 9380 section 3.1 naming).
    bytes internal constant VRF_DST = "AIVM-VRF-V01-CS01-with-BN254G1_XMD:SHA-256_SVDW_RO_";
    /// @notice Domain separation tag of proofs of possession: a key's signature over its own
    ///         encoding, under a tag no VRF message can share.
    bytes internal constant POP_DST = "AIVM-POP-V01-CS01-with-BN254G1_XMD:SHA-256_SVDW_RO_";

    /// @notice Why a signature was refused (Valid when it was not).
    enum Status {
        Valid,
        CoordinateOutOfRange,
        SignatureAtInfinity,
        SignatureNotOnCurve,
        PublicKeyAtInfinity,
        PublicKeyInvalid,
        PairingMismatch
    }

    /// @notice A coordinate of the signature or the public key is not below p.
    error CoordinateOutOfRange();
    /// @notice The signature is the point at infinity (encoded as (0, 0)).
    error SignatureAtInfinity();
    /// @notice The signature is not a point of y^2 = x^3 + 3.
    error SignatureNotOnCurve();
    /// @notice The public key is the point at infinity (all zero).
    error PublicKeyAtInfinity();
    /// @notice The pairing precompile refused the public key (not on the twist or not in G2).
    error PublicKeyInvalid();
    /// @notice The signature is well formed but does not verify for this key and message.
    error PairingMismatch();
    /// @notice A precompile call that cannot fail on valid input failed (`which` is its address).
    error PrecompileFailed(uint256 which);
    /// @notice expand_message_xmd was asked for more than 255 blocks or given a DST over 255 bytes.
    error ExpandLengthInvalid();

    /// @notice expand_message_xmd of RFC 9380 section 5.3.1 with SHA-256.
    /// @param message The message msg.
    /// @param dst The domain separation tag (at most 255 bytes).
    /// @param lenInBytes The output length (at most 255 * 32 and below 2^16).
    /// @return out The uniform_bytes, lenInBytes long.
    function expandMessageXmd(bytes memory message, bytes memory dst, uint256 lenInBytes)
        internal
        pure
        returns (bytes memory out)
    {
        uint256 ell = (lenInBytes + 31) / 32;
        if (ell > 255 || dst.length > 255 || lenInBytes > 0xffff) revert ExpandLengthInvalid();
        // casting to 'uint8' and 'uint16' is safe because the lengths were bounded just above
        // forge-lint: disable-next-line(unsafe-typecast)
        bytes memory dstPrime = abi.encodePacked(dst, uint8(dst.length));
        // msg_prime = Z_pad (64 zero bytes) || msg || I2OSP(len, 2) || I2OSP(0, 1) || DST_prime
        // forge-lint: disable-next-line(unsafe-typecast)
        uint16 libStr = uint16(lenInBytes);
        bytes32 b0 = sha256(abi.encodePacked(bytes32(0), bytes32(0), message, libStr, uint8(0), dstPrime));
        out = new bytes(ell * 32);
        bytes32 bi = sha256(abi.encodePacked(b0, uint8(1), dstPrime));
        assembly ("memory-safe") {
            mstore(add(out, 32), bi)
        }
        for (uint256 i = 2; i <= ell; ++i) {
            // casting to 'uint8' is safe because i <= ell <= 255
            // forge-lint: disable-next-line(unsafe-typecast)
            bi = sha256(abi.encodePacked(b0 ^ bi, uint8(i), dstPrime));
            assembly ("memory-safe") {
                mstore(add(out, mul(i, 32)), bi)
            }
        }
        assembly ("memory-safe") {
            mstore(out, lenInBytes)
        }
    }

    /// @notice hash_to_field of RFC 9380 section 5.2 for count = 2, m = 1, L = 48: two uniform
    ///         elements of Fp from 96 expanded bytes, each 48-byte big-endian chunk reduced mod p.
    /// @param message The message.
    /// @param dst The domain separation tag.
    /// @return u0 The first field element.
    /// @return u1 The second field element.
    function hashToField(bytes memory message, bytes memory dst) internal pure returns (uint256 u0, uint256 u1) {
        bytes memory e = expandMessageXmd(message, dst, 96);
        uint256 w0;
        uint256 w1;
        uint256 w2;
        assembly ("memory-safe") {
            w0 := mload(add(e, 32))
            w1 := mload(add(e, 64))
            w2 := mload(add(e, 96))
        }
        // chunk 0 = w0 || hi16(w1) = w0 * 2^128 + hi16(w1); chunk 1 = lo16(w1) * 2^256 + w2
        u0 = addmod(mulmod(w0, 1 << 128, P), w1 >> 128, P);
        u1 = addmod(mulmod(w1 & type(uint128).max, TWO_256_MOD_P, P), w2, P);
    }

    /// @notice map_to_curve with the Shallue-van de Woestijne method (RFC 9380 section 6.6.1,
    ///         straight-line steps of appendix F.1) for y^2 = x^3 + 3, as gnark-crypto's
    ///         bn254.MapToCurve1. Not constant time: nothing here is secret.
    /// @param u A field element (< p).
    /// @return x The affine x coordinate of the image.
    /// @return y The affine y coordinate, with sgn0(y) = sgn0(u).
    function mapToCurve(uint256 u) internal view returns (uint256 x, uint256 y) {
        uint256 tv1 = mulmod(mulmod(u, u, P), C1, P);
        uint256 tv2 = addmod(1, tv1, P);
        tv1 = addmod(1, P - tv1, P);
        uint256 tv3 = expMod(mulmod(tv1, tv2, P), INV_EXP);
        uint256 tv4 = mulmod(mulmod(mulmod(u, tv1, P), tv3, P), C3, P);
        bool square;
        x = addmod(C2, P - tv4, P); // x1
        (square, y) = sqrtIfSquare(curveRhs(x));
        if (!square) {
            x = addmod(C2, tv4, P); // x2
            (square, y) = sqrtIfSquare(curveRhs(x));
            if (!square) {
                // x3 = (tv2^2 * tv3)^2 * c4 + Z: g(x3) is a square whenever g(x1) and g(x2) are not.
                x = mulmod(mulmod(tv2, tv2, P), tv3, P);
                x = addmod(mulmod(mulmod(x, x, P), C4, P), Z, P);
                (, y) = sqrtIfSquare(curveRhs(x));
            }
        }
        if ((u & 1) != (y & 1)) y = (P - y) % P;
    }

    /// @notice hash_to_curve of RFC 9380 (random-oracle variant) into BN254 G1.
    /// @param message The message.
    /// @param dst The domain separation tag.
    /// @return h The point H(message) as (x, y); never the point at infinity in practice.
    function hashToG1(bytes memory message, bytes memory dst) internal view returns (uint256[2] memory h) {
        (uint256 u0, uint256 u1) = hashToField(message, dst);
        (uint256 x0, uint256 y0) = mapToCurve(u0);
        (uint256 x1, uint256 y1) = mapToCurve(u1);
        uint256[4] memory input = [x0, y0, x1, y1];
        bool ok;
        assembly ("memory-safe") {
            ok := staticcall(gas(), 0x06, input, 128, h, 64)
        }
        if (!ok) revert PrecompileFailed(0x06);
    }

    /// @notice Checks a BLS signature under an explicit DST and says why it fails.
    /// @param pk The public key in G2, EIP-197 order (x.im, x.re, y.im, y.re).
    /// @param message The signed message.
    /// @param sig The signature in G1 as (x, y).
    /// @param dst The domain separation tag the message was hashed under.
    /// @return status Valid, or the first reason the signature is refused.
    function check(uint256[4] memory pk, bytes memory message, uint256[2] memory sig, bytes memory dst)
        internal
        view
        returns (Status status)
    {
        if (sig[0] >= P || sig[1] >= P || pk[0] >= P || pk[1] >= P || pk[2] >= P || pk[3] >= P) {
            return Status.CoordinateOutOfRange;
        }
        if (sig[0] == 0 && sig[1] == 0) return Status.SignatureAtInfinity;
        if (mulmod(sig[1], sig[1], P) != curveRhs(sig[0])) return Status.SignatureNotOnCurve;
        if (pk[0] == 0 && pk[1] == 0 && pk[2] == 0 && pk[3] == 0) return Status.PublicKeyAtInfinity;
        uint256[2] memory h = hashToG1(message, dst);
        uint256[12] memory input = [
            sig[0], sig[1], NEG_G2_X_IM, NEG_G2_X_RE, NEG_G2_Y_IM, NEG_G2_Y_RE, h[0], h[1], pk[0], pk[1], pk[2], pk[3]
        ];
        uint256[1] memory out;
        bool ok;
        assembly ("memory-safe") {
            ok := staticcall(PAIRING_GAS, 0x08, input, 384, out, 32)
        }
        // sig and h are valid G1 points, so a refusal can only be the key's.
        if (!ok) return Status.PublicKeyInvalid;
        return out[0] == 1 ? Status.Valid : Status.PairingMismatch;
    }

    /// @notice Whether sig is a valid VRF proof (BLS signature under VRF_DST) of message for pk.
    /// @param pk The public key in G2, EIP-197 order.
    /// @param message The message (see `requestMessage`).
    /// @param sig The signature in G1.
    /// @return True iff the signature is well formed and verifies.
    function verify(uint256[4] memory pk, bytes memory message, uint256[2] memory sig) internal view returns (bool) {
        return check(pk, message, sig, VRF_DST) == Status.Valid;
    }

    /// @notice Reverts with the reason unless sig is a valid VRF proof of message for pk.
    /// @param pk The public key in G2, EIP-197 order.
    /// @param message The message (see `requestMessage`).
    /// @param sig The signature in G1.
    function requireValid(uint256[4] memory pk, bytes memory message, uint256[2] memory sig) internal view {
        revertUnlessValid(check(pk, message, sig, VRF_DST));
    }

    /// @notice What the market calls when a result is posted: reverts unless sig is pk's valid VRF
    ///         proof for this request, and returns the request's seed.
    /// @param pk The submitter's registered public key in G2, EIP-197 order.
    /// @param chainId The chain id (block.chainid).
    /// @param market The market contract's address.
    /// @param requestId The request's id in that market.
    /// @param kernelId The kernel the request names.
    /// @param sig The posted proof (signature in G1).
    /// @return The request's seed, keccak256(abi.encode(sig.x, sig.y)).
    function verifiedSeed(
        uint256[4] memory pk,
        uint256 chainId,
        address market,
        uint256 requestId,
        bytes32 kernelId,
        uint256[2] memory sig
    ) internal view returns (bytes32) {
        requireValid(pk, requestMessage(chainId, market, requestId, kernelId), sig);
        return seed(sig);
    }

    /// @notice Whether proof is pk's proof of possession for owner: a signature under POP_DST over
    ///         abi.encode(pk, owner) (160 bytes). Registering a key only with it means every key is
    ///         one whose secret its registrant holds (no rogue key built from another's key), and a
    ///         proof made for one address cannot register the same key for another.
    /// @param pk The public key in G2, EIP-197 order.
    /// @param owner The address the key is registered for.
    /// @param proof The signature of the encoding.
    /// @return True iff the proof is well formed and verifies.
    function verifyPossession(uint256[4] memory pk, address owner, uint256[2] memory proof)
        internal
        view
        returns (bool)
    {
        return check(pk, abi.encode(pk, owner), proof, POP_DST) == Status.Valid;
    }

    /// @notice The VRF message of one request: abi.encode(chainId, market, requestId, kernelId).
    /// @param chainId The chain id (block.chainid on chain).
    /// @param market The market contract's address.
    /// @param requestId The request's id in that market.
    /// @param kernelId The kernel the request names.
    /// @return The 128-byte message.
    function requestMessage(uint256 chainId, address market, uint256 requestId, bytes32 kernelId)
        internal
        pure
        returns (bytes memory)
    {
        return abi.encode(chainId, market, requestId, kernelId);
    }

    /// @notice The VRF output of a verified proof: keccak256(abi.encode(sig.x, sig.y)).
    /// @param sig The signature in G1.
    /// @return The 32-byte seed.
    function seed(uint256[2] memory sig) internal pure returns (bytes32) {
        return keccak256(abi.encode(sig[0], sig[1]));
    }

    /// @notice Reverts with the custom error of a refusal status; returns for Valid.
    /// @param status A result of `check`.
    function revertUnlessValid(Status status) internal pure {
        if (status == Status.Valid) return;
        if (status == Status.CoordinateOutOfRange) revert CoordinateOutOfRange();
        if (status == Status.SignatureAtInfinity) revert SignatureAtInfinity();
        if (status == Status.SignatureNotOnCurve) revert SignatureNotOnCurve();
        if (status == Status.PublicKeyAtInfinity) revert PublicKeyAtInfinity();
        if (status == Status.PublicKeyInvalid) revert PublicKeyInvalid();
        revert PairingMismatch();
    }

    /// @notice g(x) = x^3 + 3 mod p, the right-hand side of the curve equation.
    /// @param x A field element.
    /// @return x^3 + 3 mod p.
    function curveRhs(uint256 x) internal pure returns (uint256) {
        return addmod(mulmod(mulmod(x, x, P), x, P), 3, P);
    }

    /// @notice A square root of a when a is a square in Fp (0 included).
    /// @param a A field element.
    /// @return square Whether a is a square.
    /// @return root a^((p+1)/4), a square root of a when `square`.
    function sqrtIfSquare(uint256 a) internal view returns (bool square, uint256 root) {
        root = expMod(a, SQRT_EXP);
        square = mulmod(root, root, P) == a;
    }

    /// @notice base^exponent mod p through the modexp precompile (EIP-198).
    /// @param base The base (< p).
    /// @param exponent The exponent.
    /// @return r The power.
    function expMod(uint256 base, uint256 exponent) internal view returns (uint256 r) {
        bool ok;
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, 32)
            mstore(add(m, 32), 32)
            mstore(add(m, 64), 32)
            mstore(add(m, 96), base)
            mstore(add(m, 128), exponent)
            mstore(add(m, 160), P)
            ok := staticcall(gas(), 0x05, m, 192, m, 32)
            r := mload(m)
        }
        if (!ok) revert PrecompileFailed(0x05);
    }
}
