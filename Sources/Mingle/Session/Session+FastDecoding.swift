import Foundation

/// The top-level values of a session document. Members and history, which
/// hold nearly all of a large document, are either JSON trees (the full path)
/// or already decoded (the fast path); the rest is always a tree.
struct SessionDocument {
    enum Part<Decoded> {
        case json(JSONValue)
        case decoded(Decoded)
    }

    static let keys = ["version", "program", "members", "participants", "history", "exclusions", "options", "date"]

    var version: JSONValue?
    var program: JSONValue?
    var members: Part<(members: [Member], ids: [String: Int])>?
    var participants: JSONValue?
    var history: Part<[PastSession]>?
    var exclusions: JSONValue?
    var options: JSONValue?
    /// The session's day (an extension of the spec).
    var date: JSONValue?
}

extension SessionReader {
    /// The fast path of `Session.decode`: members and history are read straight
    /// from the bytes into `Member` and `PastSession`, without a `JSONValue`
    /// tree (which costs about ten allocations per member); the small parts go
    /// through the usual reader. Returns the session and its issues, or nil when
    /// the document needs the full path: malformed JSON, or anything in members,
    /// history or the top-level keys that the full path reports (the full path
    /// then finds it with its JSON path; these parts never give warnings, so
    /// when the fast path succeeds the issues are exactly the full path's).
    ///
    /// - Complexity: O(size of the input); memory is the decoded session plus
    ///   the trees of the small parts.
    static func readFast(_ data: some Collection<UInt8>, progress: (@Sendable (Double) -> Void)? = nil) -> (session: Session, issues: [SessionIssue])? {
        let read = { (buffer: UnsafeBufferPointer<UInt8>) -> (Session, [SessionIssue])? in
            var scanner = SessionScanner(parser: JSONParser(bytes: buffer), progress: progress)
            guard let document = try? scanner.document() else { return nil }
            var reader = SessionReader()
            let session = reader.readSession(document)
            return (session, reader.issues)
        }
        if let result = data.withContiguousStorageIfAvailable(read) { return result }
        return ContiguousArray(data).withUnsafeBufferPointer(read)
    }
}

/// Reads a session document for `SessionReader.readFast`, throwing
/// `NeedsFullPath` at the first thing it does not accept.
private struct SessionScanner {
    struct NeedsFullPath: Error {}

    var parser: JSONParser
    /// Told the fraction of the text read, from any thread.
    let progress: (@Sendable (Double) -> Void)?

    private var bytes: UnsafeBufferPointer<UInt8> { parser.bytes }

    /// The next byte after whitespace, nil at the end.
    private mutating func peek() -> UInt8? {
        parser.skipWhitespace()
        return parser.index < bytes.count ? bytes[parser.index] : nil
    }

    private mutating func expect(_ byte: UInt8) throws(NeedsFullPath) {
        guard peek() == byte else { throw NeedsFullPath() }
        parser.index += 1
    }

    /// After an element: true when another follows (a comma), false at `close`.
    private mutating func more(_ close: UInt8) throws(NeedsFullPath) -> Bool {
        switch peek() {
        case UInt8(ascii: ","): parser.index += 1; return true
        case close: parser.index += 1; return false
        default: throw NeedsFullPath()
        }
    }

    /// Enters an object or array; false (and consumed) when it is empty.
    private mutating func open(_ open: UInt8, _ close: UInt8) throws(NeedsFullPath) -> Bool {
        try expect(open)
        if peek() == close {
            parser.index += 1
            return false
        }
        return true
    }

    private mutating func string() throws(NeedsFullPath) -> String {
        guard peek() == UInt8(ascii: "\"") else { throw NeedsFullPath() }
        do { return try parser.parseString() } catch { throw NeedsFullPath() }
    }

    private mutating func key() throws(NeedsFullPath) -> String {
        let key = try string()
        try expect(UInt8(ascii: ":"))
        return key
    }

    private mutating func value() throws(NeedsFullPath) -> JSONValue {
        _ = peek()
        do { return try parser.parseValue() } catch { throw NeedsFullPath() }
    }

    /// A member id: a non-empty string.
    private mutating func id() throws(NeedsFullPath) -> String {
        let id = try string()
        guard !id.isEmpty else { throw NeedsFullPath() }
        return id
    }

    mutating func document() throws(NeedsFullPath) -> SessionDocument {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { parser.index = 3 }
        var document = SessionDocument()
        var seen = Set<String>()
        var members: [Range<Int>]?, history: [Range<Int>]?
        if try open(UInt8(ascii: "{"), UInt8(ascii: "}")) {
            repeat {
                let key = try key()
                guard seen.insert(key).inserted else { throw NeedsFullPath() }
                switch key {
                case "version": document.version = try value()
                case "program": document.program = try value()
                case "members": members = try elements()
                case "participants": document.participants = try value()
                case "history": history = try elements()
                case "exclusions": document.exclusions = try value()
                case "options": document.options = try value()
                case "date": document.date = try value()
                default: throw NeedsFullPath()
                }
            } while try more(UInt8(ascii: "}"))
        }
        guard peek() == nil else { throw NeedsFullPath() }
        let parsed = try parse(members: members ?? [], history: history ?? [])
        if members != nil { document.members = .decoded(parsed.members) }
        if history != nil { document.history = .decoded(parsed.history) }
        return document
    }

    /// The elements of the array at the parser's position, as byte ranges (from
    /// the element's first byte to the comma or bracket after it), found by a
    /// scan that tracks only strings and nesting; the parser moves past the
    /// array. Each element's syntax is checked when it is parsed.
    ///
    /// - Complexity: O(length of the array's text).
    private mutating func elements() throws(NeedsFullPath) -> [Range<Int>] {
        guard try open(UInt8(ascii: "["), UInt8(ascii: "]")) else { return [] }
        var ranges: [Range<Int>] = []
        var i = parser.index, start = i, depth = 0
        let base = bytes.baseAddress!
        while i < bytes.count {
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "\""):
                // To the closing quote: the next quote not preceded by an odd run of backslashes.
                var end = i
                repeat {
                    guard let q = memchr(base + end + 1, Int32(UInt8(ascii: "\"")), bytes.count - end - 1) else { throw NeedsFullPath() }
                    end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(q))
                    var backslashes = 0
                    while bytes[end - 1 - backslashes] == UInt8(ascii: "\\") { backslashes += 1 }
                    if backslashes % 2 == 0 { break }
                } while true
                i = end
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 {
                    guard c == UInt8(ascii: "]") else { throw NeedsFullPath() }
                    ranges.append(start..<i)
                    parser.index = i + 1
                    return ranges
                }
                depth -= 1
            case UInt8(ascii: ",") where depth == 0:
                ranges.append(start..<i)
                start = i + 1
            default: break
            }
            i += 1
        }
        throw NeedsFullPath()
    }

    /// Members and past sessions from their elements' ranges, on all cores:
    /// members in chunks, past sessions one by one, largest work first.
    private func parse(members: [Range<Int>], history: [Range<Int>]) throws(NeedsFullPath)
        -> (members: (members: [Member], ids: [String: Int]), history: [PastSession]) {
        let chunk = max(4096, members.count / 16)
        let chunks = stride(from: 0, to: members.count, by: chunk).map { $0..<min(members.count, $0 + chunk) }
        enum Part { case members([Member]), past(PastSession), failed }
        let total = Double(max(1, bytes.count))
        let progress = ProgressShare(progress)
        let parts = Parallel.map(chunks.count + history.count) { t -> Part in
            var scanner = SessionScanner(parser: JSONParser(bytes: bytes), progress: nil)
            scanner.parser.depth = 3 // the document, the array, the element: the limit counts from the root
            do throws(NeedsFullPath) {
                if t < chunks.count {
                    var parsed: [Member] = []
                    parsed.reserveCapacity(chunks[t].count)
                    for e in chunks[t] { parsed.append(try scanner.element(members[e]) { s throws(NeedsFullPath) in try s.member() }) }
                    progress.add(Double(members[chunks[t].upperBound - 1].upperBound - members[chunks[t].lowerBound].lowerBound) / total)
                    return .members(parsed)
                }
                let range = history[t - chunks.count]
                let past = try scanner.element(range) { s throws(NeedsFullPath) in try s.pastSession() }
                progress.add(Double(range.count) / total)
                return .past(past)
            } catch {
                return .failed
            }
        }
        var all: [Member] = [], past: [PastSession] = []
        all.reserveCapacity(members.count)
        for part in parts {
            switch part {
            case .members(let chunk): all += chunk
            case .past(let session): past.append(session)
            case .failed: throw NeedsFullPath()
            }
        }
        var ids: [String: Int] = [:]
        ids.reserveCapacity(all.count)
        for (i, member) in all.enumerated() {
            guard ids.updateValue(i, forKey: member.id) == nil else { throw NeedsFullPath() } // the full path names the duplicate
        }
        return ((all, ids), past)
    }

    /// Parses the one value that must fill `range` (but for whitespace).
    private mutating func element<T>(_ range: Range<Int>, _ parse: (inout SessionScanner) throws(NeedsFullPath) -> T) throws(NeedsFullPath) -> T {
        parser.index = range.lowerBound
        let value = try parse(&self)
        parser.skipWhitespace()
        guard parser.index == range.upperBound else { throw NeedsFullPath() }
        return value
    }

    // MARK: - Members

    /// One member, as `SessionReader.readMember` reads it: other keys are
    /// ignored, a `null` name, category or extension is absent; a repeated key
    /// goes to the full path, whose parser names it.
    mutating func member() throws(NeedsFullPath) -> Member {
        var id: String?
        var member = Member(id: "")
        var seen: UInt16 = 0 // one bit per known key
        var others: [String] = [] // unknown keys, rare
        if try open(UInt8(ascii: "{"), UInt8(ascii: "}")) {
            repeat {
                let key = try key()
                let bit: UInt16
                switch key {
                case "id": bit = 1
                case "firstName": bit = 2
                case "lastName": bit = 4
                case "email": bit = 8
                case "status": bit = 16
                case "categories": bit = 32
                case "groups": bit = 64
                case "guest": bit = 128
                case "language": bit = 256
                case "pausedUntil": bit = 512
                case "invitedAt": bit = 1024
                case "remindedAt": bit = 2048
                default: bit = 0
                }
                guard seen & bit == 0 else { throw NeedsFullPath() }
                guard bit != 0 else {
                    guard !others.contains(key) else { throw NeedsFullPath() }
                    others.append(key)
                    _ = try value()
                    continue
                }
                seen |= bit
                switch bit {
                case 1: id = try self.id()
                case 2: member.firstName = try optionalString()
                case 4: member.lastName = try optionalString()
                case 8: member.email = try optionalString()
                case 16:
                    guard let status = MemberStatus(rawValue: try string()) else { throw NeedsFullPath() }
                    member.status = status
                case 32: member.categories = try categories()
                // Extensions, as `readMemberExtensions` reads them; a value of the
                // wrong type gets an issue on the full path.
                case 64:
                    switch try value() {
                    case .null: break
                    case .array(let elements):
                        member.groups = try elements.map { e throws(NeedsFullPath) -> String in
                            guard case .string(let s) = e, !s.isEmpty else { throw NeedsFullPath() }
                            return s
                        }
                    default: throw NeedsFullPath()
                    }
                case 128:
                    switch try value() {
                    case .null: break
                    case .bool(let b): member.guest = b
                    default: throw NeedsFullPath()
                    }
                case 256:
                    if let language = try optionalString(), !language.isEmpty { member.language = language }
                // Dates: `validate` checks their text on both paths.
                case 512: member.pausedUntil = try optionalString()
                case 1024: member.invitedAt = try optionalString()
                default: member.remindedAt = try optionalString()
                }
            } while try more(UInt8(ascii: "}"))
        }
        guard let id else { throw NeedsFullPath() }
        member.id = id
        return member
    }

    private mutating func optionalString() throws(NeedsFullPath) -> String? {
        if peek() == UInt8(ascii: "n") {
            guard case .null = try value() else { throw NeedsFullPath() }
            return nil
        }
        return try string()
    }

    /// A categories object; a repeated category goes to the full path.
    private mutating func categories() throws(NeedsFullPath) -> [String: CategoryValue] {
        var categories: [String: CategoryValue] = [:]
        var nulls: [String] = []
        guard try open(UInt8(ascii: "{"), UInt8(ascii: "}")) else { return categories }
        repeat {
            let key = try key()
            guard categories[key] == nil, !nulls.contains(key) else { throw NeedsFullPath() }
            switch peek() {
            case UInt8(ascii: "\""):
                categories[key] = .string(try string())
            case UInt8(ascii: "["):
                var strings: [String] = []
                if try open(UInt8(ascii: "["), UInt8(ascii: "]")) {
                    repeat { strings.append(try string()) } while try more(UInt8(ascii: "]"))
                }
                categories[key] = .strings(strings)
            default:
                switch try value() {
                case .number(let n): categories[key] = .number(n.double)
                case .bool(let b): categories[key] = .bool(b)
                case .null: nulls.append(key)
                default: throw NeedsFullPath()
                }
            }
        } while try more(UInt8(ascii: "}"))
        return categories
    }

    // MARK: - History

    /// A past session: the keys `date` (valid ISO-8601), `groups` and
    /// `unmatched` (ids in no group: one in a group gets a warning on the full path).
    mutating func pastSession() throws(NeedsFullPath) -> PastSession {
        var session = PastSession(groups: [])
        var sawDate = false, sawGroups = false, sawUnmatched = false
        if try open(UInt8(ascii: "{"), UInt8(ascii: "}")) {
            repeat {
                switch try key() {
                case "date" where !sawDate:
                    sawDate = true
                    let date = try string()
                    guard ISODate.sortKey(date) != nil else { throw NeedsFullPath() }
                    session.date = date
                case "groups" where !sawGroups:
                    sawGroups = true
                    if try open(UInt8(ascii: "["), UInt8(ascii: "]")) {
                        repeat {
                            var group: [String] = []
                            if try open(UInt8(ascii: "["), UInt8(ascii: "]")) {
                                repeat { group.append(try id()) } while try more(UInt8(ascii: "]"))
                            }
                            session.groups.append(group)
                        } while try more(UInt8(ascii: "]"))
                    }
                case "unmatched" where !sawUnmatched:
                    sawUnmatched = true
                    if try open(UInt8(ascii: "["), UInt8(ascii: "]")) {
                        repeat { session.unmatched.append(try id()) } while try more(UInt8(ascii: "]"))
                    }
                default:
                    throw NeedsFullPath()
                }
            } while try more(UInt8(ascii: "}"))
        }
        guard sawGroups else { throw NeedsFullPath() }
        if !session.unmatched.isEmpty {
            let grouped = Set(session.groups.joined())
            guard !session.unmatched.contains(where: grouped.contains) else { throw NeedsFullPath() }
        }
        return session
    }
}

/// Sums the shares of the text read by parallel tasks and reports the total.
private final class ProgressShare: @unchecked Sendable {
    private let report: (@Sendable (Double) -> Void)?
    private let lock = NSLock()
    private var done = 0.0

    init(_ report: (@Sendable (Double) -> Void)?) {
        self.report = report
    }

    func add(_ share: Double) {
        guard let report else { return }
        lock.lock()
        done += share
        let total = done
        lock.unlock()
        report(min(1, total))
    }
}
