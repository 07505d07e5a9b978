import ArgumentParser
import Foundation
import Mingle

/// `mingle import`: a CSV export of members -> the members file of docs/format.md (the session).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a CSV export of members into a members file (docs/format.md).",
        discussion: """
            Required columns: first name, last name, email (English or French headers, any case, \
            with or without accents: Prénom, Nom, Email...). Recognised columns: id, status (statut), \
            language (langue), groups (groupes), guest (invité). Every other column becomes a category. \
            Without an id column, a member's id is their email in lower case. Every problem is listed \
            with its line and column; when a row is invalid nothing is written (exit 65) unless \
            --skip-invalid, which writes the valid rows and lists the others on standard error.
            """
    )

    @Argument(help: "The CSV file (UTF-8, with or without BOM; comma, semicolon or tab); '-' or nothing for standard input.")
    var input: String?

    @Option(name: .shortAndLong, help: "Where to write the members JSON; standard output when absent. Written whole or not at all.")
    var output: String?

    @Option(name: .customLong("map"), help: ArgumentHelp("Rename a column: COLUMN=NAME, a category name or a field (email, groups...). Repeatable.", valueName: "COLUMN=NAME"))
    var renames: [String] = []

    @Option(help: ArgumentHelp("Drop a column. Repeatable.", valueName: "COLUMN"))
    var ignore: [String] = []

    @Option(help: ArgumentHelp("A category column holding several values, split on --multi-separator. Repeatable.", valueName: "COLUMN"))
    var multi: [String] = []

    @Option(name: .customLong("multi-separator"), help: "The separator of multi-valued columns and of groups.")
    var multiSeparator = "|"

    @Option(name: .customLong("allowed-domain"), help: ArgumentHelp("Accept only emails in this domain (exact, any case). Repeatable.", valueName: "DOMAIN"))
    var allowedDomains: [String] = []

    @Option(help: "comma, semicolon, tab or one character; detected from the header line when absent.")
    var delimiter: String?

    @Flag(name: .customLong("skip-invalid"), help: "Write the valid rows and list the invalid ones on standard error (exit 0).")
    var skipInvalid = false

    @Flag(name: .shortAndLong, help: "No summary on standard error (problems are still listed).")
    var quiet = false

    @Option(help: ArgumentHelp("Merge the export into this members file (by id, the lower-cased email): add, update, remove leavers; "
        + "keep what the export does not carry (status, pauses, invitations). Rewritten in place unless -o is given.", valueName: "MEMBERS"))
    var update: String?

    @Option(name: .customLong("new-status"), help: ArgumentHelp("The status of new members: active or pending (with --update the export's status column is not read; without it, pending replaces active).", valueName: "STATUS"))
    var newStatus = "active"

    @Flag(name: .customLong("keep-leavers"), help: "With --update: keep members missing from the export, with status left, instead of removing them.")
    var keepLeavers = false

    @Option(help: ArgumentHelp("With --update: write what changed as JSON (added, updated with their fields, left, returned, held).", valueName: "FILE"))
    var report: String?

    func validate() throws {
        for rename in renames {
            let parts = rename.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--map takes COLUMN=NAME, such as --map Ville=city; found '\(rename)'")
            }
        }
        guard !multiSeparator.isEmpty else { throw ValidationError("--multi-separator must not be empty") }
        if let delimiter, delimiterCharacter(delimiter) == nil {
            throw ValidationError("--delimiter must be comma, semicolon, tab or a single character, not '\(delimiter)'")
        }
        guard newStatus == "active" || newStatus == "pending" else {
            throw ValidationError("--new-status must be active or pending, not '\(newStatus)'")
        }
        if update == nil && keepLeavers { throw ValidationError("--keep-leavers applies to --update only") }
        if update == nil && report != nil { throw ValidationError("--report applies to --update only") }
        for domain in allowedDomains where domain.contains("@") || !domain.contains(".") {
            throw ValidationError("--allowed-domain takes a domain such as example.org, not '\(domain)'")
        }
    }

    private func delimiterCharacter(_ name: String) -> Character? {
        switch name {
        case "comma": return ","
        case "semicolon": return ";"
        case "tab", "\\t": return "\t"
        default: return name.count == 1 && name != "\"" ? name.first : nil
        }
    }

    func run() throws {
        let log = Log(quiet: quiet)
        let (bytes, name) = try InputFile.read(input)
        let file = name ?? "<stdin>"
        let importer = MemberImport(
            renames: renames.map {
                let parts = $0.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return MemberImport.ColumnRename(column: parts[0], name: parts[1])
            },
            ignored: ignore, multiValued: multi, multiSeparator: multiSeparator, allowedDomains: allowedDomains,
            delimiter: delimiter.flatMap(delimiterCharacter))
        let result: MemberImportResult
        do {
            result = try importer.read(bytes)
        } catch {
            throw CLIFailure(code: .dataError, message: "\(file): the file cannot be read as members; nothing was written:\n"
                + error.errors.map { "\(file): \($0)" }.joined(separator: "\n"))
        }
        for w in result.warnings { log.warning("\(file): \(w)") }
        let errors = result.errors
        guard result.canWrite(skippingInvalidRows: skipInvalid), !result.members.isEmpty || errors.isEmpty else {
            let what = "\(result.invalidRows) invalid row(s) of \(result.rows)"
            let hint = skipInvalid ? "" : " (--skip-invalid writes the valid rows)"
            throw CLIFailure(code: .dataError, message: "\(file): \(what); nothing was written\(hint):\n"
                + errors.map { "\(file): \($0)" }.joined(separator: "\n"))
        }
        let status = MemberStatus(rawValue: newStatus)!
        var summary: String?
        if let update {
            let existing = try MembersFileInput.read(update, log: log)
            // A skipped row may be a member's: with invalid rows, nobody leaves this time.
            let merged = MembersUpdate(newStatus: status, keepLeavers: keepLeavers, holdLeavers: !errors.isEmpty).merge(existing, with: result)
            // `add` and `commit` discard every staged file on a failure: all or none.
            var files = OutputFiles()
            try files.add(MembersFile.jsonBytes(merged.members), to: output ?? update)
            if let report { try files.add(merged.jsonBytes(leaversKept: keepLeavers), to: report) }
            try files.commit()
            summary = Self.summary(merged, keepLeavers: keepLeavers, target: output ?? update)
        } else {
            var members = result.members
            if status != .active { for i in members.indices where members[i].status == .active { members[i].status = status } }
            try OutputFile.write(MembersFile.jsonBytes(members), to: output)
        }
        if !errors.isEmpty {
            log.warning("\(file): skipped \(result.invalidRows) invalid row(s):\n" + errors.map { "  \(file): \($0)" }.joined(separator: "\n"))
        }
        let separator = result.delimiter == "\t" ? "tab" : "'\(result.delimiter)'"
        log.info("imported \(result.members.count) members from \(file) (\(result.rows) rows, \(result.invalidRows) invalid; delimiter \(separator))")
        if let summary { log.info(summary) }
    }

    /// `updated FILE: 1 added (a), 1 updated (b: categories.department), 1 left (c)`.
    static func summary(_ merged: MembersUpdate.Result, keepLeavers: Bool, target: String) -> String {
        func ids(_ list: [String]) -> String { list.isEmpty ? "" : " (" + list.joined(separator: ", ") + ")" }
        var parts = ["\(merged.added.count) added\(ids(merged.added))"]
        let updated = merged.updated.map { "\($0.id): \($0.fields.joined(separator: ", "))" }
        parts.append("\(merged.updated.count) updated" + (updated.isEmpty ? "" : " (" + updated.joined(separator: "; ") + ")"))
        parts.append("\(merged.left.count) left\(ids(merged.left))" + (merged.left.isEmpty ? "" : keepLeavers ? " kept with status left" : " removed"))
        if !merged.returned.isEmpty { parts.append("\(merged.returned.count) returned\(ids(merged.returned))") }
        if !merged.held.isEmpty { parts.append("\(merged.held.count) missing but kept, since rows were skipped\(ids(merged.held))") }
        return "updated \(target): " + parts.joined(separator: ", ") + "; \(merged.members.count) members"
    }
}
