import ArgumentParser
import Foundation
import Mingle

/// `mingle validate`: lists every problem in a session.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a session and list every problem found (exit 65 when there is an error)."
    )

    @Argument(help: "The session JSON file; '-' for standard input.")
    var input: String?

    func run() throws {
        let (bytes, name) = try InputFile.read(input)
        let file = name ?? "<stdin>"
        let issues = Session.issues(in: bytes)
        var out = ""
        for issue in issues {
            out += "\(file): \(issue.severity == .warning ? "warning: " : "")\(issue)\n"
        }
        let errors = issues.filter { $0.severity == .error }.count
        if errors == 0, let (session, _) = try? Session.decode(bytes, file: name) {
            let problem = Problem(session)
            out += "\(file): valid session: \(session.members.count) members, \(problem.count + problem.absent.count) participants (\(problem.absent.count) take no part), \(session.program.rules.count) rules, \(session.history.count) past sessions\n"
        } else {
            out += "\(file): \(errors) error(s), \(issues.count - errors) warning(s)\n"
        }
        try Descriptor.standardOutput(Array(out.utf8))
        if errors > 0 { throw CLIFailure(code: .dataError, message: "\(file) is not a valid session") }
    }
}
