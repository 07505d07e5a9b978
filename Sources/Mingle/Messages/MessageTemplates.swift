import Mustache

/// The Mustache templates messages are rendered from, per kind (match,
/// unmatched, invitation, reminder) and language. English and French are built in; a user can
/// replace any of them or add a language.
///
/// A template renders plain text (no HTML escaping; start it with
/// `{{% CONTENT_TYPE: HTML}}` for HTML). When its first line is
/// `Subject: ...`, that line is the message's subject and the text starts after
/// the blank line that follows. What a template can use:
///
/// - every message: `firstName`, `lastName`, `name`, `email`, `language`,
///   `program` (the program id), `date`, `groupSize`;
/// - match: `mates` (each with `firstName`, `lastName`, `name`, `email`, and
///   `facts`: what you share or what differs, one phrase per rule that held)
///   and `matesNames` (`Ada Lovelace and Alan Turing`);
/// - unmatched: `reason` (in plain words) and `cause` (a code such as `paused`);
/// - invitation and reminder (`mingle invitations`): `invitedAt` and
///   `expiresOn` (the last day the invitation is valid), no `program` unless given.
public struct MessageTemplates: Sendable {
    private var templates: [Key: MustacheTemplate]

    struct Key: Hashable, Sendable {
        var kind: MatchMessage.Kind
        var language: String
    }

    /// English and French.
    public static let builtIn: MessageTemplates = {
        var t = MessageTemplates(templates: [:])
        for (kind, language, text) in MessageTemplates.defaults {
            // The built-in templates are tested; a failure here is a bug.
            try! t.replace(kind, language: language, with: text)
        }
        return t
    }()

    private init(templates: [Key: MustacheTemplate]) {
        self.templates = templates
    }

    /// The languages that have both templates.
    public var languages: [String] {
        let all = Set(templates.keys.map(\.language))
        return all.filter { templates[Key(kind: .match, language: $0)] != nil && templates[Key(kind: .unmatched, language: $0)] != nil }.sorted()
    }

    /// Replaces (or adds) the template of a kind and language.
    ///
    /// - Throws: `TemplateError` with the line and column of a Mustache syntax error.
    public mutating func replace(_ kind: MatchMessage.Kind, language: String, with text: String) throws(TemplateError) {
        do {
            // Plain text by default; a template's own CONTENT_TYPE pragma comes later and wins.
            templates[Key(kind: kind, language: language)] = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
        } catch let error as MustacheTemplate.ParserError {
            let column = error.context.lineNumber == 1 ? error.context.columnNumber - 24 : error.context.columnNumber
            throw TemplateError(kind: kind, language: language, line: error.context.lineNumber, column: max(1, column),
                                message: "\(error.error)")
        } catch {
            throw TemplateError(kind: kind, language: language, line: 1, column: 1, message: "\(error)")
        }
    }

    /// The language whose templates render a member's messages: theirs when
    /// both templates exist for it (match and unmatched, or invitation and
    /// reminder), else English.
    func language(for member: Member, kind: MatchMessage.Kind = .match) -> String {
        guard let code = member.language.flatMap(MessageLanguage.code) else { return "en" }
        let pair: [MatchMessage.Kind] = kind == .match || kind == .unmatched ? [.match, .unmatched] : [.invitation, .reminder]
        return pair.allSatisfy { templates[Key(kind: $0, language: code)] != nil } ? code : "en"
    }

    func render(_ kind: MatchMessage.Kind, language: String, context: [String: Any]) -> String {
        templates[Key(kind: kind, language: language)]?.render(context) ?? ""
    }

    static let defaults: [(MatchMessage.Kind, String, String)] = [
        (.invitation, "en", """
            Subject: You are invited{{#program}} to {{program}}{{/program}}

            Hi {{firstName}},

            You are invited to meet a colleague for a coffee, at random, every round. Reply to this message to join{{#expiresOn}} by {{expiresOn}}{{/expiresOn}}.

            See you soon!

            """),
        (.reminder, "en", """
            Subject: Reminder: you are invited{{#program}} to {{program}}{{/program}}

            Hi {{firstName}},

            On {{invitedAt}} you were invited to meet a colleague for a coffee, at random, every round. Reply to this message to join{{#expiresOn}} by {{expiresOn}}{{/expiresOn}}.

            See you soon!

            """),
        (.invitation, "fr", """
            Subject: Vous êtes invité·e{{#program}} à {{program}}{{/program}}

            Bonjour {{firstName}},

            Vous êtes invité·e à rencontrer un·e collègue autour d'un café, au hasard, à chaque tour. Répondez à ce message pour participer{{#expiresOn}} avant le {{expiresOn}}{{/expiresOn}}.

            À bientôt !

            """),
        (.reminder, "fr", """
            Subject: Rappel : vous êtes invité·e{{#program}} à {{program}}{{/program}}

            Bonjour {{firstName}},

            Le {{invitedAt}}, vous avez été invité·e à rencontrer un·e collègue autour d'un café, au hasard, à chaque tour. Répondez à ce message pour participer{{#expiresOn}} avant le {{expiresOn}}{{/expiresOn}}.

            À bientôt !

            """),
        (.match, "en", """
            Subject: Your match{{#program}} in {{program}}{{/program}}: {{matesNames}}

            Hi {{firstName}},

            This time you are meeting {{matesNames}}. Say hello and find a time that suits you all!
            {{#mates}}

            {{name}}{{#email}} <{{email}}>{{/email}}
            {{#facts}}
            - {{.}}
            {{/facts}}
            {{/mates}}

            Enjoy your coffee!

            """),
        (.unmatched, "en", """
            Subject: No match this time{{#program}} in {{program}}{{/program}}

            Hi {{firstName}},

            There is no match for you this time: {{reason}}

            See you next round!

            """),
        (.match, "fr", """
            Subject: Votre rencontre{{#program}} {{program}}{{/program}} : {{matesNames}}

            Bonjour {{firstName}},

            Cette fois-ci, vous rencontrez {{matesNames}}. Dites bonjour et trouvez un moment qui convient à tous !
            {{#mates}}

            {{name}}{{#email}} <{{email}}>{{/email}}
            {{#facts}}
            - {{.}}
            {{/facts}}
            {{/mates}}

            Bon café !

            """),
        (.unmatched, "fr", """
            Subject: Pas de rencontre cette fois-ci{{#program}} ({{program}}){{/program}}

            Bonjour {{firstName}},

            Pas de rencontre pour vous cette fois-ci : {{reason}}

            À la prochaine !

            """),
    ]
}

/// A template that is not valid Mustache: which one, where, and what is wrong.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public var kind: MatchMessage.Kind
    public var language: String
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String {
        "the \(kind.rawValue) template for \"\(language)\": line \(line), column \(column): \(message)"
    }
}
