import Foundation
import Mingle

/// `mingle solve --batch FILE`: one session per line (JSON Lines), solved on
/// all cores; the results are written in input order, one line each: the
/// output of docs/format.md (the output) on one line, or for a line that is not a valid
/// session `{"line": N, "error": "invalid session", "issues": [...]}`. Blank
/// lines are skipped. Every problem is also listed on standard error as
/// `FILE:LINE: $.path: what is wrong`, and the exit code is then 65, after
/// the results of the other lines are written.
struct BatchRun {
    let path: String
    let engine: SessionSolver
    let log: Log

    /// Lines are solved in chunks, so that memory holds the outputs of one
    /// chunk (and the encoded results of all).
    static let chunkBytes = 64 << 20
    static let chunkLines = 256

    func run(output: String?, progress: ProgressLine?) throws(CLIFailure) {
        let (bytes, name) = try InputFile.read(path)
        let file = name ?? "<stdin>"
        let lines = JSONLines.lines(bytes)
        var results: [UInt8] = []
        var invalid: [Int] = []
        var solved = 0
        var start = 0
        while start < lines.count {
            var end = start, size = 0
            while end < lines.count && end - start < BatchRun.chunkLines && (end == start || size < BatchRun.chunkBytes) {
                size += lines[end].bytes.count
                end += 1
            }
            let chunk = lines[start..<end]
            let done = start
            let outcomes = engine.solve(documents: chunk.map { bytes[$0.bytes] }, names: chunk.map { "\(file):\($0.number)" }) { finished in
                progress?.update("batch", Double(done + finished) / Double(lines.count))
            }
            for (line, outcome) in zip(chunk, outcomes) {
                switch outcome {
                case .solved(let out, let warnings):
                    for w in warnings { log.warning("\(file):\(line.number): \(w)") }
                    results += out.jsonBytes(indent: 0)
                    solved += 1
                case .invalid(let error):
                    log.error("invalid session:\n" + error.description)
                    results += error.jsonLine(line: line.number)
                    invalid.append(line.number)
                }
            }
            start = end
        }
        progress?.finish()
        try OutputFile.write(results, to: output)
        log.info("batch: \(lines.count) session(s), \(solved) solved, \(invalid.count) invalid")
        if !invalid.isEmpty {
            let shown = invalid.prefix(20).map(String.init).joined(separator: ", ") + (invalid.count > 20 ? ", ..." : "")
            throw CLIFailure(code: .dataError, message: "\(file): \(invalid.count) invalid session(s), on line(s) \(shown); the other results were written")
        }
    }
}
