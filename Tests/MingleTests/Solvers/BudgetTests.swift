import Dispatch
import Foundation
import Synchronization
import Testing
@testable import Mingle

/// Work budgets, the time limit as a safety net, and cancellation.
@Suite("Solve budget")
struct BudgetTests {
    /// A large session whose scale solve lasts well beyond a cancellation
    /// sent when its construction starts.
    static let large = SessionGenerator.Family.sparse.generator(members: 30_000, seed: 3).generate()

    /// The phases a progress callback heard, with the count of calls.
    final class Heard: Sendable {
        private let state = Mutex<(phases: [String], calls: Int)>(([], 0))
        func add(_ phase: String) {
            state.withLock { state in
                state.calls += 1
                if state.phases.last != phase { state.phases.append(phase) }
            }
        }
        var phases: [String] { state.withLock { $0.phases } }
        var calls: Int { state.withLock { $0.calls } }
    }

    /// Holds the solving thread at a phase until the test has cancelled, so
    /// the cancellation lands mid-solve however busy the machine is.
    final class Gate: Sendable {
        private let opened = Atomic<Bool>(false)
        func open() { opened.store(true, ordering: .relaxed) }
        var isOpen: Bool { opened.load(ordering: .relaxed) }
        /// Waits (at most a minute) for `open()`.
        func wait() {
            let limit = ContinuousClock.now + .seconds(60)
            while !opened.load(ordering: .relaxed) && ContinuousClock.now < limit { usleep(1_000) }
        }
    }

    /// Same input and seed, no cut: byte-identical outputs, and no
    /// `timeLimitReached` in them.
    @Test func sameGroupsWithoutACut() throws {
        let session = SessionGenerator(members: 3000, groupSize: 3, historySessions: 4, seed: 11).generate()
        let a = try SessionSolver(timeLimit: 120).solve(session)
        let b = try SessionSolver(timeLimit: 120).solve(session)
        #expect(!a.stats.timeLimitReached)
        var x = a, y = b
        x.stats.seconds = 0
        y.stats.seconds = 0
        #expect(x.jsonBytes() == y.jsonBytes())
        #expect(!String(decoding: x.jsonBytes(), as: UTF8.self).contains("timeLimitReached"))
    }

    /// A cancellation stops the solver at its next safe point: the result is
    /// valid, and says that a search was cut.
    @Test func cancellationCutsTheSearchAndSaysSo() throws {
        let problem = Problem(Self.large)
        let cancellation = SolveCancellation()
        let limits = SolveLimits(timeLimit: 600, seed: 1, progress: { phase, _ in
            if phase == "constructing" { cancellation.cancel() }
        }, cancellation: cancellation)
        let result = AutoSolver().solve(problem, limits: limits)
        #expect(result.timeLimitReached)
        let output = Output(problem: problem, result: result, seconds: 0)
        #expect(Validator(session: Self.large).check(output).issues.isEmpty)
        #expect(String(decoding: output.jsonBytes(), as: UTF8.self).contains("\"timeLimitReached\": true"))
    }

    /// A cancelled async solve throws, and its solving thread stops (it
    /// reaches its last phase, then the progress calls end), far before the
    /// session's time limit of 10 minutes. The public `solve` throws at once
    /// and the thread stops soon after; with `waitsForThread` (the service's
    /// solve) it throws only once the thread has stopped, so by then the
    /// thread has passed its last phase. The thread is held at its first
    /// solver phase until the test has cancelled, so the cancellation lands
    /// mid-solve however busy the machine is.
    @Test(arguments: [false, true])
    func cancelledAsyncSolveStopsItsThread(waitsForThread: Bool) async throws {
        var session = SessionGenerator.Family.sparse.generator(members: 3000, seed: 3).generate()
        session.options.timeLimit = 600
        let heard = Heard()
        let gate = Gate()
        let started = AsyncStream<Void>.makeStream()
        let task = Task {
            try await SessionSolver().solve(session, validated: false, waitsForThread: waitsForThread) { p in
                heard.add(p.phase.rawValue)
                if ![.validating, .compiling, .output].contains(p.phase), !gate.isOpen {
                    started.continuation.yield()
                    gate.wait()
                }
            }
        }
        for await _ in started.stream { break }
        task.cancel()
        gate.open()
        await #expect(throws: CancellationError.self) { try await task.value }
        if waitsForThread {
            #expect(heard.phases.contains("output"))
        } else {
            // The thread goes on to "output" within a generous bound.
            let limit = ContinuousClock.now + .seconds(60)
            while !heard.phases.contains("output") && ContinuousClock.now < limit {
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(heard.phases.contains("output"))
        }
        let calls = heard.calls
        try await Task.sleep(for: .milliseconds(300))
        #expect(heard.calls == calls)
    }

    /// The time limit counts from the start of `SessionSolver.solve`: time
    /// spent compiling (here a progress call that sleeps past the limit) is
    /// spent from it, so the solver finds its net fired and says so; the same
    /// session without the sleep is not cut.
    @Test func compilingCountsAgainstTheLimit() throws {
        // One block of 24: beyond subset DP, so the local search runs and reads the net.
        var generator = SessionGenerator.Family.oneBlock.generator(members: 24, seed: 5)
        generator.groupSize = 3
        var session = generator.generate()
        session.options.solver = .heuristic
        session.options.timeLimit = 3
        let plain = try SessionSolver().solve(session)
        #expect(!plain.stats.timeLimitReached)
        let slept = Atomic<Bool>(false)
        let late = try SessionSolver().solve(session) { phase, _ in
            if phase == "compiling", !slept.exchange(true, ordering: .relaxed) { usleep(3_200_000) }
        }
        #expect(late.stats.timeLimitReached)
        #expect(late.stats.seconds >= 3.2)
        #expect(Validator(session: session).check(late).issues.isEmpty)
    }

    /// The safety net's deadline counts from `started` when it is given.
    @Test func deadlineCountsFromStarted() {
        let early = SolveBudget(timeLimit: 1, started: ContinuousClock.now - .seconds(2))
        #expect(early.isOver && early.wasCut)
        let now = SolveBudget(timeLimit: 1)
        #expect(!now.isOver)
    }

    /// GLPK's own time limit, when it fires, is recorded like the others.
    @Test func recordsEngineCuts() {
        let budget = SolveBudget(timeLimit: 100)
        #expect(!budget.wasCut && !budget.isOver)
        budget.recordCut()
        #expect(budget.wasCut)
        let spent = SolveBudget(timeLimit: 0)
        #expect(spent.isOver && spent.wasCut && spent.secondsLeft <= 0)
    }

    /// A share of a budget (a first stage on part of the time) stops at its
    /// own limit, hears the same cancellation, and its cuts count for the whole.
    @Test func aShareCutsTheWhole() {
        let cancellation = SolveCancellation()
        let whole = SolveBudget(timeLimit: 100, cancellation: cancellation)
        let none = whole.share(0)
        #expect(none.isOver && whole.wasCut && !whole.isOver)
        let other = SolveBudget(timeLimit: 100, cancellation: cancellation)
        let part = other.share(0.5)
        #expect(!part.isOver && part.timeLimit <= 50)
        cancellation.cancel()
        #expect(part.isOver && other.wasCut)
    }
}
