import Foundation
import SlipstreamCore
import SlipstreamTestSupport
import Testing

@Suite struct UCRTests {
    @Test func v3BaseHashesLikeSlipcore() {
        #expect(UCR.v3.count == 45)
        #expect(UCR.v3.contentHash() == "357cdafecd65be46")
        #expect(UCR.v3.authority.ucrHash == "357cdafecd65be46")
    }

    @Test func v1BaseHasTheFortySixAnchorsIncludingTheModelCards() {
        #expect(UCR.v1.count == 46)
        let modelCard = [
            "RequestTask", "RequestReview", "RequestHelp", "RequestPlan", "InformComplete", "InformProgress",
            "InformBlocked", "InformStatus", "ProposePlan", "ProposeChange", "ProposeAlternative", "EvalApprove",
            "EvalReject", "EvalNeedsWork", "Accept", "Reject", "MetaAck", "MetaHandoff", "Fallback",
        ]
        for name in modelCard { #expect(UCR.v1.anchor(mnemonic: name) != nil, "\(name)") }
    }

    @Test(arguments: ["reference/ucr-v1.json", "reference/ucr-v3.json"])
    func builtInCodebookMatchesTheReferenceFile(_ file: String) throws {
        let loaded = try UCR.load(contentsOf: SharedData.url(file).path)
        let builtIn = file.contains("v1") ? UCR.v1 : UCR.v3
        #expect(loaded.anchors == builtIn.anchors)
        #expect(loaded.format == builtIn.format)
    }

    @Test(arguments: ["reference/ucr-v1.json", "reference/ucr-v3.json"])
    func savesTheReferenceFileByteForByte(_ file: String) throws {
        let text = try String(contentsOf: SharedData.url(file), encoding: .utf8)
        let loaded = try UCR.load(contentsOf: SharedData.url(file).path)
        #expect(loaded.jsonText() == text)
    }

    @Test func nearestUsesManhattanDistanceAndTheLowerIndexOnTies() throws {
        // ProposePlan (0x40) and ProposeAlternative (0x42) share (4,5,1,4).
        #expect(try UCR.v3.nearest(to: Coordinates(4, 5, 1, 4)).index == 0x40)
        #expect(try UCR.v3.nearest(to: Coordinates(3, 4, 3, 3)).mnemonic == "RequestReview")
        // ErrorGeneric, ErrorTimeout, ErrorResource share (1,1,6,5): lowest index wins.
        #expect(try UCR.v1.nearest(to: Coordinates(1, 1, 6, 5)).mnemonic == "ErrorGeneric")
    }

    @Test func coreAnchorsAreImmutableAtRuntime() {
        var ucr = UCR.v3
        let core = UCRAnchor(index: 0x0100, force: .observe, object: "Disk", canonical: "x", coords: Coordinates(0, 0, 0, 0))
        #expect(throws: UCRError.self) { try ucr.addExtension(core) }
        #expect(throws: UCRError.self) { try ucr.transition(index: 0x0001, to: .deprecated) }
    }

    @Test func extensionsGetTheNextIndexAndMoveThroughTheirLifecycle() throws {
        var ucr = UCR.v3
        let first = try ucr.proposeExtension(force: .observe, object: "Disk", canonical: "Disk pressure", coords: Coordinates(0, 3, 5, 5))
        let second = try ucr.proposeExtension(force: .observe, object: "Queue", canonical: "Queue depth", coords: Coordinates(0, 4, 5, 4))
        #expect(first.index == 0x8000 && second.index == 0x8001)
        #expect(first.state == .draft && !first.isCore)
        try ucr.transition(index: 0x8000, to: .proposed)
        try ucr.transition(index: 0x8000, to: .approved)
        try ucr.transition(index: 0x8000, to: .active)
        #expect(throws: UCRError.self) { try ucr.transition(index: 0x8001, to: .active) }
        try ucr.transition(index: 0x8001, to: .deprecated, replacedBy: 0x8000)
        #expect(ucr.anchor(index: 0x8001)?.replacedBy == 0x8000)
        #expect(ucr.contentHash() != UCR.v3.contentHash())
        #expect(throws: UCRError.self) {
            try ucr.proposeExtension(force: .observe, object: "Disk", canonical: "dup", coords: Coordinates(0, 0, 0, 0))
        }
    }

    @Test func savedExtendedCodebookLoadsBackIdentically() throws {
        var ucr = UCR.v3
        try ucr.proposeExtension(
            force: .ask, object: "Budget", canonical: "Ask about budget", coords: Coordinates(2, 4, 5, 3), createdBy: "alice")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ucr-\(UUID()).json").path
        try ucr.save(to: path)
        let loaded = try UCR.load(contentsOf: path)
        #expect(loaded.anchors == ucr.anchors)
        #expect(loaded.authority.ucrHash == ucr.contentHash())
        #expect(loaded.jsonText() == ucr.jsonText())
    }

    @Test func malformedFilesGiveErrorsThatSayWhere() {
        #expect {
            _ = try UCR.decode(
                Data(
                    #"{"authority": {"authority_id": "x", "ucr_version": "1"}, "anchors": [{"index": 1, "force": "Yell", "obj": "X", "canonical": "", "coords": [0,0,0,0]}]}"#
                        .utf8))
        } throws: { error in
            (error as? UCRError)?.message.contains("anchors[0]") == true
        }
        #expect(throws: UCRError.self) { _ = try UCR.decode(Data("not json".utf8)) }
    }
}
