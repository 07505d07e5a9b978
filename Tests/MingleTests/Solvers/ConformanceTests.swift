import Foundation
import Testing
@testable import Mingle

/// The conformance sessions of ../shared/conformance (copied into Fixtures),
/// with their best solution's figures computed independently of Mingle.
@Suite("Conformance")
struct ConformanceTests {
    struct Expected {
        var placed: Int
        var oversized: Int
        var objective: Double
        var infeasible: Bool
    }

    static let names = ["01-pairs-coffee", "02-history-dates-shuffled-no-decay", "03-history-array-order",
                        "04-merge-odd-statuses", "05-triples-tight", "06-quads-bool-and-sets",
                        "07-within-default-missing-values", "08-infeasible"]

    static func expected(_ name: String) throws -> Expected {
        let json = try JSONValue.parse([UInt8](Fixtures.data("conformance/expected.json")))
        guard let entry = json[name], case .number(let placed)? = entry["placed"], case .number(let oversized)? = entry["oversizedGroups"],
              case .number(let objective)? = entry["objective"] else { throw CancellationError() }
        var infeasible = false
        if case .string("infeasible")? = entry["status"] { infeasible = true }
        return Expected(placed: Int(placed.double), oversized: Int(oversized.double), objective: objective.double, infeasible: infeasible)
    }

    @Test(arguments: names)
    func exactReproducesExpected(name: String) throws {
        let session = try Fixtures.session("conformance/\(name).json")
        let expected = try Self.expected(name)
        let output = solveAndValidate(session, solver: .exact)
        #expect(output.stats.placed == expected.placed)
        #expect(output.stats.oversizedGroups == expected.oversized)
        #expect(abs(output.objective - expected.objective) <= 1e-6)
        #expect(output.status == (expected.infeasible ? .infeasible : .optimal))
        if let bound = output.bound { #expect(abs(bound - output.objective) <= 1e-6) }
    }

    @Test(arguments: names)
    func heuristicIsValidAndNoBetterThanBest(name: String) throws {
        let session = try Fixtures.session("conformance/\(name).json")
        let expected = try Self.expected(name)
        let output = solveAndValidate(session, heuristic: HeuristicSolver(exactSmallBlocks: false))
        #expect(output.value <= GroupingValue(placed: expected.placed, oversized: expected.oversized, score: expected.objective + 1e-6))
    }
}
