// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {DisputeGame} from "../src/DisputeGame.sol";
import {DisputeGameBase} from "./DisputeGame.t.sol";

/// @notice Fuzzed whole games: for any arity and any node a liar starts lying at, the honest
///         party wins, phase G ends at exactly that node, every position is the one the
///         split rule (bisection.SplitPoints / Apply) gives, and each phase takes at most
///         ceil(log_k span) rounds.
contract DisputeGameFuzzTest is DisputeGameBase {
    function _maxRounds(uint256 span, uint256 k) internal pure returns (uint256 r) {
        uint256 reach = 1;
        while (reach < span) {
            reach *= k;
            r++;
        }
    }

    /// @dev Split points of (lo, hi) with arity k, computed here from the rule, not read
    ///      from the game.
    function _points(uint64 lo, uint64 hi, uint256 k) internal pure returns (uint64[] memory ps) {
        uint256 d = hi - lo;
        uint256 m = d < k ? d : k;
        ps = new uint64[](m - 1);
        for (uint256 i = 1; i < m; i++) {
            ps[i - 1] = uint64(lo + (i * d) / m);
        }
    }

    /// @dev Dissects the current phase, checking the game's split points and every new
    ///      position against the rule; returns the rounds played.
    function _checkedDissect(DisputeGame g, uint256 id, Party memory a, Party memory c, uint256 k)
        internal
        returns (uint256 rounds)
    {
        while (true) {
            DisputeGame.Game memory st = g.getGame(id);
            if (!st.splitPending) {
                if (st.hi - st.lo == 1) return rounds;
                _split(g, id, a);
            }
            uint64[] memory want = _points(st.lo, st.hi, k);
            uint64[] memory got = g.splitPoints(id);
            assertEq(got.length, want.length, "m - 1 split points");
            for (uint256 i = 0; i < want.length; i++) {
                assertEq(got[i], want[i], "split point");
            }
            uint256 j = _choice(g, id, c);
            vm.prank(CHALLENGER);
            g.choose(id, j);
            DisputeGame.Game memory nx = g.getGame(id);
            uint64 lo = j == 0 ? st.lo : want[j - 1];
            uint64 hi = j == want.length ? st.hi : want[j];
            assertEq(nx.lo, lo, "new lo");
            assertEq(nx.hi, hi, "new hi");
            if (j > 0) assertEq(nx.loHash, g.claimAt(id, j - 1), "new loHash is the claim at p_j");
            if (j < want.length) assertEq(nx.hiHash, g.claimAt(id, j), "new hiHash is the claim at p_j+1");
            rounds++;
        }
    }

    function testFuzz_honestPartyWins(uint8 kSeed, uint8 nodeSeed, bool asserterLies) public {
        uint256 k = 2 + (uint256(kSeed) % 31); // 2..32
        uint256 from = 1 + (uint256(nodeSeed) % N); // the first wrong graph state
        DisputeGame g = _deploy(k);
        Party memory liar = Party(from, true);
        Party memory a = asserterLies ? liar : _honest();
        Party memory c = asserterLies ? _honest() : liar;
        uint256 id = _create(g, a);
        assertTrue(_checkedDissect(g, id, a, c, k) <= _maxRounds(N, k), "phase G rounds");
        DisputeGame.Game memory st = g.getGame(id);
        assertEq(st.hi, from, "phase G ends at the first wrong node");
        _startV(g, id, a);
        assertTrue(_checkedDissect(g, id, a, c, k) <= _maxRounds(T, k), "phase V rounds");
        st = g.getGame(id);
        assertEq(st.lo, V_STEP, "phase V ends at the first wrong step");
        vm.prank(asserterLies ? CHALLENGER : ASSERTER);
        g.step(id, stepState, stepProof);
        assertEq(g.status(id), asserterLies ? 2 : 1, "the honest party wins");
    }
}
