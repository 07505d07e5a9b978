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
    /// `version`, which every part may give (it must be 1). Each part is read
    /// once, from its own bytes, by the one reader (`SessionScanner`); the
    /// merged session is then checked as `decode(_:file:)` checks one file, and
    /// every issue names the file it is in and its JSON path inside that file.
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
        var reader = SessionReader()
        let session = reader.readSession(assembly.merged)
        let issues = reader.issues.map(assembly.locate)
        let errors = issues.filter { $0.severity == .error }
        guard errors.isEmpty, let session else { throw SessionError(file: names, issues: errors) }
        return (session, issues.filter { $0.severity == .warning })
    }
}

/// Merges the parts, each read from its bytes, into one session document, and
/// maps issues back to their files.
struct PartsAssembly {
    /// Issues that stop the assembly (a part that is not JSON, a key given twice).
    private(set) var issues: [SessionIssue] = []
    /// The merged document; the issues the parts' reading found are in it, with their files.
    private(set) var merged = SessionDocument()
    /// The part that gave each key.
    private var owner: [String: String] = [:]
    /// Per history part: its file and the index of its first past session in the merged history.
    private var historyParts: [(file: String, start: Int)] = []
    /// The program file written as the bare program object, if any: its paths start at `$`.
    private var bareProgram: String?

    mutating func add(_ part: SessionPart) {
        let file = part.file ?? "<stdin>"
        func fail(_ path: String, _ message: String) {
            issues.append(SessionIssue(.error, path: path, message, file: file))
        }
        var document: SessionDocument
        do {
            document = try SessionReader.scan(part.bytes, allowed: SessionDocument.keys, what: "a session part")
        } catch let syntax {
            issues.append(SessionIssue(syntax, file: file))
            return
        }
        guard document.isObject else {
            fail("$", "a session part must be a JSON object such as {\"version\": 1, \"\(part.role.requiredKey ?? "members")\": ...}, found \(document.typeName)")
            return
        }
        // A program file may be the bare program object, as a rule set is (a
        // small file: its tree is read again to be the program).
        if part.role == .program, document.program == nil, !document.keys.isEmpty,
           document.keys.allSatisfy({ SessionReader.programKeys.contains($0) || $0 == "version" }),
           case .object(let fields)? = try? JSONValue.parse(part.bytes) {
            document.program = .object(fields.filter { $0.key != "version" })
            document.keys = document.keys.filter { $0 == "version" } + ["program"]
            document.issues = []
            bareProgram = file
        }
        if let required = part.role.requiredKey, !document.keys.contains(required) {
            fail("$", "this \(part.role.rawValue) file has no \"\(required)\" key; expected {\"version\": 1, \"\(required)\": ...}"
                 + (part.role == .program ? " or the program object itself, {\"groupSize\": 2, \"rules\": [...]}" : ""))
        }
        merged.issues += document.issues.map { $0.with(file: file) }
        if let version = document.version {
            var reader = SessionReader()
            reader.version(version, at: JSONPath.root.key("version"))
            merged.issues += reader.issues.map { $0.with(file: file) }
        }
        if let history = document.history {
            // Its issues are about this file already: paths count its own past sessions.
            historyParts.append((file, merged.history?.sessions.count ?? 0))
            // Appended in place: no copy of the history read so far per part.
            var all = merged.history ?? ScannedHistory()
            merged.history = nil
            all.sessions += history.sessions
            all.issues += history.issues.map { $0.with(file: file) }
            merged.history = all
        }
        for key in document.keys where key != "version" && key != "history" && SessionDocument.keys.contains(key) {
            if let first = owner[key] {
                fail(JSONPath.root.key(key).description, "\"\(key)\" is also given by \(first); each key may come from one part only (history excepted)")
                continue
            }
            owner[key] = file
            merged.take(key, from: document)
        }
    }

    /// The issue with its file, and for history its path inside that file
    /// (an issue the reading of a part found has its file already).
    func locate(_ issue: SessionIssue) -> SessionIssue {
        var located = issue
        guard issue.file == nil, let key = Self.topKey(of: issue.path) else { return located }
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
