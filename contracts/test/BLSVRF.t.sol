// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {BN254VRF} from "../src/lib/BN254VRF.sol";
import {BN254VRFHarness} from "../src/examples/BN254VRFHarness.sol";
import {TestBase} from "./lib/Vm.sol";

/// @notice The file and JSON cheatcodes this test reads its vectors with.
interface VmJson {
    function readFile(string calldata path) external view returns (string memory);
    function parseJsonBytes(string calldata json, string calldata key) external pure returns (bytes memory);
    function parseJsonBytes32(string calldata json, string calldata key) external pure returns (bytes32);
    function parseJsonBytes32Array(string calldata json, string calldata key) external pure returns (bytes32[] memory);
    function parseJsonUint(string calldata json, string calldata key) external pure returns (uint256);
    function parseJsonAddress(string calldata json, string calldata key) external pure returns (address);
    function parseJsonString(string calldata json, string calldata key) external pure returns (string memory);
    function toString(uint256 value) external pure returns (string memory);
}

/// @notice BN254VRF against published and Go-generated vectors: RFC 9380 expand_message_xmd
///         (appendix K.1), gnark-crypto's BN254G1 hash_to_curve vectors stage by stage, and
///         testdata/vrf/vectors.json (keys, proofs, seeds, proofs of possession and forgeries
///         computed by contracts/vrf with gnark-crypto). Also the SVDW constants from their
///         definitions, fuzzed invariants, and the gas of the whole check (<= 200k, logged).
contract BLSVRFTest is TestBase {
    event log_named_uint(string key, uint256 val);

    VmJson internal constant vmj = VmJson(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);
    uint256 internal constant P = BN254VRF.P;

    BN254VRFHarness internal harness;
    string internal vectors;

    /// @dev A harness for the calls that must revert (expectRevert needs an external call).
    function setUp() public {
        harness = new BN254VRFHarness();
        vectors = vmj.readFile("testdata/vrf/vectors.json");
    }

    /// @dev The JSON path of `field` in entry i of `list`.
    function _key(string memory list, uint256 i, string memory field) internal pure returns (string memory) {
        return string.concat(".", list, "[", vmj.toString(i), "].", field);
    }

    /// @dev Two 32-byte hex words at key, as uint256s.
    function _words2(string memory json, string memory key) internal pure returns (uint256[2] memory w) {
        bytes32[] memory a = vmj.parseJsonBytes32Array(json, key);
        require(a.length == 2, "two words");
        w = [uint256(a[0]), uint256(a[1])];
    }

    /// @dev Four 32-byte hex words at key, as uint256s.
    function _words4(string memory json, string memory key) internal pure returns (uint256[4] memory w) {
        bytes32[] memory a = vmj.parseJsonBytes32Array(json, key);
        require(a.length == 4, "four words");
        w = [uint256(a[0]), uint256(a[1]), uint256(a[2]), uint256(a[3])];
    }

    /// @dev One 32-byte hex word at key, as a uint256.
    function _u(string memory json, string memory key) internal pure returns (uint256) {
        return uint256(vmj.parseJsonBytes32(json, key));
    }

    /// @notice One entry of the Go vectors' proofs list.
    struct Proof {
        uint256[4] pk;
        uint256[2] sig;
        uint256 chainId;
        address market;
        uint256 requestId;
        bytes32 kernelId;
    }

    /// @dev Entry i of the proofs list.
    function _proof(uint256 i) internal view returns (Proof memory p) {
        p.pk = _words4(vectors, _key("proofs", i, "pk"));
        p.sig = _words2(vectors, _key("proofs", i, "sig"));
        p.chainId = _u(vectors, _key("proofs", i, "chainId"));
        p.market = vmj.parseJsonAddress(vectors, _key("proofs", i, "market"));
        p.requestId = _u(vectors, _key("proofs", i, "requestId"));
        p.kernelId = vmj.parseJsonBytes32(vectors, _key("proofs", i, "kernelId"));
    }

    /// @notice expand_message_xmd equals RFC 9380 appendix K.1 (SHA-256, 32 and 128 bytes).
    function test_rfcExpandMessageXmd() public view {
        string memory j = vmj.readFile("testdata/vrf/rfc9380-expand-sha256.json");
        bytes memory dst = vmj.parseJsonBytes(j, ".dst");
        for (uint256 i = 0; i < 10; ++i) {
            bytes memory got = BN254VRF.expandMessageXmd(
                vmj.parseJsonBytes(j, _key("cases", i, "msg")), dst, vmj.parseJsonUint(j, _key("cases", i, "lenInBytes"))
            );
            assertEq(keccak256(got), keccak256(vmj.parseJsonBytes(j, _key("cases", i, "out"))), "uniform_bytes");
        }
    }

    /// @notice hash_to_field, both SVDW maps and hash_to_curve equal gnark-crypto's published
    ///         BN254G1_XMD:SHA-256_SVDW_RO_ vectors at every stage.
    function test_rfcHashToG1() public view {
        string memory j = vmj.readFile("testdata/vrf/rfc9380-bn254g1-ro.json");
        bytes memory dst = vmj.parseJsonBytes(j, ".dst");
        for (uint256 i = 0; i < 5; ++i) {
            bytes memory m = vmj.parseJsonBytes(j, _key("cases", i, "msg"));
            (uint256 u0, uint256 u1) = BN254VRF.hashToField(m, dst);
            assertEq(u0, _u(j, _key("cases", i, "u0")), "u0");
            assertEq(u1, _u(j, _key("cases", i, "u1")), "u1");
            (uint256 x, uint256 y) = BN254VRF.mapToCurve(u0);
            assertEq(x, _u(j, _key("cases", i, "q0x")), "Q0.x");
            assertEq(y, _u(j, _key("cases", i, "q0y")), "Q0.y");
            (x, y) = BN254VRF.mapToCurve(u1);
            assertEq(x, _u(j, _key("cases", i, "q1x")), "Q1.x");
            assertEq(y, _u(j, _key("cases", i, "q1y")), "Q1.y");
            uint256[2] memory h = BN254VRF.hashToG1(m, dst);
            assertEq(h[0], _u(j, _key("cases", i, "px")), "P.x");
            assertEq(h[1], _u(j, _key("cases", i, "py")), "P.y");
        }
    }

    /// @notice hash_to_field and hash_to_curve under the AIVM DSTs equal gnark-crypto's.
    function test_goHashVectors() public view {
        uint256 n = vmj.parseJsonUint(vectors, ".nHash");
        assertTrue(n > 0, "vectors");
        for (uint256 i = 0; i < n; ++i) {
            bytes memory dst = vmj.parseJsonBytes(vectors, _key("hash", i, "dst"));
            bytes memory m = vmj.parseJsonBytes(vectors, _key("hash", i, "msg"));
            uint256[2] memory u = _words2(vectors, _key("hash", i, "u"));
            (uint256 u0, uint256 u1) = BN254VRF.hashToField(m, dst);
            assertEq(u0, u[0], "u0");
            assertEq(u1, u[1], "u1");
            uint256[2] memory p = _words2(vectors, _key("hash", i, "p"));
            uint256[2] memory h = BN254VRF.hashToG1(m, dst);
            assertEq(h[0], p[0], "P.x");
            assertEq(h[1], p[1], "P.y");
        }
        assertEq(keccak256(vmj.parseJsonBytes(vectors, ".vrfDst")), keccak256(BN254VRF.VRF_DST), "VRF DST");
        assertEq(keccak256(vmj.parseJsonBytes(vectors, ".popDst")), keccak256(BN254VRF.POP_DST), "PoP DST");
    }

    /// @notice The SVDW map agrees with gnark-crypto on its exceptional inputs (u = 0, +-1/2, where
    ///         inv0 meets 0, and the edges of the field).
    function test_goMapVectors() public view {
        uint256 n = vmj.parseJsonUint(vectors, ".nMap");
        for (uint256 i = 0; i < n; ++i) {
            uint256[2] memory q = _words2(vectors, _key("map", i, "q"));
            (uint256 x, uint256 y) = BN254VRF.mapToCurve(_u(vectors, _key("map", i, "u")));
            assertEq(x, q[0], "x");
            assertEq(y, q[1], "y");
        }
    }

    /// @notice Go's proofs verify on chain with the same message and seed, and Go's proofs of
    ///         possession register their key for their owner only.
    function test_goProofs() public view {
        uint256 n = vmj.parseJsonUint(vectors, ".nProofs");
        assertTrue(n > 0, "vectors");
        for (uint256 i = 0; i < n; ++i) {
            Proof memory p = _proof(i);
            uint256[4] memory pk = p.pk;
            uint256[2] memory sig = p.sig;
            bytes memory m = BN254VRF.requestMessage(p.chainId, p.market, p.requestId, p.kernelId);
            assertEq(keccak256(m), keccak256(vmj.parseJsonBytes(vectors, _key("proofs", i, "msg"))), "message");
            assertTrue(BN254VRF.verify(pk, m, sig), "verify");
            bytes32 seed = harness.verifiedSeed(pk, p.chainId, p.market, p.requestId, p.kernelId, sig);
            assertEq(seed, vmj.parseJsonBytes32(vectors, _key("proofs", i, "seed")), "seed");
            assertEq(BN254VRF.seed(sig), seed, "seed()");
            // The proof does not carry over to the next request.
            bytes memory next = BN254VRF.requestMessage(p.chainId, p.market, p.requestId + 1, p.kernelId);
            assertTrue(!BN254VRF.verify(pk, next, sig), "next request");

            address owner = vmj.parseJsonAddress(vectors, _key("proofs", i, "owner"));
            uint256[2] memory pop = _words2(vectors, _key("proofs", i, "pop"));
            assertTrue(BN254VRF.verifyPossession(pk, owner, pop), "possession");
            assertTrue(!BN254VRF.verifyPossession(pk, address(0xB0B), pop), "possession replayed for another owner");
            assertTrue(!BN254VRF.verify(pk, abi.encode(pk, owner), pop), "a PoP is not a VRF proof");
            assertTrue(!BN254VRF.verifyPossession(pk, owner, sig), "a VRF proof is not a PoP");
        }
    }

    /// @notice Every forgery built by the Go side gets the status Go gives it, and verifiedSeed
    ///         reverts with the matching custom error.
    function test_goForgeries() public {
        uint256 n = vmj.parseJsonUint(vectors, ".nForgeries");
        assertTrue(n >= 10, "vectors");
        bytes memory honestMsg = vmj.parseJsonBytes(vectors, _key("proofs", 0, "msg"));
        bytes4[7] memory errs = [
            bytes4(0),
            BN254VRF.CoordinateOutOfRange.selector,
            BN254VRF.SignatureAtInfinity.selector,
            BN254VRF.SignatureNotOnCurve.selector,
            BN254VRF.PublicKeyAtInfinity.selector,
            BN254VRF.PublicKeyInvalid.selector,
            BN254VRF.PairingMismatch.selector
        ];
        for (uint256 i = 0; i < n; ++i) {
            uint256[4] memory pk = _words4(vectors, _key("forgeries", i, "pk"));
            uint256[2] memory sig = _words2(vectors, _key("forgeries", i, "sig"));
            bytes memory m = vmj.parseJsonBytes(vectors, _key("forgeries", i, "msg"));
            uint256 want = vmj.parseJsonUint(vectors, _key("forgeries", i, "status"));
            assertTrue(want != 0, "a forgery");
            assertEq(uint256(BN254VRF.check(pk, m, sig, BN254VRF.VRF_DST)), want, "status");
            assertTrue(!harness.verify(pk, m, sig), "verify");
            if (keccak256(m) == keccak256(honestMsg)) {
                Proof memory h = _proof(0);
                vm.expectRevert(errs[want]);
                harness.verifiedSeed(pk, h.chainId, h.market, h.requestId, h.kernelId, sig);
            }
        }
    }

    /// @notice The SVDW constants satisfy their definitions (RFC 9380 section 6.6.1) for
    ///         y^2 = x^3 + 3, and the other hard-coded numbers are what they claim.
    function test_constants() public pure {
        uint256 z = BN254VRF.Z;
        assertEq(BN254VRF.C1, addmod(mulmod(mulmod(z, z, P), z, P), 3, P), "c1 = g(Z)");
        assertEq(addmod(mulmod(2, BN254VRF.C2, P), z, P), 0, "c2 = -Z/2");
        uint256 threeZ2 = mulmod(3, mulmod(z, z, P), P);
        assertEq(mulmod(BN254VRF.C3, BN254VRF.C3, P), P - mulmod(BN254VRF.C1, threeZ2, P), "c3^2 = -g(Z)*3Z^2");
        assertEq(BN254VRF.C3 & 1, 0, "sgn0(c3) = 0");
        assertEq(mulmod(BN254VRF.C4, threeZ2, P), P - mulmod(4, BN254VRF.C1, P), "c4 = -4g(Z)/(3Z^2)");
        assertEq(BN254VRF.TWO_256_MOD_P, mulmod(mulmod(1 << 128, 1 << 128, P), 1, P), "2^256 mod p");
        assertEq(BN254VRF.SQRT_EXP * 4, P + 1, "(p+1)/4");
        assertEq(BN254VRF.INV_EXP + 2, P, "p-2");
        assertEq(P % 4, 3, "p = 3 mod 4");
    }

    /// @notice Any field element maps to a point on the curve whose y has u's sign.
    function testFuzz_mapToCurveOnCurve(uint256 u) public view {
        u %= P;
        (uint256 x, uint256 y) = BN254VRF.mapToCurve(u);
        assertTrue(x < P && y < P, "reduced");
        assertEq(mulmod(y, y, P), BN254VRF.curveRhs(x), "on curve");
        assertEq(y & 1, u & 1, "sgn0(y) = sgn0(u)");
    }

    /// @notice Any message hashes to a point on the curve.
    function testFuzz_hashToG1OnCurve(bytes calldata m) public view {
        uint256[2] memory h = BN254VRF.hashToG1(m, BN254VRF.VRF_DST);
        assertEq(mulmod(h[1], h[1], P), BN254VRF.curveRhs(h[0]), "on curve");
    }

    /// @notice Arbitrary signatures for a real key and message are refused (a random point on the
    ///         curve, or any other pair of words).
    function testFuzz_forgedSignatureRefused(uint256 x, uint256 y, uint256 u) public view {
        uint256[4] memory pk = _words4(vectors, _key("proofs", 0, "pk"));
        bytes memory m = vmj.parseJsonBytes(vectors, _key("proofs", 0, "msg"));
        uint256[2] memory honest = _words2(vectors, _key("proofs", 0, "sig"));
        uint256[2] memory sig = [x, y];
        if (u % 2 == 0) (sig[0], sig[1]) = BN254VRF.mapToCurve(u % P); // a valid point
        vm.assume(sig[0] != honest[0] || sig[1] != honest[1]);
        assertTrue(!BN254VRF.verify(pk, m, sig), "forgery verified");
    }

    /// @notice The whole check (hash to curve + pairing + seed) costs at most 200k gas; logs
    ///         each proof's figure (run with -vv). docs/bench/vrf.md holds the Go-measured table.
    function test_gasVerifiedSeed() public {
        uint256 n = vmj.parseJsonUint(vectors, ".nProofs");
        for (uint256 i = 0; i < n; ++i) {
            Proof memory p = _proof(i);
            uint256 before = gasleft();
            BN254VRF.verifiedSeed(p.pk, p.chainId, p.market, p.requestId, p.kernelId, p.sig);
            uint256 used = before - gasleft();
            emit log_named_uint("verifiedSeed gas", used);
            assertTrue(used <= 200_000, "<= 200k gas");
        }
    }
}
