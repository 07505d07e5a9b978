import Foundation

extension Validator {
    /// The output of a grouping made elsewhere (`mingle score`, `/v1/score`):
    /// scores, stats and unmatched participants as `solve` writes them, with
    /// status `feasible` and solver `external`; nil with the problems when the
    /// grouping is not valid for the session.
    public func score(_ grouping: [[String]]) -> (output: Output?, issues: [String]) {
        let start = Date()
        let report = check(groups: grouping)
        guard report.isValid else { return (nil, report.issues) }
        let problem = Problem(session)
        let index = Dictionary(uniqueKeysWithValues: problem.participantIDs.enumerated().map { ($0.element, Int32($0.offset)) })
        let result = SolverResult(groups: grouping.map { $0.map { index[$0]! } }, status: .feasible, solver: "external")
        return (Output(problem: problem, result: result, seconds: Date().timeIntervalSince(start)), [])
    }
}

extension JSONValue {
    /// An array of arrays of strings, as `[[String]]`; nil for anything else.
    public var idGroups: [[String]]? {
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

    /// The groups of a grouping given as an array of groups or as an output
    /// (its `groups`), as `mingle score` and `/v1/score` accept it.
    public func grouping() throws(OutputDecodingError) -> [[String]] {
        if case .array = self {
            guard let groups = idGroups else {
                throw OutputDecodingError(path: "$", message: "expected an array of groups, each an array of member ids")
            }
            return groups
        }
        return try Output.decode(self).groups.map(\.members)
    }
}
