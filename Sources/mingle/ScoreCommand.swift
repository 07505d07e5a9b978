import ArgumentParser
import Foundation
import Mingle

/// `mingle score`: recompute scores, validity and stats of a grouping made elsewhere.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Recompute the scores, validity and stats of a grouping made elsewhere.",
        discussion: """
            GROUPS is either a Mingle output (its "groups") or a JSON array of groups, each an
            array of member ids. Writes an output JSON as `solve` would, with status "feasible"
            and solver "external"; an invalid grouping lists its problems and exits 65.
            """
    )

    @Argument(help: "The session JSON file.")
    var input: String

    @Argument(help: "The grouping JSON file.")
    var groups: String

    @Option(name: .shortAndLong, help: "Where to write the output; standard output when absent.")
    var output: String?

    func run() throws {
        let log = Log()
        let session = try InputFile.session(input, log: log)
        let (bytes, _) = try InputFile.read(groups)
        let grouping: [[String]]
        do {
            grouping = try JSONValue.parse(bytes).grouping()
        } catch let error as JSONSyntaxError {
            throw CLIFailure(code: .dataError, message: "\(groups): \(error.path): \(error)")
        } catch {
            throw CLIFailure(code: .dataError, message: "\(groups): \(error)")
        }
        let (scored, issues) = Validator(session: session).score(grouping)
        guard let out = scored else {
            throw CLIFailure(code: .dataError, message: "\(groups): invalid grouping:\n" + issues.map { "  " + $0 }.joined(separator: "\n"))
        }
        try OutputFile.write(out.jsonBytes(), to: output)
    }
}
