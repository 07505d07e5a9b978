/// One file of a session assembled from parts (an extension of the spec), such
/// as the members an import wrote, the program, and the history a weekly job
/// keeps. Each part is a JSON object holding some of the keys of a session.
public struct SessionPart: Sendable {
    /// What the part must hold.
    public enum Role: String, Sendable, CaseIterable {
        /// Any keys of a session (a whole session is a part too).
        case session
        /// At least `members`.
        case members
        /// At least `program`.
        case program
        /// At least `history`.
        case history

        /// The key a part of this role must hold.
        var requiredKey: String? {
            self == .session ? nil : rawValue
        }
    }

    public var role: Role
    public var bytes: [UInt8]
    /// The file name for messages (nil: standard input).
    public var file: String?

    public init(_ role: Role, bytes: [UInt8], file: String? = nil) {
        self.role = role
        self.bytes = bytes
        self.file = file
    }
}

extension Session {
    /// Reads and validates a session assembled from parts.
    ///
    /// Parts are merged key by key: each key comes from one part only, except
    /// `history`, whose past sessions are concatenated in part order, and
    /// `version`, which every part may give (it must be 1). The merged session is
    /// then validated as `decode(_:file:)` does; every issue names the file it is
    /// in and its JSON path inside that file.
    ///
    /// - Throws: `SessionError` listing every error, each with its file.
    /// - Complexity: O(total size of the parts + history meetings).
    public static func decode(parts: [SessionPart]) throws(SessionError) -> (session: Session, warnings: [SessionIssue]) {
        var assembly = PartsAssembly()
        for part in parts { assembly.add(part) }
        let names = parts.map { $0.file ?? "<stdin>" }.joined(separator: " + ")
        guard !parts.isEmpty else {
            throw SessionError(file: nil, issues: [SessionIssue(.error, path: "$", "no session parts were given")])
        }
        guard assembly.issues.isEmpty else { throw SessionError(file: names, issues: assembly.issues) }
        // The merged parts, written back as one text for the one reader.
        var writer = JSONWriter(indent: 0)
        writer.value(assembly.merged)
        let (session, read) = SessionReader.read(writer.bytes)
        let issues = read.map(assembly.locate)
        let errors = issues.filter { $0.severity == .error }
        guard errors.isEmpty, let session else { throw SessionError(file: names, issues: errors) }
        return (session, issues.filter { $0.severity == .warning })
    }
}

/// Merges parts into one JSON session and maps issues back to their files.
struct PartsAssembly {
    private(set) var issues: [SessionIssue] = []
    private var members: [JSONMember] = []
    /// The part that gave each key.
    private var owner: [String: String] = [:]
    private var history: [JSONValue] = []
    /// Per history part: its file and the index of its first past session in `history`.
    private var historyParts: [(file: String, start: Int)] = []
    /// The program file written as the bare program object, if any: its paths start at `$`.
    private var bareProgram: String?

    var merged: JSONValue {
        historyParts.isEmpty ? .object(members) : .object(members + [JSONMember(key: "history", value: .array(history))])
    }

    mutating func add(_ part: SessionPart) {
        let file = part.file ?? "<stdin>"
        func fail(_ path: String, _ message: String) {
            issues.append(SessionIssue(.error, path: path, message, file: file))
        }
        var json: JSONValue
        do {
            json = try JSONValue.parse(part.bytes)
        } catch let syntax {
            issues.append(SessionIssue(syntax, file: file))
            return
        }
        guard case .object(let keys) = json else {
            fail("$", "a session part must be a JSON object such as {\"version\": 1, \"\(part.role.requiredKey ?? "members")\": ...}, found \(json.typeName)")
            return
        }
        // A program file may be the bare program object, as a rule set is.
        if part.role == .program, json["program"] == nil, !keys.isEmpty,
           keys.allSatisfy({ SessionReader.programKeys.contains($0.key) || $0.key == "version" }) {
            json = .object(keys.filter { $0.key == "version" } + [JSONMember(key: "program", value: .object(keys.filter { $0.key != "version" }))])
            bareProgram = file
        }
        guard case .object(let fields) = json else { return }
        if let required = part.role.requiredKey, json[required] == nil {
            fail("$", "this \(part.role.rawValue) file has no \"\(required)\" key; expected {\"version\": 1, \"\(required)\": ...}"
                 + (part.role == .program ? " or the program object itself, {\"groupSize\": 2, \"rules\": [...]}" : ""))
        }
        for member in fields {
            switch member.key {
            case "version":
                if case .number(let n) = member.value, n.double == 1 { continue } // 1 or 1.0, as everywhere
                fail("$.version", "unsupported version; this Mingle reads version 1")
            case "history":
                guard case .array(let elements) = member.value else {
                    fail("$.history", "history must be an array of past sessions, found \(member.value.typeName)")
                    continue
                }
                historyParts.append((file, history.count))
                history.append(contentsOf: elements)
            default:
                if let first = owner[member.key] {
                    fail(JSONPath.root.key(member.key).description,
                          "\"\(member.key)\" is also given by \(first); each key may come from one part only (history excepted)")
                    continue
                }
                owner[member.key] = file
                members.append(member)
            }
        }
    }

    /// The issue with its file, and for history its path inside that file.
    func locate(_ issue: SessionIssue) -> SessionIssue {
        var located = issue
        guard let key = Self.topKey(of: issue.path) else { return located }
        if key == "history", let part = historyPart(for: issue.path) {
            located.file = part.file
            let prefix = "$.history["
            let rest = issue.path.dropFirst(prefix.count)
            if let close = rest.firstIndex(of: "]"), let index = Int(rest[..<close]) {
                located.path = prefix + String(index - part.start) + rest[close...]
            }
        } else {
            located.file = owner[key]
            if key == "program", let bare = bareProgram, owner[key] == bare {
                located.path = "$" + issue.path.dropFirst("$.program".count)
            }
        }
        return located
    }

    private func historyPart(for path: String) -> (file: String, start: Int)? {
        let prefix = "$.history["
        guard path.hasPrefix(prefix) else { return historyParts.count == 1 ? historyParts[0] : nil }
        let rest = path.dropFirst(prefix.count)
        guard let close = rest.firstIndex(of: "]"), let index = Int(rest[..<close]) else { return nil }
        return historyParts.last { $0.start <= index }
    }

    /// The session key a JSON path starts with (`members` for `$.members[3].id`).
    static func topKey(of path: String) -> String? {
        if path.hasPrefix("$['") {
            let rest = path.dropFirst(3)
            guard let end = rest.range(of: "']") else { return nil }
            return String(rest[..<end.lowerBound])
        }
        guard path.hasPrefix("$.") else { return nil }
        return String(path.dropFirst(2).prefix { $0 != "." && $0 != "[" })
    }
}
