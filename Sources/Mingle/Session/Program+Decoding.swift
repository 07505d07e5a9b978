extension Program {
    /// Reads and validates a program on its own (a rule set file of `mingle
    /// compare`, a program file of `mingle solve --program`): the object of
    /// docs/format.md (the session)'s `program`, with JSON paths from its root
    /// (`$.rules[2].kind`), or the same wrapped as `{"version": 1, "program":
    /// {...}}` (paths `$.program.rules[2].kind`). With `session`, a `within`
    /// rule over a category that is not a number for one of its members is an
    /// error too.
    ///
    /// - Throws: `SessionError` listing every error.
    public static func decode(_ data: some Collection<UInt8>, file: String? = nil, for session: Session? = nil)
        throws(SessionError) -> (program: Program, warnings: [SessionIssue]) {
        var json: JSONValue
        do {
            json = try JSONValue.parse(data)
        } catch {
            throw .malformed(error, file: file)
        }
        var reader = SessionReader()
        var at = JSONPath.root
        if let wrapped = json["program"], case .object(let keys) = json {
            reader.checkKeys(keys, at: .root, allowed: ["version", "program"], what: "a program file")
            if let v = json["version"] { reader.version(v, at: JSONPath.root.key("version")) }
            at = at.key("program")
            json = wrapped
        }
        let program = reader.readProgram(json, at: at)
        reader.issues += program.validate(at: at)
        // Indices of the rules as written (a rule with an error is not in `program.rules`).
        if let session, case .array(let rules)? = json["rules"] {
            for (r, rule) in rules.enumerated() {
                guard case .string("within")? = rule["kind"], case .string(let category)? = rule["category"] else { continue }
                for member in session.members {
                    guard let value = member.categories[category] else { continue }
                    if case .number = value { continue }
                    reader.error(at.key("rules").index(r), "a \"within\" rule needs numbers, but \"\(category)\" of member \"\(member.id)\" of the session is \(value.kindName)")
                    break
                }
            }
        }
        let errors = reader.issues.filter { $0.severity == .error }
        guard errors.isEmpty else { throw SessionError(file: file, issues: errors) }
        return (program, reader.issues.filter { $0.severity == .warning })
    }
}

extension SessionError {
    /// The error for JSON text that does not parse, at `$`.
    static func malformed(_ error: JSONSyntaxError, file: String?) -> SessionError {
        SessionError(file: file, issues: [SessionIssue(error)])
    }
}
