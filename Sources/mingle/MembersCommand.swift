import ArgumentParser
import Foundation
import Mingle

/// `mingle members pause|resume`: edit a members file in place, atomically.
struct MembersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members",
        abstract: "Edit a members file in place: pause, resume or activate members.",
        subcommands: [Pause.self, Resume.self, Activate.self]
    )

    struct Target: ParsableArguments {
        @Argument(help: "The members file (as `mingle import` writes it); rewritten in place, whole or not at all.")
        var file: String

        @Argument(help: "The ids of the members (an unknown id is an error naming the closest ids).")
        var ids: [String]

        @Flag(name: .shortAndLong, help: "No summary on standard error.")
        var quiet = false

        func validate() throws {
            guard !ids.isEmpty else { throw ValidationError("give at least one member id") }
        }

        /// Applies `change` to each member named, then writes the file; tells what changed.
        func edit(_ what: String, _ change: (inout Member) -> Bool) throws(CLIFailure) {
            let log = Log(quiet: quiet)
            var members = try MembersFileInput.read(file, log: log)
            let indices = try MembersFileInput.indices(of: ids, in: members, file: file)
            var changed: [String] = [], unchanged: [String] = []
            for i in indices {
                if change(&members[i]) { changed.append(members[i].id) } else { unchanged.append(members[i].id) }
            }
            if !changed.isEmpty { try OutputFile.write(MembersFile.jsonBytes(members), to: file) }
            if !changed.isEmpty { log.info("\(what): \(changed.joined(separator: ", ")) (\(file) rewritten)") }
            if !unchanged.isEmpty { log.info("unchanged (already so, or not active): \(unchanged.joined(separator: ", "))") }
        }
    }

    struct Pause: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pause members: until a date (they take part again from it, with no edit), or until resumed.",
            discussion: """
                With --until DATE the member keeps their status and gets "pausedUntil": DATE; a session dated \
                before DATE leaves them out with the reason "paused until DATE". Without --until their status \
                becomes paused until `mingle members resume`.
                """
        )

        @OptionGroup var target: Target

        @Option(help: ArgumentHelp("The first day they take part again, YYYY-MM-DD.", valueName: "DATE"))
        var until: String?

        func validate() throws {
            if let until, CalendarDate(until) == nil {
                throw ValidationError("--until must be a date such as 2026-12-14 (YYYY-MM-DD), not '\(until)'")
            }
        }

        func run() throws {
            if let until {
                try target.edit("paused until \(until)") { member in
                    guard member.pausedUntil != until else { return false }
                    member.pausedUntil = until
                    return true
                }
            } else {
                try target.edit("paused") { member in
                    guard member.status == .active else { return false } // pending, expired, left: nothing to pause
                    member.status = .paused
                    return true
                }
            }
        }
    }

    struct Resume: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Resume paused members: status active and no pausedUntil."
        )

        @OptionGroup var target: Target

        func run() throws {
            try target.edit("resumed") { member in
                guard member.status == .paused || member.pausedUntil != nil else { return false }
                if member.status == .paused { member.status = .active }
                member.pausedUntil = nil
                return true
            }
        }
    }

    struct Activate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Activate members who accepted their invitation (pending or expired): status active."
        )

        @OptionGroup var target: Target

        func run() throws {
            try target.edit("activated") { member in
                guard member.status == .pending || member.status == .expired || member.status == .left else { return false }
                member.status = .active
                return true
            }
        }
    }
}
