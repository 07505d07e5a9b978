import ArgumentParser
import Foundation
import Mingle

/// `mingle generate`: a realistic company session, deterministic by seed.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a realistic company session (deterministic by seed).",
        discussion: "The model (cities, departments, seniority, interests, statuses, history, exclusions, rules) is documented in datasets/README.md."
    )

    @Option(help: "Number of members.")
    var members = 500
    @Option(name: .customLong("group-size"), help: "Group size k (2...64).")
    var groupSize = 2
    @Option(help: "merge or leaveOut.")
    var remainder = "merge"
    @Option(help: "Past weekly sessions in the history.")
    var history = 26
    @Option(name: .customLong("active-share"), help: "Share of members whose status is active; the rest is pending or paused.")
    var activeShare = 0.92
    @Option(help: "Random seed.")
    var seed: UInt64 = 1
    @Option(help: "Date of the generated session (history is dated weekly before it).")
    var date = "2026-11-23"
    @Option(name: .shortAndLong, help: "Where to write the session; standard output when absent.")
    var output: String?
    @Flag(help: "Write the session on one line (a line of a `mingle solve --batch` file).")
    var compact = false

    func validate() throws {
        guard members >= 0 else { throw ValidationError("--members must be >= 0") }
        guard Program.groupSizes.contains(groupSize) else { throw ValidationError("--group-size must be from 2 to 64") }
        guard RemainderPolicy(rawValue: remainder) != nil else { throw ValidationError("--remainder must be merge or leaveOut") }
        guard history >= 0 else { throw ValidationError("--history must be >= 0") }
        guard (0...1).contains(activeShare) else { throw ValidationError("--active-share must be from 0 to 1") }
    }

    func run() throws {
        let generator = SessionGenerator(members: members, groupSize: groupSize, remainder: RemainderPolicy(rawValue: remainder)!,
                                         historySessions: history, activeShare: activeShare, seed: seed, date: date)
        try OutputFile.write(generator.generate().jsonBytes(indent: compact ? 0 : 1), to: output)
    }
}
