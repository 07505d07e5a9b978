// FatalErrorTests.swift

import Testing
@testable import MingleGLPK
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("GLPK fatal errors")
struct FatalErrorTests {
    /// The public API never passes invalid arguments to GLPK. Calling a raw
    /// wrapper with a bad index shows what GLPK does then: it aborts, and
    /// the message goes to stderr (and the output handler), not stdout.
    @Test func glpErrorAbortsWithMessageOnStandardError() async {
        let result = await #expect(
            processExitsWith: .signal(SIGABRT),
            observing: [\.standardOutputContent, \.standardErrorContent]
        ) {
            GLPK.withProblem { lp in
                glpk_set_col_bnds(lp.handle, 42, .free, 0, 0)  // no column 42
            }
        }
        let stderr = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        let stdout = String(decoding: result?.standardOutputContent ?? [], as: UTF8.self)
        #expect(stderr.contains("glp_set_col_bnds: j = 42; column number out of range"))
        #expect(!stdout.contains("glp_set_col_bnds"))
    }
}
