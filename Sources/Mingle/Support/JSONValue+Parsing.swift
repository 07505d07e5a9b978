/// A JSON syntax error, with the line and column (both 1-based) where it was
/// found, its byte offset (0-based) and the JSON path of the value it is in.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    /// Offset of the offending byte from the start of the text.
    public var offset: Int = 0
    /// JSONPath of the value being read (`$.members[3].id`), `$` at the top.
    public var path: String = "$"

    /// The one wording of a JSON text that does not parse, for every file Mingle reads.
    public var description: String {
        "malformed JSON at line \(line), column \(column) (byte \(offset)): \(message)"
    }
}

extension JSONValue {
    /// Parses a JSON text (RFC 8259) into a `JSONValue`.
    ///
    /// A byte-level recursive-descent parser: it reports the line and column of the
    /// first syntax error, which Foundation's parser does not.
    ///
    /// - Complexity: O(n) in the length of the text; nesting depth is limited to 512.
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        let array = ContiguousArray(bytes)
        return try array.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> JSONValue in
            var parser = JSONParser(bytes: buffer)
            return try parser.parseDocument()
        }
    }

    /// Parses a JSON text given as a string.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }
}

/// The one JSON reader of Mingle: it builds the `JSONValue` tree of small
/// documents (`JSONValue.parse`), and `SessionScanner` drives its `object` and
/// `array` walkers to read members and history straight into typed values.
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        // A UTF-8 byte-order mark is tolerated: spreadsheet tools write one.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count { throw error("unexpected text after the JSON value") }
        return value
    }

    func error(_ message: String, at position: Int? = nil) -> JSONSyntaxError {
        let end = min(position ?? index, bytes.count)
        var line = 1
        var lineStart = 0
        var i = 0
        while i < end {
            if bytes[i] == UInt8(ascii: "\n") {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return JSONSyntaxError(line: line, column: end - lineStart + 1, message: message, offset: end,
                               path: JSONPathFinder.path(at: end, in: bytes).description)
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected character '\(printable(bytes[index]))', expected a value")
        }
    }

    func printable(_ byte: UInt8) -> String {
        (0x20..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : "\\u{\(String(byte, radix: 16))}"
    }

    mutating func expectWord(_ word: StaticString) throws(JSONSyntaxError) {
        let start = index
        let count = word.utf8CodeUnitCount
        let ok = word.withUTF8Buffer { w -> Bool in
            guard bytes.count - index >= count else { return false }
            for k in 0..<count where bytes[index + k] != w[k] { return false }
            return true
        }
        guard ok else { throw error("invalid literal, expected '\(word)'", at: start) }
        index += count
    }

    mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > 512 { throw error("nesting deeper than 512 levels") }
    }

    /// Reads the object at the parser's position (at its `{`): for each key,
    /// `isDuplicate` is asked first (it records the key), then `body` is called
    /// with the parser at the key's value and must read the value. The one place
    /// where object syntax is read: the tree and the typed session reader both
    /// come here.
    ///
    /// - Complexity: O(length of the object's text) plus what the closures cost.
    @inline(__always)
    mutating func object(isDuplicate: (String) -> Bool,
                         _ body: (inout JSONParser, _ key: String) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        try object(key: { (p: inout JSONParser) throws(JSONSyntaxError) in try p.parseString() }, isDuplicate: isDuplicate, body)
    }

    /// `object(isDuplicate:_:)` with keys read by `readKey` (called at the
    /// key's opening quote, it must read the string): a typed reader matches
    /// the keys it knows against their bytes (`string(in:)`) instead of making
    /// and comparing strings, millions of times in a large session.
    @inline(__always)
    mutating func object<Key>(key readKey: (inout JSONParser) throws(JSONSyntaxError) -> Key, isDuplicate: (Key) -> Bool,
                              _ body: (inout JSONParser, _ key: Key) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        try enter()
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("expected a string key in the object")
            }
            let keyStart = index
            let key = try readKey(&self)
            if isDuplicate(key) { throw duplicateKey(at: keyStart) }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                var name = self
                name.index = keyStart
                throw error("expected ':' after the key \"\((try? name.parseString()) ?? "")\"")
            }
            index += 1
            skipWhitespace()
            try body(&self, key)
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input inside an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return
            }
            throw error("expected ',' or '}' in the object")
        }
    }

    /// The error of a key given twice in an object, with the key's path (the
    /// key at `keyStart` was read once, so it reads again).
    private func duplicateKey(at keyStart: Int) -> JSONSyntaxError {
        var name = self
        name.index = keyStart
        let key = (try? name.parseString()) ?? ""
        var duplicate = error("duplicate key \"\(key)\"; each key may appear once in an object", at: keyStart)
        duplicate.path = JSONPathFinder.path(at: keyStart, in: bytes).key(key).description
        return duplicate
    }

    /// Reads the string at the parser's position (its opening quote), a key
    /// or a value from a fixed list: one of `keys` when it spells one of them
    /// (compared byte by byte when the string has no escape, as nearly every
    /// one), else its text.
    @inline(__always)
    mutating func string<Known>(in keys: JSONKeys<Known>) throws(JSONSyntaxError) -> JSONKey<Known> {
        var end = index + 1
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                let text = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end])
                if let known = keys.match(text) {
                    index = end + 1
                    return known
                }
                break
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
            end += 1
        }
        let text = try parseString()
        return keys.match(text) ?? .other(text)
    }

    /// Reads the array at the parser's position (at its `[`), calling `body`
    /// with the parser at each element and its index; `body` must read the
    /// element. The one place where array syntax is read.
    ///
    /// - Complexity: O(length of the array's text) plus what `body` costs.
    @inline(__always)
    mutating func array(_ body: (inout JSONParser, _ index: Int) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        try enter()
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return
        }
        var i = 0
        while true {
            skipWhitespace()
            try body(&self, i)
            i += 1
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input inside an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return
            }
            throw error("expected ',' or ']' in the array")
        }
    }

    mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        var members: [JSONMember] = []
        // Objects are small: a linear look for the key costs less than a set.
        try object(isDuplicate: { key in members.contains { $0.key == key } }) { (p: inout JSONParser, key: String) throws(JSONSyntaxError) in
            members.append(JSONMember(key: key, value: try p.parseValue()))
        }
        return .object(members)
    }

    mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        var elements: [JSONValue] = []
        try array { (p: inout JSONParser, _: Int) throws(JSONSyntaxError) in elements.append(try p.parseValue()) }
        return .array(elements)
    }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = index
        index += 1
        let contentStart = index
        // Fast path: no escapes; ASCII needs no UTF-8 check.
        var high: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[contentStart..<index])
                if high & 0x80 != 0 { try checkUTF8(contentStart..<index) }
                index += 1
                return String(decoding: slice, as: UTF8.self)
            }
            high |= byte
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("control character in a string; escape it") }
            index += 1
        }
        var scratch = Array(bytes[contentStart..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                try checkUTF8(contentStart..<index)
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { break }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""): scratch.append(0x22)
                case UInt8(ascii: "\\"): scratch.append(0x5C)
                case UInt8(ascii: "/"): scratch.append(0x2F)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                              bytes[index + 1] == UInt8(ascii: "u") else {
                            throw error("unpaired surrogate in \\u escape")
                        }
                        index += 2
                        let low = try parseHex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw error("invalid low surrogate in \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
                    scratch.append(contentsOf: Array(String(Character(unicode)).utf8))
                default:
                    throw error("invalid escape '\\\(printable(escaped))' in a string", at: index - 2)
                }
            default:
                if byte < 0x20 { throw error("control character in a string; escape it") }
                scratch.append(byte)
                index += 1
            }
        }
        throw error("unterminated string", at: start)
    }

    /// Throws at the first byte of `range` that is not well-formed UTF-8
    /// (RFC 8259 section 8.1): an id read as U+FFFD would match no member, and
    /// two different bad ids would look equal.
    func checkUTF8(_ range: Range<Int>) throws(JSONSyntaxError) {
        var i = range.lowerBound
        while i < range.upperBound {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            let length: Int, low: UInt8, high: UInt8 // allowed range of the second byte
            switch lead {
            case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
            case 0xED: (length, low, high) = (3, 0x80, 0x9F)
            case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
            case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
            default: throw invalidUTF8(at: i)
            }
            guard i + length <= range.upperBound, (low...high).contains(bytes[i + 1]) else { throw invalidUTF8(at: i) }
            for k in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[i + k]) { throw invalidUTF8(at: i) }
            i += length
        }
    }

    private func invalidUTF8(at offset: Int) -> JSONSyntaxError {
        error("invalid UTF-8 at byte \(offset) (0x\(String(bytes[offset], radix: 16, uppercase: true))); save the file as UTF-8", at: offset)
    }

    mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard bytes.count - index >= 4 else { throw error("incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number", at: start) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number: digits expected after '.'", at: start) }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number: digits expected in the exponent", at: start) }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let double = Double(text) else { throw error("invalid number", at: start) }
        guard double.isFinite else { throw error("number \(text) is out of range (beyond ±1.8e308)", at: start) }
        let integer = isInteger ? Int64(text) : nil
        return JSONNumber(double: double, integer: integer, unsigned: isInteger && integer == nil ? UInt64(text) : nil)
    }

    @inline(__always) func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}

/// A string read by `JSONParser.string(in:)`: one the reader knows, with its bit
/// (to find it given twice without a set), or another key's text.
enum JSONKey<Known> {
    case known(Known, bit: UInt32)
    case other(String)
}

extension JSONKeys: Sendable where Known: Sendable {}

/// The keys a typed reader knows (at most 32), matched against a key's bytes.
struct JSONKeys<Known: CaseIterable & RawRepresentable> where Known.RawValue == String {
    private let known: [(key: Known, utf8: [UInt8])]

    init() {
        known = Known.allCases.map { ($0, Array($0.rawValue.utf8)) }
        precondition(known.count <= 32, "a key table holds at most 32 keys")
    }

    /// The known key spelled by `bytes`, nil for another.
    @inline(__always)
    func match(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONKey<Known>? {
        candidates: for (i, entry) in known.enumerated() where entry.utf8.count == bytes.count {
            for k in 0..<bytes.count where entry.utf8[k] != bytes[k] { continue candidates }
            return .known(entry.key, bit: 1 << UInt32(i))
        }
        return nil
    }

    /// The known key `text` names (a key written with escapes), nil for another.
    func match(_ text: String) -> JSONKey<Known>? {
        known.firstIndex { $0.key.rawValue == text }.map { .known(known[$0].key, bit: 1 << UInt32($0)) }
    }
}
