import ArgumentParser
import Foundation
import Mingle

/// `mingle`: the batch command line of the Mingle matching engine.
@main
struct MingleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mingle",
        abstract: "Form the best groups for random-coffee programs.",
        discussion: """
            Reads a session and writes its groups. Every file format, with JSON Schemas, is described
            in docs/format.md and schemas/ of the Mingle repository.
            Exit codes: 0 written, 2 usage, 65 invalid input, 66 cannot open input,
            73 cannot write output, 70 internal error.
            """,
        version: "0.1.0",
        subcommands: [SolveCommand.self, ValidateCommand.self, ScoreCommand.self, GenerateCommand.self, ImportCommand.self,
                      SimulateCommand.self, CompareCommand.self, PairsCommand.self, ServeCommand.self, MembersCommand.self,
                      InvitationsCommand.self],
        defaultSubcommand: nil
    )

    /// Runs the command, mapping errors to the exit codes of docs/format.md (exit codes).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CLIFailure {
            Descriptor.standardError("mingle: " + failure.message + "\n")
            Foundation.exit(failure.code.rawValue)
        } catch let invalid as SessionError {
            Descriptor.standardError("mingle: invalid session:\n" + invalid.description + "\n")
            Foundation.exit(ExitStatus.dataError.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            // ArgumentParser's usage errors (64) are exit 2 in the spec.
            let message = fullMessage(for: error)
            Descriptor.standardError(message + "\n")
            if code == .validationFailure {
                Descriptor.standardError("Run 'mingle help' for usage.\n")
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            Foundation.exit(ExitStatus.internalError.rawValue)
        }
    }
}
