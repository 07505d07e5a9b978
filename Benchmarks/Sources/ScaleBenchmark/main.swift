import Foundation
import Mingle
#if canImport(Glibc)
import Glibc
#endif

// The large-scale benchmark of issues 4 and 9 (kept out of Benchmarks/Benchmarks, where
// the benchmark plugin would run it as one of its own): end-to-end runs of the `mingle` binary
// (read to write, each in its own process: wall time, peak memory, phases,
// objective, bound, gap) on sessions of the generator's families (`mingle generate
// --family`, datasets/README.md); then, in process, the large-scale solver (forced
// on every block) against the proven optimum (`ExactSolver`) on pair sessions of
// each family: objective and bound as % of the optimum.
//
//   swift build -c release --product mingle          (in the main package)
//   swift run -c release --package-path Benchmarks ScaleBenchmark --mingle .build/release/mingle
//
// Options: --families realistic,sparse,one-block,leave-out,tight  --sizes 100000,1000000
//          --group-sizes 2,3  --time-limit 8  --quality-sizes 2000,5000,10000  --quality-seeds 1
//          --work DIR (generated sessions are kept there and reused)

struct Arguments {
    var mingle = "../.build/release/mingle"
    var families = SessionGenerator.Family.allCases.map(\.rawValue)
    var sizes = [100_000, 1_000_000]
    var groupSizes = [2, 3]
    var timeLimit = 8.0
    var work = NSTemporaryDirectory() + "mingle-scale-benchmark"
    var qualitySizes = [2_000, 5_000, 10_000]
    var qualitySeeds = 1

    init() {
        var args = CommandLine.arguments.dropFirst()
        func ints(_ s: String) -> [Int] { s.split(separator: ",").compactMap { Int($0) } }
        while let flag = args.popFirst() {
            guard let value = args.popFirst() else { fatalError("\(flag) needs a value") }
            switch flag {
            case "--mingle": mingle = value
            case "--families": families = value.split(separator: ",").map(String.init)
            case "--sizes": sizes = ints(value)
            case "--quality-sizes": qualitySizes = ints(value)
            case "--group-sizes": groupSizes = ints(value)
            case "--time-limit": timeLimit = Double(value)!
            case "--work": work = value
            case "--quality-seeds": qualitySeeds = Int(value)!
            default: fatalError("unknown option \(flag)")
            }
        }
    }
}

/// A child process's exit status, wall time, peak resident memory and standard error.
struct Run {
    var status: Int32
    var seconds: Double
    var peakBytes: Int
    var stderr: String
}

/// Runs `arguments` with stdout to /dev/null and stderr to a file; peak memory from wait4's rusage.
func run(_ arguments: [String]) -> Run {
    let errPath = NSTemporaryDirectory() + "mingle-bench-\(getpid()).err"
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = Date()
    guard posix_spawn(&pid, arguments[0], &actions, nil, argv, environ) == 0 else { fatalError("cannot run \(arguments[0])") }
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    let seconds = Date().timeIntervalSince(start)
    let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    try? FileManager.default.removeItem(atPath: errPath)
    return Run(status: (status >> 8) & 0xFF, seconds: seconds, peakBytes: Int(usage.ru_maxrss) * 1024, stderr: stderr)
}

func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }

let options = Arguments()
try FileManager.default.createDirectory(atPath: options.work, withIntermediateDirectories: true)
print("End to end: `mingle solve FILE -o OUT --timings` in its own process (read, decode, compile, solve, write)")
print("with --time-limit \(options.timeLimit); sessions from `mingle generate --family F --members N --group-size k --seed 1`")
print("family      members   participants  k   wall s   peak MiB  status    objective          bound              gap %     phases")
for family in options.families {
    for n in options.sizes {
        for k in options.groupSizes {
            let name = "\(family)-\(n)-k\(k)"
            let session = "\(options.work)/session-\(name).json", result = "\(options.work)/result-\(name).json"
            if !FileManager.default.fileExists(atPath: session) {
                let made = run([options.mingle, "generate", "--family", family, "--members", "\(n)", "--group-size", "\(k)",
                                "--seed", "1", "-o", session])
                guard made.status == 0 else { fatalError("generate failed: \(made.stderr)") }
            }
            let solved = run([options.mingle, "solve", session, "-o", result, "--timings", "-q", "--time-limit", "\(options.timeLimit)"])
            guard solved.status == 0 else { fatalError("solve failed (\(solved.status)): \(solved.stderr)") }
            let output = try Output.decode(JSONValue.parse(Array(FileManager.default.contents(atPath: result)!)))
            let gap = output.bound.map { $0 == 0 ? 0 : ($0 - output.objective) / abs($0) * 100 }
            let phases = solved.stderr.split(separator: "\n").first { $0.hasPrefix("mingle: timings: ") }?
                .dropFirst("mingle: timings: ".count) ?? ""
            let cells = [
                family.padding(toLength: 11, withPad: " ", startingAt: 0), String(n).padding(toLength: 9, withPad: " ", startingAt: 0),
                String(output.stats.participants).padding(toLength: 12, withPad: " ", startingAt: 0), String(k).padding(toLength: 2, withPad: " ", startingAt: 0),
                fixed(solved.seconds, 2).padding(toLength: 8, withPad: " ", startingAt: 0),
                fixed(Double(solved.peakBytes) / 1_048_576, 0).padding(toLength: 9, withPad: " ", startingAt: 0),
                output.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0),
                fixed(output.objective, 1).padding(toLength: 18, withPad: " ", startingAt: 0),
                (output.bound.map { fixed($0, 1) } ?? "-").padding(toLength: 18, withPad: " ", startingAt: 0),
                (gap.map { fixed($0, 4) } ?? "-").padding(toLength: 9, withPad: " ", startingAt: 0),
                String(phases),
            ]
            print(cells.joined(separator: " "))
        }
    }
}

print("\nQuality (pairs, leaveOut), in process: the large-scale solver (`ScaleSolver`, every block through profiles and")
print("search, 60 s limit) against the proven optimum (`ExactSolver`: weighted matching, 600 s limit); % of the optimum")
print("family      members  seed  exact objective  status    exact s   scale objective  objective %   bound %      scale s")
for family in options.families {
    for n in options.qualitySizes {
        for seed in 1...max(1, options.qualitySeeds) {
            var generator = SessionGenerator.Family(rawValue: family)!.generator(members: n, seed: UInt64(seed))
            generator.groupSize = 2
            generator.remainder = .leaveOut
            let session = generator.generate()
            let problem = Problem(session)
            var start = Date()
            let exact = ExactSolver().solve(problem, limits: SolveLimits(timeLimit: 600, seed: UInt64(seed)))
            let exactSeconds = Date().timeIntervalSince(start)
            start = Date()
            let scale = ScaleSolver(exactBlockLimit: 0).solve(problem, limits: SolveLimits(timeLimit: 60, seed: UInt64(seed)))
            let scaleSeconds = Date().timeIntervalSince(start)
            let best = problem.value(of: exact.groups), found = problem.value(of: scale.groups)
            let validator = Validator(session: session)
            let valid = validator.check(Output(problem: problem, result: scale, seconds: scaleSeconds)).isValid
                && validator.check(Output(problem: problem, result: exact, seconds: exactSeconds)).isValid
            print([family.padding(toLength: 11, withPad: " ", startingAt: 0), String(n).padding(toLength: 8, withPad: " ", startingAt: 0),
                   String(seed).padding(toLength: 5, withPad: " ", startingAt: 0), fixed(best.score, 1).padding(toLength: 16, withPad: " ", startingAt: 0),
                   exact.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0), fixed(exactSeconds, 3).padding(toLength: 9, withPad: " ", startingAt: 0),
                   fixed(found.score, 1).padding(toLength: 16, withPad: " ", startingAt: 0),
                   fixed(found.score / best.score * 100, 3).padding(toLength: 13, withPad: " ", startingAt: 0),
                   (scale.bound.map { fixed($0 / best.score * 100, 3) } ?? "-").padding(toLength: 12, withPad: " ", startingAt: 0),
                   fixed(scaleSeconds, 3), valid ? "" : "INVALID", found.placed == best.placed ? "" : "(placed \(found.placed) of \(best.placed))"]
                .joined(separator: " "))
        }
    }
}
