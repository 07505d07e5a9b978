/// Turns a CSV export of members (an HR system, a spreadsheet) into the
/// members of docs/format.md (the session), validating every row as member platforms do.
///
/// Required columns are first name, last name and email, with English or French
/// headers in any case and with or without accents (`Prénom`, `Nom`, `Email`,
/// `First name`, `E-mail`...). Optional recognised columns: `id`, `status`
/// (`statut`), `language` (`langue`), `groups` (`groupes`) and `guest`
/// (`invité`). Every other column becomes a category named after its header,
/// unless renamed (`renames`) or dropped (`ignored`). Without an id column a
/// member's id is their email in lower case, so it stays the same from one
/// import to the next.
///
/// ```swift
/// let result = try MemberImport(multiValued: ["interests"]).read(bytes)  // throws when no row can be trusted
/// if result.errors.isEmpty { write(MembersFile.jsonBytes(result.members)) }
/// ```
public struct MemberImport: Sendable {
    /// Columns renamed: the header (matched without case and accents) and the
    /// new name, a category or a recognised field such as `email` or `groups`.
    public var renames: [ColumnRename]
    /// Columns dropped (headers matched without case and accents).
    public var ignored: [String]
    /// Category columns holding several values split on `multiSeparator`
    /// (by header or by new name). A `groups` column is always split.
    public var multiValued: [String]
    public var multiSeparator: String
    /// When not empty, only emails in these domains are accepted (exact
    /// domain, case-insensitive; subdomains are different domains).
    public var allowedDomains: [String]
    /// nil: detected from the header line (comma, semicolon or tab).
    public var delimiter: Character?

    public init(renames: [ColumnRename] = [], ignored: [String] = [], multiValued: [String] = [], multiSeparator: String = "|",
                allowedDomains: [String] = [], delimiter: Character? = nil) {
        self.renames = renames
        self.ignored = ignored
        self.multiValued = multiValued
        self.multiSeparator = multiSeparator
        self.allowedDomains = allowedDomains
        self.delimiter = delimiter
    }

    /// A column renamed on import: `Ville=city`.
    public struct ColumnRename: Sendable, Equatable {
        public var column: String
        public var name: String
        public init(column: String, name: String) {
            self.column = column
            self.name = name
        }
    }

    /// Reads a CSV file. Every problem is collected, not only the first.
    ///
    /// - Throws: `MemberImportError` when the whole file is wrong (malformed
    ///   CSV, not UTF-8, a required column missing): no row can be trusted.
    /// - Complexity: O(size of the file + rows × columns).
    public func read(_ data: some Collection<UInt8>) throws(MemberImportError) -> MemberImportResult {
        let table: CSVTable
        do {
            table = try CSVTable.read(Array(data), delimiter: delimiter)
        } catch {
            throw MemberImportError(issues: [error])
        }
        var plan = ColumnPlan(table: table, options: self)
        guard !plan.isFatal else { throw MemberImportError(issues: plan.issues) }
        var rows = RowReader(plan: plan, table: table, options: self)
        rows.readAll()
        plan.issues.append(contentsOf: rows.issues)
        plan.issues.sort { ($0.line, $0.column ?? 0) < ($1.line, $1.column ?? 0) }
        var carried = MemberImportResult.Carried()
        for role in plan.roles {
            switch role {
            case .category(let name): carried.categories.append(name)
            case .language: carried.language = true
            case .groups: carried.groups = true
            case .guest: carried.guest = true
            case .id, .firstName, .lastName, .email, .status, .ignored: break
            }
        }
        return MemberImportResult(members: rows.members, issues: plan.issues, rows: rows.rowCount,
                                  invalidRows: rows.invalidLines.count, delimiter: table.delimiter, carried: carried)
    }
}

/// A CSV file that cannot be read as members at all: its problems (errors,
/// and the warnings found before them), by line.
public struct MemberImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var issues: [ImportIssue]
    public var errors: [ImportIssue] { issues.filter { $0.severity == .error } }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// What an import found: the valid members and every problem.
public struct MemberImportResult: Sendable {
    /// The members of the valid rows, in file order.
    public var members: [Member]
    /// Errors and warnings, by line then column.
    public var issues: [ImportIssue]
    /// Data rows read (trailing empty rows are not counted).
    public var rows: Int
    /// Rows with at least one error; none of them is in `members`.
    public var invalidRows: Int
    /// The delimiter used.
    public var delimiter: Character
    /// What the file's columns carry besides names, email and status, which an
    /// update overwrites; the rest of a member (status, dates) is kept.
    public var carried = Carried()

    public struct Carried: Sendable, Equatable {
        /// Category columns, by their names in the members file.
        public var categories: [String] = []
        public var language = false, groups = false, guest = false
    }

    public var errors: [ImportIssue] { issues.filter { $0.severity == .error } }
    public var warnings: [ImportIssue] { issues.filter { $0.severity == .warning } }

    /// Whether the members may be written: no error at all, or only row errors
    /// when invalid rows are skipped.
    public func canWrite(skippingInvalidRows: Bool) -> Bool {
        errors.isEmpty || skippingInvalidRows
    }
}

/// One problem in a CSV file: where (line, and column when it is about one
/// value) and what is wrong, in words that say what would be right.
public struct ImportIssue: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Equatable {
        case error, warning
    }

    public var severity: Severity
    /// The 1-based line the record starts on (the header is line 1).
    public var line: Int
    /// The 1-based column (field number), when the issue is about one value.
    public var column: Int?
    /// The column's header, when the issue is about one value.
    public var columnName: String?
    public var message: String

    public init(_ severity: Severity, line: Int, column: Int? = nil, columnName: String? = nil, _ message: String) {
        self.severity = severity
        self.line = line
        self.column = column
        self.columnName = columnName
        self.message = message
    }

    /// `line 7, column 3 (Email): ...`
    public var description: String {
        var place = "line \(line)"
        if let column { place += ", column \(column)" }
        if let columnName { place += " (\(columnName))" }
        return place + ": " + message
    }
}
