import Testing
@testable import Mingle

@Suite("Validator")
struct ValidatorTests {
    let session: Session
    let output: Output

    init() throws {
        session = try Fixtures.session("conformance/01-pairs-coffee.json")
        output = try SessionSolver(solver: .heuristic).solve(session)
    }

    @Test func acceptsASolverOutput() {
        #expect(Validator(session: session).check(output).issues.isEmpty)
    }

    @Test func rejectsWrongScore() {
        var bad = output
        bad.groups[0].score += 1
        bad.objective += 1
        let issues = Validator(session: session).check(bad).issues
        #expect(issues.contains { $0.contains("claims score") })
        #expect(issues.contains { $0.contains("recomputed total") })
    }

    @Test func rejectsMissingAndDuplicateParticipants() {
        var bad = output
        let removed = bad.groups.removeLast()
        bad.objective -= removed.score
        bad.groups[0].members.append(bad.groups[1].members[0])
        let issues = Validator(session: session).check(bad).issues
        #expect(issues.contains { $0.contains("neither in a group nor unmatched") })
        #expect(issues.contains { $0.contains("and again in group") })
        #expect(issues.contains { $0.contains("allowed sizes") })
    }

    @Test func rejectsForbiddenPair() throws {
        // 08-infeasible has no allowed pair at all.
        let infeasible = try Fixtures.session("conformance/08-infeasible.json")
        let report = Validator(session: infeasible).check(groups: [["m0", "m1"]])
        #expect(report.issues.contains { $0.contains("required rule same badge") })
    }

    @Test func rejectsBoundBelowObjective() {
        var bad = output
        bad.bound = bad.objective - 1
        #expect(Validator(session: session).check(bad).issues.contains { $0.contains("below the objective") })
    }
}
