import Foundation

extension Session {
    /// Reads and validates a session from JSON bytes (docs/format.md (the session)).
    ///
    /// Every problem is collected, not only the first; the session is returned
    /// only when there is no error. Warnings are returned alongside it.
    ///
    /// - Parameters:
    ///   - data: the JSON text.
    ///   - file: the file name to put in error messages (nil for standard input).
    ///   - progress: called now and then, from any thread, with the fraction of
    ///     the text read (on the fast path, which valid sessions take).
    /// - Throws: `SessionError` listing every error with its JSON path.
    /// - Complexity: O(size of the input + history meetings).
    public static func decode(_ data: some Collection<UInt8>, file: String? = nil,
                              progress: (@Sendable (_ fraction: Double) -> Void)? = nil) throws(SessionError) -> (session: Session, warnings: [SessionIssue]) {
        let (session, issues) = SessionReader.read(data, progress: progress)
        return try accept(session, issues: issues, file: file)
    }

    /// Reads and validates a session from an already parsed JSON value (the
    /// `Codable` conformance, a session inside a larger request). A tree has
    /// no bytes to scan: it is written as text once and read by the one
    /// reader, so its issues are the same as a file's and no second reader
    /// of trees exists. Bytes at hand go to `decode(_:file:progress:)`.
    ///
    /// - Complexity: O(size of the value).
    public static func decode(_ json: JSONValue, file: String? = nil) throws(SessionError) -> (session: Session, warnings: [SessionIssue]) {
        var writer = JSONWriter(indent: 0)
        writer.value(json)
        return try decode(writer.bytes, file: file)
    }

    /// The session when `issues` holds no error, with the warnings; else throws the errors.
    private static func accept(_ session: Session?, issues: [SessionIssue], file: String?) throws(SessionError) -> (session: Session, warnings: [SessionIssue]) {
        let errors = issues.filter { $0.severity == .error }
        guard errors.isEmpty, let session else {
            throw SessionError(file: file, issues: errors)
        }
        return (session, issues.filter { $0.severity == .warning })
    }

    /// Every problem in a session, errors and warnings, in document order;
    /// what `mingle validate` prints.
    public static func issues(in data: some Collection<UInt8>) -> [SessionIssue] {
        SessionReader.read(data).issues
    }
}

/// Reads the small parts of a session (JSON trees from the one parser) and
/// assembles the session from what `SessionScanner` read, recording every issue.
struct SessionReader {
    var issues: [SessionIssue] = []

    mutating func error(_ path: JSONPath, _ message: String) {
        issues.append(SessionIssue(.error, path: path.description, message))
    }

    mutating func warning(_ path: JSONPath, _ message: String) {
        issues.append(SessionIssue(.warning, path: path.description, message))
    }

    /// Reports keys of `object` not in `allowed` (the parser rejects duplicate keys).
    mutating func checkKeys(_ members: [JSONMember], at path: JSONPath, allowed: [String], what: String) {
        for member in members where !allowed.contains(member.key) {
            unknownKey(member.key, at: path, allowed: allowed, what: what)
        }
    }

    /// The issue of a key not in `allowed`, with a "did you mean" hint.
    mutating func unknownKey(_ key: String, at path: JSONPath, allowed: [String], what: String) {
        let hint = closest(key, in: allowed).map { "; did you mean \"\($0)\"?" } ?? ""
        error(path.key(key), "unknown key \"\(key)\" in \(what) (allowed: \(allowed.joined(separator: ", ")))\(hint)")
    }

    func closest(_ word: String, in candidates: [String]) -> String? {
        let lower = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let d = editDistance(lower, candidate.lowercased())
            if d <= max(1, candidate.count / 3), d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }

    mutating func object(_ value: JSONValue, at path: JSONPath, what: String) -> [JSONMember]? {
        guard case .object(let members) = value else {
            error(path, "\(what) must be an object, found \(value.typeName)")
            return nil
        }
        return members
    }

    mutating func array(_ value: JSONValue, at path: JSONPath, what: String) -> [JSONValue]? {
        guard case .array(let elements) = value else {
            error(path, "\(what) must be an array, found \(value.typeName)")
            return nil
        }
        return elements
    }

    mutating func string(_ value: JSONValue, at path: JSONPath, what: String, nonEmpty: Bool = false) -> String? {
        guard case .string(let s) = value else {
            error(path, "\(what) must be a string, found \(value.typeName)")
            return nil
        }
        if nonEmpty && s.isEmpty {
            error(path, "\(what) must not be empty")
            return nil
        }
        return s
    }

    mutating func number(_ value: JSONValue, at path: JSONPath, what: String) -> Double? {
        guard case .number(let n) = value else {
            error(path, "\(what) must be a number, found \(value.typeName)")
            return nil
        }
        return n.double
    }

    mutating func integer(_ value: JSONValue, at path: JSONPath, what: String) -> Int64? {
        guard case .number(let n) = value else {
            error(path, "\(what) must be an integer, found \(value.typeName)")
            return nil
        }
        if let i = n.integer { return i }
        if n.double.rounded() == n.double, abs(n.double) < 9.0e15 { return Int64(n.double) }
        error(path, "\(what) must be an integer, found \(JSONWriter.format(n.double))")
        return nil
    }

    mutating func enumeration<E: RawRepresentable & CaseIterable>(_ value: JSONValue, at path: JSONPath, what: String, as: E.Type) -> E? where E.RawValue == String {
        let choices = E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        guard case .string(let s) = value else {
            error(path, "\(what) must be one of \(choices), found \(value.typeName)")
            return nil
        }
        guard let e = E(rawValue: s) else {
            error(path, "\(what) must be one of \(choices), found \"\(s)\"")
            return nil
        }
        return e
    }

    /// `version`, the same in every file: 1 (written 1 or 1.0).
    mutating func version(_ value: JSONValue, at path: JSONPath) {
        if let version = integer(value, at: path, what: "version"), version != 1 {
            error(path, "unsupported version \(version); this Mingle reads version 1")
        }
    }

    /// The keys of a program object.
    static let programKeys = ["id", "groupSize", "remainder", "rules", "repeats", "fairness", "audience"]

    // MARK: - The session

    /// Builds the session from a scanned document, reading its parts in one
    /// fixed order, then runs `Session.validate` on it unless `validate` is false.
    mutating func readSession(_ document: SessionDocument, validate: Bool = true) -> Session? {
        let root = JSONPath.root
        issues += document.issues
        guard document.isObject else { return nil }
        var session = Session()
        if let v = document.version { version(v, at: root.key("version")) }
        if let p = document.program { session.program = readProgram(p, at: root.key("program")) }
        var memberIDs: [String: Int] = [:]
        if let members = document.members {
            issues += members.issues
            session.members = members.members
            memberIDs = members.ids
        } else {
            error(root, "missing \"members\": a session needs an array of members")
        }
        if let p = document.participants { session.participants = readParticipants(p, at: root.key("participants"), memberIDs: memberIDs) }
        if let history = document.history {
            issues += history.issues
            session.history = history.sessions
        }
        if let e = document.exclusions { session.exclusions = readExclusions(e, at: root.key("exclusions"), memberIDs: memberIDs) }
        if let o = document.options { session.options = readOptions(o, at: root.key("options")) }
        if let d = document.date { session.date = string(d, at: root.key("date"), what: "date (YYYY-MM-DD)") }
        reportExtensions(document.members?.extensions ?? [], session: session)
        // What the reader dropped (a bad id, a bad date) is not seen again here:
        // the reader reports types and shapes, `validate` the values.
        if validate { issues += session.validate(memberIndex: document.members.map { _ in memberIDs }) }
        return session
    }

    mutating func readProgram(_ json: JSONValue, at path: JSONPath) -> Program {
        var program = Program()
        guard let members = object(json, at: path, what: "program") else { return program }
        checkKeys(members, at: path, allowed: SessionReader.programKeys, what: "the program")
        if let v = json["id"] {
            switch v {
            case .string(let s): program.id = s
            case .number(let n): program.id = n.integer.map(String.init) ?? JSONWriter.format(n.double)
            default: error(path.key("id"), "program id must be a string, found \(v.typeName)")
            }
        }
        if let v = json["groupSize"], let k = integer(v, at: path.key("groupSize"), what: "groupSize") {
            program.groupSize = Int(clamping: k)
        }
        if let v = json["remainder"], let r = enumeration(v, at: path.key("remainder"), what: "remainder", as: RemainderPolicy.self) {
            program.remainder = r
        }
        if let v = json["rules"], let rules = array(v, at: path.key("rules"), what: "rules") {
            program.rules = rules.enumerated().compactMap { readRule($0.element, at: path.key("rules").index($0.offset)) }
        }
        if let v = json["repeats"] { program.repeats = readRepeats(v, at: path.key("repeats")) }
        if let v = json["fairness"] { program.fairness = readFairness(v, at: path.key("fairness")) }
        if let v = json["audience"] { program.audience = readAudience(v, at: path.key("audience")) }
        return program
    }

    mutating func readRule(_ json: JSONValue, at path: JSONPath) -> Rule? {
        guard let members = object(json, at: path, what: "a rule") else { return nil }
        checkKeys(members, at: path, allowed: ["category", "kind", "required", "weight", "distance"], what: "a rule")
        var ok = true
        var category = ""
        if let v = json["category"] {
            if let c = string(v, at: path.key("category"), what: "category", nonEmpty: true) { category = c } else { ok = false }
        } else {
            error(path, "a rule needs a \"category\" (the member category it looks at)")
            ok = false
        }
        var kindName = ""
        if let v = json["kind"] {
            if let k = string(v, at: path.key("kind"), what: "kind") {
                if ["same", "different", "within", "overlap"].contains(k) {
                    kindName = k
                } else {
                    let hint = closest(k, in: ["same", "different", "within", "overlap"]).map { "; did you mean \"\($0)\"?" } ?? ""
                    error(path.key("kind"), "kind must be one of \"same\", \"different\", \"within\", \"overlap\", found \"\(k)\"\(hint)")
                    ok = false
                }
            } else { ok = false }
        } else {
            error(path, "a rule needs a \"kind\": \"same\", \"different\", \"within\" or \"overlap\"")
            ok = false
        }
        var required = false
        if let v = json["required"] {
            if case .bool(let b) = v { required = b } else {
                error(path.key("required"), "required must be true or false, found \(v.typeName)")
                ok = false
            }
        }
        var weight = 1.0
        if let v = json["weight"] {
            if let w = number(v, at: path.key("weight"), what: "weight") {
                weight = w
                if required { warning(path.key("weight"), "a required rule adds no weight; this weight is ignored") }
            } else { ok = false }
        }
        var distance = 0.0
        if let v = json["distance"] {
            if let d = number(v, at: path.key("distance"), what: "distance") {
                distance = d
                if !kindName.isEmpty && kindName != "within" {
                    warning(path.key("distance"), "distance only applies to \"within\" rules; it is ignored on a \"\(kindName)\" rule")
                }
            } else { ok = false }
        }
        guard ok else { return nil }
        let kind: Rule.Kind
        switch kindName {
        case "same": kind = .same
        case "different": kind = .different
        case "within": kind = .within(distance: distance)
        default: kind = .overlap
        }
        return Rule(category: category, kind: kind, required: required, weight: required ? 0 : weight)
    }

    mutating func readRepeats(_ json: JSONValue, at path: JSONPath) -> RepeatPolicy {
        var repeats = RepeatPolicy()
        guard let members = object(json, at: path, what: "repeats") else { return repeats }
        checkKeys(members, at: path, allowed: ["forbidWithin", "penalty", "halfLife"], what: "repeats")
        if let v = json["forbidWithin"], let f = integer(v, at: path.key("forbidWithin"), what: "forbidWithin") {
            repeats.forbidWithin = Int(clamping: f)
        }
        if let v = json["penalty"], let p = number(v, at: path.key("penalty"), what: "penalty") {
            repeats.penalty = p
        }
        if let v = json["halfLife"] {
            if case .null = v {
                repeats.halfLife = nil
            } else if let h = number(v, at: path.key("halfLife"), what: "halfLife (or null for no decay)") {
                repeats.halfLife = h
            }
        }
        return repeats
    }

    /// Member ids are non-empty strings; integers are accepted and read as their decimal text.
    mutating func memberID(_ json: JSONValue, at path: JSONPath) -> String? {
        switch json {
        case .string(let s) where !s.isEmpty: return s
        case .string: error(path, "a member id must be a non-empty string")
        default: error(path, "a member id must be a non-empty string, found \(json.typeName)")
        }
        return nil
    }

    mutating func readParticipants(_ json: JSONValue, at path: JSONPath, memberIDs: [String: Int]) -> [String]? {
        guard case .array(let elements) = json else {
            error(path, "participants must be an array of member ids, found \(json.typeName)")
            return nil
        }
        var seen: [String: Int] = [:]
        var ids: [String] = []
        for (i, e) in elements.enumerated() {
            guard let id = memberID(e, at: path.index(i)) else { continue }
            if let first = seen[id] {
                error(path.index(i), "duplicate participant \"\(id)\" (first at $.participants[\(first)])")
                continue
            }
            seen[id] = i
            if memberIDs[id] == nil {
                error(path.index(i), "participant \"\(id)\" is not a member; add it to \"members\" or remove it here")
                continue
            }
            ids.append(id)
        }
        return ids
    }

    mutating func readExclusions(_ json: JSONValue, at path: JSONPath, memberIDs: [String: Int]) -> [Exclusion] {
        guard let elements = array(json, at: path, what: "exclusions") else { return [] }
        var result: [Exclusion] = []
        for (i, element) in elements.enumerated() {
            let p = path.index(i)
            guard case .array(let pair) = element, pair.count == 2 else {
                error(p, "an exclusion must be a pair of member ids such as [\"m1\", \"m9\"], found \(element.typeName)\(element.arrayCountSuffix)")
                continue
            }
            guard let a = memberID(pair[0], at: p.index(0)), let b = memberID(pair[1], at: p.index(1)) else { continue }
            if a == b {
                error(p, "an exclusion needs two different members, found \"\(a)\" twice")
                continue
            }
            result.append(Exclusion(a, b))
        }
        return result
    }

    mutating func readOptions(_ json: JSONValue, at path: JSONPath) -> SolveOptions {
        var options = SolveOptions()
        guard let members = object(json, at: path, what: "options") else { return options }
        checkKeys(members, at: path, allowed: ["solver", "timeLimit", "seed"], what: "options")
        if let v = json["solver"], let s = enumeration(v, at: path.key("solver"), what: "solver", as: SolverChoice.self) { options.solver = s }
        if let v = json["timeLimit"], let t = number(v, at: path.key("timeLimit"), what: "timeLimit") {
            options.timeLimit = t
        }
        if let v = json["seed"] {
            if case .number(let n) = v, let unsigned = n.unsigned {
                options.seed = unsigned
            } else if let s = integer(v, at: path.key("seed"), what: "seed") {
                options.seed = UInt64(bitPattern: s)
            }
        }
        return options
    }
}

extension JSONValue {
    var arrayCountSuffix: String {
        if case .array(let a) = self { return " of \(a.count) elements" }
        return ""
    }
}

extension CategoryValue {
    var kindName: String {
        switch self {
        case .string(let s): return "the string \"\(s)\""
        case .number: return "a number"
        case .bool(let b): return "the boolean \(b)"
        case .strings: return "an array"
        }
    }
}

/// Levenshtein distance, for "did you mean" hints on short keys.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// ISO-8601 dates as history uses them: `YYYY-MM-DD`, optionally followed by a time.
enum ISODate {
    /// A key that sorts chronologically for dates of the forms the format allows
    /// (the date part, then the time text), or nil when the text is not ISO-8601.
    static func sortKey(_ text: String) -> String? {
        let u = Array(text.utf8)
        guard u.count >= 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        for i in [0, 1, 2, 3, 5, 6, 8, 9] where !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(u[i]) { return nil }
        let month = Int(u[5] - 48) * 10 + Int(u[6] - 48), day = Int(u[8] - 48) * 10 + Int(u[9] - 48)
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        if u.count > 10 {
            guard u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: " ") else { return nil }
        }
        return text
    }
}
