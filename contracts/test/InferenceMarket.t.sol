// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;
// forge-lint: disable-start(unsafe-typecast)

import {KernelRegistry} from "../src/KernelRegistry.sol";
import {InferenceMarket} from "../src/InferenceMarket.sol";
import {IDisputeGame} from "../src/interfaces/IDisputeGame.sol";
import {FashionConsumer} from "../src/examples/FashionConsumer.sol";
import {TestBase} from "./lib/Vm.sol";
import {Slots} from "./lib/Slots.sol";
import {
    VmMarket,
    TestGame,
    RecordingConsumer,
    RevertingConsumer,
    GasBurningConsumer,
    ReturnBombConsumer,
    Reentrant,
    SlotTree
} from "./InferenceMarketHelpers.sol";

/// @notice Shared fixture: a fashion-mnist-shaped kernel (1 input, 5 nodes, output slot 5) and
///         honest/alternative traces whose final states and slot paths are built in memory.
abstract contract MarketFixture is TestBase {
    VmMarket internal constant vmm = VmMarket(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);

    KernelRegistry internal reg;
    TestGame internal tg;
    InferenceMarket internal market;
    bytes32 internal kid;
    bytes32 internal modelRoot = keccak256("fashion model root");

    uint256 internal constant SUB_BOND = 1 ether;
    uint256 internal constant CH_BOND = 2 ether;
    uint256 internal constant WINDOW = 1 days;
    uint256 internal constant TIMEOUT = 7 days;
    uint256 internal constant MAX_CB_GAS = 500_000;
    uint32 internal constant NODES = 5;
    uint32 internal constant OUT_SLOT = 5;

    address internal constant REQ = address(0xAAA1);
    address internal constant SUB = address(0xBBB1);
    address internal constant CH1 = address(0xCCC1);
    address internal constant CH2 = address(0xCCC2);
    address internal constant CH3 = address(0xCCC3);

    /// @dev A posted result with its link data.
    struct Res {
        bytes output;
        bytes32 commit;
        bytes32 finalState;
        bytes32 actRoot;
        bytes32[] path;
    }

    function setUp() public virtual {
        reg = new KernelRegistry();
        tg = new TestGame();
        market = new InferenceMarket(reg, IDisputeGame(address(tg)), SUB_BOND, CH_BOND, WINDOW, TIMEOUT, MAX_CB_GAS);
        kid = reg.register(modelRoot, keccak256("pre"), keccak256("man"), NODES, 1, 1, Slots.lastNode(NODES, 1), "");
        vmm.warp(1_000_000);
        vmm.deal(REQ, 100 ether);
        vmm.deal(SUB, 100 ether);
        vmm.deal(CH1, 100 ether);
        vmm.deal(CH2, 100 ether);
        vmm.deal(CH3, 100 ether);
    }

    function _input() internal pure returns (bytes memory b) {
        // fashion-mnist's u8 [1,784] input: 28-byte header (rank 2) + 784 pixels
        b = abi.encodePacked(
            bytes4("AIVT"), uint8(1), uint8(2), uint8(2), uint8(0), uint96(0), uint32(1 << 24), uint32(0x10030000),
            new bytes(784)
        );
        for (uint256 i = 28; i < 812; i++) b[i] = bytes1(uint8(i * 7));
    }

    function _inputs() internal pure returns (bytes[] memory ins) {
        ins = new bytes[](1);
        ins[0] = _input();
    }

    /// @dev An i32[1] tensor encoding of a class index: "AIVT", v1, dtype 3, rank 1, dims [1], data.
    function _classTensor(uint8 cls) internal pure returns (bytes memory) {
        return abi.encodePacked(
            bytes4("AIVT"), uint8(1), uint8(3), uint8(1), uint8(0), uint32(0), uint32(0), uint32(0), uint32(1 << 24),
            uint32(uint32(cls) << 24)
        );
    }

    /// @dev A trace whose node slots 1..4 hold `salt`-derived commitments and slot 5 the class.
    function _result(uint8 cls, bytes32 salt) internal view returns (Res memory r) {
        return _resultOut(_classTensor(cls), salt);
    }

    /// @dev A trace whose output slot holds `output` and whose other node slots derive from salt.
    function _resultOut(bytes memory output, bytes32 salt) internal view returns (Res memory r) {
        r.output = output;
        r.commit = SlotTree.tensorCommit(r.output);
        bytes32[] memory slots = new bytes32[](1 + NODES);
        slots[0] = SlotTree.tensorCommit(_input());
        for (uint256 i = 1; i < NODES; i++) slots[i] = keccak256(abi.encode(salt, i));
        slots[OUT_SLOT] = r.commit;
        r.actRoot = SlotTree.root(slots);
        r.finalState = keccak256(abi.encodePacked(modelRoot, r.actRoot));
        r.path = SlotTree.proof(slots, OUT_SLOT);
    }

    function _request(address cb, uint32 gasLimit, uint256 fee) internal returns (uint256 id) {
        vmm.prank(REQ);
        id = market.requestInference{value: fee}(kid, _inputs(), cb, gasLimit, new address[](0));
    }

    function _submit(uint256 id, address who, Res memory r) internal {
        vmm.prank(who);
        market.submitResult{value: SUB_BOND}(id, r.output, r.commit, r.finalState, r.actRoot, r.path);
    }

    function _challenge(uint256 id, address who, Res memory r) internal returns (uint256 idx) {
        vmm.prank(who);
        idx = market.challenge{value: CH_BOND}(id, r.output, r.commit, r.finalState, r.actRoot, r.path);
    }

    /// @dev Sum of everything the market holds for the given accounts/requests (test
    ///      bookkeeping, docs/protocol.md 6.6): credits, fees, the current candidate bond, bonds of
    ///      refuted candidates not yet split, challenge bonds, settled shares not yet claimed, and
    ///      what was burned.
    function _owed(address[] memory accts, uint256[] memory ids) internal view returns (uint256 s) {
        for (uint256 i = 0; i < accts.length; i++) s += market.credits(accts[i]);
        for (uint256 i = 0; i < ids.length; i++) s += _held(ids[i]);
        s += market.totalBurned();
    }

    /// @dev What the market holds for one request beyond credits and burns.
    function _held(uint256 id) internal view returns (uint256 s) {
        InferenceMarket.Request memory r = market.getRequest(id);
        s = r.fee + r.candidateBond;
        for (uint32 k = 0; k < r.round; k++) s += market.getRefutedRound(id, k).bond;
        uint256 n = market.challengeCount(id);
        for (uint256 j = 0; j < n; j++) {
            InferenceMarket.Challenge memory c = market.getChallenge(id, j);
            s += c.bond;
            if (c.status == InferenceMarket.ChallengeStatus.Won) {
                InferenceMarket.RefutedRound memory rd = market.getRefutedRound(id, c.round);
                if (rd.settled) s += rd.share;
            }
        }
    }
}

contract InferenceMarketTest is MarketFixture {
    // ------------------------------------------------------------------ commitments

    function test_tensorCommitmentMatchesReference() public view {
        bytes memory a = _input();
        assertEq(market.tensorCommitment(a), SlotTree.tensorCommit(a), "1 chunk");
        bytes memory b = new bytes(2500);
        for (uint256 i = 0; i < b.length; i++) b[i] = bytes1(uint8(i * 13 + 1));
        assertEq(market.tensorCommitment(b), SlotTree.tensorCommit(b), "3 chunks");
        bytes memory c = new bytes(1024);
        c[1023] = 0x01;
        assertEq(market.tensorCommitment(c), keccak256(c), "exactly 1 chunk");
    }

    function testFuzz_tensorCommitment(bytes memory enc) public view {
        vmm.assume(enc.length > 0 && enc.length < 5000);
        assertEq(market.tensorCommitment(enc), SlotTree.tensorCommit(enc), "commit");
    }

    function testFuzz_initialStateMatchesFullTree(uint8 nIn, uint16 nodes, bytes32 seed) public view {
        uint256 ni = uint256(nIn) % 9 + 1;
        uint256 n = uint256(nodes) % 70 + 1;
        bytes32[] memory ins = new bytes32[](ni);
        bytes32[] memory all = new bytes32[](ni + n);
        for (uint256 i = 0; i < ni; i++) {
            ins[i] = keccak256(abi.encode(seed, i));
            all[i] = ins[i];
        }
        bytes32 want = keccak256(abi.encodePacked(modelRoot, SlotTree.root(all)));
        assertEq(market.initialState(modelRoot, ins, n), want, "S_0");
    }

    /// @dev S_0 for one input and 5 nodes spelled out with the zero-subtree hashes.
    function test_initialStateSingleInput() public view {
        bytes32[] memory ins = new bytes32[](1);
        ins[0] = keccak256("in");
        bytes32[] memory all = new bytes32[](6);
        all[0] = ins[0];
        bytes32 z = bytes32(0);
        bytes32 z1 = keccak256(abi.encodePacked(z, z));
        bytes32 z2 = keccak256(abi.encodePacked(z1, z1));
        bytes32 act = keccak256(abi.encodePacked(keccak256(abi.encodePacked(keccak256(abi.encodePacked(ins[0], z)), z1)), z2));
        assertEq(SlotTree.root(all), act, "reference root");
        assertEq(market.initialState(modelRoot, ins, 5), keccak256(abi.encodePacked(modelRoot, act)), "S_0");
    }

    /// @dev Values pinned from Go (models/tensor.CommitBytes and models/graph.States): a
    ///      2,500-byte encoding with byte i = i*13+1 (3 chunks); S_0 for model root
    ///      keccak("fashion model root"), that tensor as the one input and 5 nodes.
    function test_matchesGo() public view {
        bytes memory b = new bytes(2500);
        for (uint256 i = 0; i < b.length; i++) b[i] = bytes1(uint8(i * 13 + 1));
        bytes32 c = market.tensorCommitment(b);
        assertEq(c, 0x6965730387a180706fc08c22023871f351bd5d1f8ea75b736bd40d0671e8670c, "tensor.CommitBytes");
        bytes32[] memory ins = new bytes32[](1);
        ins[0] = c;
        assertEq(
            market.initialState(keccak256("fashion model root"), ins, 5),
            0xd6e3233c02ef10f915c642980946ffa100a175007345f4a055f7293a8fbd7932,
            "graph.States[0]"
        );
    }

    // ------------------------------------------------------------------ request

    function test_requestStoresAndEmits() public {
        uint256 id = _request(address(0), 0, 0.1 ether);
        assertEq(id, 1, "id");
        InferenceMarket.Request memory r = market.getRequest(id);
        assertEq(uint256(r.status), uint256(InferenceMarket.Status.Open), "status");
        assertEq(r.fee, 0.1 ether, "fee");
        assertEq(r.numSlots, 6, "slots");
        bytes32[] memory ins = new bytes32[](1);
        ins[0] = SlotTree.tensorCommit(_input());
        assertEq(r.initialState, market.initialState(modelRoot, ins, NODES), "S_0");
        assertEq(address(market).balance, 0.1 ether, "balance");
    }

    function test_requestRejects() public {
        bytes[] memory ins = _inputs();
        address[] memory none = new address[](0);
        vmm.prank(REQ);
        vmm.expectRevert(InferenceMarket.InvalidFee.selector);
        market.requestInference(kid, ins, address(0), 0, none);

        vmm.prank(REQ);
        vmm.expectRevert(abi.encodeWithSelector(KernelRegistry.KernelNotRegistered.selector, bytes32(uint256(1))));
        market.requestInference{value: 1}(bytes32(uint256(1)), ins, address(0), 0, none);

        // the registered input count, not the requester's
        vmm.prank(REQ);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.InvalidInputCount.selector, uint256(0), uint256(1)));
        market.requestInference{value: 1}(kid, new bytes[](0), address(0), 0, none);
        bytes[] memory two = new bytes[](2);
        two[0] = _input();
        two[1] = _input();
        vmm.prank(REQ);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.InvalidInputCount.selector, uint256(2), uint256(1)));
        market.requestInference{value: 1}(kid, two, address(0), 0, none);

        // inputs must be canonical tensor encodings: empty, padded and truncated ones are refused
        ins[0] = "";
        vmm.prank(REQ);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.NonCanonicalTensor.selector, uint256(0)));
        market.requestInference{value: 1}(kid, ins, address(0), 0, none);
        ins[0] = bytes.concat(_input(), hex"00");
        vmm.prank(REQ);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.NonCanonicalTensor.selector, uint256(0)));
        market.requestInference{value: 1}(kid, ins, address(0), 0, none);

        vmm.prank(REQ);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.CallbackGasTooHigh.selector, MAX_CB_GAS + 1, MAX_CB_GAS));
        market.requestInference{value: 1}(kid, _inputs(), address(0), uint32(MAX_CB_GAS + 1), none);

        address[] memory many = new address[](17);
        vmm.prank(REQ);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.TooManySubmitters.selector, uint256(17), uint256(16)));
        market.requestInference{value: 1}(kid, _inputs(), address(0), 0, many);
    }

    function test_cancelAfterTimeout() public {
        uint256 id = _request(address(0), 0, 0.3 ether);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.TooEarly.selector, 1_000_000 + TIMEOUT));
        market.cancelRequest(id);
        vmm.warp(1_000_000 + TIMEOUT);
        market.cancelRequest(id);
        assertEq(market.credits(REQ), 0.3 ether, "refund");
        Res memory r = _result(3, "a");
        vmm.prank(SUB);
        vmm.expectRevert(
            abi.encodeWithSelector(InferenceMarket.BadRequestStatus.selector, id, InferenceMarket.Status.Cancelled)
        );
        market.submitResult{value: SUB_BOND}(id, r.output, r.commit, r.finalState, r.actRoot, r.path);
        uint256 before = REQ.balance;
        vmm.prank(REQ);
        market.withdraw();
        assertEq(REQ.balance - before, 0.3 ether, "withdrawn");
        assertEq(address(market).balance, 0, "empty");
    }

    // ------------------------------------------------------------------ submit

    function test_submitBindsOutput() public {
        uint256 id = _request(address(0), 0, 0.1 ether);
        Res memory r = _result(7, "honest");

        vmm.prank(SUB);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.WrongBond.selector, SUB_BOND - 1, SUB_BOND));
        market.submitResult{value: SUB_BOND - 1}(id, r.output, r.commit, r.finalState, r.actRoot, r.path);

        // final state not keccak(modelRoot ‖ activationsRoot)
        vmm.prank(SUB);
        vmm.expectRevert(InferenceMarket.FinalStateMismatch.selector);
        market.submitResult{value: SUB_BOND}(id, r.output, r.commit, keccak256("x"), r.actRoot, r.path);

        // output commitment not at the output slot
        bytes32[] memory bad = new bytes32[](3);
        bad[0] = r.path[0];
        bad[1] = r.path[1];
        bad[2] = keccak256("wrong");
        vmm.prank(SUB);
        vmm.expectRevert(InferenceMarket.SlotProofInvalid.selector);
        market.submitResult{value: SUB_BOND}(id, r.output, r.commit, r.finalState, r.actRoot, bad);

        // path of the wrong depth
        vmm.prank(SUB);
        vmm.expectRevert(InferenceMarket.SlotProofInvalid.selector);
        market.submitResult{value: SUB_BOND}(id, r.output, r.commit, r.finalState, r.actRoot, new bytes32[](2));

        // output bytes that are not the tensor in the slot: their commitment is not on the path
        vmm.prank(SUB);
        vmm.expectRevert(InferenceMarket.SlotProofInvalid.selector);
        market.submitResult{value: SUB_BOND}(id, _classTensor(8), r.commit, r.finalState, r.actRoot, r.path);

        // the right output with another commitment
        vmm.prank(SUB);
        vmm.expectRevert(InferenceMarket.OutputCommitmentMismatch.selector);
        market.submitResult{value: SUB_BOND}(id, r.output, keccak256("x"), r.finalState, r.actRoot, r.path);

        vmm.expectEmit(address(market));
        emit InferenceMarket.ResultSubmitted(id, SUB, r.commit, r.finalState, uint64(1_000_000 + WINDOW), r.output);
        _submit(id, SUB, r);
        InferenceMarket.Request memory q = market.getRequest(id);
        assertEq(uint256(q.status), uint256(InferenceMarket.Status.Submitted), "status");
        assertEq(q.candidate.finalState, r.finalState, "S_n");
        assertEq(q.candidateBond, SUB_BOND, "bond");

        // a second submission is refused
        vmm.prank(CH1);
        vmm.expectRevert(
            abi.encodeWithSelector(InferenceMarket.BadRequestStatus.selector, id, InferenceMarket.Status.Submitted)
        );
        market.submitResult{value: SUB_BOND}(id, r.output, r.commit, r.finalState, r.actRoot, r.path);
    }

    // ------------------------------------------------------------------ finalize and callback

    function test_finalizePaysAndCallsBack() public {
        RecordingConsumer c = new RecordingConsumer();
        uint256 id = _request(address(c), 200_000, 0.25 ether);
        Res memory r = _result(4, "honest");
        _submit(id, SUB, r);

        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.WindowOpen.selector, uint64(1_000_000 + WINDOW)));
        market.finalize(id);

        vmm.warp(1_000_000 + WINDOW);
        vmm.expectEmit(address(market));
        emit InferenceMarket.CallbackResult(id, address(c), true);
        uint256 g = gasleft();
        market.finalize(id);
        g -= gasleft();
        assertTrue(g < 200_000, "finalize gas");
        assertEq(c.calls(), 1, "calls");
        assertEq(c.lastRequest(), id, "request");
        assertEq(keccak256(c.lastOutput()), keccak256(r.output), "output");
        assertEq(c.lastCommitment(), r.commit, "commitment");
        assertEq(market.credits(SUB), SUB_BOND + 0.25 ether, "credit");

        vmm.expectRevert(
            abi.encodeWithSelector(InferenceMarket.BadRequestStatus.selector, id, InferenceMarket.Status.Finalized)
        );
        market.finalize(id);

        uint256 before = SUB.balance;
        vmm.prank(SUB);
        market.withdraw();
        assertEq(SUB.balance - before, SUB_BOND + 0.25 ether, "withdrawn");
        assertEq(address(market).balance, 0, "empty");
        vmm.prank(SUB);
        vmm.expectRevert(InferenceMarket.NothingToWithdraw.selector);
        market.withdraw();
    }

    function test_revertingCallbackDoesNotBlock() public {
        RevertingConsumer c = new RevertingConsumer();
        uint256 id = _request(address(c), 100_000, 1 ether);
        _submit(id, SUB, _result(1, "h"));
        vmm.warp(1_000_000 + WINDOW);
        vmm.expectEmit(address(market));
        emit InferenceMarket.CallbackResult(id, address(c), false);
        market.finalize(id);
        assertEq(market.credits(SUB), SUB_BOND + 1 ether, "credit");
    }

    function test_gasBurningCallbackDoesNotBlock() public {
        GasBurningConsumer c = new GasBurningConsumer();
        uint256 id = _request(address(c), uint32(MAX_CB_GAS), 1 ether);
        _submit(id, SUB, _result(1, "h"));
        vmm.warp(1_000_000 + WINDOW);
        vmm.expectEmit(address(market));
        emit InferenceMarket.CallbackResult(id, address(c), false);
        uint256 g = gasleft();
        market.finalize(id);
        g -= gasleft();
        assertTrue(g < MAX_CB_GAS + 150_000, "bounded by the cap");
        assertEq(uint256(market.getRequest(id).status), uint256(InferenceMarket.Status.Finalized), "finalized");
    }

    function test_returnBombCallbackDoesNotBlock() public {
        ReturnBombConsumer c = new ReturnBombConsumer();
        uint256 id = _request(address(c), 100_000, 1 ether);
        _submit(id, SUB, _result(1, "h"));
        vmm.warp(1_000_000 + WINDOW);
        uint256 g = gasleft();
        market.finalize(id);
        g -= gasleft();
        assertTrue(g < 250_000, "return data not copied");
    }

    function test_finalizeNeedsGasForCallback() public {
        RecordingConsumer c = new RecordingConsumer();
        uint256 id = _request(address(c), uint32(MAX_CB_GAS), 1 ether);
        _submit(id, SUB, _result(1, "h"));
        vmm.warp(1_000_000 + WINDOW);
        (bool ok, bytes memory ret) =
            address(market).call{gas: 300_000}(abi.encodeCall(InferenceMarket.finalize, (id)));
        assertTrue(!ok, "starved finalize must revert");
        assertEq(bytes4(ret), InferenceMarket.InsufficientGasForCallback.selector, "error");
        market.finalize(id);
        assertEq(c.calls(), 1, "delivered");
    }

    function test_noCallback() public {
        uint256 id = _request(address(0), 0, 1 ether);
        _submit(id, SUB, _result(1, "h"));
        vmm.warp(1_000_000 + WINDOW);
        market.finalize(id);
        assertEq(market.credits(SUB), SUB_BOND + 1 ether, "credit");
    }

    // ------------------------------------------------------------------ challenges

    function test_challengeOpensGame() public {
        uint256 id = _request(address(0), 0, 1 ether);
        Res memory honest = _result(2, "honest");
        Res memory other = _result(3, "other");
        _submit(id, SUB, honest);

        vmm.prank(CH1);
        vmm.expectRevert(InferenceMarket.SameFinalState.selector);
        market.challenge{value: CH_BOND}(id, honest.output, honest.commit, honest.finalState, honest.actRoot, honest.path);

        vmm.prank(CH1);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.WrongBond.selector, SUB_BOND, CH_BOND));
        market.challenge{value: SUB_BOND}(id, other.output, other.commit, other.finalState, other.actRoot, other.path);

        uint256 idx = _challenge(id, CH1, other);
        assertEq(idx, 0, "index");
        TestGame.Created memory g = tg.get(0);
        InferenceMarket.Request memory q = market.getRequest(id);
        assertEq(g.kernelId, kid, "kernel");
        assertEq(g.initialState, q.initialState, "S_0");
        assertEq(g.claimedFinalState, honest.finalState, "S_n");
        assertEq(g.graphSize, NODES, "n");
        assertEq(uint256(uint160(g.asserter)), uint256(uint160(SUB)), "asserter");
        assertEq(uint256(uint160(g.challenger)), uint256(uint160(CH1)), "challenger");
        assertEq(q.openChallenges, 1, "open");

        // finalization is blocked while the challenge is open, even after the window
        vmm.warp(1_000_000 + WINDOW);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.ChallengesOpen.selector, uint32(1)));
        market.finalize(id);
        // no new challenge after the window
        vmm.prank(CH2);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.WindowClosed.selector, uint64(1_000_000 + WINDOW)));
        market.challenge{value: CH_BOND}(id, other.output, other.commit, other.finalState, other.actRoot, other.path);

        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.GameInProgress.selector, uint256(0)));
        market.resolveChallenge(id, 0);
        tg.setStatus(0, 7);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.BadGameStatus.selector, uint8(7)));
        market.resolveChallenge(id, 0);
    }

    function test_asserterWins() public {
        RecordingConsumer c = new RecordingConsumer();
        uint256 id = _request(address(c), 100_000, 1 ether);
        Res memory honest = _result(2, "honest");
        _submit(id, SUB, honest);
        _challenge(id, CH1, _result(3, "liar"));
        tg.setStatus(0, 1);
        vmm.expectEmit(address(market));
        emit InferenceMarket.ChallengeLost(id, 0, SUB);
        market.resolveChallenge(id, 0);
        assertEq(market.credits(SUB), CH_BOND / 2, "half the challenger bond to the submitter");
        assertEq(market.totalBurned(), CH_BOND / 2, "half burned");
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.ChallengeNotOpen.selector, id, uint256(0)));
        market.resolveChallenge(id, 0);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.ChallengeNotOpen.selector, id, uint256(1)));
        market.resolveChallenge(id, 1);

        vmm.warp(1_000_000 + WINDOW);
        market.finalize(id);
        assertEq(market.credits(SUB), CH_BOND / 2 + SUB_BOND + 1 ether, "all to submitter");
        assertEq(c.lastCommitment(), honest.commit, "honest result delivered");
    }

    function test_challengerWinsReplacesCandidate() public {
        RecordingConsumer c = new RecordingConsumer();
        uint256 id = _request(address(c), 100_000, 1 ether);
        Res memory liar = _result(9, "liar");
        Res memory honest = _result(2, "honest");
        _submit(id, SUB, liar);
        vmm.warp(1_000_000 + 100);
        _challenge(id, CH1, honest);
        tg.setStatus(0, 2);
        vmm.warp(1_000_000 + 5000);
        vmm.expectEmit(address(market));
        emit InferenceMarket.ChallengeWon(id, 0, CH1, true, uint64(1_000_000 + 5000 + WINDOW));
        vmm.expectEmit(address(market));
        emit InferenceMarket.RoundSettled(id, 0, 1, SUB_BOND / 2, SUB_BOND / 2);
        market.resolveChallenge(id, 0);

        InferenceMarket.Request memory q = market.getRequest(id);
        assertEq(uint256(uint160(q.submitter)), uint256(uint160(CH1)), "new submitter");
        assertEq(q.candidate.finalState, honest.finalState, "new S_n");
        assertEq(q.candidateBond, CH_BOND, "backed by the challenge bond");
        assertEq(q.windowEnd, 1_000_000 + 5000 + WINDOW, "fresh window");
        assertEq(q.round, 1, "round");
        InferenceMarket.RefutedRound memory rd = market.getRefutedRound(id, 0);
        assertTrue(rd.settled, "its only game ended: settled at once");
        assertEq(rd.share, SUB_BOND / 2, "the unburned half to the one winner");
        assertEq(market.totalBurned(), SUB_BOND / 2, "half burned");
        assertEq(market.credits(SUB), 0, "slashed");

        vmm.expectEmit(address(market));
        emit InferenceMarket.RewardClaimed(id, 0, CH1, SUB_BOND / 2);
        market.claimReward(id, 0);
        assertEq(market.credits(CH1), SUB_BOND / 2, "share (the bond backs the candidate)");
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.ChallengeNotWon.selector, id, uint256(0)));
        market.claimReward(id, 0);

        // the new candidate can itself be challenged (by the old submitter, say) and defended
        _challenge(id, SUB, liar);
        TestGame.Created memory g = tg.get(1);
        assertEq(uint256(uint160(g.asserter)), uint256(uint160(CH1)), "asserter is the new candidate");
        assertEq(g.claimedFinalState, honest.finalState, "claim");
        tg.setStatus(1, 1);
        market.resolveChallenge(id, 1);

        vmm.warp(1_000_000 + 5000 + WINDOW);
        market.finalize(id);
        assertEq(market.credits(CH1), SUB_BOND / 2 + CH_BOND / 2 + CH_BOND + 1 ether, "winner paid");
        assertEq(c.lastCommitment(), honest.commit, "honest delivered");
        assertEq(address(market).balance, market.credits(CH1) + market.totalBurned(), "balance == credits + burned");
    }

    /// @dev Games on a refuted candidate keep running: a later winner shares the slashed bond
    ///      with the first, a later loser forfeits to the refuted submitter, and the round is
    ///      split only when its last game is resolved.
    function test_multipleChallengers() public {
        uint256 id = _request(address(0), 0, 1 ether);
        _submit(id, SUB, _result(9, "liar"));
        _challenge(id, CH1, _result(1, "a"));
        _challenge(id, CH2, _result(2, "honest"));
        _challenge(id, CH3, _result(3, "c"));
        assertEq(tg.count(), 3, "one game per challenger");
        assertEq(market.getRequest(id).openChallenges, 3, "open");

        // CH1 loses its game, CH2 wins first; CH3's game is still running
        tg.setStatus(0, 1);
        market.resolveChallenge(id, 0);
        assertEq(market.credits(SUB), CH_BOND / 2, "half CH1's bond");
        tg.setStatus(1, 2);
        market.resolveChallenge(id, 1);
        InferenceMarket.Request memory q = market.getRequest(id);
        assertEq(q.openChallenges, 0, "nothing open on the new candidate");
        assertEq(uint256(uint160(q.submitter)), uint256(uint160(CH2)), "candidate");
        InferenceMarket.RefutedRound memory rd = market.getRefutedRound(id, 0);
        assertEq(rd.openChallenges, 1, "CH3's game still counts on the refuted round");
        assertTrue(!rd.settled, "not split while a game runs");
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.RoundNotSettled.selector, uint32(0), uint32(1)));
        market.claimReward(id, 1);

        // the new candidate finalizes without waiting for CH3's game on the old one
        vmm.warp(block.timestamp + WINDOW);
        market.finalize(id);
        assertEq(market.credits(CH2), CH_BOND + 1 ether, "CH2: candidate bond and fee");

        // CH3 wins later: the slashed bond's unburned half is shared by CH2 and CH3
        tg.setStatus(2, 2);
        vmm.expectEmit(address(market));
        emit InferenceMarket.ChallengeWon(id, 2, CH3, false, 0);
        market.resolveChallenge(id, 2);
        assertTrue(market.getRefutedRound(id, 0).settled, "settled by its last game");
        market.claimReward(id, 1);
        market.claimReward(id, 2);
        assertEq(market.credits(CH2), CH_BOND + 1 ether + SUB_BOND / 4, "CH2: + a quarter");
        assertEq(market.credits(CH3), CH_BOND + SUB_BOND / 4, "CH3: bond + a quarter");
        assertEq(market.totalBurned(), CH_BOND / 2 + SUB_BOND / 2, "half of each forfeited bond");
        address[] memory accts = new address[](5);
        accts[0] = SUB;
        accts[1] = CH1;
        accts[2] = CH2;
        accts[3] = CH3;
        accts[4] = REQ;
        uint256[] memory ids = new uint256[](1);
        ids[0] = id;
        assertEq(address(market).balance, _owed(accts, ids), "accounting");
    }

    /// @dev A game on a refuted candidate that the refuted submitter wins still pays it.
    function test_refutedSubmitterStillWinsItsOtherGames() public {
        uint256 id = _request(address(0), 0, 1 ether);
        _submit(id, SUB, _result(9, "s"));
        _challenge(id, CH1, _result(1, "a"));
        _challenge(id, CH2, _result(2, "b"));
        tg.setStatus(0, 2);
        market.resolveChallenge(id, 0);
        vmm.warp(block.timestamp + WINDOW);
        market.finalize(id); // CH2's game on the refuted candidate does not block
        tg.setStatus(1, 1);
        market.resolveChallenge(id, 1);
        assertEq(market.credits(SUB), CH_BOND / 2, "the refuted submitter won this game");
        market.claimReward(id, 0);
        assertEq(market.credits(CH1), CH_BOND + 1 ether + SUB_BOND / 2, "sole winner's share");
    }

    // ------------------------------------------------------------------ reentrancy

    function test_reentrantWithdrawIsBlocked() public {
        Reentrant attacker = new Reentrant(market);
        vmm.deal(address(attacker), 10 ether);
        uint256 id = _request(address(0), 0, 1 ether);
        vmm.prank(address(attacker));
        Res memory r = _result(1, "h");
        market.submitResult{value: SUB_BOND}(id, r.output, r.commit, r.finalState, r.actRoot, r.path);
        vmm.warp(block.timestamp + WINDOW);
        market.finalize(id);
        attacker.doWithdraw();
        assertTrue(attacker.withdrawBlocked(), "nested withdraw refused");
        assertEq(attacker.received(), SUB_BOND + 1 ether, "paid exactly once");
        assertEq(address(market).balance, 0, "empty");
    }

    function test_reentrantFinalizeFromCallbackIsBlocked() public {
        Reentrant attacker = new Reentrant(market);
        uint256 id = _request(address(attacker), 200_000, 1 ether);
        _submit(id, SUB, _result(1, "h"));
        vmm.warp(block.timestamp + WINDOW);
        market.finalize(id);
        assertTrue(attacker.finalizeBlocked(), "nested finalize refused");
        assertEq(market.credits(SUB), SUB_BOND + 1 ether, "credited once");
    }

    // ------------------------------------------------------------------ fuzz

    function testFuzz_amounts(uint96 fee, bool challenged, bool challengerWins) public {
        vmm.assume(fee > 0);
        vmm.deal(REQ, uint256(fee));
        uint256 id = _request(address(0), 0, fee);
        _submit(id, SUB, _result(9, "s"));
        address winner = SUB;
        uint256 want = uint256(fee) + SUB_BOND;
        uint256 burned;
        if (challenged) {
            _challenge(id, CH1, _result(1, "c"));
            tg.setStatus(0, challengerWins ? 2 : 1);
            market.resolveChallenge(id, 0);
            if (challengerWins) {
                market.claimReward(id, 0);
                winner = CH1;
                want = uint256(fee) + CH_BOND + SUB_BOND / 2;
                burned = SUB_BOND / 2;
            } else {
                want += CH_BOND / 2;
                burned = CH_BOND / 2;
            }
        }
        vmm.warp(block.timestamp + WINDOW);
        market.finalize(id);
        assertEq(market.credits(winner), want, "winner credit");
        assertEq(market.totalBurned(), burned, "burned");
        assertEq(address(market).balance, want + burned, "balance");
        uint256 before = winner.balance;
        vmm.prank(winner);
        market.withdraw();
        assertEq(winner.balance - before, want, "withdrawn");
        assertEq(address(market).balance, burned, "only the burned part stays");
    }

    // ------------------------------------------------------------------ example consumer

    function test_fashionConsumer() public {
        FashionConsumer fc = new FashionConsumer(market, kid);
        vmm.deal(address(this), 1 ether);
        uint256 id = fc.classify{value: 0.01 ether}(_input());
        _submit(id, SUB, _result(6, "honest"));
        vmm.warp(block.timestamp + WINDOW);
        market.finalize(id);
        (bool done, int32 cls) = fc.results(id);
        assertTrue(done, "done");
        assertEq(uint256(int256(cls)), 6, "class");
        assertEq(keccak256(bytes(fc.label(id))), keccak256("Shirt"), "label");
    }

    function test_configRejected() public {
        vmm.expectRevert(InferenceMarket.InvalidConfig.selector);
        new InferenceMarket(reg, IDisputeGame(address(tg)), 0, CH_BOND, WINDOW, TIMEOUT, MAX_CB_GAS);
        vmm.expectRevert(InferenceMarket.InvalidConfig.selector);
        new InferenceMarket(reg, IDisputeGame(address(0)), SUB_BOND, CH_BOND, WINDOW, TIMEOUT, MAX_CB_GAS);
    }
}
