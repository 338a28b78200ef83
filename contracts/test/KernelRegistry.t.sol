// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {KernelRegistry} from "../src/KernelRegistry.sol";
import {TestBase} from "./lib/Vm.sol";
import {Slots} from "./lib/Slots.sol";

/// @notice Kernels register once under a content-derived id, are validated, and can never be
///         changed afterwards: there is no setter, and nobody (the owner included) has powers.
contract KernelRegistryTest is TestBase {
    KernelRegistry internal reg;

    bytes32 internal constant ROOT = keccak256("model root");
    bytes32 internal constant PRE = keccak256("prestate");
    bytes32 internal constant MAN = keccak256("manifest");
    uint32 internal constant NODES = 5;
    string internal constant URI = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";
    address internal constant ALICE = address(0xA11CE);
    address internal constant BOB = address(0xB0B);

    function setUp() public {
        reg = new KernelRegistry();
    }

    function _register(address from, string memory uri) internal returns (bytes32 id) {
        vm.prank(from);
        id = reg.register(ROOT, PRE, MAN, NODES, 1, 1, Slots.lastNode(NODES, 1), uri); // AGG_ARGMAX
    }

    /// @dev A digest of the whole stored record, to compare before and after.
    function _recordHash(bytes32 id) internal view returns (bytes32) {
        return keccak256(abi.encode(reg.getKernel(id)));
    }

    function test_registerAndRead() public {
        uint32[] memory outs = Slots.lastNode(NODES, 1);
        bytes32 want = keccak256(abi.encode(ROOT, PRE, MAN, NODES, uint8(1), uint16(1), outs));
        assertEq(reg.kernelId(ROOT, PRE, MAN, NODES, 1, 1, outs), want, "kernelId");
        assertTrue(!reg.isRegistered(want), "registered before");

        vm.expectEmit(address(reg));
        emit KernelRegistry.KernelRegistered(want, ROOT, ALICE, PRE, MAN, NODES, 1, 1, outs, URI);
        bytes32 id = _register(ALICE, URI);
        assertEq(id, want, "id");
        assertTrue(reg.isRegistered(id), "isRegistered");

        KernelRegistry.Kernel memory k = reg.getKernel(id);
        assertEq(k.modelRoot, ROOT, "modelRoot");
        assertEq(k.prestateHash, PRE, "prestateHash");
        assertEq(k.manifestHash, MAN, "manifestHash");
        assertEq(k.graphSize, NODES, "graphSize");
        assertEq(k.aggregation, 1, "aggregation");
        assertEq(k.numInputs, 1, "numInputs");
        assertEq(k.outputSlots.length, 1, "outputs");
        assertEq(k.outputSlots[0], NODES, "output slot");
        assertEq(uint256(uint160(k.owner)), uint256(uint160(ALICE)), "owner");
        assertEq(k.registeredAt, block.number, "registeredAt");
        assertEq(keccak256(bytes(k.manifestURI)), keccak256(bytes(URI)), "manifestURI");
    }

    function test_unknownIdReverts() public {
        bytes32 id = keccak256("nothing");
        assertTrue(!reg.isRegistered(id), "isRegistered");
        vm.expectRevert(abi.encodeWithSelector(KernelRegistry.KernelNotRegistered.selector, id));
        reg.getKernel(id);
    }

    /// @notice The same content cannot be registered again, by anyone, with any URI; the first
    ///         record stays exactly as it was.
    function test_reRegistrationRevertsAndRecordUnchanged() public {
        bytes32 id = _register(ALICE, URI);
        bytes32 before = _recordHash(id);

        vm.expectRevert(abi.encodeWithSelector(KernelRegistry.KernelAlreadyRegistered.selector, id));
        _register(ALICE, URI);
        vm.expectRevert(abi.encodeWithSelector(KernelRegistry.KernelAlreadyRegistered.selector, id));
        _register(BOB, "https://example.org/other-manifest.json");
        vm.expectRevert(abi.encodeWithSelector(KernelRegistry.KernelAlreadyRegistered.selector, id));
        _register(ALICE, "");

        assertEq(_recordHash(id), before, "record changed");
        assertEq(uint256(uint160(reg.getKernel(id).owner)), uint256(uint160(ALICE)), "owner");
    }

    function test_validation() public {
        vm.expectRevert(KernelRegistry.ZeroModelRoot.selector);
        reg.register(0, PRE, MAN, NODES, 1, 1, Slots.lastNode(NODES, 1), URI);
        vm.expectRevert(KernelRegistry.ZeroPrestateHash.selector);
        reg.register(ROOT, 0, MAN, NODES, 1, 1, Slots.lastNode(NODES, 1), URI);
        vm.expectRevert(KernelRegistry.ZeroManifestHash.selector);
        reg.register(ROOT, PRE, 0, NODES, 1, 1, Slots.lastNode(NODES, 1), URI);
        vm.expectRevert(KernelRegistry.ZeroGraphSize.selector);
        reg.register(ROOT, PRE, MAN, 0, 1, 1, Slots.lastNode(0, 1), URI);
        vm.expectRevert(abi.encodeWithSelector(KernelRegistry.InvalidAggregation.selector, 0));
        reg.register(ROOT, PRE, MAN, NODES, 0, 1, Slots.lastNode(NODES, 0), URI);
        vm.expectRevert(abi.encodeWithSelector(KernelRegistry.InvalidAggregation.selector, 4));
        reg.register(ROOT, PRE, MAN, NODES, 4, 1, Slots.lastNode(NODES, 4), URI);
        vm.expectRevert(abi.encodeWithSelector(KernelRegistry.ManifestURITooLong.selector, 257, 256));
        reg.register(ROOT, PRE, MAN, NODES, 1, 1, Slots.lastNode(NODES, 1), string(new bytes(257)));

        // The bounds themselves are accepted: a 256-byte URI, an empty URI, every rule.
        bytes32 id = reg.register(ROOT, PRE, MAN, NODES, 1, 1, Slots.lastNode(NODES, 1), string(new bytes(256)));
        assertEq(bytes(reg.getKernel(id).manifestURI).length, 256, "256-byte URI");
        id = reg.register(ROOT, PRE, MAN, NODES, 2, 1, Slots.lastNode(NODES, 2), "");
        assertEq(bytes(reg.getKernel(id).manifestURI).length, 0, "empty URI");
        id = reg.register(ROOT, PRE, MAN, type(uint32).max, 3, 1, Slots.lastNode(type(uint32).max, 3), "");
        assertEq(reg.getKernel(id).graphSize, type(uint32).max, "max graph size");
    }

    /// @notice The graph shape the market relies on is validated: the input count, an output
    ///         list long enough for the rule, every output a node slot; resultShape names the
    ///         slot(s) each rule binds.
    function test_ioValidation() public {
        uint32[] memory outs = new uint32[](2);
        outs[0] = 3;
        outs[1] = 5;
        vm.expectRevert(abi.encodeWithSelector(KernelRegistry.InvalidInputCount.selector, 0));
        reg.register(ROOT, PRE, MAN, NODES, 1, 0, outs, "");
        vm.expectRevert(abi.encodeWithSelector(KernelRegistry.InvalidInputCount.selector, 257));
        reg.register(ROOT, PRE, MAN, NODES, 1, 257, outs, "");
        vm.expectRevert(abi.encodeWithSelector(KernelRegistry.InvalidOutputCount.selector, 0, 1));
        reg.register(ROOT, PRE, MAN, NODES, 1, 1, new uint32[](0), "");
        uint32[] memory one = new uint32[](1);
        one[0] = 5;
        vm.expectRevert(abi.encodeWithSelector(KernelRegistry.InvalidOutputCount.selector, 1, 2));
        reg.register(ROOT, PRE, MAN, NODES, 2, 1, one, "");
        one[0] = 0; // an input slot
        vm.expectRevert(abi.encodeWithSelector(KernelRegistry.InvalidOutputSlot.selector, 0));
        reg.register(ROOT, PRE, MAN, NODES, 1, 1, one, "");
        one[0] = 6; // past the last node slot (1 input + 5 nodes)
        vm.expectRevert(abi.encodeWithSelector(KernelRegistry.InvalidOutputSlot.selector, 6));
        reg.register(ROOT, PRE, MAN, NODES, 1, 1, one, "");
        vm.expectRevert(abi.encodeWithSelector(KernelRegistry.InvalidOutputCount.selector, 257, 3));
        reg.register(ROOT, PRE, MAN, NODES, 3, 1, new uint32[](257), "");

        for (uint8 agg = 1; agg <= 3; agg++) {
            bytes32 id = reg.register(ROOT, PRE, MAN, NODES, agg, 1, outs, "");
            (uint32 n, uint8 a, uint16 ni, bytes32 root, uint32[] memory slots) = reg.resultShape(id);
            assertEq(n, NODES, "graphSize");
            assertEq(a, agg, "aggregation");
            assertEq(ni, 1, "numInputs");
            assertEq(root, ROOT, "modelRoot");
            if (agg == 1) assertTrue(slots.length == 1 && slots[0] == 3, "argmax binds output 0");
            if (agg == 2) assertTrue(slots.length == 1 && slots[0] == 5, "logits binds output 1");
            if (agg == 3) assertTrue(slots.length == 2 && slots[0] == 3 && slots[1] == 5, "outputs binds all");
        }
    }

    /// @notice Registration gas, with a typical ipfs URI (66 bytes) and without a URI, one output
    ///         slot (the output list and the input count cost two more storage slots). The figures
    ///         are execution gas inside the call (no 21,000 intrinsic, no calldata); the Go test in
    ///         contracts/registry reports the full transaction.
    function test_registerGas() public {
        uint256 g = gasleft();
        reg.register(ROOT, PRE, MAN, NODES, 1, 1, Slots.lastNode(NODES, 1), URI);
        uint256 withURI = g - gasleft();
        g = gasleft();
        reg.register(ROOT, PRE, MAN, NODES, 2, 1, Slots.lastNode(NODES, 2), "");
        uint256 noURI = g - gasleft();
        assertTrue(withURI < 300_000, "register gas with URI");
        assertTrue(noURI < 200_000, "register gas without URI");
        assertTrue(withURI > noURI, "URI storage costs gas");
    }

    /// @notice Ids are unique per content: two registrations that differ in any content field
    ///         get different ids and both records stay intact; the id is the documented hash.
    function testFuzz_idsUniquePerContent(
        bytes32[3] memory a,
        bytes32[3] memory b,
        uint32 na,
        uint32 nb,
        uint8 ga,
        uint8 gb
    ) public {
        vm.assume(a[0] != 0 && a[1] != 0 && a[2] != 0 && b[0] != 0 && b[1] != 0 && b[2] != 0);
        na = na == 0 ? 1 : na;
        nb = nb == 0 ? 1 : nb;
        ga = ga % 3 + 1;
        gb = gb % 3 + 1;
        // logits and argmax of the same n list different outputs ([n, n] vs [n])
        bool same = a[0] == b[0] && a[1] == b[1] && a[2] == b[2] && na == nb && ga == gb;

        vm.prank(ALICE);
        bytes32 ida = reg.register(a[0], a[1], a[2], na, ga, 1, Slots.lastNode(na, ga), "a");
        assertEq(ida, keccak256(abi.encode(a[0], a[1], a[2], na, ga, uint16(1), Slots.lastNode(na, ga))), "id a");
        if (same) {
            vm.expectRevert(abi.encodeWithSelector(KernelRegistry.KernelAlreadyRegistered.selector, ida));
            reg.register(b[0], b[1], b[2], nb, gb, 1, Slots.lastNode(nb, gb), "b");
            return;
        }
        vm.prank(BOB);
        bytes32 idb = reg.register(b[0], b[1], b[2], nb, gb, 1, Slots.lastNode(nb, gb), "b");
        assertTrue(ida != idb, "ids collide");
        KernelRegistry.Kernel memory ka = reg.getKernel(ida);
        KernelRegistry.Kernel memory kb = reg.getKernel(idb);
        assertEq(uint256(uint160(ka.owner)), uint256(uint160(ALICE)), "owner a");
        assertEq(uint256(uint160(kb.owner)), uint256(uint160(BOB)), "owner b");
        assertEq(ka.modelRoot, a[0], "root a");
        assertEq(kb.modelRoot, b[0], "root b");
        assertEq(ka.graphSize, na, "nodes a");
        assertEq(kb.aggregation, gb, "aggregation b");
    }

    /// @notice A single-field change always changes the id (each field is committed to).
    function testFuzz_everyFieldInId(bytes32 r, bytes32 p, bytes32 m, uint32 n, uint8 g, uint16 ni, uint32 slot, uint8 which)
        public
        view
    {
        uint32[] memory outs = new uint32[](1);
        outs[0] = slot;
        bytes32 id = reg.kernelId(r, p, m, n, g, ni, outs);
        which %= 8;
        if (which == 0) assertTrue(reg.kernelId(~r, p, m, n, g, ni, outs) != id, "modelRoot");
        if (which == 1) assertTrue(reg.kernelId(r, ~p, m, n, g, ni, outs) != id, "prestateHash");
        if (which == 2) assertTrue(reg.kernelId(r, p, ~m, n, g, ni, outs) != id, "manifestHash");
        if (which == 3) assertTrue(reg.kernelId(r, p, m, ~n, g, ni, outs) != id, "graphSize");
        if (which == 4) assertTrue(reg.kernelId(r, p, m, n, ~g, ni, outs) != id, "aggregation");
        if (which == 5) assertTrue(reg.kernelId(r, p, m, n, g, ~ni, outs) != id, "numInputs");
        if (which == 6) {
            uint32[] memory other = new uint32[](1);
            other[0] = ~slot;
            assertTrue(reg.kernelId(r, p, m, n, g, ni, other) != id, "output slot");
        }
        if (which == 7) assertTrue(reg.kernelId(r, p, m, n, g, ni, new uint32[](2)) != id, "output count");
    }

    /// @notice No owner power: whatever the owner (or anyone) sends to the registry, the
    ///         registered record is unchanged, and every selector outside the public API is
    ///         rejected (no fallback, no receive, no setter).
    function testFuzz_noCallModifiesRecord(bytes4 sel, bytes calldata rest, bool asOwner) public {
        bytes32 id = _register(ALICE, URI);
        bytes32 before = _recordHash(id);
        bool known = sel == reg.register.selector || sel == reg.kernelId.selector || sel == reg.isRegistered.selector
            || sel == reg.getKernel.selector || sel == reg.AGG_ARGMAX.selector || sel == reg.AGG_LOGITS.selector
            || sel == reg.AGG_OUTPUTS.selector || sel == reg.MAX_MANIFEST_URI_LENGTH.selector
            || sel == reg.resultShape.selector || sel == reg.gameShape.selector || sel == reg.MAX_IO.selector;

        vm.prank(asOwner ? ALICE : BOB);
        (bool ok,) = address(reg).call(bytes.concat(sel, rest));
        if (!known) assertTrue(!ok, "unknown selector accepted");
        assertEq(_recordHash(id), before, "record changed");

        // Plain ether transfers are refused too (no receive/fallback).
        vm.deal(ALICE, 1 ether);
        vm.prank(ALICE);
        (ok,) = address(reg).call{value: 1}("");
        assertTrue(!ok, "ether accepted");
    }

    /// @notice The owner's own attempt to re-register its kernel with a new URI fails.
    function test_ownerCannotChangeURI() public {
        bytes32 id = _register(ALICE, URI);
        vm.expectRevert(abi.encodeWithSelector(KernelRegistry.KernelAlreadyRegistered.selector, id));
        _register(ALICE, "https://evil.example/manifest.json");
        assertEq(keccak256(bytes(reg.getKernel(id).manifestURI)), keccak256(bytes(URI)), "URI changed");
    }
}
