import ArgumentParser
import Foundation
import Mingle

/// `mingle invitations`: invite pending members, remind them, expire old invitations.
struct InvitationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invitations",
        abstract: "Invite pending members, remind those who did not answer, expire old invitations.",
        discussion: """
            For each pending member never invited: an invitation message, and invitedAt set to --date. \
            For each pending member invited --remind-after days ago or more and not reminded since: a reminder, \
            and remindedAt set. Invitations --expire-after days old or more: status expired (takes no part; \
            --reinvite ID invites again). Messages (JSON lines with kind invitation or reminder) come from the \
            templates invitation.LANG.mustache and reminder.LANG.mustache (English and French built in, \
            --templates to replace). The members file and the messages are written all or none; running the \
            same day again sends nothing new.
            """
    )

    @Argument(help: "The members file; rewritten in place unless -o is given.")
    var members: String

    @Option(help: ArgumentHelp("The day of this run, YYYY-MM-DD (default: today).", valueName: "DATE"))
    var date: String?

    @Option(name: .customLong("remind-after"), help: ArgumentHelp("Days after an invitation when a reminder is sent.", valueName: "DAYS"))
    var remindAfter = 3

    @Option(name: .customLong("expire-after"), help: ArgumentHelp("Days after an invitation when it expires.", valueName: "DAYS"))
    var expireAfter = 30

    @Option(help: ArgumentHelp("Invite this member again (pending or expired). Repeatable.", valueName: "ID"))
    var reinvite: [String] = []

    @Option(help: ArgumentHelp("Write the messages to this JSON Lines file.", valueName: "FILE"))
    var messages: String

    @Option(help: ArgumentHelp("A folder of templates replacing the built-in ones: invitation.LANG.mustache, reminder.LANG.mustache.", valueName: "DIR"))
    var templates: String?

    @Option(name: .customLong("program-name"), help: ArgumentHelp("The program's name, for the templates ({{program}}).", valueName: "NAME"))
    var programName: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the updated members (default: the members file itself).", valueName: "FILE"))
    var output: String?

    @Flag(name: .shortAndLong, help: "No summary on standard error.")
    var quiet = false

    func validate() throws {
        if let date, CalendarDate(date) == nil {
            throw ValidationError("--date must be a date such as 2026-11-23 (YYYY-MM-DD), not '\(date)'")
        }
        guard remindAfter >= 1 else { throw ValidationError("--remind-after must be a number of days >= 1, not \(remindAfter)") }
        guard expireAfter >= 1 else { throw ValidationError("--expire-after must be a number of days >= 1, not \(expireAfter)") }
    }

    func run() throws {
        let log = Log(quiet: quiet)
        let day = CalendarDate(date ?? WeeklyRunOptions.today())!
        let templates = try self.templates.map(WeeklyRunOptions.loadTemplates) ?? .builtIn
        let current = try MembersFileInput.read(members, log: log)
        for (i, member) in current.enumerated() {
            for (key, value) in [("invitedAt", member.invitedAt), ("remindedAt", member.remindedAt)] {
                if let value, let when = CalendarDate(value), when > day {
                    log.warning("\(members): $.members[\(i)].\(key): \(value) is after --date \(day); this member is left as it is")
                }
            }
        }
        let round = InvitationRound(date: day, remindAfter: remindAfter, expireAfter: expireAfter, reinvite: reinvite,
                                    templates: templates, program: programName)
        let result: InvitationRound.Result
        do {
            result = try round.run(current)
        } catch {
            throw CLIFailure(code: .dataError, message: "\(members): \(error); nothing was written")
        }
        // `add` and `commit` discard every staged file on a failure: all or none.
        var files = OutputFiles()
        try files.add(MatchMessage.jsonLines(result.messages), to: messages)
        try files.add(MembersFile.jsonBytes(result.members), to: output ?? members)
        try files.commit()
        func list(_ ids: [String]) -> String { ids.isEmpty ? "" : " (" + ids.joined(separator: ", ") + ")" }
        log.info("invitations of \(day): invited \(result.invited.count)\(list(result.invited)), reminded \(result.reminded.count)\(list(result.reminded)), "
            + "expired \(result.expired.count)\(list(result.expired)); wrote \(result.messages.count) messages to \(messages) and the members to \(output ?? members)")
    }
}
