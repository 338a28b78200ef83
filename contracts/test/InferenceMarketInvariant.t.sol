// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;
// forge-lint: disable-start(unsafe-typecast)
// forge-lint: disable-start(block-timestamp)

import {InferenceMarket} from "../src/InferenceMarket.sol";
import {IDisputeGame} from "../src/interfaces/IDisputeGame.sol";
import {KernelRegistry} from "../src/KernelRegistry.sol";
import {TestBase} from "./lib/Vm.sol";
import {VmMarket, TestGame, SlotTree, RecordingConsumer, RevertingConsumer} from "./InferenceMarketHelpers.sol";
import {Slots} from "./lib/Slots.sol";

/// @notice Drives the market through random requests, submissions, challenges, game outcomes,
///         resolutions, finalizations, cancellations and withdrawals, and tracks every address
///         and request it touched so the invariant can sum what the market owes.
contract MarketHandler {
    VmMarket internal constant vm = VmMarket(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);

    InferenceMarket public market;
    TestGame public tg;
    bytes32 public modelRoot;
    bytes32 public kid;
    address[] public actors;
    address[] public callbacks;
    uint256[] public ids;
    bytes internal input;
    bytes32 internal inputCommit;
    uint256 public calls;
    /// @notice Ghost counters of resolutions by outcome (coverage of the handler).
    uint256 public won;
    uint256 public lost;
    uint256 public claimed;
    uint256 public sybilThrows;
    uint256 public finalized;

    constructor(InferenceMarket m, TestGame g, bytes32 mr, bytes32 k) {
        market = m;
        tg = g;
        modelRoot = mr;
        kid = k;
        for (uint256 i = 0; i < 5; i++) actors.push(address(uint160(0x1000 + i)));
        callbacks.push(address(0));
        callbacks.push(address(new RecordingConsumer()));
        callbacks.push(address(new RevertingConsumer()));
        // u8 [4]: a canonical 28-byte tensor encoding
        input = abi.encodePacked(bytes4("AIVT"), uint8(1), uint8(2), uint8(1), uint8(0), uint96(0), uint32(1 << 26), hex"deadbeef");
        inputCommit = SlotTree.tensorCommit(input);
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function idCount() external view returns (uint256) {
        return ids.length;
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    function _id(uint256 seed) internal view returns (uint256) {
        return ids[seed % ids.length];
    }

    function _result(uint256 seed)
        internal
        view
        returns (bytes memory out, bytes32 commit, bytes32 fin, bytes32 act, bytes32[] memory path)
    {
        out = abi.encodePacked(bytes4("AIVT"), uint8(1), uint8(3), uint8(1), uint8(0), uint96(0), uint32(1 << 24), uint32(seed % 4));
        commit = SlotTree.tensorCommit(out);
        bytes32[] memory slots = new bytes32[](4); // 1 input + 3 nodes, output slot 3
        slots[0] = inputCommit;
        slots[1] = keccak256(abi.encode(seed % 4, 1));
        slots[2] = keccak256(abi.encode(seed % 4, 2));
        slots[3] = commit;
        act = SlotTree.root(slots);
        fin = keccak256(abi.encodePacked(modelRoot, act));
        path = SlotTree.proof(slots, 3);
    }

    function request(uint256 actorSeed, uint256 fee, uint256 cbSeed) external {
        fee = fee % 10 ether + 1;
        address a = _actor(actorSeed);
        vm.deal(a, a.balance + fee);
        bytes[] memory ins = new bytes[](1);
        ins[0] = input;
        vm.prank(a);
        uint256 id =
            market.requestInference{value: fee}(kid, ins, callbacks[cbSeed % callbacks.length], 50_000, new address[](0));
        ids.push(id);
        calls++;
    }

    function submit(uint256 idSeed, uint256 actorSeed, uint256 resSeed) external {
        if (ids.length == 0) return;
        uint256 id = _id(idSeed);
        if (market.getRequest(id).status != InferenceMarket.Status.Open) return;
        address a = _actor(actorSeed);
        uint256 bond = market.submitterBond();
        vm.deal(a, a.balance + bond);
        (bytes memory out, bytes32 c, bytes32 f, bytes32 act, bytes32[] memory p) = _result(resSeed);
        vm.prank(a);
        market.submitResult{value: bond}(id, out, c, f, act, p);
        calls++;
    }

    function challenge(uint256 idSeed, uint256 actorSeed, uint256 resSeed) external {
        if (ids.length == 0) return;
        uint256 id = _id(idSeed);
        InferenceMarket.Request memory r = market.getRequest(id);
        if (r.status != InferenceMarket.Status.Submitted || block.timestamp >= r.windowEnd) return;
        (bytes memory out, bytes32 c, bytes32 f, bytes32 act, bytes32[] memory p) = _result(resSeed);
        if (f == r.candidate.finalState) return;
        address a = _actor(actorSeed);
        uint256 bond = market.challengerBond();
        vm.deal(a, a.balance + bond);
        vm.prank(a);
        market.challenge{value: bond}(id, out, c, f, act, p);
        calls++;
    }

    /// @dev Two challenges on one candidate, the first wins at once; the second's game keeps
    ///      running on the refuted candidate and is decided later (or never, if the run ends).
    function raceChallenges(uint256 idSeed, uint256 a, uint256 b, uint8 laterOutcome) external {
        if (ids.length == 0) return;
        uint256 id = _id(idSeed);
        InferenceMarket.Request memory r = market.getRequest(id);
        if (r.status != InferenceMarket.Status.Submitted || block.timestamp >= r.windowEnd) return;
        uint256 bond = market.challengerBond();
        uint256[2] memory idx;
        for (uint256 k = 0; k < 2; k++) {
            uint256 seed = (k == 0 ? a : b) % 1024;
            (bytes memory out, bytes32 c, bytes32 f, bytes32 act, bytes32[] memory p) = _result(seed);
            if (f == r.candidate.finalState) (out, c, f, act, p) = _result(seed + 1);
            address who = _actor(seed + k);
            if (who == r.submitter) who = _actor(seed + k + 1);
            vm.deal(who, who.balance + bond);
            vm.prank(who);
            idx[k] = market.challenge{value: bond}(id, out, c, f, act, p);
        }
        tg.setStatus(market.getChallenge(id, idx[0]).gameId, 2);
        market.resolveChallenge(id, idx[0]);
        won++;
        if (laterOutcome % 3 != 0) {
            tg.setStatus(market.getChallenge(id, idx[1]).gameId, laterOutcome % 3);
            market.resolveChallenge(id, idx[1]);
            if (laterOutcome % 3 == 2) won++;
            else lost++;
        }
        calls++;
    }

    /// @dev Sybil strategy: the current candidate's submitter throws its game to one of its own
    ///      addresses (actors 0..2 are the attacker's), which posts yet another result; it
    ///      replaces the candidate at once, with a fresh window, while any honest game on the
    ///      old candidate keeps running.
    function throwToSybil(uint256 idSeed, uint256 sybilSeed, uint256 resSeed) external {
        if (ids.length == 0) return;
        uint256 id = _id(idSeed);
        InferenceMarket.Request memory r = market.getRequest(id);
        if (r.status != InferenceMarket.Status.Submitted || block.timestamp >= r.windowEnd) return;
        address sybil = actors[sybilSeed % 3];
        if (sybil == r.submitter) sybil = actors[(sybilSeed + 1) % 3];
        (bytes memory out, bytes32 c, bytes32 f, bytes32 act, bytes32[] memory p) = _result(resSeed);
        // Another of the four results; resSeed + 1 overflowed at 2^256 - 1.
        if (f == r.candidate.finalState) (out, c, f, act, p) = _result(resSeed % 4 + 1);
        uint256 bond = market.challengerBond();
        vm.deal(sybil, sybil.balance + bond);
        vm.prank(sybil);
        uint256 ci = market.challenge{value: bond}(id, out, c, f, act, p);
        tg.setStatus(market.getChallenge(id, ci).gameId, 2); // the thrown game
        market.resolveChallenge(id, ci);
        won++;
        sybilThrows++;
        calls++;
    }

    /// @dev Claims a won challenge's reward when its round has settled.
    function claim(uint256 idSeed, uint256 cSeed) external {
        if (ids.length == 0) return;
        uint256 id = _id(idSeed);
        uint256 n = market.challengeCount(id);
        if (n == 0) return;
        try market.claimReward(id, cSeed % n) {
            calls++;
            claimed++;
        } catch {}
    }

    function setGame(uint256 gameSeed, uint8 s) external {
        uint256 n = tg.count();
        if (n == 0) return;
        tg.setStatus(gameSeed % n, s % 3);
    }

    /// @dev Decides the challenge's game (outcome % 3: 0 leaves it running) and resolves it.
    function resolve(uint256 idSeed, uint256 cSeed, uint8 outcome) external {
        if (ids.length == 0) return;
        uint256 id = _id(idSeed);
        uint256 n = market.challengeCount(id);
        if (n == 0) return;
        uint256 ci = cSeed % n;
        tg.setStatus(market.getChallenge(id, ci).gameId, outcome % 3);
        try market.resolveChallenge(id, ci) {
            calls++;
            InferenceMarket.ChallengeStatus cst = market.getChallenge(id, ci).status;
            if (cst == InferenceMarket.ChallengeStatus.Won) won++;
            if (cst == InferenceMarket.ChallengeStatus.Lost) lost++;
        } catch {}
    }

    function finalize(uint256 idSeed) external {
        if (ids.length == 0) return;
        try market.finalize{gas: 2_000_000}(_id(idSeed)) {
            calls++;
            finalized++;
        } catch {}
    }

    function cancel(uint256 idSeed) external {
        if (ids.length == 0) return;
        try market.cancelRequest(_id(idSeed)) {
            calls++;
        } catch {}
    }

    function withdraw(uint256 actorSeed) external {
        address a = _actor(actorSeed);
        if (market.credits(a) == 0) return;
        vm.prank(a);
        market.withdraw();
        calls++;
    }

    function warp(uint256 dt) external {
        vm.warp(block.timestamp + dt % 3 days);
    }
}

/// @notice The accounting invariant of docs/protocol.md 6.6: the market's balance always equals
///         the sum of credits, held bonds (current candidate bonds, bonds of refuted candidates
///         not yet split, challenge bonds), settled shares not yet claimed, unpaid fees and what
///         was burned; and the sybil property of 6.4: however its games went, a refuted
///         candidate's bond is at least half burned.
contract InferenceMarketInvariantTest is TestBase {
    InferenceMarket internal market;
    MarketHandler internal handler;

    function setUp() public {
        KernelRegistry reg = new KernelRegistry();
        TestGame tg = new TestGame();
        market = new InferenceMarket(reg, IDisputeGame(address(tg)), 1 ether, 2 ether, 1 days, 5 days, 100_000);
        bytes32 mr = keccak256("model");
        bytes32 kid = reg.register(mr, keccak256("pre"), keccak256("man"), 3, 2, 1, Slots.lastNode(3, 2), "");
        handler = new MarketHandler(market, tg, mr, kid);
    }

    /// @dev forge's invariant target list (forge-std's StdInvariant is not available here).
    function targetContracts() public view returns (address[] memory t) {
        t = new address[](1);
        t[0] = address(handler);
    }

    /// @dev Every handler action guards its preconditions (or try/catches an expected refusal),
    ///      so an unexpected revert fails the run.
    /// forge-config: default.invariant.fail-on-revert = true
    function invariant_balanceEqualsOwed() public view {
        uint256 owed;
        uint256 na = handler.actorCount();
        for (uint256 i = 0; i < na; i++) owed += market.credits(handler.actors(i));
        owed += market.credits(handler.callbacks(1)) + market.credits(handler.callbacks(2));
        uint256 ni = handler.idCount();
        for (uint256 i = 0; i < ni; i++) {
            uint256 id = handler.ids(i);
            InferenceMarket.Request memory r = market.getRequest(id);
            owed += r.fee + r.candidateBond;
            for (uint32 k = 0; k < r.round; k++) owed += market.getRefutedRound(id, k).bond;
            uint256 nc = market.challengeCount(id);
            for (uint256 j = 0; j < nc; j++) {
                InferenceMarket.Challenge memory c = market.getChallenge(id, j);
                InferenceMarket.ChallengeStatus st = c.status;
                // an open challenge holds its bond; a lost or paid one holds nothing
                if (st == InferenceMarket.ChallengeStatus.Open) assertEq(c.bond, market.challengerBond(), "open bond");
                if (st == InferenceMarket.ChallengeStatus.Lost || st == InferenceMarket.ChallengeStatus.Rewarded) {
                    assertEq(c.bond, 0, "settled challenge holds nothing");
                }
                owed += c.bond;
                if (st == InferenceMarket.ChallengeStatus.Won) {
                    InferenceMarket.RefutedRound memory rd = market.getRefutedRound(id, c.round);
                    if (rd.settled) owed += rd.share;
                }
            }
            // fees are unpaid until finalization or cancellation
            bool done = r.status == InferenceMarket.Status.Finalized || r.status == InferenceMarket.Status.Cancelled;
            assertTrue((r.fee == 0) == done, "fee iff unsettled");
        }
        owed += market.totalBurned();
        assertEq(address(market).balance, owed, "balance == credits + held + fees + burned");
    }

    /// @dev Whatever order the games on a refuted candidate ended in and whoever won them (the
    ///      submitter's own sybils included), at least BURN_BPS of its bond was burned and every
    ///      winner's share is positive.
    function invariant_refutedBondHalfBurned() public view {
        uint256 ni = handler.idCount();
        for (uint256 i = 0; i < ni; i++) {
            uint256 id = handler.ids(i);
            uint32 rounds = market.getRequest(id).round;
            for (uint32 k = 0; k < rounds; k++) {
                InferenceMarket.RefutedRound memory rd = market.getRefutedRound(id, k);
                assertTrue(rd.winners >= 1, "refuted by a win");
                if (!rd.settled) continue;
                uint256 bond = k == 0 ? market.submitterBond() : market.challengerBond();
                uint256 paid = uint256(rd.share) * rd.winners;
                assertTrue(bond - paid >= bond * market.BURN_BPS() / 10_000, "at least half burned");
                assertTrue(rd.share > 0, "every winner is rewarded");
            }
        }
    }
}
