import Foundation
import Testing
@testable import Mingle

/// The admin's loop in the library: calendar days, pauses with an end, the
/// member dates read on both decoding paths and checked, updates from an HR
/// export, and invitation rounds.
@Suite struct AdminLoopTests {
    // MARK: - Days

    @Test func calendarDatesRoundTripAndCount() {
        #expect(CalendarDate("1970-01-01")?.dayNumber == 0)
        #expect(CalendarDate("2026-03-01")!.days(since: CalendarDate("2026-02-28")!) == 1)
        #expect(CalendarDate("2024-03-01")!.days(since: CalendarDate("2024-02-28")!) == 2) // leap year
        #expect(CalendarDate("2026-11-23")!.adding(days: 30).description == "2026-12-23")
        for text in ["2026-02-29", "2026-13-01", "2026-00-10", "2026-4-01", "26-04-01", "2026-04-31", "2026-11-23T09:00", "", "abcd-ef-gh"] {
            #expect(CalendarDate(text) == nil, "\(text)")
        }
        // Every day of four centuries reads back as written.
        var day = CalendarDate("1900-01-01")!
        while day.description != "2300-01-01" {
            #expect(CalendarDate(day.description) == day)
            day = day.adding(days: 1)
        }
    }

    // MARK: - Pauses with an end

    static func session(date: String?, pausedUntil: String?) -> Session {
        Session(members: [
            Member(id: "a", categories: ["city": .string("Paris")], pausedUntil: pausedUntil),
            Member(id: "b", categories: ["city": .string("Paris")]),
            Member(id: "c", categories: ["city": .string("Paris")]),
        ], date: date)
    }

    @Test(arguments: [("2026-12-13", false), ("2026-12-14", true), ("2027-01-01", true), (nil, false)] as [(String?, Bool)])
    func pausedUntilADay(date: String?, takesPart: Bool) throws {
        let session = Self.session(date: date, pausedUntil: "2026-12-14")
        let output = try SessionSolver().solve(session)
        #expect(Validator(session: session).check(output).issues.isEmpty)
        let placed = output.groups.flatMap(\.members)
        #expect(placed.contains("a") == takesPart)
        if !takesPart {
            #expect(output.unmatched.contains { $0.member == "a" && $0.reason == "paused until 2026-12-14" })
            #expect(Problem(session).absent.map(\.cause) == [.pausedUntil("2026-12-14")])
        }
    }

    @Test func validatorRefusesAGroupWithAPausedMember() throws {
        let session = Self.session(date: "2026-12-01", pausedUntil: "2026-12-14")
        let output = try SessionSolver().solve(Self.session(date: "2026-12-14", pausedUntil: "2026-12-14"))
        #expect(Validator(session: session).check(output).issues.contains { $0.contains("\"a\" is paused until 2026-12-14") })
    }

    // MARK: - Reading and checking the fields

    static let withDates = #"""
        {"version": 1, "date": "2026-11-30",
         "members": [{"id": "a", "status": "pending", "invitedAt": "2026-11-23", "remindedAt": "2026-11-26"},
                     {"id": "b", "pausedUntil": "2026-12-14"}, {"id": "c", "status": "expired"}, {"id": "d", "status": "left"}]}
        """#

    @Test func fieldsReadTheSameFromBytesAndFromATreeAndRoundTrip() throws {
        let bytes = Array(Self.withDates.utf8)
        let full = try Session.decode(bytes).session
        let fromTree = try Session.decode(try JSONValue.parse(bytes)).session
        #expect(fromTree == full)
        #expect(full.date == "2026-11-30")
        #expect(full.members[0].invitedAt == "2026-11-23" && full.members[0].remindedAt == "2026-11-26")
        #expect(full.members[1].pausedUntil == "2026-12-14")
        #expect(full.members.map(\.status) == [.pending, .active, .expired, .left])
        let again = try Session.decode(full.jsonBytes()).session
        #expect(again == full)
        #expect(try Session.decode(MembersFile.jsonBytes(full.members)).session.members == full.members)
    }

    @Test func badDatesAreErrorsWithTheirPath() {
        let text = #"""
            {"date": "2026-11-31", "members": [{"id": "a", "pausedUntil": "14/12/2026"}, {"id": "b", "invitedAt": 20261123},
                                               {"id": "c", "remindedAt": "2026-02-30"}]}
            """#
        let issues = Session.issues(in: Array(text.utf8)).filter { $0.severity == .error }
        #expect(Set(issues.map(\.path)) == ["$.members[1].invitedAt", "$.date", "$.members[0].pausedUntil", "$.members[2].remindedAt"])
        #expect(issues.count == 4)
        #expect(issues.contains { $0.message.contains("pausedUntil must be a date written YYYY-MM-DD, such as \"2026-12-14\", found \"14/12/2026\"") })
    }

    @Test func invitationAfterTheSessionDateIsAWarning() throws {
        let text = #"{"date": "2026-11-20", "members": [{"id": "a", "status": "pending", "invitedAt": "2026-11-23"}]}"#
        let (_, warnings) = try Session.decode(Array(text.utf8))
        #expect(warnings.map(\.path) == ["$.members[0].invitedAt"])
        #expect(warnings.first?.message.contains("after the session's date 2026-11-20") == true)
    }

    // MARK: - Updates from an export

    static func export(_ csv: String) throws -> MemberImportResult {
        try MemberImport().read(Array(csv.utf8))
    }

    @Test func updateAddsChangesRemovesAndKeepsWhatTheExportDoesNotCarry() throws {
        let existing = [
            Member(id: "ada@x.org", firstName: "Ada", lastName: "L", email: "ada@x.org", status: .paused,
                   categories: ["dept": .string("R&D"), "hobby": .string("chess")], pausedUntil: "2026-12-14"),
            Member(id: "bob@x.org", firstName: "Bob", email: "bob@x.org", status: .pending, categories: ["dept": .string("Sales")],
                   invitedAt: "2026-11-23", remindedAt: "2026-11-26"),
            Member(id: "cy@x.org", firstName: "Cy", email: "cy@x.org", categories: ["dept": .string("HR")]),
        ]
        let csv = "First name,Last name,Email,dept,Status\nAdah,L,ada@x.org,Sales,active\nBob,,bob@x.org,Sales,active\nDee,,dee@x.org,HR,active\n"
        let result = MembersUpdate(newStatus: .pending).merge(existing, with: try Self.export(csv))
        #expect(result.added == ["dee@x.org"])
        #expect(result.updated == [MembersUpdate.Change(id: "ada@x.org", fields: ["firstName", "categories.dept"])])
        #expect(result.left == ["cy@x.org"])
        #expect(result.members.map(\.id) == ["ada@x.org", "bob@x.org", "dee@x.org"])
        let ada = result.members[0], bob = result.members[1], dee = result.members[2]
        // Kept: status (the export's status column is not read), pause, the category without a column.
        #expect(ada.status == .paused && ada.pausedUntil == "2026-12-14" && ada.categories["hobby"] == .string("chess"))
        #expect(ada.categories["dept"] == .string("Sales"))
        #expect(bob.status == .pending && bob.invitedAt == "2026-11-23" && bob.remindedAt == "2026-11-26")
        #expect(dee.status == .pending)
    }

    @Test func leaversKeptWithStatusLeftComeBack() throws {
        let existing = [Member(id: "a@x.org", firstName: "A", email: "a@x.org"), Member(id: "b@x.org", firstName: "B", email: "b@x.org")]
        let first = MembersUpdate(keepLeavers: true).merge(existing, with: try Self.export("Prénom;Nom;Email\nA;;a@x.org\n"))
        #expect(first.left == ["b@x.org"] && first.members.map(\.status) == [.active, .left])
        let second = MembersUpdate(keepLeavers: true).merge(first.members, with: try Self.export("Prénom;Nom;Email\nA;;a@x.org\n"))
        #expect(second.left.isEmpty && second.members.map(\.status) == [.active, .left])
        let back = MembersUpdate().merge(second.members, with: try Self.export("Prénom;Nom;Email\nA;;a@x.org\nB;;b@x.org\n"))
        #expect(back.returned == ["b@x.org"] && back.members.map(\.status) == [.active, .active])
        #expect(back.updated == [MembersUpdate.Change(id: "b@x.org", fields: ["status"])])
        let held = MembersUpdate(holdLeavers: true).merge(existing, with: try Self.export("Prénom;Nom;Email\nA;;a@x.org\n"))
        #expect(held.held == ["b@x.org"] && held.left.isEmpty && held.members == existing)
    }

    // MARK: - Invitations

    static let day = CalendarDate("2026-11-30")!

    @Test func invitationsRemindersAndExpiry() throws {
        let members = [
            Member(id: "new", firstName: "Nina", status: .pending, language: "fr"),
            Member(id: "old", firstName: "Olga", status: .pending, invitedAt: "2026-11-26"),          // 4 days: reminder
            Member(id: "fresh", firstName: "Fred", status: .pending, invitedAt: "2026-11-28"),        // 2 days: nothing
            Member(id: "reminded", status: .pending, invitedAt: "2026-11-20", remindedAt: "2026-11-23"), // reminded since
            Member(id: "stale", status: .pending, invitedAt: "2026-10-31"),                           // 30 days: expired
            Member(id: "active", invitedAt: "2026-10-01"),
        ]
        let result = try InvitationRound(date: Self.day).run(members)
        #expect(result.invited == ["new"] && result.reminded == ["old"] && result.expired == ["stale"])
        #expect(result.messages.map(\.kind) == [.invitation, .reminder])
        #expect(result.messages[0].language == "fr" && result.messages[0].text.contains("Bonjour Nina"))
        #expect(result.messages[0].text.contains("avant le 2026-12-29"))
        #expect(result.messages[1].subject.hasPrefix("Reminder") && result.messages[1].text.contains("On 2026-11-26 you were invited"))
        #expect(result.members[0].invitedAt == "2026-11-30" && result.members[1].remindedAt == "2026-11-30")
        #expect(result.members[4].status == .expired)
        #expect(result.members[5] == members[5] && result.members[2] == members[2] && result.members[3] == members[3])
        // The same day again: nothing new.
        let again = try InvitationRound(date: Self.day).run(result.members)
        #expect(again.messages.isEmpty && again.members == result.members)
        // Re-inviting renews an expired invitation.
        let renewed = try InvitationRound(date: Self.day.adding(days: 1), reinvite: ["stale"]).run(result.members)
        #expect(renewed.invited == ["stale"] && renewed.members[4].status == .pending && renewed.members[4].invitedAt == "2026-12-01")
        #expect(throws: InvitationRound.ReinviteError.self) { try InvitationRound(date: Self.day, reinvite: ["active"]).run(members) }
        do {
            _ = try InvitationRound(date: Self.day, reinvite: ["stail"]).run(members)
            Issue.record("an unknown id must be refused")
        } catch {
            #expect(error.closest == ["stale"])
        }
    }

    @Test func invitationTemplatesAreReplacedLikeMatchTemplates() throws {
        var templates = MessageTemplates.builtIn
        try templates.replace(.invitation, language: "en", with: "Subject: Join {{program}}\n\n{{firstName}}, until {{expiresOn}}")
        let result = try InvitationRound(date: Self.day, expireAfter: 7, templates: templates, program: "coffee")
            .run([Member(id: "n", firstName: "Nina", status: .pending)])
        #expect(result.messages.first?.subject == "Join coffee")
        #expect(result.messages.first?.text == "Nina, until 2026-12-06")
        #expect(String(decoding: MatchMessage.jsonLines(result.messages), as: UTF8.self).contains(#""kind":"invitation""#))
    }
}
