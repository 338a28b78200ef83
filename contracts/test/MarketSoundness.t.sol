// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;
// forge-lint: disable-start(unsafe-typecast)
// forge-lint: disable-start(block-timestamp)

import {InferenceMarket, IInferenceConsumer} from "../src/InferenceMarket.sol";
import {KernelRegistry} from "../src/KernelRegistry.sol";
import {MarketFixture} from "./InferenceMarket.t.sol";
import {TestGame, RecordingConsumer, SlotTree} from "./InferenceMarketHelpers.sol";

/// @notice Cheatcodes the soundness tests need beyond VmMarket.
interface VmSound {
    function cool(address target) external;
    function snapshotState() external returns (uint256);
    function revertToState(uint256 id) external returns (bool);
}

/// @notice Callback that records the gas it was given on entry, to tell a full-limit call from a
///         starved one (docs/protocol.md 6.5).
contract GasProbeConsumer is IInferenceConsumer {
    uint256 public entryGas;

    function onInferenceResult(uint256, bytes calldata, bytes32) external {
        entryGas = gasleft();
    }
}

/// @notice The market soundness properties of docs/protocol.md 6.4-6.8, each tried the way an
///         attacker would (issue 11): losing to one's own sybil, erasing honest wins, endless
///         delay, malleable outputs, starved callbacks, copied results. Game outcomes come from
///         TestGame: a sybil controls both sides of its own games and can end them either way, and
///         an honest party's game ends its way (the game's soundness is tested in DisputeGame*.t.sol
///         and in MarketGameIntegration.t.sol with the real DisputeGame).
contract MarketSoundnessTest is MarketFixture {
    VmSound internal constant vms = VmSound(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);

    address internal constant H = address(0x40E57); // the honest challenger
    uint256 internal constant FEE = 0.1 ether;

    // ------------------------------------------------------------------ helpers

    /// @dev A canonical u8 [n] tensor of `len` bytes in all (24-byte header).
    function _u8Tensor(uint256 len) internal pure returns (bytes memory b) {
        uint32 n = uint32(len - 24);
        b = abi.encodePacked(
            bytes4("AIVT"),
            uint8(1),
            uint8(2),
            uint8(1),
            uint8(0),
            uint96(0),
            uint32(uint32(uint8(n)) << 24 | uint32(uint8(n >> 8)) << 16 | uint32(uint8(n >> 16)) << 8),
            new bytes(n)
        );
        for (uint256 i = 24; i < len; i++) b[i] = bytes1(uint8(i * 13 + 1));
    }

    /// @dev Ether of a group of addresses, credits included.
    function _wealth(address[] memory who) internal view returns (uint256 s) {
        for (uint256 i = 0; i < who.length; i++) s += who[i].balance + market.credits(who[i]);
    }

    function _gameOf(uint256 id, uint256 idx) internal view returns (uint256) {
        return market.getChallenge(id, idx).gameId;
    }

    /// @dev Claims every won challenge of a request whose round has settled.
    function _claimAll(uint256 id) internal {
        uint256 n = market.challengeCount(id);
        for (uint256 j = 0; j < n; j++) {
            InferenceMarket.Challenge memory c = market.getChallenge(id, j);
            if (c.status == InferenceMarket.ChallengeStatus.Won && market.getRefutedRound(id, c.round).settled) {
                market.claimReward(id, j);
            }
        }
    }

    function _fund(address a) internal {
        vmm.deal(a, 100 ether);
    }

    // ------------------------------------------------------------------ 6.4 sybils

    /// @notice Attack A and its variants: the liar L throws its game to its own sybil S, alone or
    ///         racing an honest challenger H, first or last. Whatever happens, L's addresses
    ///         together end at least BURN_BPS of L's bond poorer than the fee they could have
    ///         earned by answering honestly (the fee is below that half bond here, so they end
    ///         strictly poorer in absolute terms too), and H, when present, gains.
    function test_sybilSelfLossStillSlashes() public {
        for (uint256 variant = 0; variant < 4; variant++) {
            setUp();
            address L = SUB;
            address S = address(uint160(0x5B11 + variant));
            _fund(S);
            _fund(H);
            address[] memory attacker = new address[](2);
            attacker[0] = L;
            attacker[1] = S;
            uint256 before = _wealth(attacker);
            uint256 hBefore = _wealth(_one(H));

            uint256 id = _request(address(0), 0, FEE);
            _submit(id, L, _result(9, "lie"));
            Res memory honest = _result(2, "honest");
            // variant 0: S alone, copying the honest result; 1: S with another lie, alone;
            // 2: H challenges, S copies H and is resolved first; 3: H's win is resolved first
            bool withH = variant >= 2;
            uint256 hIdx;
            if (withH) hIdx = _challenge(id, H, honest);
            uint256 sIdx = _challenge(id, S, variant == 1 ? _result(4, "lie2") : honest);
            tg.setStatus(_gameOf(id, sIdx), 2); // L throws its game to S
            if (withH) tg.setStatus(_gameOf(id, hIdx), 2); // L cannot beat H
            if (variant == 3) market.resolveChallenge(id, hIdx);
            market.resolveChallenge(id, sIdx);
            if (variant == 2) market.resolveChallenge(id, hIdx);
            vmm.warp(block.timestamp + WINDOW);
            market.finalize(id);
            _claimAll(id);

            uint256 fee = market.getRequest(id).submitter == H ? 0 : FEE; // what L's side earned
            uint256 after_ = _wealth(attacker);
            assertTrue(after_ + SUB_BOND * market.BURN_BPS() / 10_000 <= before + fee, "lost at least half the bond");
            assertTrue(after_ < before, "strictly poorer");
            if (withH) assertTrue(_wealth(_one(H)) > hBefore, "the honest challenger gains");
        }
    }

    function _one(address a) internal pure returns (address[] memory w) {
        w = new address[](1);
        w[0] = a;
    }

    /// @notice Every honest challenge of a wrong candidate is paid its bond plus a positive reward,
    ///         whatever the number of sybils, their results (copies of the honest one or fresh
    ///         lies), the order the challenges were opened in, the order the games end and are
    ///         resolved in, and who won first. Each time a sybil's lie becomes the candidate (attack
    ///         B), H challenges it too, and is paid for that as well. The honest result is what
    ///         finalizes, and the books balance to the wei.
    function test_everyHonestChallengerPaid(uint256 seed) public {
        _fund(H);
        address[] memory sybils = new address[](1 + seed % 4);
        for (uint256 i = 0; i < sybils.length; i++) {
            sybils[i] = address(uint160(0x5B00 + i));
            _fund(sybils[i]);
        }
        uint256 id = _request(address(0), 0, FEE);
        _submit(id, SUB, _result(9, "lie"));
        Res memory honest = _result(2, "honest");
        uint256 hStart = _wealth(_one(H));
        uint256 hChallenges;

        // a round ends with the honest result as candidate unless a sybil's lie is resolved before
        // H's win; 64 rounds make the loop's end certain in practice
        for (uint256 round = 0; round < 64; round++) {
            InferenceMarket.Request memory q = market.getRequest(id);
            if (q.candidate.finalState == honest.finalState) break;
            // open H's challenge and every sybil's in a seed-chosen order
            uint256 n = 1 + sybils.length;
            uint256[] memory idx = new uint256[](n);
            uint256 hPos = uint256(keccak256(abi.encode(seed, round, "h"))) % n;
            for (uint256 k = 0; k < n; k++) {
                if (k == hPos) {
                    idx[k] = _challenge(id, H, honest);
                    hChallenges++;
                    tg.setStatus(_gameOf(id, idx[k]), 2); // an honest challenge of a lie wins
                    continue;
                }
                address s = sybils[k < hPos ? k : k - 1];
                if (s == q.submitter) {
                    idx[k] = type(uint256).max;
                    continue;
                }
                uint256 r = uint256(keccak256(abi.encode(seed, round, k)));
                Res memory res = r % 3 == 0 ? honest : _result(uint8(r % 10), bytes32(r));
                if (res.finalState == q.candidate.finalState) res = _result(uint8(r % 10), bytes32(r + 1));
                idx[k] = _challenge(id, s, res);
                tg.setStatus(_gameOf(id, idx[k]), uint8(1 + (r >> 8) % 2)); // thrown either way
            }
            // resolve in another seed-chosen order (a random rotation)
            uint256 rot = uint256(keccak256(abi.encode(seed, round, "rot"))) % n;
            for (uint256 k = 0; k < n; k++) {
                uint256 j = idx[(k + rot) % n];
                if (j != type(uint256).max) market.resolveChallenge(id, j);
            }
            _claimAll(id);
        }
        InferenceMarket.Request memory fin = market.getRequest(id);
        assertEq(fin.candidate.finalState, honest.finalState, "the honest result is the candidate");
        vmm.warp(block.timestamp + WINDOW);
        market.finalize(id);
        _claimAll(id);

        // every one of H's challenges was decided its way and paid
        uint256 nc = market.challengeCount(id);
        uint256 hRewarded;
        for (uint256 j = 0; j < nc; j++) {
            InferenceMarket.Challenge memory c = market.getChallenge(id, j);
            if (c.challenger != H) continue;
            assertTrue(c.status == InferenceMarket.ChallengeStatus.Rewarded, "H's challenge paid");
            assertTrue(market.getRefutedRound(id, c.round).share > 0, "with a positive share");
            hRewarded++;
        }
        assertEq(hRewarded, hChallenges, "all of H's challenges");
        // bond back plus a reward for each: H ends richer than it started by at least the sum of its
        // shares (plus the fee if its result was the one finalized)
        assertTrue(_wealth(_one(H)) > hStart, "H gains");
        address[] memory accts = new address[](3 + sybils.length);
        accts[0] = SUB;
        accts[1] = H;
        accts[2] = REQ;
        for (uint256 i = 0; i < sybils.length; i++) accts[3 + i] = sybils[i];
        uint256[] memory ids = new uint256[](1);
        ids[0] = id;
        assertEq(address(market).balance, _owed(accts, ids), "accounting");
    }

    /// @notice Attack B at its worst, for N = 1, 3 and 10 attacker addresses with the same capital:
    ///         at the last second of every window the attacker's current candidate throws its game
    ///         to another attacker address carrying a fresh lie, which opens a new window; H
    ///         challenges every lie at once and its games last the longest a game may (G). The
    ///         delay from the first result to finalization obeys docs/protocol.md 6.7:
    ///             T_final - T_0 <= (1 + R) (W + G),   R <= burned_by_attacker / (BURN_BPS/10^4 B_min)
    ///         where R is the number of refuted candidates. So the delay grows only with capital
    ///         burned, never with N: the same capital buys the same number of windows for N = 3
    ///         and N = 10, and a lone address (N = 1) cannot throw to itself at all.
    function test_sybilCannotDelayForever() public {
        uint256[3] memory ns = [uint256(1), 3, 10];
        uint256[3] memory windowsBought;
        for (uint256 t = 0; t < 3; t++) {
            setUp();
            windowsBought[t] = _delayRun(ns[t]);
        }
        assertEq(windowsBought[0], 1, "a lone liar gets no extra window");
        assertEq(windowsBought[1], windowsBought[2], "3 or 10 addresses: the same capital, the same delay");
        assertTrue(windowsBought[1] > 1, "sybils can buy windows, at a price");
    }

    /// @dev State of one delay run.
    struct DelayRun {
        address[] att;
        uint256 wealth0;
        uint256 id;
        uint256 t0;
        uint256 burned0;
        uint256 refutations;
        uint256[] hGames;
        uint256[] hOpened;
        uint256 nh;
        uint256 next;
    }

    uint256 internal constant DELAY_G = 3 days; // the test's bound on a game's duration
    uint256 internal constant DELAY_CAPITAL = 10 ether; // what the attacker is ready to lose

    /// @dev Plays attack B with N attacker addresses until the capital runs out, checks the 6.7
    ///      bound, and returns the number of refuted candidates R.
    function _delayRun(uint256 N) internal returns (uint256) {
        _fund(H);
        DelayRun memory d;
        d.att = new address[](N);
        d.att[0] = SUB;
        for (uint256 i = 1; i < N; i++) {
            d.att[i] = address(uint160(0xA77000 + i));
            _fund(d.att[i]);
        }
        d.hGames = new uint256[](64);
        d.hOpened = new uint256[](64);
        d.next = 1;
        d.wealth0 = _wealth(d.att);
        d.id = _request(address(0), 0, FEE);
        d.t0 = block.timestamp;
        _submit(d.id, SUB, _result(9, "lie0"));
        d.burned0 = market.totalBurned();
        while (_delayRound(d)) {}
        // the last lie's honest game ends at the latest moment; then a window; then finalize
        vmm.warp(d.hOpened[d.nh - 1] + DELAY_G);
        _resolveHonest(d);
        d.refutations++; // H's win refutes the last lie
        vmm.warp(market.getRequest(d.id).windowEnd);
        market.finalize(d.id);

        uint256 delay = block.timestamp - d.t0;
        uint256 burned = market.totalBurned() - d.burned0;
        uint256 bMin = SUB_BOND < CH_BOND ? SUB_BOND : CH_BOND;
        uint256 spent = d.wealth0 - _wealth(d.att);
        assertTrue(delay <= (1 + d.refutations) * (WINDOW + DELAY_G), "delay within (1 + R)(W + G)");
        assertTrue(d.refutations * (bMin * market.BURN_BPS() / 10_000) <= burned, "each refutation burned half a bond");
        assertTrue(spent >= burned, "the attacker paid at least what was burned");
        return d.refutations;
    }

    /// @dev One round: H challenges the current lie at once; the attacker, if it can afford
    ///      another window and has another address, throws at the window's last second.
    function _delayRound(DelayRun memory d) internal returns (bool) {
        InferenceMarket.Request memory q = market.getRequest(d.id);
        d.hGames[d.nh] = _challenge(d.id, H, _result(2, "honest"));
        d.hOpened[d.nh] = block.timestamp;
        tg.setStatus(_gameOf(d.id, d.hGames[d.nh]), 2);
        d.nh++;
        uint256 spent = d.wealth0 - _wealth(d.att);
        if (d.att.length == 1 || spent + CH_BOND > DELAY_CAPITAL) return false;
        vmm.warp(q.windowEnd - 1);
        address s = d.att[d.next % d.att.length];
        if (s == q.submitter) s = d.att[(d.next + 1) % d.att.length];
        d.next++;
        uint256 si = _challenge(d.id, s, _result(uint8(d.next % 10), bytes32(d.next)));
        tg.setStatus(_gameOf(d.id, si), 2);
        market.resolveChallenge(d.id, si);
        d.refutations++;
        _resolveHonest(d);
        return true;
    }

    /// @dev Resolves every honest game that has lasted G (they end at the latest moment).
    function _resolveHonest(DelayRun memory d) internal {
        for (uint256 k = 0; k < d.nh; k++) {
            if (d.hGames[k] != type(uint256).max && block.timestamp >= d.hOpened[k] + DELAY_G) {
                market.resolveChallenge(d.id, d.hGames[k]);
                d.hGames[k] = type(uint256).max;
            }
        }
    }

    // ------------------------------------------------------------------ 6.3 exact outputs

    /// @notice The commitment zero-pads the last chunk, so `output ‖ 0x00` and a tensor with its
    ///         trailing zero bytes cut share the honest commitment; the market refuses both, in
    ///         submissions and in challenges, because it requires the exact canonical encoding.
    function test_outputPaddingRejected() public {
        uint256 id = _request(address(0), 0, FEE);
        Res memory r = _result(0, "honest"); // class 0: the data bytes are all zero
        bytes memory padded = bytes.concat(r.output, hex"00");
        bytes memory padded1k = bytes.concat(r.output, new bytes(1024 - r.output.length));
        bytes memory cut = new bytes(24); // the 28-byte tensor without its 4 zero data bytes
        for (uint256 i = 0; i < 24; i++) cut[i] = r.output[i];
        assertEq(market.tensorCommitment(padded), r.commit, "padding keeps the commitment");
        assertEq(market.tensorCommitment(padded1k), r.commit, "padding to a chunk keeps it");
        assertEq(market.tensorCommitment(cut), r.commit, "cutting zeros keeps it");

        vmm.startPrank(SUB);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.NonCanonicalTensor.selector, uint256(28)));
        market.submitResult{value: SUB_BOND}(id, padded, r.commit, r.finalState, r.actRoot, r.path);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.NonCanonicalTensor.selector, uint256(28)));
        market.submitResult{value: SUB_BOND}(id, padded1k, r.commit, r.finalState, r.actRoot, r.path);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.NonCanonicalTensor.selector, uint256(0)));
        market.submitResult{value: SUB_BOND}(id, cut, r.commit, r.finalState, r.actRoot, r.path);
        vmm.stopPrank();

        // the honest candidate; a challenger with the same S_n and a padded output is refused too
        Res memory lie = _result(5, "lie");
        _submit(id, SUB, lie);
        vmm.startPrank(CH1);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.NonCanonicalTensor.selector, uint256(28)));
        market.challenge{value: CH_BOND}(id, padded, r.commit, r.finalState, r.actRoot, r.path);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.NonCanonicalTensor.selector, uint256(0)));
        market.challenge{value: CH_BOND}(id, cut, r.commit, r.finalState, r.actRoot, r.path);
        vmm.stopPrank();
        _challenge(id, CH1, r);
    }

    /// @notice tensorLength agrees with a plain reference reading of docs/models.md 2 on
    ///         canonical tensors and on every single-byte change to their header (magic,
    ///         version, dtype, rank, flags, quantization fields, dimensions): the same length when
    ///         both accept, a refusal when the reference refuses.
    function testFuzz_tensorLengthMatchesReference(uint8 pos, uint8 value, uint8 dtype, uint8 rank, uint16 d0)
        public
        view
    {
        dtype = dtype % 3 + 1;
        rank = rank % 3;
        d0 = d0 % 300;
        bytes memory hdr = abi.encodePacked(bytes4("AIVT"), uint8(1), dtype, rank, uint8(0), uint96(0));
        uint256 n = 1;
        for (uint256 i = 0; i < rank; i++) {
            uint32 d = uint32(d0) + uint32(i);
            hdr = bytes.concat(hdr, abi.encodePacked(uint8(d), uint8(d >> 8), uint8(0), uint8(0)));
            n *= d;
        }
        bytes memory enc = bytes.concat(hdr, new bytes(n * (dtype == 3 ? 4 : 1)));
        assertEq(market.tensorLength(enc), enc.length, "canonical length");
        enc[uint256(pos) % hdr.length] = bytes1(value);
        (bool refOk, uint256 refLen) = _refLength(enc);
        try market.tensorLength(enc) returns (uint256 len) {
            assertTrue(refOk, "accepted what the reference refuses");
            assertEq(len, refLen, "length");
        } catch {
            assertTrue(!refOk, "refused what the reference accepts");
        }
    }

    /// @dev Reference decoder of a tensor header (docs/models.md 2), written for clarity.
    function _refLength(bytes memory b) internal pure returns (bool ok, uint256 len) {
        if (b.length < 20) return (false, 0);
        if (b[0] != "A" || b[1] != "I" || b[2] != "V" || b[3] != "T" || uint8(b[4]) != 1) return (false, 0);
        uint8 dt = uint8(b[5]);
        uint8 rk = uint8(b[6]);
        if (dt < 1 || dt > 3 || rk > 8 || uint8(b[7]) != 0) return (false, 0);
        if (b.length < 20 + 4 * uint256(rk)) return (false, 0);
        uint256 n = 1;
        for (uint256 i = 0; i < rk; i++) {
            uint256 d;
            for (uint256 j = 0; j < 4; j++) d += uint256(uint8(b[20 + 4 * i + j])) << (8 * j);
            if (d > 1 << 28) return (false, 0);
            n *= d;
            if (n > 1 << 28) return (false, 0);
        }
        len = 20 + 4 * uint256(rk) + n * (dt == 3 ? 4 : 1);
        ok = len <= b.length;
        if (!ok) len = 0;
    }

    /// @notice The outputs aggregation binds every output slot: the posted output is the exact
    ///         concatenation of the outputs' canonical encodings in order, each proven at its slot,
    ///         and the commitment is the Merkle root of their commitments; the consumer gets them
    ///         all. Reordered, missing or extra tensors are refused.
    function test_outputsAggregationBindsEverySlot() public {
        Multi memory m = _multi();
        RecordingConsumer c = new RecordingConsumer();
        bytes[] memory ins = _inputs();
        vmm.prank(REQ);
        uint256 id = market.requestInference{value: FEE}(m.kid, ins, address(c), 200_000, new address[](0));

        vmm.startPrank(SUB);
        vmm.expectRevert(InferenceMarket.SlotProofInvalid.selector); // swapped order
        market.submitResult{value: SUB_BOND}(id, bytes.concat(m.b, m.a), m.root, m.fin, m.act, m.path);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.NonCanonicalTensor.selector, uint256(40)));
        market.submitResult{value: SUB_BOND}(id, m.a, m.root, m.fin, m.act, m.path); // the second is missing
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.NonCanonicalTensor.selector, uint256(68)));
        market.submitResult{value: SUB_BOND}(id, bytes.concat(m.a, m.b, hex"00"), m.root, m.fin, m.act, m.path);
        vmm.expectRevert(InferenceMarket.OutputCommitmentMismatch.selector); // one slot's commitment only
        market.submitResult{value: SUB_BOND}(id, bytes.concat(m.a, m.b), m.cb, m.fin, m.act, m.path);
        vmm.expectRevert(InferenceMarket.SlotProofInvalid.selector); // one path only
        market.submitResult{value: SUB_BOND}(id, bytes.concat(m.a, m.b), m.root, m.fin, m.act, m.p3);
        market.submitResult{value: SUB_BOND}(id, bytes.concat(m.a, m.b), m.root, m.fin, m.act, m.path);
        vmm.stopPrank();

        vmm.warp(block.timestamp + WINDOW);
        market.finalize(id);
        assertEq(keccak256(c.lastOutput()), keccak256(bytes.concat(m.a, m.b)), "both outputs delivered");
        assertEq(c.lastCommitment(), m.root, "their Merkle root");
    }

    /// @dev A kernel with the outputs rule over slots 3 and 5, and a final state holding two
    ///      output tensors there.
    struct Multi {
        bytes32 kid;
        bytes a;
        bytes b;
        bytes32 act;
        bytes32 fin;
        bytes32 root;
        bytes32 cb;
        bytes32[] p3;
        bytes32[] path;
    }

    function _multi() internal returns (Multi memory m) {
        uint32[] memory outs = new uint32[](2);
        outs[0] = 3;
        outs[1] = 5;
        m.kid = reg.register(modelRoot, keccak256("pre"), keccak256("man"), NODES, 3, 1, outs, "");
        m.a = _u8Tensor(40);
        m.b = _classTensor(7);
        bytes32[] memory slots = new bytes32[](1 + NODES);
        slots[0] = SlotTree.tensorCommit(_input());
        for (uint256 i = 1; i <= NODES; i++) slots[i] = keccak256(abi.encode("n", i));
        slots[3] = SlotTree.tensorCommit(m.a);
        slots[5] = SlotTree.tensorCommit(m.b);
        m.act = SlotTree.root(slots);
        m.fin = keccak256(abi.encodePacked(modelRoot, m.act));
        m.p3 = SlotTree.proof(slots, 3);
        bytes32[] memory p5 = SlotTree.proof(slots, 5);
        m.path = new bytes32[](6);
        for (uint256 i = 0; i < 3; i++) {
            m.path[i] = m.p3[i];
            m.path[3 + i] = p5[i];
        }
        bytes32[] memory cs = new bytes32[](2);
        cs[0] = slots[3];
        cs[1] = slots[5];
        m.cb = slots[5];
        m.root = SlotTree.root(cs);
    }

    // ------------------------------------------------------------------ 6.5 callback gas

    /// @notice For outputs of 32 B, 4 KiB and MAX_OUTPUT_BYTES, with the market's storage cold,
    ///         the smallest gas at which finalize succeeds is found by bisection, and at that gas
    ///         the callback still receives its full limit: it sees exactly the gas on entry that it
    ///         sees when finalize is sent with plenty. Below it, finalize reverts.
    function test_callbackGasNeverStarved() public {
        uint256[3] memory sizes = [uint256(32), 4096, market.MAX_OUTPUT_BYTES()];
        uint32 limit = 300_000;
        for (uint256 t = 0; t < 3; t++) {
            GasProbeConsumer probe = new GasProbeConsumer();
            uint256 id = _request(address(probe), limit, FEE);
            Res memory r = _resultOut(_u8Tensor(sizes[t]), bytes32(t));
            assertEq(r.output.length, sizes[t], "size");
            _submit(id, SUB, r);
            vmm.warp(block.timestamp + WINDOW);

            (bool okBig, uint256 fullEntry) = _tryFinalize(probe, id, 30_000_000);
            assertTrue(okBig && fullEntry > 0, "finalize with plenty of gas calls back");
            uint256 lo = limit; // fails: not even the limit
            uint256 hi = 30_000_000; // succeeds
            (bool okLo,) = _tryFinalize(probe, id, lo);
            assertTrue(!okLo, "finalize below the limit fails");
            while (hi - lo > 1) {
                uint256 mid = (lo + hi) / 2;
                (bool ok,) = _tryFinalize(probe, id, mid);
                if (ok) hi = mid;
                else lo = mid;
            }
            (bool okMin, uint256 entry) = _tryFinalize(probe, id, hi);
            assertTrue(okMin, "finalize at the minimum succeeds");
            assertEq(entry, fullEntry, "the callback got its full limit at the minimum gas");
            // the output was read cold: at least 2,100 gas per 32-byte word on top of the limit
            assertTrue(hi > limit + sizes[t] * 2_100 / 32, "storage was cold");
        }
    }

    /// @dev Sends finalize with `g` gas on cold storage and reverts the state; returns whether it
    ///      succeeded and the gas the callback saw on entry (0: not called, or starved into OOG).
    function _tryFinalize(GasProbeConsumer probe, uint256 id, uint256 g) internal returns (bool ok, uint256 entry) {
        uint256 snap = vms.snapshotState();
        vms.cool(address(market));
        vms.cool(address(probe));
        (ok,) = address(market).call{gas: g}(abi.encodeCall(InferenceMarket.finalize, (id)));
        entry = probe.entryGas();
        vms.revertToState(snap);
    }

    // ------------------------------------------------------------------ 6.1 listed submitters

    /// @notice A copier that replays the listed submitter's pending result (with a higher fee)
    ///         is refused, so it cannot take the fee or the bond; the copier cannot challenge with
    ///         the same result either. After the listed submitters' head start anyone may answer.
    function test_copiedResultCannotStealFee() public {
        address COPIER = address(0xC0B1);
        _fund(COPIER);
        address[] memory listed = new address[](1);
        listed[0] = SUB;
        vmm.prank(REQ);
        uint256 id = market.requestInference{value: FEE}(kid, _inputs(), address(0), 0, listed);
        uint64 openAfter = uint64(block.timestamp + TIMEOUT / 2);
        assertEq(market.getRequest(id).openAfter, openAfter, "open fallback after half the timeout");
        assertTrue(market.isListedSubmitter(id, SUB), "listed");

        Res memory r = _result(6, "honest");
        vmm.prank(COPIER);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.NotListedSubmitter.selector, COPIER, openAfter));
        market.submitResult{value: SUB_BOND}(id, r.output, r.commit, r.finalState, r.actRoot, r.path);
        _submit(id, SUB, r);
        vmm.prank(COPIER);
        vmm.expectRevert(InferenceMarket.SameFinalState.selector);
        market.challenge{value: CH_BOND}(id, r.output, r.commit, r.finalState, r.actRoot, r.path);
        vmm.warp(block.timestamp + WINDOW);
        market.finalize(id);
        assertEq(market.credits(SUB), SUB_BOND + FEE, "the listed submitter is paid");
        assertEq(market.credits(COPIER), 0, "the copier gets nothing");

        // a silent listed submitter: the open fallback lets anyone answer from openAfter on
        vmm.prank(REQ);
        uint256 id2 = market.requestInference{value: FEE}(kid, _inputs(), address(0), 0, listed);
        uint64 open2 = uint64(block.timestamp + TIMEOUT / 2);
        vmm.warp(open2 - 1);
        vmm.prank(COPIER);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.NotListedSubmitter.selector, COPIER, open2));
        market.submitResult{value: SUB_BOND}(id2, r.output, r.commit, r.finalState, r.actRoot, r.path);
        vmm.warp(open2);
        _submit(id2, COPIER, r);
        assertEq(uint256(uint160(market.getRequest(id2).submitter)), uint256(uint160(COPIER)), "answered after the fallback");
    }
}
