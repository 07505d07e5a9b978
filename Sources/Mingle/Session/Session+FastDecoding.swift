/// The top-level values of a session document. Members and history, which
/// hold nearly all of a large document, are either JSON trees (the full path)
/// or already decoded (the fast path); the rest is always a tree.
struct SessionDocument {
    enum Part<Decoded> {
        case json(JSONValue)
        case decoded(Decoded)
    }

    static let keys = ["version", "program", "members", "participants", "history", "exclusions", "options"]

    var version: JSONValue?
    var program: JSONValue?
    var members: Part<(members: [Member], ids: [String: Int])>?
    var participants: JSONValue?
    var history: Part<[PastSession]>?
    var exclusions: JSONValue?
    var options: JSONValue?
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
    static func readFast(_ data: some Collection<UInt8>, progress: ((Double) -> Void)? = nil) -> (session: Session, issues: [SessionIssue])? {
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
    /// Told the fraction of the text read, every few thousand members or past groups.
    let progress: ((Double) -> Void)?

    private var bytes: UnsafeBufferPointer<UInt8> { parser.bytes }

    private func report() {
        progress?(Double(parser.index) / Double(max(1, bytes.count)))
    }

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
        if try open(UInt8(ascii: "{"), UInt8(ascii: "}")) {
            repeat {
                let key = try key()
                guard seen.insert(key).inserted else { throw NeedsFullPath() }
                switch key {
                case "version": document.version = try value()
                case "program": document.program = try value()
                case "members": document.members = .decoded(try members())
                case "participants": document.participants = try value()
                case "history": document.history = .decoded(try history())
                case "exclusions": document.exclusions = try value()
                case "options": document.options = try value()
                default: throw NeedsFullPath()
                }
            } while try more(UInt8(ascii: "}"))
        }
        guard peek() == nil else { throw NeedsFullPath() }
        return document
    }

    // MARK: - Members

    /// The members, with the index of each id; duplicates go to the full path.
    mutating func members() throws(NeedsFullPath) -> (members: [Member], ids: [String: Int]) {
        var members: [Member] = []
        var ids: [String: Int] = [:]
        guard try open(UInt8(ascii: "["), UInt8(ascii: "]")) else { return (members, ids) }
        repeat {
            let member = try member()
            guard ids.updateValue(members.count, forKey: member.id) == nil else { throw NeedsFullPath() }
            members.append(member)
            if members.count & 4095 == 0 { report() }
        } while try more(UInt8(ascii: "]"))
        return (members, ids)
    }

    /// One member, as `SessionReader.readMember` reads it: the first occurrence
    /// of a key counts, other keys are ignored, a `null` name, category or
    /// extension is absent.
    mutating func member() throws(NeedsFullPath) -> Member {
        var id: String?
        var member = Member(id: "")
        var seen: UInt16 = 0 // one bit per known key
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
                default: bit = 0
                }
                guard bit != 0, seen & bit == 0 else {
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
                default:
                    if let language = try optionalString(), !language.isEmpty { member.language = language }
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

    /// A categories object; a repeated category keeps its last non-null value,
    /// as the full path's dictionary does.
    private mutating func categories() throws(NeedsFullPath) -> [String: CategoryValue] {
        var categories: [String: CategoryValue] = [:]
        guard try open(UInt8(ascii: "{"), UInt8(ascii: "}")) else { return categories }
        repeat {
            let key = try key()
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
                case .null: break
                default: throw NeedsFullPath()
                }
            }
        } while try more(UInt8(ascii: "}"))
        return categories
    }

    // MARK: - History

    mutating func history() throws(NeedsFullPath) -> [PastSession] {
        var history: [PastSession] = []
        guard try open(UInt8(ascii: "["), UInt8(ascii: "]")) else { return history }
        repeat { history.append(try pastSession()) } while try more(UInt8(ascii: "]"))
        return history
    }

    /// A past session: exactly the keys `date` (valid ISO-8601) and `groups`.
    private mutating func pastSession() throws(NeedsFullPath) -> PastSession {
        var session = PastSession(groups: [])
        var sawDate = false, sawGroups = false
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
                            if session.groups.count & 4095 == 0 { report() }
                        } while try more(UInt8(ascii: "]"))
                    }
                default:
                    throw NeedsFullPath()
                }
            } while try more(UInt8(ascii: "}"))
        }
        guard sawGroups else { throw NeedsFullPath() }
        return session
    }
}
