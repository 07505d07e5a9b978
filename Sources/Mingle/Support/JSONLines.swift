/// JSON Lines (one document per line), as `mingle solve --batch` and the
/// service's `/v1/batch` read them.
public enum JSONLines {
    /// The non-blank lines, numbered from 1, without their line ending.
    ///
    /// - Complexity: O(bytes).
    public static func lines(_ bytes: [UInt8]) -> [(number: Int, bytes: Range<Int>)] {
        var lines: [(number: Int, bytes: Range<Int>)] = []
        var start = 0, number = 1
        func close(_ end: Int) {
            var last = end
            if last > start && bytes[last - 1] == 0x0D { last -= 1 }
            if bytes[start..<last].contains(where: { $0 != 0x20 && $0 != 0x09 }) { lines.append((number, start..<last)) }
        }
        for (i, byte) in bytes.enumerated() where byte == 0x0A {
            close(i)
            start = i + 1
            number += 1
        }
        if start < bytes.count { close(bytes.count) }
        return lines
    }
}

extension JSONWriter {
    /// `{"line": N, "error": message, "issues": [{"path", "message"}]}` on one
    /// line with a newline (`line` only when given): the shape of every error
    /// Mingle writes as JSON.
    public static func errorLine(_ message: String, issues: [(path: String, message: String)], line: Int? = nil) -> [UInt8] {
        var w = JSONWriter(indent: 0)
        w.beginObject()
        if let line { w.key("line"); w.integer(line) }
        w.key("error"); w.string(message)
        w.key("issues"); w.beginArray()
        for issue in issues {
            w.beginObject()
            w.key("path"); w.string(issue.path)
            w.key("message"); w.string(issue.message)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes + [0x0A]
    }
}

extension SessionError {
    /// The error as `JSONWriter.errorLine` writes it, with "invalid session":
    /// what a batch writes for a bad line, and the service's 400 body.
    public func jsonLine(line: Int? = nil) -> [UInt8] {
        JSONWriter.errorLine("invalid session", issues: issues.map { ($0.path, $0.message) }, line: line)
    }
}
