// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {DisputeGameBase} from "./DisputeGame.t.sol";
import {DisputeGame} from "../src/DisputeGame.sol";

/// @notice Gas per move for k = 2, 4, 8, 16 (docs/bench/dispute-gas.md). Each figure is the
///         gasleft() difference around one external call, with the game's account and storage
///         (and the oracle's, registry's and MIPS's) marked cold first by vm.cool, so it is the
///         execution gas a fresh transaction pays; the table adds 21,000 and the call's calldata
///         gas (EIP-2028: 4 per zero byte, 16 per other byte) for a transaction estimate.
///         Run with -vv to see the figures (ds-test style log events).
contract DisputeGameGasTest is DisputeGameBase {
    event log_named_uint(string key, uint256 val);

    struct Row {
        uint256 create;
        uint256 splitFresh; // first split of the game: claim slots zero -> non-zero
        uint256 splitReused; // later split with m = k: claim slots overwritten
        uint256 choose;
        uint256 startVM;
        uint256 step;
        uint256 splitCalldata;
        uint256 chooseCalldata;
    }

    function _cool() internal {
        clock.cool(address(game));
        clock.cool(address(oracle));
        clock.cool(address(registry));
        clock.cool(address(mips));
    }

    function _calldataGas(bytes memory data) internal pure returns (uint256 g) {
        for (uint256 i = 0; i < data.length; i++) {
            g += data[i] == 0 ? 4 : 16;
        }
    }

    function _splitMeasured(uint256 id) internal returns (uint256 used, uint256 cd) {
        bytes32[] memory cs = _claims(game, id, _honest());
        cd = _calldataGas(abi.encodeCall(DisputeGame.split, (id, cs)));
        _cool();
        vm.prank(ASSERTER);
        uint256 g0 = gasleft();
        game.split(id, cs);
        used = g0 - gasleft();
    }

    function _chooseMeasured(uint256 id) internal returns (uint256 used, uint256 cd) {
        uint256 j = _choice(game, id, _liar());
        cd = _calldataGas(abi.encodeCall(DisputeGame.choose, (id, j)));
        _cool();
        vm.prank(CHALLENGER);
        uint256 g0 = gasleft();
        game.choose(id, j);
        used = g0 - gasleft();
    }

    function _measure(uint256 k) internal returns (Row memory r) {
        game = _deploy(k);
        bytes32 s0 = _trueS(0);
        bytes32 sn = _trueS(N);
        _cool();
        uint256 g0 = gasleft();
        uint256 id = game.create(kernel, s0, sn, N, ASSERTER, CHALLENGER);
        r.create = g0 - gasleft();
        (r.splitFresh, r.splitCalldata) = _splitMeasured(id);
        (r.choose, r.chooseCalldata) = _chooseMeasured(id);
        _dissect(game, id, _honest(), _liar());

        bytes32 vt = _trueV(T);
        _cool();
        vm.prank(ASSERTER);
        g0 = gasleft();
        game.startVMPhase(id, vt);
        r.startVM = g0 - gasleft();
        // Phase V's first split has m = k and overwrites the claim slots phase G wrote.
        (r.splitReused,) = _splitMeasured(id);
        _chooseMeasured(id);
        _dissect(game, id, _honest(), _liar());

        bytes memory st = stepState;
        bytes memory pf = stepProof;
        _cool();
        vm.prank(ASSERTER);
        g0 = gasleft();
        game.step(id, st, pf);
        r.step = g0 - gasleft();
        assertEq(game.status(id), 1, "honest asserter won");
    }

    function test_gasPerMove() public {
        uint256[4] memory ks = [uint256(2), 4, 8, 16];
        for (uint256 i = 0; i < ks.length; i++) {
            Row memory r = _measure(ks[i]);
            emit log_named_uint("k", ks[i]);
            emit log_named_uint("  create", r.create);
            emit log_named_uint("  split, fresh claim slots", r.splitFresh);
            emit log_named_uint("  split, reused claim slots", r.splitReused);
            emit log_named_uint("  split calldata gas", r.splitCalldata);
            emit log_named_uint("  choose", r.choose);
            emit log_named_uint("  choose calldata gas", r.chooseCalldata);
            emit log_named_uint("  startVMPhase", r.startVM);
            emit log_named_uint("  step (addiu)", r.step);
        }
    }
}
