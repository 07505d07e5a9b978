import Testing
@testable import Mingle

@Suite("Rule set files (a program on its own)")
struct ProgramDecodingTests {
    @Test func readsAProgram() throws {
        let (program, warnings) = try Program.decode(Array("""
        {"groupSize": 3, "rules": [{"category": "city", "kind": "same", "required": true, "weight": 2}],
         "repeats": {"halfLife": null}, "fairness": {"lookback": 2}}
        """.utf8))
        #expect(program.groupSize == 3 && program.rules.count == 1 && program.repeats.halfLife == nil)
        #expect(program.fairness == FairnessPolicy(lookback: 2))
        #expect(warnings.map(\.path) == ["$.rules[0].weight"])
    }

    @Test func errorsNameTheFileAndPath() {
        let members = try! decodeSession(#"{"members": [{"id": "a", "categories": {"level": "high"}}]}"#)
        do {
            _ = try Program.decode(Array(#"{"rules": [{"category": "c", "kind": "sam"}, {"category": "level", "kind": "within"}], "groupsize": 2}"#.utf8),
                                   file: "b.json", for: members)
            Issue.record("accepted an invalid rule set")
        } catch {
            let text = error.description
            #expect(text.contains("b.json: $.rules[0].kind: kind must be one of"))
            #expect(text.contains("b.json: $.groupsize: unknown key"))
            #expect(text.contains("b.json: $.rules[1]: a \"within\" rule needs numbers"))
        }
    }
}
