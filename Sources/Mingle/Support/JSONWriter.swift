/// Writes JSON text into a byte buffer, keys in the order the caller gives them,
/// so output is byte-for-byte deterministic.
///
/// - Complexity: O(size of the output).
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = []
    private let indentUnit: Int
    private var pendingKey = false

    /// - Parameter indent: spaces per nesting level; 0 writes one line.
    public init(indent: Int = 2) {
        self.indentUnit = indent
        bytes.reserveCapacity(1 << 12)
    }

    private mutating func newline() {
        guard indentUnit > 0 else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: indentUnit * needsComma.count))
    }

    private mutating func beforeValue() {
        if pendingKey {
            pendingKey = false
            return
        }
        if let last = needsComma.last {
            if last { bytes.append(UInt8(ascii: ",")) }
            needsComma[needsComma.count - 1] = true
            newline()
        }
    }

    public mutating func beginObject() {
        beforeValue()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    public mutating func endObject() {
        let hadMembers = needsComma.removeLast()
        if hadMembers { newline() }
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        beforeValue()
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    public mutating func endArray() {
        let hadElements = needsComma.removeLast()
        if hadElements { newline() }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes an object key; the next value written is its value.
    public mutating func key(_ name: String) {
        beforeValue()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        if indentUnit > 0 { bytes.append(0x20) }
        pendingKey = true
    }

    public mutating func string(_ value: String) {
        beforeValue()
        appendQuoted(value)
    }

    public mutating func number(_ value: Double) {
        beforeValue()
        bytes.append(contentsOf: Array(JSONWriter.format(value).utf8))
    }

    public mutating func integer(_ value: Int) {
        beforeValue()
        bytes.append(contentsOf: Array(String(value).utf8))
    }

    public mutating func bool(_ value: Bool) {
        beforeValue()
        bytes.append(contentsOf: Array((value ? "true" : "false").utf8))
    }

    public mutating func null() {
        beforeValue()
        bytes.append(contentsOf: Array("null".utf8))
    }

    /// Writes an array of strings on one line (group members read better so).
    public mutating func inlineStrings(_ values: [String]) {
        beforeValue()
        bytes.append(UInt8(ascii: "["))
        for (i, v) in values.enumerated() {
            if i > 0 { bytes.append(contentsOf: indentUnit > 0 ? [0x2C, 0x20] : [0x2C]) }
            appendQuoted(v)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes any `JSONValue`.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let b): bool(b)
        case .number(let n):
            if let i = n.integer {
                integer(Int(i))
            } else if let u = n.unsigned {
                beforeValue() // an integer above Int64.max, such as a seed: exact
                bytes.append(contentsOf: String(u).utf8)
            } else {
                number(n.double)
            }
        case .string(let s): string(s)
        case .array(let elements):
            beginArray()
            for element in elements { self.value(element) }
            endArray()
        case .object(let members):
            beginObject()
            for member in members {
                key(member.key)
                self.value(member.value)
            }
            endObject()
        }
    }

    /// The shortest text that reads back as the same `Double`; non-finite values
    /// (which no valid score produces) are written as 0 to keep the JSON valid.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == 0 { return "0.0" }
        return value.description
    }

    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                bytes.append(contentsOf: Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8))
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
