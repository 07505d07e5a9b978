import ArgumentParser
import Foundation
import Mingle

/// `mingle generate`: a realistic company session, deterministic by seed, or
/// one of the named hard shapes (`--family`), adjusted by the flags.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a company session (deterministic by seed).",
        discussion: """
        The model (cities, departments, seniority, interests, statuses, history, exclusions, rules) and the \
        families are documented in datasets/README.md. A flag given overrides the family's value.
        """
    )

    @Option(help: "Named shape: \(SessionGenerator.Family.allCases.map(\.rawValue).joined(separator: ", ")).")
    var family = "realistic"
    @Option(help: "Number of members (default 500; 66 for leave-out).")
    var members: Int?
    @Option(name: .customLong("group-size"), help: "Group size k (2...64).")
    var groupSize: Int?
    @Option(help: "merge or leaveOut.")
    var remainder: String?
    @Option(help: "Past weekly sessions in the history (default 26).")
    var history: Int?
    @Option(name: .customLong("active-share"), help: "Share of members whose status is active; the rest is pending or paused (default 0.92).")
    var activeShare: Double?
    @Option(help: "Number of cities (1: one block); default: Paris, Lyon, Marseille, Lille.")
    var cities: Int?
    @Option(help: "CATEGORY=SHARE: share of members lacking that category (repeatable), e.g. interests=0.36.")
    var missing: [String] = []
    @Option(name: .customLong("interest-vocabulary"), help: "How many interests members draw from (default 12, at most 40 named).")
    var interestVocabulary: Int?
    @Option(name: .customLong("max-interests"), help: "Each member has 1 to this many interests (default 3).")
    var maxInterests: Int?
    @Option(name: .customLong("opt-in-share"), help: "Write a participants list: each member opted in with this probability.")
    var optInShare: Double?
    @Option(help: "Make the rule on this category required (repeatable), e.g. department (a `different` required rule).")
    var required: [String] = []
    @Option(name: .customLong("forbid-within"), help: "Members who met within this many sessions may not meet (default 2).")
    var forbidWithin: Int?
    @Option(help: "Random seed.")
    var seed: UInt64 = 1
    @Option(help: "Date of the generated session (history is dated weekly before it).")
    var date = "2026-11-23"
    @Option(name: .shortAndLong, help: "Where to write the session; standard output when absent.")
    var output: String?
    @Flag(help: "Write the session on one line (a line of a `mingle solve --batch` file).")
    var compact = false

    func validate() throws {
        guard SessionGenerator.Family(rawValue: family) != nil else {
            throw ValidationError("--family must be one of \(SessionGenerator.Family.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let members { guard members >= 0 else { throw ValidationError("--members must be >= 0") } }
        if let groupSize { guard Program.groupSizes.contains(groupSize) else { throw ValidationError("--group-size must be from 2 to 64") } }
        if let remainder { guard RemainderPolicy(rawValue: remainder) != nil else { throw ValidationError("--remainder must be merge or leaveOut") } }
        if let history { guard history >= 0 else { throw ValidationError("--history must be >= 0") } }
        for (name, share) in [("--active-share", activeShare), ("--opt-in-share", optInShare)] {
            if let share { guard (0...1).contains(share) else { throw ValidationError("\(name) must be from 0 to 1") } }
        }
        if let cities { guard cities >= 1 else { throw ValidationError("--cities must be >= 1") } }
        if let interestVocabulary { guard interestVocabulary >= 1 else { throw ValidationError("--interest-vocabulary must be >= 1") } }
        if let maxInterests { guard maxInterests >= 1 else { throw ValidationError("--max-interests must be >= 1") } }
        if let forbidWithin { guard forbidWithin >= 0 else { throw ValidationError("--forbid-within must be >= 0") } }
        _ = try missingShares()
        let categories = Set(generator().program.rules.map(\.category))
        for name in required where !categories.contains(name) {
            throw ValidationError("--required \(name): the program has no rule on \(name)")
        }
    }

    /// `--missing` as a table, checked.
    func missingShares() throws -> [String: Double] {
        var shares: [String: Double] = [:]
        for entry in missing {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, SessionGenerator.categoryNames.contains(parts[0]),
                  let share = Double(parts[1]), (0...1).contains(share) else {
                throw ValidationError("--missing \(entry): expected CATEGORY=SHARE with CATEGORY one of "
                                      + "\(SessionGenerator.categoryNames.joined(separator: ", ")) and SHARE from 0 to 1")
            }
            shares[parts[0]] = share
        }
        return shares
    }

    /// The family's generator with the flags given applied.
    func generator() -> SessionGenerator {
        var g = SessionGenerator.Family(rawValue: family)!.generator(members: members, seed: seed)
        g.date = date
        if let groupSize { g.groupSize = groupSize }
        if let remainder { g.remainder = RemainderPolicy(rawValue: remainder)! }
        if let history { g.historySessions = history }
        if let activeShare { g.activeShare = activeShare }
        if let cities { g.cities = cities }
        g.missing.merge((try? missingShares()) ?? [:]) { $1 }
        if let interestVocabulary { g.interestVocabulary = interestVocabulary }
        if let maxInterests { g.maxInterests = maxInterests }
        if let optInShare { g.optInShare = optInShare }
        if let forbidWithin { g.forbidWithin = forbidWithin }
        if !required.isEmpty {
            g.rules = g.program.rules.map { required.contains($0.category) ? Rule(category: $0.category, kind: $0.kind, required: true) : $0 }
        }
        return g
    }

    func run() throws {
        try OutputFile.write(generator().generate().jsonBytes(indent: compact ? 0 : 1), to: output)
    }
}
