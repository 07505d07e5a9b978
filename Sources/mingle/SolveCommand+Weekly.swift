import ArgumentParser
import Foundation
import Mingle

/// The options of `mingle solve` for a weekly job: a session assembled from
/// parts, the history kept by Mingle, and match messages.
struct WeeklyRunOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A members file (as `mingle import` writes it), a part of the session.", valueName: "FILE"))
    var members: String?

    @Option(help: ArgumentHelp("A program file: the program object, or {\"program\": {...}} which may also hold options, exclusions, participants (docs/format.md).", valueName: "FILE"))
    var program: String?

    @Option(help: ArgumentHelp("A history file: {\"history\": [...]} (read only).", valueName: "FILE"))
    var history: String?

    @Option(name: .customLong("append-history"), help: ArgumentHelp(
        "A history file to keep: read when it exists, then this session's groups are appended to it (atomically).", valueName: "FILE"))
    var appendHistory: String?

    @Option(help: ArgumentHelp("The date of this session, YYYY-MM-DD (default: the session's date, else today): members paused until a later day take no part; --append-history and --messages use it.", valueName: "DATE"))
    var date: String?

    @Option(help: ArgumentHelp("Write one message per participant to this JSON Lines file.", valueName: "FILE"))
    var messages: String?

    @Option(help: ArgumentHelp("A folder of templates replacing the built-in ones: match.LANG.mustache, unmatched.LANG.mustache.", valueName: "DIR"))
    var templates: String?

    /// Whether any of these options is given.
    var isUsed: Bool {
        members != nil || program != nil || history != nil || appendHistory != nil || date != nil || messages != nil || templates != nil
    }

    func validate() throws {
        if let date, CalendarDate(date) == nil {
            throw ValidationError("--date must be a date such as 2026-11-23 (YYYY-MM-DD), not '\(date)'")
        }
        if templates != nil && messages == nil { throw ValidationError("--templates needs --messages") }
    }

    /// A session ready to solve, and what the history file to append to held.
    struct Prepared {
        var session: Session
        var pastInAppendFile: [PastSession] = []
        var templates = MessageTemplates.builtIn
    }

    /// Reads the session: INPUT alone (or standard input) as docs/format.md (exit codes) has
    /// it, or, when a part is given, INPUT (a whole session or a fragment) and
    /// the parts merged.
    func prepare(input: String?, log: Log) throws(CLIFailure) -> Prepared {
        var prepared = try readSession(input: input, log: log)
        // The session's day: --date, else its own, else today for a weekly run (a plain solve keeps none).
        if let date {
            if let own = prepared.session.date, own != date {
                throw CLIFailure(code: .dataError, message: "the session's date \(own) differs from --date \(date); give one or the other")
            }
            prepared.session.date = date
        } else if prepared.session.date == nil && (members != nil || appendHistory != nil || messages != nil) {
            prepared.session.date = Self.today()
        }
        if appendHistory != nil, let day = prepared.session.date {
            // Checked before solving, so that a refused run writes nothing.
            _ = try appended(PastSession(date: day, groups: []), to: prepared.pastInAppendFile)
        }
        // Read before solving, so that a bad template writes nothing.
        if let templates { prepared.templates = try Self.loadTemplates(templates) }
        return prepared
    }

    private func readSession(input: String?, log: Log) throws(CLIFailure) -> Prepared {
        // A history file not created yet, or created empty (touch), holds no past session.
        let appendFileExists = appendHistory.map {
            FileManager.default.fileExists(atPath: $0) && !(FileManager.default.contents(atPath: $0)?.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } ?? false)
        } ?? false
        guard members != nil || program != nil || history != nil || appendFileExists else {
            return Prepared(session: try InputFile.session(input, log: log))
        }
        var parts: [SessionPart] = []
        if let input { parts.append(try part(.session, input)) }
        if let members { parts.append(try part(.members, members)) }
        if let program { parts.append(try part(.program, program)) }
        if let history { parts.append(try part(.history, history)) }
        var past: [PastSession] = []
        if let appendHistory, appendFileExists {
            let kept: SessionPart
            if let history, Self.sameFile(history, appendHistory) {
                kept = parts.last!
            } else {
                kept = try part(.history, appendHistory)
                parts.append(kept)
            }
            do {
                past = try HistoryFile.decode(kept.bytes, file: appendHistory)
            } catch {
                throw CLIFailure(code: .dataError, message: "invalid history file (--append-history rewrites it, so it holds only \"version\" and \"history\"):\n" + error.description)
            }
        }
        do {
            let (session, warnings) = try Session.decode(parts: parts)
            let names = parts.map { $0.file ?? "<stdin>" }.joined(separator: " + ")
            for w in warnings { log.warning("\(w.file ?? names): \(w)") }
            return Prepared(session: session, pastInAppendFile: past)
        } catch {
            throw CLIFailure(code: .dataError, message: "invalid session:\n" + error.description)
        }
    }

    private func part(_ role: SessionPart.Role, _ path: String) throws(CLIFailure) -> SessionPart {
        let (bytes, name) = try InputFile.read(path)
        return SessionPart(role, bytes: bytes, file: name)
    }

    static func sameFile(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).resolvingSymlinksInPath().path == URL(fileURLWithPath: b).resolvingSymlinksInPath().path
    }

    /// Stages the messages and the history with the output, so that a week
    /// writes all its files or none (the week can then be re-run); returns
    /// what to tell once they are written.
    func finish(_ prepared: Prepared, output: Output, into files: inout OutputFiles) throws(CLIFailure) -> [String] {
        var told: [String] = []
        let day = prepared.session.date ?? date ?? Self.today()
        if let messages {
            let composer = MessageComposer(templates: prepared.templates, date: day)
            let written = composer.messages(for: prepared.session, output: output)
            try files.add(MatchMessage.jsonLines(written), to: messages)
            told.append("wrote \(written.count) messages to \(messages)")
        }
        if let appendHistory {
            let updated = try appended(PastSession(date: day, output: output), to: prepared.pastInAppendFile)
            try files.add(HistoryFile.jsonBytes(updated), to: appendHistory)
            told.append("appended the session of \(day) (\(output.groups.count) groups) to \(appendHistory), which now holds \(updated.count) session(s)")
        }
        return told
    }


    private func appended(_ session: PastSession, to past: [PastSession]) throws(CLIFailure) -> [PastSession] {
        do {
            return try HistoryFile.appending(session, to: past)
        } catch {
            throw CLIFailure(code: .dataError, message: "\(appendHistory ?? ""): nothing was written: \(error)")
        }
    }

    /// The built-in templates, with those found in `folder` replacing them.
    static func loadTemplates(_ folder: String) throws(CLIFailure) -> MessageTemplates {
        var templates = MessageTemplates.builtIn
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".mustache") }.sorted()
        } catch {
            throw CLIFailure(code: .noInput, message: "cannot open the templates folder \(folder)")
        }
        for name in names {
            let parts = name.split(separator: ".")
            guard parts.count == 3, let kind = MatchMessage.Kind(rawValue: String(parts[0])) else {
                throw CLIFailure(code: .dataError, message: "\(folder)/\(name): a template is named KIND.LANG.mustache, KIND one of match, unmatched, invitation, reminder, such as match.fr.mustache")
            }
            let path = (folder as NSString).appendingPathComponent(name)
            let (bytes, _) = try InputFile.read(path)
            do {
                try templates.replace(kind, language: String(parts[1]), with: String(decoding: bytes, as: UTF8.self))
            } catch {
                throw CLIFailure(code: .dataError, message: "\(path): \(error)")
            }
        }
        return templates
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
