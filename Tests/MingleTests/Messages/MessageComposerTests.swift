import Foundation
import Testing
@testable import Mingle

@Suite("Match messages")
struct MessageComposerTests {
    static let session = """
    {"program": {"id": "coffee", "groupSize": 2,
                 "rules": [{"category": "city", "kind": "same", "required": true},
                           {"category": "department", "kind": "different", "weight": 3},
                           {"category": "seniority", "kind": "within", "distance": 1, "weight": 1},
                           {"category": "interests", "kind": "overlap", "weight": 0.5},
                           {"category": "remote", "kind": "same", "weight": 1}],
                 "audience": {"guests": false}},
     "members": [
       {"id": "ada", "firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.org", "language": "fr",
        "categories": {"city": "Paris", "department": "R&D", "seniority": 3, "interests": ["chess", "running"], "remote": true}},
       {"id": "alan", "firstName": "Alan", "lastName": "Turing", "email": "alan@example.org", "language": "en-GB",
        "categories": {"city": "Paris", "department": "Sales", "seniority": 4, "interests": ["running", "tea"], "remote": false}},
       {"id": "grace", "firstName": "Grace", "email": "grace@example.org", "language": "de",
        "categories": {"city": "Lyon", "department": "R&D"}},
       {"id": "linus", "firstName": "Linus", "status": "paused", "categories": {"city": "Paris"}},
       {"id": "guest", "firstName": "Gus", "guest": true, "language": "fr", "categories": {"city": "Paris"}}
     ],
     "participants": ["ada", "alan", "grace", "linus", "guest"]}
    """

    func messages(_ json: String = session, composer: MessageComposer = MessageComposer(date: "2026-11-23")) throws -> [String: MatchMessage] {
        let session = try decodeSession(json)
        let output = solveAndValidate(session)
        let list = composer.messages(for: session, output: output)
        // One message per participant, in output order.
        #expect(list.map(\.member) == output.groups.flatMap(\.members) + output.unmatched.map(\.member))
        return Dictionary(uniqueKeysWithValues: list.map { ($0.member, $0) })
    }

    @Test func matchMessagesInTheMembersLanguageWithWhatTheyShare() throws {
        let m = try messages()
        let ada = try #require(m["ada"])
        #expect(ada.kind == .match && ada.language == "fr" && ada.mates == ["alan"] && ada.cause == nil)
        #expect(ada.subject == "Votre rencontre coffee : Alan Turing")
        #expect(ada.text == """
        Bonjour Ada,

        Cette fois-ci, vous rencontrez Alan Turing. Dites bonjour et trouvez un moment qui convient à tous !

        Alan Turing <alan@example.org>
        - « city » en commun : Paris
        - « department » : R&D pour vous, Sales pour Alan
        - « seniority » proche : 3 pour vous, 4 pour Alan
        - « interests » en commun : running

        Bon café !
        """)
        let alan = try #require(m["alan"])
        #expect(alan.language == "en" && alan.email == "alan@example.org" && alan.name == "Alan Turing")
        #expect(alan.subject == "Your match in coffee: Ada Lovelace")
        #expect(alan.text.contains("""
        Ada Lovelace <ada@example.org>
        - same city: Paris
        - different department: Sales for you, R&D for Ada
        - similar seniority: 4 for you, 3 for Ada
        - shared interests: running
        """))
        // The rule that did not hold (remote) says nothing.
        #expect(!alan.text.contains("remote") && !ada.text.contains("remote"))
    }

    @Test func unmatchedMessagesGiveTheReasonInPlainWords() throws {
        let m = try messages()
        let grace = try #require(m["grace"])
        #expect(grace.kind == .unmatched && grace.cause == "requiredRule" && grace.mates.isEmpty)
        // "de" has no templates: English.
        #expect(grace.language == "en")
        #expect(grace.subject == "No match this time in coffee")
        #expect(grace.text.contains("There is no match for you this time: nobody else with your city (Lyon) took part in this round."))
        #expect(m["linus"]?.cause == "paused")
        #expect(m["linus"]?.text.contains("you paused your participation") == true)
        #expect(m["linus"]?.email == nil && m["linus"]?.name == "Linus")
        let gus = try #require(m["guest"])
        #expect(gus.cause == "outsideAudience" && gus.language == "fr")
        #expect(gus.text.contains("Pas de rencontre pour vous cette fois-ci : ce programme est réservé aux membres de l'organisation, pas aux invités."))
    }

    /// Every unmatched cause has a plain-words reason in English and French.
    @Test(arguments: MessageWording.allCases)
    func everyCauseHasAReason(wording: MessageWording) {
        let causes: [UnmatchedCause] = [
            .pending, .paused, .alone, .outsideAudience(.guest), .outsideAudience(.notInGroups(allowed: ["a", "b"])),
            .outsideAudience(.inExcludedGroup("x")), .outsideAudience(.categoryNotAllowed(category: "city", value: nil, allowed: [.string("P")])),
            .outsideAudience(.categoryNotAllowed(category: "city", value: .string("N"), allowed: [.string("P"), .string("L")])),
            .outsideAudience(.categoryExcluded(category: "d", value: .string("HR"), excluded: [.string("HR")])),
            .requiredRule(category: "city", kind: .same, lacksValue: true), .requiredRule(category: "city", kind: .same, lacksValue: false),
            .requiredRule(category: "s", kind: .within(distance: 1), lacksValue: false),
            .partnersRuledOut(excluded: false, recent: true, onePartner: false, forbidWithin: 2),
            .partnersRuledOut(excluded: true, recent: true, onePartner: false, forbidWithin: 2),
            .requiredRulesTogether(["city", "team"]), .tooFewPartners(allowed: 1, groupSize: 3), .leftOver(groupSize: 2, remainder: .merge),
        ]
        let reasons = causes.map { wording.reason($0, value: .string("Paris")) }
        #expect(Set(reasons).count == causes.count)
        #expect(reasons.allSatisfy { $0.hasSuffix(".") && !$0.contains("required rule") })
        #expect(wording.reason(.outsideAudience(.categoryNotAllowed(category: "city", value: .string("N"), allowed: [.string("P"), .string("L")])), value: nil)
                .contains(wording == .fr ? "P ou L" : "P or L"))
    }

    @Test func groupsOfThreeNameBothMates() throws {
        let m = try messages("""
        {"program": {"groupSize": 3, "rules": [{"category": "team", "kind": "different"}]},
         "members": [{"id": "a", "firstName": "A", "categories": {"team": "x"}}, {"id": "b", "firstName": "B", "categories": {"team": "y"}},
                     {"id": "c", "firstName": "C", "lastName": "Cee", "categories": {"team": "x"}}]}
        """)
        let a = try #require(m["a"])
        #expect(a.mates == ["b", "c"])
        #expect(a.subject == "Your match: B and C Cee")
        #expect(a.text.contains("B\n- different team: x for you, y for B\n\nC Cee\n\nEnjoy"))
    }

    @Test func templatesCanBeReplaced() throws {
        var templates = MessageTemplates.builtIn
        try templates.replace(.match, language: "en", with: "Subject: {{date}} & you\n\n{{#mates}}{{name}}: {{#facts}}[{{.}}]{{/facts}}{{/mates}}\n")
        try templates.replace(.match, language: "de", with: "Hallo {{firstName}}, du triffst {{matesNames}}.")
        try templates.replace(.unmatched, language: "de", with: "Subject: Diesmal nicht\n\nHallo {{firstName}}: {{cause}}")
        #expect(templates.languages == ["de", "en", "fr"])
        let m = try messages(composer: MessageComposer(templates: templates, date: "2026-11-23"))
        #expect(m["alan"]?.subject == "2026-11-23 & you")
        #expect(m["alan"]?.text == "Ada Lovelace: [same city: Paris][different department: Sales for you, R&D for Ada][similar seniority: 4 for you, 3 for Ada][shared interests: running]")
        #expect(m["grace"]?.language == "de" && m["grace"]?.subject == "Diesmal nicht" && m["grace"]?.text == "Hallo Grace: requiredRule")
        // French is untouched.
        #expect(m["ada"]?.subject == "Votre rencontre coffee : Alan Turing")
    }

    @Test func templateErrorsNameLineAndColumn() {
        var templates = MessageTemplates.builtIn
        do {
            try templates.replace(.unmatched, language: "fr", with: "Bonjour {{firstName}},\n\n{{#mates}}\n{{name}}\n{{/matez}}\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 5 && error.kind == .unmatched && error.language == "fr", "\(error)")
            #expect(error.description.hasPrefix("the unmatched template for \"fr\": line 5"))
        }
    }

    @Test func jsonLinesHoldOneMessagePerLine() throws {
        let session = try decodeSession(Self.session)
        let output = solveAndValidate(session)
        let lines = String(decoding: MatchMessage.jsonLines(MessageComposer().messages(for: session, output: output)), as: UTF8.self)
            .split(separator: "\n")
        #expect(lines.count == 5)
        for line in lines {
            let json = try JSONValue.parse(Array(line.utf8))
            guard case .string(let kind)? = json["kind"], case .string(let text)? = json["text"], case .string? = json["subject"] else {
                Issue.record("missing fields in \(line)")
                continue
            }
            #expect(["match", "unmatched"].contains(kind) && !text.isEmpty)
        }
    }
}
