/// The history file a weekly job keeps (an extension of the spec):
/// `{"version": 1, "history": [past sessions]}`, the `history` of a session
/// (docs/format.md) on its own, so that it can be a part of the next week's session.
public enum HistoryFile {
    /// Reads a history file: an object with `history` (and optionally `version`).
    ///
    /// - Throws: `SessionError` listing every problem with its JSON path.
    /// - Complexity: O(size of the file).
    public static func decode(_ data: some Collection<UInt8>, file: String? = nil) throws(SessionError) -> [PastSession] {
        var reader = SessionReader()
        do {
            let document = try SessionReader.scan(data, allowed: ["version", "history"], what: "a history file")
            reader.issues += document.issues
            if document.isObject {
                if let v = document.version { reader.version(v, at: JSONPath.root.key("version")) }
                if let history = document.history {
                    reader.issues += history.issues
                    if !reader.issues.contains(where: { $0.severity == .error }) { return history.sessions }
                } else {
                    reader.error(.root, "a history file needs \"history\": an array of past sessions, each {\"date\": ..., \"groups\": [[ids]]}")
                }
            }
        } catch {
            reader.issues.append(SessionIssue(error))
        }
        throw SessionError(file: file, issues: reader.issues.filter { $0.severity == .error })
    }

    /// The history file's text, ending with a newline.
    ///
    /// - Complexity: O(size of the history).
    public static func jsonBytes(_ history: [PastSession]) -> [UInt8] {
        JSONWriter.partFile("history", history) { $0.pastSession($1) }
    }

    /// Whether `text` is a date history accepts: `YYYY-MM-DD`, optionally followed by a time.
    public static func isDate(_ text: String) -> Bool {
        ISODate.sortKey(text) != nil
    }

    /// The history with `session` appended as its most recent session.
    ///
    /// - Throws: `HistoryAppendError` when the session has no valid date, or when a
    ///   past session is dated the same day or later (appending it again, say
    ///   when a weekly job is re-run, would count its pairs twice).
    /// - Complexity: O(history).
    public static func appending(_ session: PastSession, to history: [PastSession]) throws(HistoryAppendError) -> [PastSession] {
        guard let date = session.date, let key = ISODate.sortKey(date) else {
            throw HistoryAppendError(message: "the new session needs a date such as 2026-11-23 (YYYY-MM-DD), found \(session.date.map { "\"\($0)\"" } ?? "none")")
        }
        let day = key.prefix(10)
        if let later = history.compactMap(\.date).first(where: { (ISODate.sortKey($0) ?? $0).prefix(10) >= day }) {
            let which = later.prefix(10) == day ? "already has a session dated \(later)" : "has a later session, dated \(later)"
            throw HistoryAppendError(message: "the history \(which); a new session must be dated after every past one (re-running a week would count its pairs twice)")
        }
        return history + [session]
    }
}

/// Why a session could not be appended to a history.
public struct HistoryAppendError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

