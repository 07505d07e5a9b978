import Foundation
import Testing
@testable import Mingle

func importCSV(_ text: String, _ options: MemberImport = MemberImport()) -> ImportOutcome {
    importCSV(bytes: Array(text.utf8), options)
}

func importCSV(bytes: [UInt8], _ options: MemberImport = MemberImport()) -> ImportOutcome {
    do {
        return ImportOutcome(result: try options.read(bytes), fatal: nil)
    } catch {
        return ImportOutcome(result: nil, fatal: error)
    }
}

/// What `MemberImport.read` returned or threw, so that tests read both alike.
struct ImportOutcome {
    var result: MemberImportResult?
    var fatal: MemberImportError?
    var isFatal: Bool { fatal != nil }
    var issues: [ImportIssue] { fatal?.issues ?? result!.issues }
    var errors: [ImportIssue] { issues.filter { $0.severity == .error } }
    var warnings: [ImportIssue] { issues.filter { $0.severity == .warning } }
    var members: [Member] { result?.members ?? [] }
    var delimiter: Character? { result?.delimiter }
    var rows: Int { result?.rows ?? 0 }
    var invalidRows: Int { result?.invalidRows ?? 0 }
    func canWrite(skippingInvalidRows: Bool) -> Bool { result?.canWrite(skippingInvalidRows: skippingInvalidRows) ?? false }
}

/// The repository's root folder (for the bundled datasets).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

@Suite("Member import from CSV")
struct MemberImportTests {
    // MARK: - Reading

    @Test func frenchHeadersSemicolonsBOMAndCRLF() throws {
        let result = importCSV("\u{FEFF}Prénom;NOM;E-mail;Ville;Ancienneté\r\nAda;Lovelace;Ada@Example.org;Paris;3\r\nAlan;Turing;alan@example.org;Lyon;12\r\n")
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.delimiter == ";")
        #expect(result.members.count == 2)
        let ada = try #require(result.members.first)
        #expect(ada.id == "ada@example.org")
        #expect(ada.email == "Ada@Example.org")
        #expect(ada.firstName == "Ada" && ada.lastName == "Lovelace")
        #expect(ada.categories == ["Ville": .string("Paris"), "Ancienneté": .number(3)])
    }

    @Test(arguments: [
        "First Name,Last Name,Email", "prenom,nom,courriel", "PRÉNOM,Nom de famille,Adresse e-mail",
        "first_name\tlast_name\tE-Mail", "Given name;Surname;Mail",
    ])
    func requiredHeadersInEnglishOrFrench(header: String) {
        let delimiter = header.contains("\t") ? "\t" : header.contains(";") ? ";" : ","
        let result = importCSV(header + "\n" + ["Ada", "Lovelace", "ada@example.org"].joined(separator: delimiter) + "\n")
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.members.map(\.id) == ["ada@example.org"])
        #expect(result.members.first?.categories.isEmpty == true)
    }

    /// The delimiter that occurs most on the header line wins; quoted values
    /// holding the other delimiters (and the delimiter itself) stay whole.
    @Test(arguments: [",", ";", "\t"])
    func delimiterDetected(delimiter: String) {
        let header = ["First name", "Last name", "Email", "Team"].joined(separator: delimiter)
        let row = ["Ada", "\"Lovelace, Byron; \"\"Countess\"\"\tof Lovelace\"", "ada@example.org", "\"A\(delimiter)B\""].joined(separator: delimiter)
        let result = importCSV(header + "\n" + row + "\n")
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.delimiter == Character(delimiter))
        #expect(result.members.first?.lastName == "Lovelace, Byron; \"Countess\"\tof Lovelace")
        #expect(result.members.first?.categories["Team"] == .string("A\(delimiter)B"))
    }

    /// A quoted value over several lines: the following records keep their real line numbers.
    @Test func lineNumbersFollowQuotedLineBreaks() {
        let text = "First name;Last name;Email;Office\r\n"
            + "Ada;Lovelace;ada@example.org;\"Tower A\r\nFloor 3\nDesk 12\"\r\n"  // lines 2-4
            + "Alan;Turing;alan@@example.org;B\r\n"                              // line 5
            + "Grace;Hopper;grace@example.org;\"C\nD\"\r\n"                       // lines 6-7
            + "Edsger;Dijkstra;edsger example.org;E\r\n"                          // line 8
        let result = importCSV(text)
        #expect(result.errors.map(\.line) == [5, 8], "\(result.issues)")
        #expect(result.errors.allSatisfy { $0.column == 3 && $0.columnName == "Email" })
        #expect(result.members.map(\.firstName) == ["Ada", "Grace"])
        #expect(result.members.first?.categories["Office"] == .string("Tower A\r\nFloor 3\nDesk 12"))
    }

    @Test func numbersAreRecognisedPerColumn() {
        let text = """
        Prénom;Nom;Email;Ancienneté;Note;Code postal;Étage
        Ada;L;a@example.org;3;4,5;01000;2
        Alan;T;b@example.org;12;-1.25;75001;deux
        Grace;H;c@example.org;;0;69000;3

        """
        let result = importCSV(text)
        #expect(result.issues.isEmpty, "\(result.issues)")
        let c = result.members.map(\.categories)
        #expect(c.map { $0["Ancienneté"] } == [.number(3), .number(12), nil])
        #expect(c.map { $0["Note"] } == [.number(4.5), .number(-1.25), .number(0)])
        // A leading zero makes a code, and a column mixing numbers and text stays text.
        #expect(c.map { $0["Code postal"] } == [.string("01000"), .string("75001"), .string("69000")])
        #expect(c.map { $0["Étage"] } == [.string("2"), .string("deux"), .string("3")])
        // With a comma delimiter, "4,5" is text (it had to be quoted).
        let comma = importCSV("First name,Last name,Email,Note\nAda,L,a@example.org,\"4,5\"\n")
        #expect(comma.members.first?.categories["Note"] == .string("4,5"))
    }

    @Test func multiValuedColumns() {
        let text = "First name,Last name,Email,Interests,Tags\nAda,L,a@example.org, chess | running||chess ,x|y\nAlan,T,b@example.org,,z\n"
        let result = importCSV(text, MemberImport(multiValued: ["interests"]))
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.members[0].categories["Interests"] == .strings(["chess", "running"]))
        #expect(result.members[0].categories["Tags"] == .string("x|y"))
        #expect(result.members[1].categories["Interests"] == nil)
        let custom = importCSV("First name;Last name;Email;Interests\nAda;L;a@example.org;chess, running\n",
                               MemberImport(multiValued: ["INTERESTS"], multiSeparator: ","))
        #expect(custom.members.first?.categories["Interests"] == .strings(["chess", "running"]))
    }

    @Test func statusLanguageGroupsAndGuest() {
        let text = """
        Prénom;Nom;Email;Statut;Langue;Groupes;Invité
        Ada;L;a@example.org;actif;Français;team-a|team-b;non
        Alan;T;b@example.org;en pause;en-GB;;oui
        Grace;H;c@example.org;En attente;;team-b;
        Linus;T;d@example.org;;FR;;1

        """
        let result = importCSV(text)
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.members.map(\.status) == [.active, .paused, .pending, .active])
        #expect(result.members.map(\.language) == ["fr", "en", nil, "fr"])
        #expect(result.members.map(\.groups) == [["team-a", "team-b"], [], ["team-b"], []])
        #expect(result.members.map(\.guest) == [false, true, false, true])
        #expect(result.members.allSatisfy { $0.categories.isEmpty })
    }

    @Test func renameAndIgnoreColumns() {
        let text = "Prénom;Nom;Adresse pro;Ville;Poste;Équipe\nAda;L;a@example.org;Paris;CTO;core|infra\n"
        let options = MemberImport(renames: [.init(column: "ville", name: "city"), .init(column: "Adresse pro", name: "email"),
                                             .init(column: "equipe", name: "groups")],
                                   ignored: ["POSTE"])
        let result = importCSV(text, options)
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.members.first?.email == "a@example.org")
        #expect(result.members.first?.categories == ["city": .string("Paris")])
        #expect(result.members.first?.groups == ["core", "infra"])
    }

    @Test func idColumnIsUsedWhenPresent() {
        let result = importCSV("id,First name,Last name,Email\nE-1,Ada,L,a@example.org\nE-2,Alan,T,b@example.org\n")
        #expect(result.members.map(\.id) == ["E-1", "E-2"])
        let bad = importCSV("id,First name,Last name,Email\nE-1,Ada,L,a@example.org\nE-1,Alan,T,b@example.org\n,Grace,H,c@example.org\n")
        #expect(bad.errors.map(\.description) == [
            "line 3, column 1 (id): duplicate id \"E-1\" (first on line 2); ids must be unique",
            "line 4, column 1 (id): the id is empty; fill it in, or remove the id column to derive ids from emails",
        ])
    }

    /// Without an id column, ids come from the email: the same person gets the
    /// same id in every import, whatever the case of the address or the row order.
    @Test func idsDerivedStablyFromEmail() {
        let first = importCSV("First name,Last name,Email\nAda,L,Ada.Lovelace@Example.org\nAlan,T,alan@example.org\n")
        let later = importCSV("Prénom;Nom;Courriel;Ville\nAlan;T;ALAN@example.org;Lyon\nAda;Lovelace;ada.lovelace@example.ORG;Paris\n")
        #expect(first.members.map(\.id) == ["ada.lovelace@example.org", "alan@example.org"])
        #expect(Set(later.members.map(\.id)) == Set(first.members.map(\.id)))
    }

    // MARK: - Validation: every problem with its line and column

    @Test(arguments: [
        ("ada lovelace@example.org", "has a space"),
        ("ada.example.org", "has no @"),
        ("ada@", "no domain after the @"),
        ("@example.org", "nothing before the @"),
        ("ada@example", "has no dot"),
        ("ada@@example.org", "2 @ signs"),
        ("ada@example.c0m", "top-level domain"),
        ("ada@exa_mple.org", "not allowed in the domain"),
        ("ada..l@example.org", "two dots in a row"),
        ("ada(l)@example.org", "not allowed before the @"),
        ("mailto:ada@example.org", "mailto: link; write the bare address ada@example.org"),
        ("=HYPERLINK(\"\"mailto:ada@example.org\"\")", "HYPERLINK formula"),
        ("https://example.org/ada", "web link"),
        ("Ada Lovelace <ada@example.org>", "write the bare address ada@example.org"),
        ("", "the email is empty"),
    ])
    func invalidEmailNamesLineAndColumn(email: String, message: String) {
        let value = email.contains("\"") || email.contains(",") ? "\"\(email)\"" : email
        let result = importCSV("First name,Last name,Email\nAlan,Turing,alan@example.org\nAda,Lovelace,\(value)\n")
        #expect(result.errors.count == 1, "\(result.issues)")
        let issue = result.errors.first
        #expect(issue?.line == 3 && issue?.column == 3 && issue?.columnName == "Email")
        #expect(issue?.message.contains(message) == true, "\(String(describing: issue))")
        #expect(result.members.map(\.id) == ["alan@example.org"])
        #expect(result.invalidRows == 1 && !result.isFatal)
    }

    @Test(arguments: ["ada@example.org", "a.b+tag@sub.example.co.uk", "o'brien@example.ie", "élodie@exemple.fr", "x@xn--bcher-kva.ch"])
    func validEmails(email: String) {
        #expect(importCSV("First name,Last name,Email\nA,B,\(email)\n").issues.isEmpty)
    }

    @Test func duplicateEmailsAreCaseInsensitive() {
        let result = importCSV("Prénom;Nom;Email\nAda;L;ada@example.org\nAlan;T;alan@example.org\nAda;L;ADA@Example.org\n")
        #expect(result.errors.map(\.description) == [
            "line 4, column 3 (Email): duplicate email ADA@Example.org (first on line 2); each member needs their own address",
        ])
        #expect(result.members.map(\.id) == ["ada@example.org", "alan@example.org"])
    }

    /// An empty row between members is reported; empty rows at the end are leftovers and are not.
    @Test func emptyRows() {
        let result = importCSV("Prénom;Nom;Email\nAda;L;a@example.org\n;;\n\nAlan;T;b@example.org\n;;\n\n")
        #expect(result.errors.map(\.line) == [3, 4])
        #expect(result.errors.allSatisfy { $0.column == nil && $0.message.hasPrefix("empty row") })
        #expect(result.rows == 4)
        #expect(result.members.count == 2)
    }

    @Test func allowedDomains() {
        let text = "First name,Last name,Email\nAda,L,ada@example.org\nAlan,T,alan@gmail.com\nGrace,H,grace@EXAMPLE.ORG\nLinus,T,linus@paris.example.org\n"
        let result = importCSV(text, MemberImport(allowedDomains: ["Example.org"]))
        #expect(result.errors.map(\.line) == [3, 5])
        #expect(result.errors.first?.message == "the domain gmail.com is not allowed; allowed: Example.org")
        #expect(result.errors.allSatisfy { $0.column == 3 })
        #expect(result.members.map(\.firstName) == ["Ada", "Grace"])
    }

    @Test func missingRequiredColumnsAreFatal() {
        let result = importCSV("Name;Mail;City\nAda Lovelace;ada@example.org;Paris\n")
        #expect(result.isFatal && result.members.isEmpty)
        #expect(!result.canWrite(skippingInvalidRows: true))
        #expect(result.errors.map(\.line) == [1, 1])
        #expect(result.errors[0].message.hasPrefix("no first name column"))
        #expect(result.errors[1].message.hasPrefix("no last name column"))
    }

    @Test func headerProblemsAreFatal() {
        let twoEmails = importCSV("First name,Last name,Email,Courriel\nA,B,a@example.org,b@example.org\n")
        #expect(twoEmails.isFatal)
        #expect(twoEmails.errors.first?.description == "line 1, column 4 (Courriel): a second email column (the first is column 3, Email): rename or ignore one of them")
        let unnamed = importCSV("First name,Last name,Email,\nA,B,a@example.org,x\n")
        #expect(unnamed.errors.first?.description == "line 1, column 4: this column has values but no name: give it a name in the header")
        let trailing = importCSV("First name,Last name,Email,\nA,B,a@example.org,\n")
        #expect(trailing.issues.isEmpty && trailing.members.count == 1)
        let unknown = importCSV("First name,Last name,Email\nA,B,a@example.org\n",
                                MemberImport(renames: [.init(column: "Vile", name: "city")], ignored: ["Poste"], multiValued: ["tags"]))
        #expect(unknown.isFatal && unknown.errors.count == 3)
        #expect(unknown.errors[0].message == "column \"Vile\" (to rename city) is not in the header; the columns are: First name, Last name, Email")
    }

    @Test func rowWithTooManyValues() {
        let result = importCSV("First name;Last name;Email\nAda;Lovelace;ada@example.org;R&D; Data\nAlan;T;b@example.org;;\n")
        #expect(result.errors.map(\.description) == [
            "line 2, column 4: 5 values but the header has 3 columns: a value holding \";\" must be in double quotes",
        ])
        #expect(result.members.map(\.firstName) == ["Alan"])
    }

    @Test func rowFieldErrors() {
        let text = "Prénom;Nom;Email;Statut;Invité;Langue\n;L;a@example.org;actif;;\nAda;L;b@example.org;away;maybe;Klingon\n"
        let result = importCSV(text)
        #expect(result.issues.map(\.description) == [
            "line 2, column 1 (Prénom): the first name is empty; every member needs one",
            "line 3, column 4 (Statut): status \"away\" is not one of active, pending, paused (or actif, en attente, en pause)",
            "line 3, column 5 (Invité): guest \"maybe\" is not yes or no (oui, non, true, false, 1, 0, or empty for no)",
            "line 3, column 6 (Langue): \"Klingon\" is not a language Mingle knows (such as fr, en, Français, English); this member's messages will be in English",
        ])
        #expect(result.warnings.count == 1 && result.invalidRows == 2)
    }

    /// Every problem is reported at once, in line order; the valid rows are kept
    /// for `--skip-invalid`.
    @Test func everyProblemAtOnce() {
        let text = """
        Prénom;Nom;Email;Ville
        Ada;L;ada@example.org;Paris
        Bob;M;bob@;Lyon
        ;;;
        Chloé;N;chloe@example.org;Paris
        Dan;O;ADA@example.org;Nice
        Eve;P;eve at example.org;Lyon

        """
        let result = importCSV(text)
        #expect(result.errors.map(\.line) == [3, 4, 6, 7])
        #expect(result.members.map(\.firstName) == ["Ada", "Chloé"])
        #expect(result.rows == 6 && result.invalidRows == 4)
        #expect(!result.canWrite(skippingInvalidRows: false))
        #expect(result.canWrite(skippingInvalidRows: true))
    }

    @Test func malformedCSVIsFatalWithItsLine() {
        let strayQuote = importCSV("First name,Last name,Email\nAda,L,a@example.org\nJean \"JJ\",Dupont,j@example.org\n")
        #expect(strayQuote.isFatal)
        #expect(strayQuote.errors.map(\.line) == [3])
        #expect(strayQuote.errors.first?.message.contains("double quotes") == true)
        let unclosed = importCSV("First name,Last name,Email\nAda,L,a@example.org\n\"Alan,T,b@example.org\nGrace,H,c@example.org\n")
        #expect(unclosed.isFatal)
        #expect(unclosed.errors.map(\.line) == [3])
        #expect(unclosed.errors.first?.message.contains("never closed") == true)
    }

    @Test func notUTF8IsFatalWithItsLine() {
        var bytes = Array("Prénom;Nom;Email\nAda;L;a@example.org\n".utf8)
        bytes += [0x4C, 0xE9, 0x61, 0x3B, 0x4D, 0x3B, 0x6C, 0x40, 0x65, 0x78, 0x2E, 0x6F, 0x72, 0x67, 0x0A] // "Léa;M;l@ex.org" in Latin-1
        let result = importCSV(bytes: bytes)
        #expect(result.isFatal)
        #expect(result.errors.map(\.line) == [3])
        #expect(result.errors.first?.message.contains("not UTF-8") == true)
    }

    @Test func emptyFile() {
        #expect(importCSV("").isFatal)
        #expect(importCSV("\u{FEFF}").errors.first?.message.contains("empty") == true)
    }

    /// The bundled export (datasets/membres.csv): French headers, semicolons, a
    /// BOM, CRLF, a value over two lines, and the bad rows a real export has.
    @Test func bundledDataset() throws {
        let bytes = try [UInt8](Data(contentsOf: repositoryRoot.appendingPathComponent("datasets/membres.csv")))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let options = MemberImport(renames: [.init(column: "Ville", name: "city"), .init(column: "Département", name: "department"),
                                             .init(column: "Ancienneté", name: "seniority"), .init(column: "Centres d'intérêt", name: "interests")],
                                   ignored: ["Poste"], multiValued: ["interests"])
        let result = try options.read(bytes)
        #expect(result.rows == 36 && result.delimiter == ";")
        #expect(result.errors.map(\.line) == [5, 10, 16, 17, 22], "\(result.errors)")
        #expect(result.members.count == 31)
        var restricted = options
        restricted.allowedDomains = ["exemple.fr"]
        let strict = try restricted.read(bytes)
        #expect(strict.errors.map(\.line) == [5, 6, 10, 16, 17, 22])
        #expect(strict.members.count == 30)
        let camille = try #require(strict.members.first)
        #expect(camille.categories == ["city": .string("Paris"), "department": .string("R&D"), "seniority": .number(3),
                                       "interests": .strings(["course", "échecs"])])
        // The import is a valid session by itself.
        let session = try Session.decode(MembersFile.jsonBytes(strict.members)).session
        #expect(session.members == strict.members)
    }
}
