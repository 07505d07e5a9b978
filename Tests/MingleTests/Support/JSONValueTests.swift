import Testing
@testable import Mingle

@Suite("JSON parsing and writing")
struct JSONValueTests {
    @Test func parsesAllKinds() throws {
        let v = try JSONValue.parse(#"{"a": [1, -2.5e1, true, false, null, "x\n\u00e9\ud83d\ude00"], "b": {}}"#)
        guard case .array(let a)? = v["a"] else { Issue.record("no array"); return }
        #expect(a[0] == .number(JSONNumber(double: 1, integer: 1)))
        #expect(a[1] == .number(JSONNumber(double: -25, integer: nil)))
        #expect(a[2] == .bool(true) && a[3] == .bool(false) && a[4] == .null)
        #expect(a[5] == .string("x\né😀"))
        #expect(v["b"] == .object([]))
    }

    @Test func skipsByteOrderMark() throws {
        #expect(try JSONValue.parse([0xEF, 0xBB, 0xBF] + Array("[]".utf8)) == .array([]))
    }

    @Test(arguments: [
        ("", 1, 1), ("[1,]", 1, 4), ("{\"a\" 1}", 1, 6), ("[01]", 1, 3), ("\"abc", 1, 1), ("[1]\n x", 2, 2), ("tru", 1, 1),
    ])
    func reportsPosition(text: String, line: Int, column: Int) {
        do {
            _ = try JSONValue.parse(text)
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.line == line && error.column == column, "\(error)")
        }
    }

    @Test func writerRoundTrips() throws {
        let value = try JSONValue.parse(#"{"k": ["a\"b", 1, 2.5, {"x": null}], "e": [], "o": {}}"#)
        for indent in [0, 2] {
            var w = JSONWriter(indent: indent)
            w.value(value)
            #expect(try JSONValue.parse(w.bytes) == value)
        }
    }
}
