import Foundation
import Synchronization

/// A session document as the scanner read it: members and history already
/// typed (with their issues), the small parts as JSON trees built by the same
/// parser, which `SessionReader` then reads.
struct SessionDocument {
    static let keys = ["version", "program", "members", "participants", "history", "exclusions", "options", "date"]

    /// Issues of the document itself: not an object, unknown keys.
    var issues: [SessionIssue] = []
    /// False when the document is not an object (then nothing else is read).
    var isObject = true
    /// What the document is ("an object", "an array"...), for a message.
    var typeName = "an object"
    /// Every key of the document, in document order.
    var keys: [String] = []
    var version: JSONValue?
    var program: JSONValue?
    var members: ScannedMembers?
    var participants: JSONValue?
    var history: ScannedHistory?
    var exclusions: JSONValue?
    var options: JSONValue?
    /// The session's day (an extension of the format).
    var date: JSONValue?

    /// Takes the value of `key` (one of `keys` but `version` and `history`)
    /// from `other`, as a session assembled from parts does.
    mutating func take(_ key: String, from other: SessionDocument) {
        switch key {
        case "program": program = other.program
        case "members": members = other.members
        case "participants": participants = other.participants
        case "exclusions": exclusions = other.exclusions
        case "options": options = other.options
        case "date": date = other.date
        default: break
        }
    }
}

/// `members` as read: the members whose id is valid and unique, their index,
/// the issues in document order, and members' extension fields of the wrong
/// type (error or warning depends on the program's audience, read later).
struct ScannedMembers {
    var members: [Member] = []
    var ids: [String: Int] = [:]
    var issues: [SessionIssue] = []
    /// The element of `members` each issue is about, while chunks are read.
    var issueElements: [Int] = []
    /// The element of `members` each member came from (for "first at").
    var elementOfMember: [Int] = []
    var extensions: [ExtensionProblem] = []
    /// The number of categories of the last member read: room for as many is
    /// made in the next one's dictionary (members have about the same
    /// categories), which then grows once instead of three times.
    var lastCategoryCount = 0

    mutating func add(_ issue: SessionIssue, element: Int) {
        issues.append(issue)
        issueElements.append(element)
    }
}

/// A member's `groups`, `guest`, `language` or date field of the wrong type.
struct ExtensionProblem {
    enum Field: String { case groups, guest, language, pausedUntil, invitedAt, remindedAt }
    var element: Int
    var field: Field
    var typeName: String
}

/// `history` as read: the past sessions that are objects, and the issues.
struct ScannedHistory {
    var sessions: [PastSession] = []
    var issues: [SessionIssue] = []
}

extension SessionReader {
    /// Reads a session from its bytes: the one reader of session documents
    /// (whole files, parts, history files, batch lines, the service's bodies).
    /// Members and history are read straight from the bytes into `Member` and
    /// `PastSession` on all cores, without a `JSONValue` tree (about ten
    /// allocations per member), and every problem is recorded with its JSON
    /// path; the small parts are JSON trees from the same parser. The first
    /// syntax error in document order is the only issue of a text that is not
    /// JSON.
    ///
    /// - Returns: the session (nil when the document is not a JSON object) and
    ///   every issue, errors and warnings, in document order.
    /// - Complexity: O(size of the input); memory is the decoded session plus
    ///   the trees of the small parts.
    static func read(_ data: some Collection<UInt8>, progress: (@Sendable (Double) -> Void)? = nil,
                     validate: Bool = true) -> (session: Session?, issues: [SessionIssue]) {
        let read = { (buffer: UnsafeBufferPointer<UInt8>) -> (session: Session?, issues: [SessionIssue]) in
            var scanner = SessionScanner(parser: JSONParser(bytes: buffer), progress: progress)
            let document: SessionDocument
            do throws(JSONSyntaxError) {
                document = try scanner.document(allowed: SessionDocument.keys, what: "a session", keysWhat: "the session")
            } catch {
                return (nil, [SessionIssue(error)])
            }
            var reader = SessionReader()
            let session = reader.readSession(document, validate: validate)
            return (session, reader.issues)
        }
        if let result = data.withContiguousStorageIfAvailable(read) { return result }
        return ContiguousArray(data).withUnsafeBufferPointer(read)
    }

    /// Reads a document other than a session that holds some of its keys (a
    /// history file): the same scanner with its own key list.
    static func scan(_ data: some Collection<UInt8>, allowed: [String], what: String) throws(JSONSyntaxError) -> SessionDocument {
        let scan = { (buffer: UnsafeBufferPointer<UInt8>) -> Result<SessionDocument, JSONSyntaxError> in
            var scanner = SessionScanner(parser: JSONParser(bytes: buffer), progress: nil)
            do throws(JSONSyntaxError) {
                return .success(try scanner.document(allowed: allowed, what: what, keysWhat: what))
            } catch {
                return .failure(error)
            }
        }
        let result = data.withContiguousStorageIfAvailable(scan) ?? ContiguousArray(data).withUnsafeBufferPointer(scan)
        return try result.get()
    }
}

/// The typed half of the one reader: walks a session document with
/// `JSONParser`'s object and array walkers and builds members and past
/// sessions directly, recording every problem with its JSON path (the values
/// it does not expect are read as `JSONValue` by the same parser, to name their type).
struct SessionScanner {
    var parser: JSONParser
    /// Told the fraction of the text read, from any thread.
    let progress: (@Sendable (Double) -> Void)?

    private var bytes: UnsafeBufferPointer<UInt8> { parser.bytes }

    /// The next byte after whitespace, nil at the end.
    private mutating func peek() -> UInt8? {
        parser.skipWhitespace()
        return parser.index < bytes.count ? bytes[parser.index] : nil
    }

    /// The document: an object with the keys `allowed` (others are issues);
    /// `members` and `history` typed, the rest trees.
    mutating func document(allowed: [String], what: String, keysWhat: String) throws(JSONSyntaxError) -> SessionDocument {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { parser.index = 3 }
        var document = SessionDocument()
        guard peek() == UInt8(ascii: "{") else {
            let value = try parser.parseValue()
            try end()
            document.isObject = false
            document.typeName = value.typeName
            document.issues.append(SessionIssue(.error, path: "$", "\(what) must be an object, found \(value.typeName)"))
            return document
        }
        var seen: [String] = []
        var members: [Range<Int>]?, history: [Range<Int>]?
        var membersValue: JSONValue?, historyValue: JSONValue?
        var keyIssues = SessionReader()
        let parsed: (members: ScannedMembers, history: ScannedHistory)
        do throws(JSONSyntaxError) {
            try parser.object(isDuplicate: { key in
                if seen.contains(key) { return true }
                seen.append(key)
                return false
            }) { (p: inout JSONParser, key: String) throws(JSONSyntaxError) in
                if !allowed.contains(key) { keyIssues.unknownKey(key, at: .root, allowed: allowed, what: keysWhat) }
                var sub = SessionScanner(parser: p, progress: nil)
                switch allowed.contains(key) ? key : "" {
                case "version": document.version = try p.parseValue(); return
                case "program": document.program = try p.parseValue(); return
                case "participants": document.participants = try p.parseValue(); return
                case "exclusions": document.exclusions = try p.parseValue(); return
                case "options": document.options = try p.parseValue(); return
                case "date": document.date = try p.parseValue(); return
                case "members":
                    if sub.peek() == UInt8(ascii: "[") { members = try sub.elements() } else { membersValue = try sub.parser.parseValue() }
                case "history":
                    if sub.peek() == UInt8(ascii: "[") { history = try sub.elements() } else { historyValue = try sub.parser.parseValue() }
                default:
                    _ = try p.parseValue()
                    return
                }
                p = sub.parser
            }
            try end()
        } catch {
            // The first syntax error in document order: one inside an element
            // read so far comes before the one that stopped the scan.
            var first = error
            if let earlier = self.firstSyntaxError(members: members ?? [], history: history ?? []), earlier.offset < first.offset { first = earlier }
            throw first
        }
        parsed = try parse(members: members ?? [], history: history ?? [])
        document.issues = keyIssues.issues
        document.keys = seen
        if members != nil {
            document.members = parsed.members
        } else if let membersValue {
            document.members = ScannedMembers(issues: [SessionIssue(.error, path: "$.members", "members must be an array, found \(membersValue.typeName)")])
        }
        if history != nil {
            document.history = parsed.history
        } else if let historyValue {
            document.history = ScannedHistory(issues: [SessionIssue(.error, path: "$.history", "history must be an array, found \(historyValue.typeName)")])
        }
        return document
    }

    /// Nothing but whitespace may follow the document's value.
    private mutating func end() throws(JSONSyntaxError) {
        if peek() != nil { throw parser.error("unexpected text after the JSON value") }
    }

    /// The elements of the array at the parser's position, as byte ranges (from
    /// the element's first byte to the comma or bracket after it), found by a
    /// scan that tracks only strings and nesting, so that they can be read on
    /// all cores; the parser moves past the array. When the scan finds the
    /// array broken, the array is read in order here, which throws its first
    /// syntax error.
    ///
    /// - Complexity: O(length of the array's text).
    private mutating func elements() throws(JSONSyntaxError) -> [Range<Int>] {
        let open = parser.index
        if let ranges = splitArray() { return ranges }
        parser.index = open
        var ranges: [Range<Int>] = []
        try parser.array { (p: inout JSONParser, _: Int) throws(JSONSyntaxError) in
            let start = p.index
            _ = try p.parseValue()
            p.skipWhitespace()
            ranges.append(start..<p.index)
        }
        return ranges
    }

    private mutating func splitArray() -> [Range<Int>]? {
        parser.index += 1 // the '['
        if peek() == UInt8(ascii: "]") {
            parser.index += 1
            return []
        }
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
                    guard let q = memchr(base + end + 1, Int32(UInt8(ascii: "\"")), bytes.count - end - 1) else { return nil }
                    end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(q))
                    var backslashes = 0
                    while bytes[end - 1 - backslashes] == UInt8(ascii: "\\") { backslashes += 1 }
                    if backslashes % 2 == 0 { break }
                } while true
                i = end
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 {
                    guard c == UInt8(ascii: "]") else { return nil }
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
        return nil
    }

    private enum Part: Sendable {
        case members(ScannedMembers, [Member?])
        case past(PastSession?, [SessionIssue])
        case failed(JSONSyntaxError)
    }

    /// Reads every element of `members` and `history` on all cores: members in
    /// chunks, past sessions one by one.
    private func parseParts(members: [Range<Int>], history: [Range<Int>], progress: ProgressShare?) -> [Part] {
        let chunk = max(4096, members.count / 16)
        let chunks = stride(from: 0, to: members.count, by: chunk).map { $0..<min(members.count, $0 + chunk) }
        let total = Double(max(1, bytes.count))
        let text = SharedBuffer(pointer: bytes) // read only
        return Parallel.map(chunks.count + history.count) { t -> Part in
            var scanner = SessionScanner(parser: JSONParser(bytes: text.pointer), progress: nil)
            scanner.parser.depth = 2 // the document and the array: the limit counts from the root
            do throws(JSONSyntaxError) {
                if t < chunks.count {
                    var scanned = ScannedMembers()
                    var parsed: [Member?] = []
                    parsed.reserveCapacity(chunks[t].count)
                    for e in chunks[t] {
                        try scanner.element(members[e]) { (s: inout SessionScanner) throws(JSONSyntaxError) in
                            parsed.append(try s.member(e, into: &scanned))
                        }
                    }
                    progress?.add(Double(members[chunks[t].upperBound - 1].upperBound - members[chunks[t].lowerBound].lowerBound) / total)
                    return .members(scanned, parsed)
                }
                let e = t - chunks.count
                var scanned = ScannedHistory()
                try scanner.element(history[e]) { (s: inout SessionScanner) throws(JSONSyntaxError) in try s.pastSession(e, into: &scanned) }
                progress?.add(Double(history[e].count) / total)
                return .past(scanned.sessions.first, scanned.issues)
            } catch {
                return .failed(error)
            }
        }
    }

    /// The first syntax error inside the elements read so far, if any.
    private func firstSyntaxError(members: [Range<Int>], history: [Range<Int>]) -> JSONSyntaxError? {
        var first: JSONSyntaxError?
        for case .failed(let error) in parseParts(members: members, history: history, progress: nil) where error.offset < (first?.offset ?? .max) {
            first = error
        }
        return first
    }

    /// Members and past sessions from their elements' ranges; a duplicate id is
    /// an issue at its place, and the member is left out.
    private func parse(members: [Range<Int>], history: [Range<Int>]) throws(JSONSyntaxError) -> (members: ScannedMembers, history: ScannedHistory) {
        let parts = parseParts(members: members, history: history, progress: progress.map(ProgressShare.init))
        var firstError: JSONSyntaxError?
        for case .failed(let error) in parts where error.offset < (firstError?.offset ?? .max) { firstError = error }
        if let firstError { throw firstError }
        var result = ScannedMembers(), past = ScannedHistory()
        result.members.reserveCapacity(members.count)
        result.ids.reserveCapacity(members.count)
        var element = 0
        for part in parts {
            switch part {
            case .members(let chunk, let parsed):
                var issue = 0
                result.extensions += chunk.extensions
                for member in parsed {
                    // The issues of this element come first, as the element is read before its id is checked.
                    while issue < chunk.issues.count, chunk.issueElements[issue] == element {
                        result.issues.append(chunk.issues[issue])
                        issue += 1
                    }
                    defer { element += 1 }
                    guard let member else { continue }
                    // One hash for the common case: a new id is added, a repeated one restored.
                    if let first = result.ids.updateValue(result.members.count, forKey: member.id) {
                        result.ids[member.id] = first
                        result.issues.append(SessionIssue(.error, path: JSONPath.root.key("members").index(element).key("id").description,
                                                          "duplicate member id \"\(member.id)\" (first at $.members[\(result.elementOfMember[first])]); ids must be unique"))
                        continue
                    }
                    result.members.append(member)
                    result.elementOfMember.append(element)
                }
            case .past(let session, let issues):
                past.issues += issues
                if let session { past.sessions.append(session) }
            case .failed: break
            }
        }
        return (result, past)
    }

    /// Reads the one value that must fill `range` (but for whitespace).
    private mutating func element(_ range: Range<Int>, _ read: (inout SessionScanner) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        parser.index = range.lowerBound
        parser.skipWhitespace()
        try read(&self)
        parser.skipWhitespace()
        guard parser.index == range.upperBound else { throw parser.error("expected ',' or ']' in the array") }
    }

    // MARK: - Values

    /// A value read as a tree, for its type name in a message (or to skip it).
    private mutating func any() throws(JSONSyntaxError) -> JSONValue {
        try parser.parseValue()
    }

    /// A string, or nil (and an issue "`what` must be a string") for another type.
    private mutating func string(_ issue: (String) -> Void, what: String) throws(JSONSyntaxError) -> String? {
        if peek() == UInt8(ascii: "\"") { return try parser.parseString() }
        issue("\(what) must be a string, found \(try any().typeName)")
        return nil
    }

    /// A member id: a non-empty string, or nil and an issue.
    private mutating func id(_ issue: (String) -> Void) throws(JSONSyntaxError) -> String? {
        guard peek() == UInt8(ascii: "\"") else {
            issue("a member id must be a non-empty string, found \(try any().typeName)")
            return nil
        }
        let id = try parser.parseString()
        if id.isEmpty {
            issue("a member id must be a non-empty string")
            return nil
        }
        return id
    }

    /// A list of member ids (room for `capacity` made first); nil when it is
    /// not an array or one id is not valid.
    private mutating func ids(at path: () -> JSONPath, what: String, reserving capacity: Int = 0,
                              _ issue: (JSONPath, String) -> Void) throws(JSONSyntaxError) -> [String]? {
        guard peek() == UInt8(ascii: "[") else {
            issue(path(), "\(what) must be an array, found \(try any().typeName)")
            return nil
        }
        var ids: [String] = []
        ids.reserveCapacity(capacity)
        var ok = true
        try parser.array { (p: inout JSONParser, i: Int) throws(JSONSyntaxError) in
            var s = SessionScanner(parser: p, progress: nil)
            if let id = try s.id({ issue(path().index(i), $0) }) { ids.append(id) } else { ok = false }
            p = s.parser
        }
        return ok ? ids : nil
    }

    // MARK: - Members

    /// The keys of a member the reader knows; others are ignored.
    enum MemberKey: String, CaseIterable {
        case id, firstName, lastName, email, status, categories, groups, guest, language, pausedUntil, invitedAt, remindedAt
    }

    private static let memberKeys = JSONKeys<MemberKey>()
    private static let statuses = JSONKeys<MemberStatus>()

    /// One member (element `element` of `members`), or nil when its id is not
    /// valid; its issues go to `scanned`. Other keys are ignored; a `null`
    /// name, category or extension is absent. Issues come in the order of the
    /// checks: the id, the names, the status, the categories.
    ///
    /// Keys are matched against their bytes (`JSONParser.string(in:)`), with one
    /// bit each to find one given twice: no string is made for a known key.
    mutating func member(_ element: Int, into scanned: inout ScannedMembers) throws(JSONSyntaxError) -> Member? {
        // Paths are written only for an issue: most members have none.
        func path() -> JSONPath { JSONPath.root.key("members").index(element) }
        guard peek() == UInt8(ascii: "{") else {
            let value = try any()
            scanned.add(SessionIssue(.error, path: path().description, "a member must be an object with at least an \"id\", found \(value.typeName)"), element: element)
            return nil
        }
        var id: String?
        var idMissing = true
        var idIssue: SessionIssue?
        var member = Member(id: "")
        var ranked: [(rank: Int, issue: SessionIssue)] = [] // rare
        func issue(_ rank: Int, _ at: JSONPath, _ message: String) {
            ranked.append((rank * 1_000_000 + ranked.count, SessionIssue(.error, path: at.description, message)))
        }
        var seen = SeenKeys()
        try parser.object(key: { (p: inout JSONParser) throws(JSONSyntaxError) in try p.string(in: Self.memberKeys) },
                          isDuplicate: { seen.isDuplicate($0) }) { (p: inout JSONParser, key: JSONKey<MemberKey>) throws(JSONSyntaxError) in
            guard case .known(let key, _) = key else {
                _ = try p.parseValue()
                return
            }
            var s = SessionScanner(parser: p, progress: nil)
            defer { p = s.parser }
            func at() -> JSONPath { path().key(key.rawValue) }
            switch key {
            case .id:
                idMissing = false
                id = try s.id { idIssue = SessionIssue(.error, path: at().description, $0) }
            case .firstName, .lastName, .email:
                if s.peek() == UInt8(ascii: "n"), case .null = try s.any() { return }
                let rank = key == .firstName ? 1 : key == .lastName ? 2 : 3
                let value = try s.string({ issue(rank, at(), $0) }, what: key.rawValue)
                switch key {
                case .firstName: member.firstName = value
                case .lastName: member.lastName = value
                default: member.email = value
                }
            case .status:
                func choices() -> String { MemberStatus.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") }
                if s.peek() == UInt8(ascii: "\"") {
                    switch try s.parser.string(in: Self.statuses) {
                    case .known(let status, _): member.status = status
                    case .other(let text): issue(4, at(), "status must be one of \(choices()), found \"\(text)\"")
                    }
                } else {
                    issue(4, at(), "status must be one of \(choices()), found \(try s.any().typeName)")
                }
            case .categories:
                guard s.peek() == UInt8(ascii: "{") else {
                    issue(5, at(), "categories must be an object, found \(try s.any().typeName)")
                    return
                }
                member.categories = try s.categories(at: at, room: scanned.lastCategoryCount) { issue(5, $0, $1) }
                scanned.lastCategoryCount = member.categories.count
            case .groups, .guest, .language, .pausedUntil, .invitedAt, .remindedAt:
                let value = try s.any()
                if let problem = Self.extensionProblem(key.rawValue, value, element: element) {
                    scanned.extensions.append(problem)
                    return
                }
                switch value {
                case .array(let names): member.groups = names.map { if case .string(let name) = $0 { name } else { "" } }
                case .bool(let b): member.guest = b
                case .string(let text) where key == .pausedUntil: member.pausedUntil = text
                case .string(let text) where key == .invitedAt: member.invitedAt = text
                case .string(let text) where key == .remindedAt: member.remindedAt = text
                case .string(let language) where !language.isEmpty: member.language = language
                default: break
                }
            }
        }
        if idMissing { idIssue = SessionIssue(.error, path: path().description, "a member needs an \"id\" (a non-empty string)") }
        if let idIssue {
            scanned.add(idIssue, element: element)
            return nil
        }
        guard let id else { return nil }
        member.id = id
        for (_, issue) in ranked.sorted(by: { $0.rank < $1.rank }) { scanned.add(issue, element: element) }
        return member
    }

    /// A member's extension field of the wrong type (`groups`: an array of
    /// non-empty strings; `guest`: a boolean; `language`: a string; all may be null).
    private static func extensionProblem(_ key: String, _ value: JSONValue, element: Int) -> ExtensionProblem? {
        let fits: Bool
        switch (key, value) {
        case (_, .null): fits = true
        case ("groups", .array(let names)): fits = names.allSatisfy { if case .string(let s) = $0 { !s.isEmpty } else { false } }
        case ("guest", .bool), ("language", .string), ("pausedUntil", .string), ("invitedAt", .string), ("remindedAt", .string): fits = true
        default: fits = false
        }
        return fits ? nil : ExtensionProblem(element: element, field: ExtensionProblem.Field(rawValue: key)!, typeName: value.typeName)
    }

    /// A categories object (room for `room` values made first); a `null` value is no value.
    private mutating func categories(at path: () -> JSONPath, room: Int,
                                     _ issue: (JSONPath, String) -> Void) throws(JSONSyntaxError) -> [String: CategoryValue] {
        var categories = [String: CategoryValue](minimumCapacity: room)
        // A key is seen when it has a value here or is listed as absent (its
        // value is null or of a wrong type, which is rare): no list of the keys.
        var absent: [String] = []
        try parser.object(isDuplicate: { key in categories[key] != nil || absent.contains(key) }) { (p: inout JSONParser, key: String) throws(JSONSyntaxError) in
            var s = SessionScanner(parser: p, progress: nil)
            defer { p = s.parser }
            switch s.peek() {
            case UInt8(ascii: "\""):
                categories[key] = .string(try s.parser.parseString())
            case UInt8(ascii: "["):
                var strings: [String] = []
                var ok = true
                try s.parser.array { (q: inout JSONParser, i: Int) throws(JSONSyntaxError) in
                    var t = SessionScanner(parser: q, progress: nil)
                    defer { q = t.parser }
                    if t.peek() == UInt8(ascii: "\"") {
                        strings.append(try t.parser.parseString())
                        return
                    }
                    let value = try t.any()
                    // Only the first wrong element is named, as the array is then left out.
                    if ok { issue(path().key(key).index(i), "a category array must hold strings only, found \(value.typeName)") }
                    ok = false
                }
                if ok { categories[key] = .strings(strings) } else { absent.append(key) }
            default:
                switch try s.any() {
                case .number(let n): categories[key] = .number(n.double)
                case .bool(let b): categories[key] = .bool(b)
                case .null: absent.append(key) // null reads as "lacks the category"
                default:
                    absent.append(key)
                    issue(path().key(key), "a category value must be a string, a number, a boolean or an array of strings, found an object")
                }
            }
        }
        return categories
    }

    // MARK: - History

    /// The keys of a past session.
    enum PastKey: String, CaseIterable {
        case date, groups, unmatched
    }

    private static let pastKeys = JSONKeys<PastKey>()

    /// A past session (element `element` of `history`): `date` (ISO-8601),
    /// `groups` (arrays of ids) and `unmatched` (ids; one also in a group is a
    /// warning). Issues come in the order of the checks: unknown keys, the
    /// date, the groups, the unmatched.
    mutating func pastSession(_ element: Int, into scanned: inout ScannedHistory) throws(JSONSyntaxError) {
        let path = JSONPath.root.key("history").index(element)
        guard peek() == UInt8(ascii: "{") else {
            let value = try any()
            scanned.issues.append(SessionIssue(.error, path: path.description, "a past session must be an object, found \(value.typeName)"))
            return
        }
        let allowed = PastKey.allCases.map(\.rawValue)
        var session = PastSession(groups: [])
        var ranked: [(rank: Int, issue: SessionIssue)] = []
        var keys = SessionReader()
        func issue(_ rank: Int, _ at: JSONPath, _ message: String) {
            ranked.append((rank * 1_000_000 + ranked.count, SessionIssue(.error, path: at.description, message)))
        }
        var sawGroups = false
        var unmatched: [String]?
        var seen = SeenKeys()
        try parser.object(key: { (p: inout JSONParser) throws(JSONSyntaxError) in try p.string(in: Self.pastKeys) },
                          isDuplicate: { seen.isDuplicate($0) }) { (p: inout JSONParser, key: JSONKey<PastKey>) throws(JSONSyntaxError) in
            var s = SessionScanner(parser: p, progress: nil)
            defer { p = s.parser }
            guard case .known(let key, _) = key else {
                if case .other(let key) = key { keys.unknownKey(key, at: path, allowed: allowed, what: "a past session") }
                _ = try s.any()
                return
            }
            func at() -> JSONPath { path.key(key.rawValue) }
            switch key {
            case .date:
                guard let date = try s.string({ issue(1, at(), $0) }, what: "date") else { return }
                if ISODate.sortKey(date) == nil {
                    issue(1, at(), "date must be an ISO-8601 date such as \"2026-11-13\" or \"2026-11-13T09:00:00Z\", found \"\(date)\"")
                } else {
                    session.date = date
                }
            case .groups:
                sawGroups = true
                guard s.peek() == UInt8(ascii: "[") else {
                    issue(2, at(), "groups must be an array, found \(try s.any().typeName)")
                    return
                }
                var size = 2 // the last group's: groups of a session have about the same size
                try s.parser.array { (q: inout JSONParser, g: Int) throws(JSONSyntaxError) in
                    var t = SessionScanner(parser: q, progress: nil)
                    defer { q = t.parser }
                    if let group = try t.ids(at: { at().index(g) }, what: "a group", reserving: size, { issue(2, $0, $1) }) {
                        size = group.count
                        session.groups.append(group)
                    }
                }
            case .unmatched:
                unmatched = try s.ids(at: at, what: "unmatched", { issue(4, $0, $1) }) ?? []
            }
        }
        if !sawGroups {
            issue(3, path, "a past session needs \"groups\": an array of groups, each an array of member ids")
        }
        if let unmatched {
            session.unmatched = unmatched
            if !unmatched.isEmpty {
                let grouped = Set(session.groups.joined())
                for (i, id) in unmatched.enumerated() where grouped.contains(id) {
                    ranked.append((4 * 1_000_000 + ranked.count, SessionIssue(.warning, path: path.key("unmatched").index(i).description,
                                                                              "\"\(id)\" is listed as unmatched and also in a group of this session")))
                }
            }
        }
        scanned.issues += keys.issues + ranked.sorted { $0.rank < $1.rank }.map(\.issue)
        scanned.sessions.append(session)
    }
}

/// Sums the shares of the text read by parallel tasks and reports the total.
private final class ProgressShare: Sendable {
    private let report: @Sendable (Double) -> Void
    private let done = Mutex(0.0)

    init(_ report: @escaping @Sendable (Double) -> Void) {
        self.report = report
    }

    func add(_ share: Double) {
        let total = done.withLock { done in
            done += share
            return done
        }
        report(min(1, total))
    }
}

/// The keys an object has shown so far, to find a duplicate: a bit for each
/// key the reader knows, a short list for the others (rare).
private struct SeenKeys {
    private var known: UInt32 = 0
    private var others: [String] = []

    /// Records `key` and tells whether the object showed it before.
    mutating func isDuplicate<Known>(_ key: JSONKey<Known>) -> Bool {
        switch key {
        case .known(_, let bit):
            if known & bit != 0 { return true }
            known |= bit
            return false
        case .other(let text):
            if others.contains(text) { return true }
            others.append(text)
            return false
        }
    }
}
