import Foundation

/// What a CSV column holds.
enum ColumnRole: Equatable {
    case id, firstName, lastName, email, status, language, groups, guest
    case category(String)
    case ignored

    /// Recognised fields and the headers that name them, folded (no case, no
    /// accents, letters and digits only): English and French.
    static let fields: [(role: ColumnRole, name: String, headers: [String])] = [
        (.firstName, "first name", ["firstname", "first", "givenname", "prenom"]),
        (.lastName, "last name", ["lastname", "last", "surname", "familyname", "nom", "nomdefamille"]),
        (.email, "email", ["email", "mail", "emailaddress", "courriel", "adresseemail", "adressemail", "adresseelectronique", "adressecourriel"]),
        (.id, "id", ["id", "identifiant", "memberid", "employeeid", "matricule"]),
        (.status, "status", ["status", "statut"]),
        (.language, "language", ["language", "langue", "lang", "locale"]),
        (.groups, "groups", ["groups", "groupes"]),
        (.guest, "guest", ["guest", "invite"]),
    ]

    static func field(named folded: String) -> ColumnRole? {
        fields.first { $0.headers.contains(folded) }?.role
    }

    var fieldName: String {
        if case .category(let name) = self { return "category \"\(name)\"" }
        return ColumnRole.fields.first { $0.role == self }?.name ?? "ignored"
    }
}

/// A header or option name without case, accents, spaces or punctuation:
/// `Prénom` and `prenom`, `E-mail` and `email` fold the same.
func foldedName(_ text: String) -> String {
    let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    return String(folded.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
}

/// The role of every column of a CSV file, and the problems of its header.
struct ColumnPlan {
    var roles: [ColumnRole] = []
    /// Category columns split on the separator.
    var multiValued: [Bool] = []
    /// Headers as written (trimmed).
    var headers: [String] = []
    var issues: [ImportIssue] = []
    /// Header problems make every row unreadable.
    var isFatal: Bool { issues.contains { $0.severity == .error } }

    /// - Complexity: O(columns × (options + rows of unnamed columns)).
    init(table: CSVTable, options: MemberImport) {
        headers = table.header.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        if headers.allSatisfy(\.isEmpty) {
            issues.append(ImportIssue(.error, line: 1, "the file is empty: the first line must name the columns, such as Prénom;Nom;Email"))
            return
        }
        var renameUsed = [Bool](repeating: false, count: options.renames.count)
        var ignoreUsed = [Bool](repeating: false, count: options.ignored.count)
        for (c, header) in headers.enumerated() {
            let folded = foldedName(header)
            if header.isEmpty {
                if table.records.contains(where: { c < $0.fields.count && !$0.fields[c].trimmingCharacters(in: .whitespaces).isEmpty }) {
                    issues.append(ImportIssue(.error, line: 1, column: c + 1, "this column has values but no name: give it a name in the header"))
                }
                roles.append(.ignored)
            } else if let i = options.ignored.firstIndex(where: { foldedName($0) == folded }) {
                ignoreUsed[i] = true
                roles.append(.ignored)
            } else if let i = options.renames.firstIndex(where: { foldedName($0.column) == folded }) {
                renameUsed[i] = true
                let name = options.renames[i].name
                roles.append(ColumnRole.field(named: foldedName(name)) ?? .category(name))
            } else {
                roles.append(ColumnRole.field(named: folded) ?? .category(header))
            }
        }
        let columnList = headers.filter { !$0.isEmpty }.joined(separator: ", ")
        for (i, used) in renameUsed.enumerated() where !used {
            issues.append(ImportIssue(.error, line: 1, "column \"\(options.renames[i].column)\" (to rename \(options.renames[i].name)) is not in the header; the columns are: \(columnList)"))
        }
        for (i, used) in ignoreUsed.enumerated() where !used {
            issues.append(ImportIssue(.error, line: 1, "column \"\(options.ignored[i])\" (to ignore) is not in the header; the columns are: \(columnList)"))
        }
        checkDuplicates()
        checkRequired()
        planMultiValued(options, columnList: columnList)
    }

    private mutating func checkDuplicates() {
        for (c, role) in roles.enumerated() where role != .ignored {
            if let first = roles[..<c].firstIndex(of: role) {
                issues.append(ImportIssue(.error, line: 1, column: c + 1, columnName: headers[c],
                    "a second \(role.fieldName) column (the first is column \(first + 1), \(headers[first])): rename or ignore one of them"))
            }
        }
    }

    private mutating func checkRequired() {
        let required: [(ColumnRole, String, String)] = [
            (.firstName, "firstName", "First name, Prénom"), (.lastName, "lastName", "Last name, Nom"), (.email, "email", "Email, E-mail, Courriel"),
        ]
        for (role, key, examples) in required where !roles.contains(role) {
            issues.append(ImportIssue(.error, line: 1, "no \(role.fieldName) column: the header needs one (such as \(examples); any case, with or without accents), "
                + "or rename a column to \(key)"))
        }
    }

    private mutating func planMultiValued(_ options: MemberImport, columnList: String) {
        multiValued = roles.map { $0 == .groups }
        for name in options.multiValued {
            let folded = foldedName(name)
            let matches = roles.indices.filter { c in
                if case .category(let category) = roles[c] { return foldedName(headers[c]) == folded || foldedName(category) == folded }
                return roles[c] != .ignored && foldedName(headers[c]) == folded
            }
            if matches.isEmpty {
                issues.append(ImportIssue(.error, line: 1, "column \"\(name)\" (to split into several values) is not in the header; the columns are: \(columnList)"))
            }
            for c in matches {
                if case .category = roles[c] {
                    multiValued[c] = true
                } else if roles[c] != .groups {
                    issues.append(ImportIssue(.error, line: 1, column: c + 1, columnName: headers[c],
                        "only category columns (and groups) hold several values; this is the \(roles[c].fieldName) column"))
                }
            }
        }
    }
}
