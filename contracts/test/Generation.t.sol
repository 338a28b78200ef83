// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;
// forge-lint: disable-start(unsafe-typecast)

import {KernelRegistry} from "../src/KernelRegistry.sol";
import {InferenceMarket} from "../src/InferenceMarket.sol";
import {IDisputeGame} from "../src/interfaces/IDisputeGame.sol";
import {StoryConsumer} from "../src/examples/StoryConsumer.sol";
import {BN254VRF} from "../src/lib/BN254VRF.sol";
import {TestBase} from "./lib/Vm.sol";
import {VmMarket, TestGame, SlotTree} from "./InferenceMarketHelpers.sol";

/// @notice Cheatcodes for block numbers and gas-free setup.
interface VmBlocks {
    function roll(uint256 blockNumber) external;
}

/// @notice Generation requests (docs/protocol.md 8): VRF key registration with proof of
///         possession, requestGeneration, submitGeneration with the on-chain VRF check and the
///         seeded S_0, challenges from that S_0, finalization with StoryConsumer's callback, and
///         the gas of a 64-token request. The VRF key is sk = 0x5eed (pk computed with
///         gnark-crypto); proofs are sk·H(m) through the ecMul precompile, so they are made for
///         whatever address the market gets here.
contract GenerationTest is TestBase {
    VmMarket internal constant vmm = VmMarket(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);
    VmBlocks internal constant vmb = VmBlocks(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);

    event log_named_uint(string key, uint256 val);

    uint256 internal constant SK = 0x5eed;
    uint256 internal constant SUB_BOND = 1 ether;
    uint256 internal constant CH_BOND = 2 ether;
    uint256 internal constant WINDOW = 1 days;
    uint256 internal constant TIMEOUT = 7 days;
    uint32 internal constant PROMPT = 4;
    uint32 internal constant NODES = 40;
    uint32 internal constant T = 64;

    address internal constant REQ = address(0xAAA1);
    address internal constant SUB = address(0xBBB1);
    address internal constant CH1 = address(0xCCC1);

    KernelRegistry internal reg;
    TestGame internal tg;
    InferenceMarket internal market;
    StoryConsumer internal story;
    bytes32 internal kid;
    bytes32 internal modelRoot = keccak256("generation model root");

    struct Res {
        bytes output;
        bytes32 commit;
        bytes32 finalState;
        bytes32 actRoot;
        bytes32[] path;
    }

    function setUp() public {
        reg = new KernelRegistry();
        tg = new TestGame();
        market = new InferenceMarket(reg, IDisputeGame(address(tg)), SUB_BOND, CH_BOND, WINDOW, TIMEOUT, 1_000_000);
        uint32[] memory outs = new uint32[](1);
        outs[0] = PROMPT + 1 + NODES - 1; // the last node: the token accumulator
        kid = reg.register(modelRoot, keccak256("pre"), keccak256("man"), NODES, 3, uint16(PROMPT + 1), outs, "");
        story = new StoryConsumer(market, kid);
        vmm.warp(1_000_000);
        vmb.roll(100);
        vmm.deal(REQ, 100 ether);
        vmm.deal(SUB, 100 ether);
        vmm.deal(CH1, 100 ether);
    }

    // ---------------------------------------------------------------- VRF helpers

    function _pk() internal pure returns (uint256[4] memory) {
        // 0x5eed·g2 in EIP-197 order (x.im, x.re, y.im, y.re)
        return [
            0x2b62803b5e2a53620b84e0c4d67574a229f9d8711a9e56547be9558b67122ac9,
            0x0dda775f7b48ae798240611aafb90bb5cd0a57c5c6a862afa7dbe2774470c25e,
            0x21ccfb4428a75047035f750f3f819fe93961a899a8ab13aff184fec9ab1b34fc,
            0x1216ab3e64ed2e8c1994ab566ccf6641fb10067610ecdd49c7197c769c44e937
        ];
    }

    function _mul(uint256[2] memory p, uint256 s) internal view returns (uint256[2] memory r) {
        (bool ok, bytes memory out) = address(7).staticcall(abi.encode(p[0], p[1], s));
        require(ok, "ecMul");
        (r[0], r[1]) = abi.decode(out, (uint256, uint256));
    }

    function _sign(bytes memory message, bytes memory dst, uint256 sk) internal view returns (uint256[2] memory) {
        return _mul(BN254VRF.hashToG1(message, dst), sk);
    }

    function _pop(address owner) internal view returns (uint256[2] memory) {
        return _sign(abi.encode(_pk(), owner), BN254VRF.POP_DST, SK);
    }

    function _proof(uint256 id, uint256 sk) internal view returns (uint256[2] memory) {
        return _sign(BN254VRF.requestMessage(block.chainid, address(market), id, kid), BN254VRF.VRF_DST, sk);
    }

    function _register(address who) internal {
        uint256[2] memory pop = _pop(who);
        vmm.prank(who);
        market.registerVrfKey(_pk(), pop);
    }

    // ---------------------------------------------------------------- request and result helpers

    function _prompt() internal pure returns (uint32[] memory p) {
        p = new uint32[](PROMPT);
        for (uint256 i = 0; i < PROMPT; i++) {
            p[i] = uint32(10 + i);
        }
    }

    function _sampling(bool stop, uint32 stopToken) internal pure returns (InferenceMarket.Sampling memory) {
        return InferenceMarket.Sampling({temperature: 52_429, topP: 58_982, stopEnabled: stop, stopToken: stopToken});
    }

    function _request(uint32 maxTokens, InferenceMarket.Sampling memory s) internal returns (uint256 id) {
        vmm.prank(REQ);
        id = market.requestGeneration{value: 0.1 ether}(kid, _prompt(), maxTokens, s, address(0), 0);
    }

    /// @dev The i8 [T, 4] token tensor: token i = 100 + i*salt, little-endian.
    function _tokens(uint256 salt) internal pure returns (bytes memory b) {
        b = abi.encodePacked(bytes4("AIVT"), uint8(1), uint8(1), uint8(2), uint8(0), uint96(0), _le(T), _le(4));
        for (uint256 i = 0; i < T; i++) {
            b = bytes.concat(b, _le(uint32(100 + i * salt)));
        }
    }

    function _le(uint32 x) internal pure returns (bytes4) {
        return bytes4((x >> 24) | ((x >> 8) & 0xff00) | ((x << 8) & 0xff0000) | (x << 24));
    }

    /// @dev An i32 tensor encoding with zero quantization (docs/models.md 2).
    function _i32(uint32[] memory v) internal pure returns (bytes memory b) {
        b = abi.encodePacked(bytes4("AIVT"), uint8(1), uint8(3), uint8(1), uint8(0), uint96(0), _le(uint32(v.length)));
        for (uint256 i = 0; i < v.length; i++) {
            b = bytes.concat(b, _le(v[i]));
        }
    }

    /// @dev The generation's input slots from their encodings (the reference for the market's
    ///      generationInitialState): prompt tokens, then (drawSeed, temperature, topP).
    function _inputSlots(bytes32 seed, InferenceMarket.Sampling memory s) internal view returns (bytes32[] memory sl) {
        sl = new bytes32[](PROMPT + 1 + NODES);
        uint32[] memory p = _prompt();
        for (uint256 i = 0; i < PROMPT; i++) {
            uint32[] memory one = new uint32[](1);
            one[0] = p[i];
            sl[i] = SlotTree.tensorCommit(_i32(one));
        }
        uint32[] memory sp = new uint32[](3);
        sp[0] = market.drawSeed(seed);
        sp[1] = s.temperature;
        sp[2] = s.topP;
        sl[PROMPT] = SlotTree.tensorCommit(_i32(sp));
    }

    function _result(bytes32 seed, InferenceMarket.Sampling memory s, uint256 salt)
        internal
        view
        returns (Res memory r)
    {
        bytes32[] memory sl = _inputSlots(seed, s);
        for (uint256 i = PROMPT + 1; i < sl.length; i++) {
            sl[i] = keccak256(abi.encode(salt, i));
        }
        r.output = _tokens(salt);
        r.commit = SlotTree.tensorCommit(r.output);
        uint256 outSlot = PROMPT + NODES;
        sl[outSlot] = r.commit;
        r.actRoot = SlotTree.root(sl);
        r.finalState = keccak256(abi.encodePacked(modelRoot, r.actRoot));
        r.path = SlotTree.proof(sl, outSlot);
    }

    function _seedOf(uint256 id) internal view returns (bytes32) {
        return BN254VRF.seed(_proof(id, SK));
    }

    function _submit(uint256 id, Res memory r) internal {
        uint256[2] memory proof = _proof(id, SK);
        vmm.prank(SUB);
        market.submitGeneration{value: SUB_BOND}(id, proof, r.output, r.commit, r.finalState, r.actRoot, r.path);
    }

    // ---------------------------------------------------------------- tests

    function test_registerVrfKey() public {
        _register(SUB);
        InferenceMarket.VrfKey memory k = market.vrfKey(SUB);
        assertEq(k.registeredBlock, 100, "registered block");
        assertEq(k.pk[0], _pk()[0], "pk");
        // a proof of possession made for another owner does not register the key
        uint256[2] memory other = _pop(CH1);
        vmm.prank(SUB);
        vmm.expectRevert(InferenceMarket.InvalidPossessionProof.selector);
        market.registerVrfKey(_pk(), other);
    }

    function test_requestGeneration_rejects() public {
        InferenceMarket.Sampling memory s = _sampling(false, 0);
        vmm.startPrank(REQ);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.InvalidPromptLength.selector, 3, 4));
        market.requestGeneration{value: 1}(kid, new uint32[](3), 8, s, address(0), 0);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.InvalidMaxTokens.selector, 0, 4000));
        market.requestGeneration{value: 1}(kid, _prompt(), 0, s, address(0), 0);
        s.topP = 0;
        vmm.expectRevert(InferenceMarket.InvalidSampling.selector);
        market.requestGeneration{value: 1}(kid, _prompt(), 8, s, address(0), 0);
        s.topP = 65_537;
        vmm.expectRevert(InferenceMarket.InvalidSampling.selector);
        market.requestGeneration{value: 1}(kid, _prompt(), 8, s, address(0), 0);
        s.topP = 65_536;
        s.temperature = 1 << 31;
        vmm.expectRevert(InferenceMarket.InvalidSampling.selector);
        market.requestGeneration{value: 1}(kid, _prompt(), 8, s, address(0), 0);
        s.temperature = 0;
        uint32[] memory bad = _prompt();
        bad[2] = 1 << 31;
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.InvalidPromptToken.selector, 2, uint32(1 << 31)));
        market.requestGeneration{value: 1}(kid, bad, 8, s, address(0), 0);
        vmm.stopPrank();
        // an argmax kernel is not a generation kernel
        uint32[] memory outs = new uint32[](1);
        outs[0] = 5;
        bytes32 argmaxKid = reg.register(modelRoot, keccak256("p2"), keccak256("m2"), 5, 1, 5, outs, "");
        vmm.prank(REQ);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.NotGenerationKernel.selector, argmaxKid));
        market.requestGeneration{value: 1}(argmaxKid, _prompt(), 8, s, address(0), 0);
    }

    function test_submitGeneration_seedsS0AndFinalizes() public {
        _register(SUB);
        vmb.roll(101);
        InferenceMarket.Sampling memory s = _sampling(false, 0);
        vmm.prank(REQ);
        uint256 id = story.tell{value: 0.1 ether}(_prompt(), 16, s);
        bytes32 seed = _seedOf(id);
        Res memory r = _result(seed, s, 3);
        // the inference path is closed to generation requests
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.WrongRequestKind.selector, id, true));
        market.submitResult(id, r.output, r.commit, r.finalState, r.actRoot, r.path);
        _submit(id, r);
        // S_0 is the full-tree reference over the encoded inputs with every node slot empty
        bytes32[] memory sl = _inputSlots(seed, s);
        bytes32 want = keccak256(abi.encodePacked(modelRoot, SlotTree.root(sl)));
        assertEq(market.getRequest(id).initialState, want, "seeded S_0");
        assertEq(market.getGeneration(id).seed, seed, "stored seed");

        vmm.warp(block.timestamp + WINDOW);
        market.finalize{gas: 2_000_000}(id);
        uint32[] memory got = story.story(id);
        assertEq(got.length, 16, "maxTokens delivered");
        for (uint256 i = 0; i < got.length; i++) {
            assertEq(got[i], 100 + i * 3, "token");
        }
        assertEq(market.credits(SUB), SUB_BOND + 0.1 ether, "submitter paid");
    }

    function test_stopTokenCutsOutput() public {
        _register(SUB);
        vmb.roll(101);
        InferenceMarket.Sampling memory s = _sampling(true, 100 + 5 * 2); // token 5 of salt 2
        vmm.prank(REQ);
        uint256 id = story.tell{value: 0.1 ether}(_prompt(), 32, s);
        _submit(id, _result(_seedOf(id), s, 2));
        vmm.warp(block.timestamp + WINDOW);
        market.finalize{gas: 2_000_000}(id);
        assertEq(story.story(id).length, 6, "cut after the stop token");
    }

    function test_keyRegisteredInRequestBlockRefused() public {
        InferenceMarket.Sampling memory s = _sampling(false, 0);
        uint256 id = _request(8, s);
        _register(SUB); // same block as the request: it could have been chosen knowing it
        Res memory r = _result(_seedOf(id), s, 1);
        uint256[2] memory proof = _proof(id, SK);
        vmm.prank(SUB);
        vmm.expectRevert(abi.encodeWithSelector(InferenceMarket.VrfKeyNotUsable.selector, SUB, 100, 100));
        market.submitGeneration{value: SUB_BOND}(id, proof, r.output, r.commit, r.finalState, r.actRoot, r.path);
    }

    function test_forgedProofRefused() public {
        _register(SUB);
        vmb.roll(101);
        InferenceMarket.Sampling memory s = _sampling(false, 0);
        uint256 id = _request(8, s);
        uint256 other = _request(8, s);
        Res memory r = _result(_seedOf(id), s, 1);
        uint256[2][3] memory forged = [_proof(id, SK + 1), _proof(other, SK), [uint256(1), uint256(2)]];
        for (uint256 i = 0; i < forged.length; i++) {
            vmm.prank(SUB);
            vmm.expectRevert();
            market.submitGeneration{value: SUB_BOND}(id, forged[i], r.output, r.commit, r.finalState, r.actRoot, r.path);
        }
        // a result computed with another seed is bound to another S_0 only through the game: the
        // market accepts it (its S_n is a claim), and the game from the true S_0 refutes it
        assertEq(uint256(market.getRequest(id).status), uint256(InferenceMarket.Status.Open), "still open");
    }

    function test_badTokenTensorRefused() public {
        _register(SUB);
        vmb.roll(101);
        InferenceMarket.Sampling memory s = _sampling(false, 0);
        uint256 id = _request(T + 1, s); // more than the tensor's T rows
        Res memory r = _result(_seedOf(id), s, 1);
        uint256[2] memory proof = _proof(id, SK);
        vmm.prank(SUB);
        vmm.expectRevert(InferenceMarket.BadGenerationOutput.selector);
        market.submitGeneration{value: SUB_BOND}(id, proof, r.output, r.commit, r.finalState, r.actRoot, r.path);
    }

    function test_challengeStartsFromSeededS0() public {
        _register(SUB);
        vmb.roll(101);
        InferenceMarket.Sampling memory s = _sampling(false, 0);
        uint256 id = _request(8, s);
        bytes32 seed = _seedOf(id);
        _submit(id, _result(seed, s, 1));
        Res memory c = _result(seed, s, 7);
        vmm.prank(CH1);
        market.challenge{value: CH_BOND}(id, c.output, c.commit, c.finalState, c.actRoot, c.path);
        TestGame.Created memory g = tg.get(0);
        assertEq(g.initialState, market.getRequest(id).initialState, "game S_0");
        assertEq(g.graphSize, NODES, "game span");
        // the challenger wins: its tokens are delivered, under the same seed
        tg.setStatus(0, 2);
        market.resolveChallenge(id, 0);
        vmm.warp(block.timestamp + 2 * WINDOW);
        market.finalize(id);
        uint32[] memory got = market.generationTokens(id);
        assertEq(got.length, 8, "tokens");
        assertEq(got[1], 107, "challenger's token");
    }

    /// @notice A challenger's winning result is not shape-checked: the delivered tokens are bounded by
    ///         the rows its tensor has.
    function test_shortChallengerTensorBounded() public {
        _register(SUB);
        vmb.roll(101);
        InferenceMarket.Sampling memory s = _sampling(false, 0);
        uint256 id = _request(8, s);
        bytes32 seed = _seedOf(id);
        _submit(id, _result(seed, s, 1));
        // a challenger's i32 [2] tensor in the output slot
        Res memory c = _result(seed, s, 7);
        uint32[] memory two = new uint32[](2);
        (two[0], two[1]) = (5, 6);
        c.output = _i32(two);
        c.commit = SlotTree.tensorCommit(c.output);
        bytes32[] memory sl = _inputSlots(seed, s);
        for (uint256 i = PROMPT + 1; i < sl.length; i++) {
            sl[i] = keccak256(abi.encode(uint256(7), i));
        }
        sl[PROMPT + NODES] = c.commit;
        c.actRoot = SlotTree.root(sl);
        c.finalState = keccak256(abi.encodePacked(modelRoot, c.actRoot));
        c.path = SlotTree.proof(sl, PROMPT + NODES);
        vmm.prank(CH1);
        market.challenge{value: CH_BOND}(id, c.output, c.commit, c.finalState, c.actRoot, c.path);
        tg.setStatus(0, 2);
        market.resolveChallenge(id, 0);
        assertEq(
            market.generationTokens(id).length, 1, "a 32-byte tensor gives one row after the first 28 bytes"
        );
    }

    /// @notice generationInitialState equals the full-tree reference over the byte-built encodings
    ///         for any prompt, settings and seed.
    function testFuzz_generationInitialState(uint32[4] memory p, uint32 temp, uint32 topP, bytes32 seed, uint8 nodes)
        public
        view
    {
        uint32[] memory prompt = new uint32[](4);
        bytes32[] memory sl = new bytes32[](5 + uint256(nodes));
        for (uint256 i = 0; i < 4; i++) {
            prompt[i] = p[i];
            uint32[] memory one = new uint32[](1);
            one[0] = p[i];
            sl[i] = SlotTree.tensorCommit(_i32(one));
        }
        uint32[] memory sp = new uint32[](3);
        (sp[0], sp[1], sp[2]) = (uint32(uint256(seed)), temp, topP);
        sl[4] = SlotTree.tensorCommit(_i32(sp));
        bytes32 want = keccak256(abi.encodePacked(modelRoot, SlotTree.root(sl)));
        assertEq(market.generationInitialState(modelRoot, prompt, temp, topP, seed, nodes), want, "S_0");
    }

    /// @notice The market's gas for a 64-token request through StoryConsumer (docs/bench/generation.md).
    function test_gas64Tokens() public {
        _register(SUB);
        vmb.roll(101);
        InferenceMarket.Sampling memory s = _sampling(false, 0);
        uint32[] memory prompt = _prompt();
        vmm.prank(REQ);
        uint256 g0 = gasleft();
        uint256 id = story.tell{value: 0.1 ether}(prompt, 64, s);
        uint256 gReq = g0 - gasleft();
        Res memory r = _result(_seedOf(id), s, 1);
        uint256[2] memory proof = _proof(id, SK);
        vmm.prank(SUB);
        g0 = gasleft();
        market.submitGeneration{value: SUB_BOND}(id, proof, r.output, r.commit, r.finalState, r.actRoot, r.path);
        uint256 gSub = g0 - gasleft();
        vmm.warp(block.timestamp + WINDOW);
        g0 = gasleft();
        market.finalize{gas: 2_000_000}(id);
        uint256 gFin = g0 - gasleft();
        assertEq(story.story(id).length, 64, "64 tokens delivered");
        emit log_named_uint("request (StoryConsumer.tell, prompt 4)", gReq);
        emit log_named_uint("submitGeneration (incl. VRF check)", gSub);
        emit log_named_uint("finalize + callback (64 tokens stored)", gFin);
        emit log_named_uint("total", gReq + gSub + gFin);
        assertTrue(gSub < 600_000, "submit under 600k");
    }
}
