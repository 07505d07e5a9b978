import Testing
@testable import Mingle

@Suite("Audiences (program extension) and member groups, guest, language")
struct AudienceTests {
    static let audienceSession = """
    {"program": {"id": "p", "rules": [{"category": "city", "kind": "same", "required": true}],
                 "audience": {"categories": [{"category": "city", "in": ["Paris", "Lyon"]},
                                             {"category": "department", "notIn": ["Board", 7]}],
                              "groups": {"in": ["coffee", "lunch"], "notIn": ["contractors"]},
                              "guests": false}},
     "members": [
       {"id": "a", "categories": {"city": "Paris", "department": "R&D"}, "groups": ["coffee"], "language": "fr"},
       {"id": "b", "categories": {"city": "Paris", "department": ["Sales", "Ops"]}, "groups": ["lunch", "x"]},
       {"id": "c", "categories": {"city": "Nice"}, "groups": ["coffee"]},
       {"id": "d", "categories": {"department": "R&D"}, "groups": ["coffee"]},
       {"id": "e", "categories": {"city": "Lyon", "department": ["Ops", "Board"]}, "groups": ["coffee"]},
       {"id": "f", "categories": {"city": "Lyon", "department": 7}, "groups": ["coffee"]},
       {"id": "g", "categories": {"city": "Lyon", "department": "7"}, "groups": ["coffee"]},
       {"id": "h", "categories": {"city": "Paris"}, "groups": ["coffee"], "guest": true},
       {"id": "i", "categories": {"city": "Paris"}, "groups": ["other"]},
       {"id": "j", "categories": {"city": "Paris"}, "groups": ["coffee", "contractors"]},
       {"id": "k", "categories": {"city": "Paris"}},
       {"id": "l", "categories": {"city": "Lyon"}, "groups": ["lunch"], "guest": false}
     ]}
    """

    @Test func decodesAudienceAndMemberExtensions() throws {
        let session = try decodeSession(Self.audienceSession)
        let audience = try #require(session.program.audience)
        #expect(audience.categories == [
            .init(category: "city", allowed: [.string("Paris"), .string("Lyon")]),
            .init(category: "department", excluded: [.string("Board"), .number(7)]),
        ])
        #expect(audience.groups == .init(allowed: ["coffee", "lunch"], excluded: ["contractors"]))
        #expect(audience.guests == false)
        #expect(session.members[0].groups == ["coffee"] && session.members[0].language == "fr")
        #expect(session.members[7].guest && !session.members[11].guest)
    }

    /// Session text -> Session -> text -> the same Session, extensions included.
    @Test func encodingRoundTrips() throws {
        let session = try decodeSession(Self.audienceSession)
        let again = try Session.decode(session.jsonBytes()).session
        #expect(again == session)
    }

    /// Who is in: in/notIn over scalars and arrays, a missing value, "7" versus 7, groups, guests.
    @Test func membership() throws {
        let session = try decodeSession(Self.audienceSession)
        let audience = try #require(session.program.audience)
        let mismatches = Dictionary(uniqueKeysWithValues: session.members.map { ($0.id, audience.mismatch(for: $0)) })
        #expect(mismatches["a"]! == nil && mismatches["b"]! == nil && mismatches["g"]! == nil && mismatches["l"]! == nil)
        #expect(mismatches["c"] == .categoryNotAllowed(category: "city", value: .string("Nice"), allowed: [.string("Paris"), .string("Lyon")]))
        #expect(mismatches["d"] == .categoryNotAllowed(category: "city", value: nil, allowed: [.string("Paris"), .string("Lyon")]))
        #expect(mismatches["e"] == .categoryExcluded(category: "department", value: .strings(["Ops", "Board"]), excluded: [.string("Board"), .number(7)]))
        #expect(mismatches["f"] == .categoryExcluded(category: "department", value: .number(7), excluded: [.string("Board"), .number(7)]))
        #expect(mismatches["h"] == .guest)
        #expect(mismatches["i"] == .notInGroups(allowed: ["coffee", "lunch"]))
        #expect(mismatches["j"] == .inExcludedGroup("contractors"))
        #expect(mismatches["k"] == .notInGroups(allowed: ["coffee", "lunch"]))
        // Without the audience, everyone takes part.
        var open = session
        open.program.audience = nil
        #expect(Problem(open).count == 12)
    }

    /// Participants outside the audience are unmatched with the condition that
    /// failed, never placed; the validator accepts the output.
    @Test func outsideParticipantsAreReportedUnmatched() throws {
        let session = try decodeSession(Self.audienceSession)
        let output = solveAndValidate(session)
        let placed = Set(output.groups.flatMap(\.members))
        #expect(placed == ["a", "b", "g", "l"])
        let reasons = Dictionary(uniqueKeysWithValues: output.unmatched.map { ($0.member, $0.reason) })
        #expect(reasons.count == 8)
        #expect(reasons["c"] == "outside the program's audience: city is \"Nice\"; the audience takes city in \"Paris\", \"Lyon\"")
        #expect(reasons["d"] == "outside the program's audience: no city value; the audience takes city in \"Paris\", \"Lyon\"")
        #expect(reasons["e"] == "outside the program's audience: department [\"Ops\", \"Board\"] is excluded")
        #expect(reasons["h"] == "outside the program's audience: guests take no part in this program")
        #expect(reasons["i"] == "outside the program's audience: in none of the groups \"coffee\", \"lunch\"")
        #expect(reasons["j"] == "outside the program's audience: in the group \"contractors\", which is excluded")
        #expect(output.stats.participants == 12)
    }

    /// A pending or paused participant keeps the reason of the format even when also outside the audience.
    @Test func statusComesBeforeAudience() throws {
        let session = try decodeSession("""
        {"program": {"audience": {"guests": false}},
         "members": [{"id": "a", "status": "paused", "guest": true}, {"id": "b"}, {"id": "c"}],
         "participants": ["a", "b", "c"]}
        """)
        let output = solveAndValidate(session)
        #expect(output.unmatched == [Output.Unmatched(member: "a", reason: "status paused: takes no part this session")])
    }

    /// The validator, reading the definition on its own, rejects a group with someone outside the audience.
    @Test func validatorRejectsOutsiders() throws {
        let session = try decodeSession(Self.audienceSession)
        let report = Validator(session: session).check(groups: [["a", "b"], ["h", "k"]])
        #expect(report.issues == [
            "group 1: \"h\" is outside the program's audience: a guest, and guests are excluded",
            "group 1: \"k\" is outside the program's audience: in none of the allowed groups",
        ])
        #expect(Validator(session: session).check(groups: [["a", "b"], ["g", "l"]]).issues.isEmpty)
    }

    @Test(arguments: [
        (#"{"members": [], "program": {"audience": {"guest": false}}}"#, "$.program.audience.guest", "did you mean \"guests\""),
        (#"{"members": [], "program": {"audience": []}}"#, "$.program.audience", "audience must be an object"),
        (#"{"members": [], "program": {"audience": {"guests": "no"}}}"#, "$.program.audience.guests", "true (guests take part) or false"),
        (#"{"members": [], "program": {"audience": {"categories": [{"category": "city"}]}}}"#, "$.program.audience.categories[0]", "needs a list \"in\""),
        (#"{"members": [], "program": {"audience": {"categories": [{"in": ["x"]}]}}}"#, "$.program.audience.categories[0]", "needs a \"category\""),
        (#"{"members": [], "program": {"audience": {"categories": [{"category": "c", "in": []}]}}}"#, "$.program.audience.categories[0].in", "admits nobody"),
        (#"{"members": [], "program": {"audience": {"categories": [{"category": "c", "in": ["x", ["y"]]}]}}}"#, "$.program.audience.categories[0].in[1]", "a string, a number or a boolean"),
        (#"{"members": [], "program": {"audience": {"categories": [{"category": "c", "only": ["x"]}]}}}"#, "$.program.audience.categories[0].only", "unknown key"),
        (#"{"members": [], "program": {"audience": {"groups": {}}}}"#, "$.program.audience.groups", "need a list \"in\""),
        (#"{"members": [], "program": {"audience": {"groups": {"in": ["a", ""]}}}}"#, "$.program.audience.groups.in[1]", "must not be empty"),
        (#"{"members": [{"id": "a", "guest": "yes"}], "program": {"audience": {"guests": false}}}"#, "$.members[0].guest", "(the program's audience uses it)"),
        (#"{"members": [{"id": "a", "groups": "team"}], "program": {"audience": {"groups": {"in": ["team"]}}}}"#, "$.members[0].groups", "array of non-empty group names"),
    ])
    func errorsNameTheirPath(json: String, path: String, message: String) {
        let issues = decodeIssues(json)
        #expect(issues.contains { $0.path == path && $0.message.contains(message) }, "\(issues)")
    }

    /// The format ignores unknown member keys: without an audience using them, extension
    /// fields of the wrong type are warnings, and the session stays valid.
    @Test func wrongExtensionFieldsWithoutAudienceAreWarnings() throws {
        let json = #"{"members": [{"id": "a", "guest": "yes", "groups": "team", "language": 3}], "program": {"audience": {"categories": [{"category": "c", "in": ["x"]}]}}}"#
        let (session, warnings) = try Session.decode(Array(json.utf8))
        #expect(!session.members[0].guest && session.members[0].groups.isEmpty && session.members[0].language == nil)
        #expect(warnings.map(\.path) == ["$.members[0].groups", "$.members[0].guest", "$.members[0].language", "$.program.audience.categories[0].category"])
        #expect(warnings.last?.message.contains("no member has a \"c\" value") == true)
    }
}
