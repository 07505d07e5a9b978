/// One problem found in a session: where (a JSON path such as `$.members[12].id`)
/// and what is wrong, in words that say what would be right.
public struct SessionIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Equatable {
        /// The session cannot be solved as written.
        case error
        /// The session is valid but probably not what was meant.
        case warning
    }

    public var severity: Severity
    /// JSONPath of the offending value, `$` for the whole document.
    public var path: String
    public var message: String
    /// The file the issue is in, when a session is assembled from several files
    /// (nil: the file of the `SessionError`).
    public var file: String?

    public init(_ severity: Severity, path: String, _ message: String, file: String? = nil) {
        self.severity = severity
        self.path = path
        self.message = message
        self.file = file
    }

    public var description: String { "\(path): \(message)" }

    /// The same issue, in `file`.
    func with(file: String) -> SessionIssue {
        var located = self
        located.file = file
        return located
    }

    /// The issue of a text that is not well-formed JSON (the one wording for every file).
    public init(_ syntax: JSONSyntaxError, file: String? = nil) {
        self.init(.error, path: syntax.path, syntax.description, file: file)
    }
}

/// A session that could not be read: the file (when there is one) and every
/// problem found, not only the first.
public struct SessionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name, or nil for standard input or in-memory data.
    public var file: String?
    /// The errors (warnings are not part of a `SessionError`).
    public var issues: [SessionIssue]

    public init(file: String?, issues: [SessionIssue]) {
        self.file = file
        self.issues = issues
    }

    public var description: String {
        issues.map { ($0.file ?? file ?? "<stdin>") + ": " + $0.description }.joined(separator: "\n")
    }
}

/// A path into a JSON document, written as JSONPath (`$.members[3].categories.city`).
struct JSONPath: Sendable, CustomStringConvertible {
    private var text: String
    static let root = JSONPath(text: "$")
    private init(text: String) { self.text = text }

    func key(_ name: String) -> JSONPath {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_") && $0.isASCII
        } && !(name.first?.isNumber ?? true)
        if plain { return JSONPath(text: text + "." + name) }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        return JSONPath(text: text + "['" + escaped + "']")
    }

    func index(_ i: Int) -> JSONPath { JSONPath(text: text + "[\(i)]") }

    var description: String { text }
}

import Foundation
