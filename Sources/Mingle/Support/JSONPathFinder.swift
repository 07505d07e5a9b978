/// The JSON path of the value at a byte offset, for the message of a syntax
/// error (which the parser finds without keeping a path: it costs nothing
/// until something is wrong).
enum JSONPathFinder {
    private enum Frame {
        case object(key: String?)
        case array(index: Int)
    }

    /// The path of the innermost value that contains `offset`, as far as the
    /// text up to there tells (`$.members[3].categories.city`); a key not yet
    /// followed by its value is left out.
    ///
    /// - Complexity: O(offset).
    static func path(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> JSONPath {
        var stack: [Frame] = []
        var i = 0
        let end = min(offset, bytes.count)
        var awaitingKey = false
        while i < end {
            switch bytes[i] {
            case UInt8(ascii: "\""):
                let start = i + 1
                i += 1
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "\\") { i += 1 }
                    i += 1
                }
                if awaitingKey, case .object = stack.last, i <= bytes.count {
                    let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(i, bytes.count)]), as: UTF8.self)
                    stack[stack.count - 1] = .object(key: key)
                    awaitingKey = false
                }
            case UInt8(ascii: "{"):
                stack.append(.object(key: nil))
                awaitingKey = true
            case UInt8(ascii: "["):
                stack.append(.array(index: 0))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !stack.isEmpty { stack.removeLast() }
                awaitingKey = false
            case UInt8(ascii: ","):
                switch stack.last {
                case .array(let n)?: stack[stack.count - 1] = .array(index: n + 1)
                case .object?:
                    stack[stack.count - 1] = .object(key: nil)
                    awaitingKey = true
                case nil: break
                }
            default: break
            }
            i += 1
        }
        var path = JSONPath.root
        for frame in stack {
            switch frame {
            case .object(let key?): path = path.key(key)
            case .object(nil): return path
            case .array(let n): path = path.index(n)
            }
        }
        return path
    }
}
