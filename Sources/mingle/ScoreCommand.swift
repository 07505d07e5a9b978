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
            let json = try JSONValue.parse(bytes)
            if case .array = json {
                guard let parsed = json.idGroups else {
                    throw CLIFailure(code: .dataError, message: "\(groups): $: expected an array of groups, each an array of member ids")
                }
                grouping = parsed
            } else {
                grouping = try Output.decode(json).groups.map(\.members)
            }
        } catch let failure as CLIFailure {
            throw failure
        } catch let error as JSONSyntaxError {
            throw CLIFailure(code: .dataError, message: "\(groups): \(error.path): \(error)")
        } catch {
            throw CLIFailure(code: .dataError, message: "\(groups): \(error)")
        }
        let start = Date()
        let validator = Validator(session: session)
        let report = validator.check(groups: grouping)
        guard report.isValid else {
            throw CLIFailure(code: .dataError, message: "\(groups): invalid grouping:\n" + report.issues.map { "  " + $0 }.joined(separator: "\n"))
        }
        let problem = Problem(session)
        let index = Dictionary(uniqueKeysWithValues: problem.participantIDs.enumerated().map { ($0.element, Int32($0.offset)) })
        let result = SolverResult(groups: grouping.map { $0.map { index[$0]! } }, status: .feasible, solver: "external")
        let out = Output(problem: problem, result: result, seconds: Date().timeIntervalSince(start))
        try OutputFile.write(out.jsonBytes(), to: output)
    }
}

extension JSONValue {
    /// An array of arrays of strings, as `[[String]]`.
    var idGroups: [[String]]? {
        guard case .array(let groups) = self else { return nil }
        var result: [[String]] = []
        for g in groups {
            guard case .array(let ids) = g else { return nil }
            var members: [String] = []
            for id in ids {
                guard case .string(let s) = id else { return nil }
                members.append(s)
            }
            result.append(members)
        }
        return result
    }
}
