// OutputTests.swift

import Testing
import MingleGLPK
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body` with file descriptor 1 redirected to a temporary file and
/// returns what was written to it.
private func capturingStandardOutput(_ body: () throws -> Void) rethrows -> String {
    fflush(nil)
    var template = Array("/tmp/mingleglpk-stdout-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    precondition(fd >= 0)
    let saved = dup(1)
    dup2(fd, 1)
    defer {
        fflush(nil)
        dup2(saved, 1)
        close(saved)
        close(fd)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    }
    try body()
    fflush(nil)
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    lseek(fd, 0, SEEK_SET)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count <= 0 { break }
        bytes.append(contentsOf: chunk[0..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
}

@Suite("Terminal output")
struct OutputTests {
    /// With msg level ALL, GLPK's text reaches the hook and nothing reaches stdout.
    @Test func outputGoesToHookNeverToStdout() throws {
        var captured = ""
        let stdout = try capturingStandardOutput {
            try GLPK.withProblem(direction: .maximize, output: { captured += $0 }) { lp in
                try Knapsack.classic.build(&lp)
                let lp1 = try lp.solveLP(LPOptions(messageLevel: .all))
                #expect(lp1.status == .optimal)
                let mip = try lp.solveMIP(MIPOptions(messageLevel: .all))
                #expect(mip.status == .optimal)
                let presolved = try lp.solveMIP(MIPOptions(messageLevel: .all, presolve: true))
                #expect(presolved.status == .optimal)
            }
        }
        #expect(captured.contains("GLPK Simplex Optimizer"))
        #expect(captured.contains("GLPK Integer Optimizer"))
        #expect(captured.contains("INTEGER OPTIMAL SOLUTION FOUND"))
        #expect(!stdout.contains("GLPK"))
        #expect(!stdout.contains("OPTIMAL"))
    }

    @Test func defaultIsSilentAndDiscarding() throws {
        var captured = ""
        let stdout = try capturingStandardOutput {
            try GLPK.withProblem { lp in
                try Knapsack.classic.build(&lp)
                _ = try lp.solveMIP()                               // msg level OFF by default
                lp.output = { captured += $0 }
                _ = try lp.solveLP()
                #expect(captured.isEmpty)
                lp.output = nil
                _ = try lp.solveLP(LPOptions(messageLevel: .all))   // discarded
            }
        }
        #expect(captured.isEmpty)
        #expect(!stdout.contains("GLPK"))
    }

    @Test func nestedProblemsRouteToTheirOwnHandlers() throws {
        var outer = ""
        var inner = ""
        try GLPK.withProblem(output: { outer += $0 }) { a in
            try a.addColumn(Column(objective: 1))
            try GLPK.withProblem(output: { inner += $0 }) { b in
                try b.addColumn(Column(objective: 1))
                _ = try b.solveLP(LPOptions(messageLevel: .all))
            }
            _ = try a.solveLP(LPOptions(messageLevel: .all))
        }
        #expect(inner.contains("GLPK Simplex Optimizer"))
        #expect(outer.contains("GLPK Simplex Optimizer"))
        #expect(inner.split(separator: "GLPK Simplex Optimizer").count == outer.split(separator: "GLPK Simplex Optimizer").count)
    }
}
