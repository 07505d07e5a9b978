import Foundation
import Mingle

/// One input, through every reader Mingle has, then `solve` and the validator
/// when it is a valid session of a size that solves in a moment. A crash, or
/// an invariant broken (`fail`), is a finding: libFuzzer saves the input.
///
/// Invariants: the session reader finds the tree parser's first syntax error
/// (or none), and reads a document as it reads its tree written back; a
/// session that decodes has no error from `validate()`; it
/// encodes to JSON that decodes to the same session; its solution passes the
/// `Validator` (membership, sizes, allowed pairs, recomputed scores).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? HistoryFile.decode(bytes)
    _ = try? Program.decode(bytes)
    if let json = try? JSONValue.parse(bytes) { _ = try? Output.decode(json) }
    _ = try? Session.decode(parts: [SessionPart(.members, bytes: bytes, file: "m"), SessionPart(.program, bytes: bytes, file: "p")])
    if let imported = try? MemberImport(multiValued: ["interests"]).read(bytes) {
        // What the import keeps is a valid members file.
        if (try? Session.decode(MembersFile.jsonBytes(imported.members))) == nil { fail("imported members do not decode") }
    }
    // The session reader reads syntax as the tree does: the same first error
    // (members and history are read in parallel chunks), or none.
    let issues = Session.issues(in: bytes)
    let tree: JSONValue
    do {
        tree = try JSONValue.parse(bytes)
    } catch {
        if issues != [SessionIssue(error)] { fail("the session reader's syntax error \(issues) is not the tree's \(error)") }
        return 0
    }
    if issues.contains(where: { $0.message.hasPrefix("malformed JSON") }) { fail("the session reader finds a syntax error in JSON: \(issues)") }
    // The tree written back reads the same (numbers, escapes, key order).
    let fromTree = Result { () throws(SessionError) in try Session.decode(tree) }
    let decoded = Result { () throws(SessionError) in try Session.decode(bytes) }
    switch (fromTree, decoded) {
    case (.success(let a), .success(let b)) where a.session == b.session && a.warnings == b.warnings: break
    case (.failure(let a), .failure(let b)) where a.issues == b.issues: break
    default: fail("a session read from its tree differs from the one read from its bytes")
    }
    if issues.contains(where: { $0.severity == .error }) != ((try? decoded.get()) == nil) { fail("issues(in:) and decode disagree") }
    guard let (session, _) = try? decoded.get() else { return 0 }
    if session.validate().contains(where: { $0.severity == .error }) { fail("a decoded session does not validate") }
    guard let again = try? Session.decode(session.jsonBytes()).session, again == session else { fail("encoding does not round-trip") }
    guard session.members.count <= 40 else { return 0 }
    for choice in [SolverChoice.heuristic, .auto] {
        guard let output = try? SessionSolver(solver: choice, timeLimit: 0.05).solve(session) else { fail("a valid session does not solve") }
        let report = Validator(session: session).check(output)
        if !report.isValid { fail("invalid output from \(choice): \(report.issues)") }
    }
    return 0
}

/// libFuzzer's driver (in the runtime `-sanitize=fuzzer` links).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

/// The entry point: SwiftPM links an executable's `main` to `<module>_main`,
/// so the harness hands its arguments to libFuzzer's driver itself.
@_cdecl("MingleFuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("fuzz: " + message + "\n").utf8))
    abort()
}
