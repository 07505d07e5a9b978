import ArgumentParser
import Foundation
import Mingle

/// `mingle pairs`: the allowed pairs of a session and their weights, as an edge list.
struct PairsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pairs",
        abstract: "Write the allowed pairs of a session and their weights, one 'i j weight' line each.",
        discussion: """
            i and j are participant indices from 0, in participant order (the session's "participants", \
            else its active members in member order; pending and paused ones are left out), i < j. \
            weight is the pair's weight (docs/format.md, "What the solver looks for"), written as the shortest decimal that reads \
            back as the same double. Lines starting with '#' are comments: a header with the number \
            of participants and pairs, and with --ids one '# index id' line per participant. For \
            comparing Mingle with matching tools (Benchmarks/scripts/peers.sh).
            """
    )

    @Argument(help: "The session JSON file; '-' for standard input.")
    var input: String?

    @Option(name: .shortAndLong, help: "Where to write the edge list; standard output when absent.")
    var output: String?

    @Flag(help: "List the participant ids as '# index id' comment lines.")
    var ids = false

    func run() throws {
        let session = try InputFile.session(input, log: Log())
        let problem = Problem(session)
        let pairs = problem.allowedPairs()
        var text = "# mingle pairs: allowed pairs of \(input ?? "<stdin>"); line: i j weight\n"
        text += "# participants \(problem.count)\n# pairs \(pairs.count)\n"
        if ids {
            for (i, id) in problem.participantIDs.enumerated() { text += "# \(i) \(id)\n" }
        }
        for p in pairs { text += "\(p.a) \(p.b) \(JSONWriter.format(p.weight))\n" }
        try OutputFile.write(Array(text.utf8), to: output)
    }
}
