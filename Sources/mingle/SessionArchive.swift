import Foundation
import Mingle

/// `--save-sessions`: each simulated session's input and output as files, so
/// that any session can be solved again, scored or inspected on its own.
final class SessionArchive {
    let folder: URL
    let width: Int
    /// The first write that failed; the simulation goes on and the command fails at the end.
    private(set) var failure: CLIFailure?

    init(folder: URL, sessions: Int) throws(CLIFailure) {
        self.folder = folder
        self.width = String(max(sessions, 10)).count
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIFailure(code: .cannotCreate, message: "cannot create \(folder.path): \(error.localizedDescription)")
        }
    }

    func save(_ simulated: SimulatedSession) {
        guard failure == nil else { return }
        let number = String(simulated.index + 1)
        let name = "session-" + String(repeating: "0", count: max(0, width - number.count)) + number
        do {
            try OutputFile.write(simulated.input.jsonBytes(), to: folder.appendingPathComponent(name + ".json").path)
            try OutputFile.write(simulated.output.jsonBytes(), to: folder.appendingPathComponent(name + ".result.json").path)
        } catch {
            failure = error
        }
    }

    /// Throws the first failure, if any.
    func finish() throws(CLIFailure) {
        if let failure { throw failure }
    }
}
