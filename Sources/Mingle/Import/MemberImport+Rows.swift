import Foundation

/// Reads the rows of a CSV file into members, one issue per problem, with its
/// line and column.
struct RowReader {
    let plan: ColumnPlan
    let table: CSVTable
    let options: MemberImport
    private(set) var members: [Member] = []
    private(set) var issues: [ImportIssue] = []
    private(set) var invalidLines: [Int] = []
    private(set) var rowCount = 0

    init(plan: ColumnPlan, table: CSVTable, options: MemberImport) {
        self.plan = plan
        self.table = table
        self.options = options
    }

    /// - Complexity: O(rows × columns).
    mutating func readAll() {
        // Empty rows at the end of a file are a spreadsheet's leftovers, not members.
        var records = table.records[...]
        while let last = records.last, Self.isEmpty(last) { records = records.dropLast() }
        rowCount = records.count
        let numeric = numericColumns(records)
        let allowedDomains = Set(options.allowedDomains.map { $0.lowercased() })
        var firstEmail: [String: Int] = [:], firstID: [String: Int] = [:]
        for record in records {
            var row = RowCheck(record: record, headers: plan.headers)
            if Self.isEmpty(record) {
                row.fail(nil, "empty row: remove it (or check that no member was lost in a copy)")
            } else {
                if let extra = record.fields.indices.dropFirst(plan.roles.count).first(where: { !record.fields[$0].trimmingCharacters(in: .whitespaces).isEmpty }) {
                    row.fail(extra, "\(record.fields.count) values but the header has \(plan.roles.count) columns: "
                        + "a value holding \"\(table.delimiter == "\t" ? "\\t" : String(table.delimiter))\" must be in double quotes")
                }
                var member = Member(id: "")
                var id: String?
                for (c, role) in plan.roles.enumerated() {
                    let text = c < record.fields.count ? record.fields[c].trimmingCharacters(in: .whitespacesAndNewlines) : ""
                    read(text, role: role, column: c, numeric: numeric[c], into: &member, id: &id, row: &row)
                }
                if let email = member.email {
                    let key = email.lowercased()
                    if !allowedDomains.isEmpty, !allowedDomains.contains(EmailAddress.domain(of: email)) {
                        row.fail(plan.roles.firstIndex(of: .email), "the domain \(EmailAddress.domain(of: email)) is not allowed; "
                            + "allowed: \(options.allowedDomains.joined(separator: ", "))")
                    }
                    if let first = firstEmail[key] {
                        row.fail(plan.roles.firstIndex(of: .email), "duplicate email \(email) (first on line \(first)); each member needs their own address")
                    } else {
                        firstEmail[key] = record.line
                    }
                    if id == nil { id = key }
                }
                if let id, !id.isEmpty {
                    if let first = firstID[id], plan.roles.contains(.id) {
                        row.fail(plan.roles.firstIndex(of: .id), "duplicate id \"\(id)\" (first on line \(first)); ids must be unique")
                    } else {
                        firstID[id] = record.line
                    }
                    member.id = id
                }
                if row.isValid { members.append(member) }
            }
            issues.append(contentsOf: row.issues)
            if !row.isValid { invalidLines.append(record.line) }
        }
    }

    private mutating func read(_ text: String, role: ColumnRole, column c: Int, numeric: Bool, into member: inout Member, id: inout String?, row: inout RowCheck) {
        switch role {
        case .ignored:
            return
        case .firstName, .lastName:
            if text.contains(where: \.isNewline) {
                row.fail(c, "a name on several lines; check the quotes of this row")
            } else if role == .firstName {
                if text.isEmpty { row.fail(c, "the first name is empty; every member needs one") }
                member.firstName = text
            } else if !text.isEmpty {
                member.lastName = text
            }
        case .email:
            if text.isEmpty {
                row.fail(c, "the email is empty; every member needs an address")
            } else if let problem = EmailAddress.problem(text) {
                row.fail(c, problem)
            } else {
                member.email = text
            }
        case .id:
            if text.isEmpty { row.fail(c, "the id is empty; fill it in, or remove the id column to derive ids from emails") }
            id = text
        case .status:
            switch foldedName(text) {
            case "", "active", "actif": member.status = .active
            case "pending", "enattente", "attente": member.status = .pending
            case "paused", "pause", "enpause": member.status = .paused
            default: row.fail(c, "status \"\(text)\" is not one of active, pending, paused (or actif, en attente, en pause)")
            }
        case .language:
            guard !text.isEmpty else { return }
            if let code = MessageLanguage.code(text) {
                member.language = code
            } else {
                row.warn(c, "\"\(text)\" is not a language Mingle knows (such as fr, en, Français, English); this member's messages will be in English")
            }
        case .groups:
            member.groups = split(text)
        case .guest:
            switch foldedName(text) {
            case "", "false", "no", "non", "0", "faux": member.guest = false
            case "true", "yes", "oui", "1", "x", "vrai": member.guest = true
            default: row.fail(c, "guest \"\(text)\" is not yes or no (oui, non, true, false, 1, 0, or empty for no)")
            }
        case .category(let name):
            guard !text.isEmpty else { return }
            if plan.multiValued[c] {
                member.categories[name] = .strings(split(text))
            } else if numeric, let x = number(text) {
                member.categories[name] = .number(x)
            } else {
                member.categories[name] = .string(text)
            }
        }
    }

    /// The values of a multi-valued cell: split, trimmed, empty ones and repeats dropped.
    private func split(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.components(separatedBy: options.multiSeparator)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Category columns whose every value is a number become numbers (a column
    /// mixing numbers and text stays text, so "3" and 3 never meet in one column).
    private func numericColumns(_ records: ArraySlice<CSVTable.Record>) -> [Bool] {
        plan.roles.indices.map { c in
            guard case .category = plan.roles[c], !plan.multiValued[c] else { return false }
            var any = false
            for record in records where c < record.fields.count {
                let text = record.fields[c].trimmingCharacters(in: .whitespacesAndNewlines)
                if text.isEmpty { continue }
                if number(text) == nil { return false }
                any = true
            }
            return any
        }
    }

    /// A decimal number without leading zeros (`01000` is a code, not a number);
    /// the decimal mark is a dot, or a comma when the delimiter is not a comma.
    func number(_ text: String) -> Double? {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let mark = body.first { $0 == "." || $0 == "," }
        if mark == "," && table.delimiter == "," { return nil }
        let parts = mark.map { body.split(separator: $0, omittingEmptySubsequences: false) } ?? [body]
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              parts[0] == "0" || parts[0].first != "0" else { return nil }
        return Double(text.replacingOccurrences(of: ",", with: "."))
    }

    static func isEmpty(_ record: CSVTable.Record) -> Bool {
        record.fields.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }
}

/// The issues of one row.
private struct RowCheck {
    let record: CSVTable.Record
    let headers: [String]
    var issues: [ImportIssue] = []
    var isValid: Bool { !issues.contains { $0.severity == .error } }

    init(record: CSVTable.Record, headers: [String]) {
        self.record = record
        self.headers = headers
    }

    mutating func fail(_ column: Int?, _ message: String) {
        issues.append(issue(.error, column, message))
    }

    mutating func warn(_ column: Int?, _ message: String) {
        issues.append(issue(.warning, column, message))
    }

    private func issue(_ severity: ImportIssue.Severity, _ column: Int?, _ message: String) -> ImportIssue {
        let name = column.flatMap { $0 < headers.count && !headers[$0].isEmpty ? headers[$0] : nil }
        return ImportIssue(severity, line: record.line, column: column.map { $0 + 1 }, columnName: name, message)
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
