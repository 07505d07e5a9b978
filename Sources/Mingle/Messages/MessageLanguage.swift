/// Language codes for messages: a member's `language` as a short code.
public enum MessageLanguage {
    /// Language names people write in a spreadsheet, folded, and their codes.
    static let names: [String: String] = [
        "english": "en", "anglais": "en", "french": "fr", "francais": "fr",
        "german": "de", "deutsch": "de", "allemand": "de", "spanish": "es", "espanol": "es", "espagnol": "es",
        "italian": "it", "italiano": "it", "italien": "it", "portuguese": "pt", "portugues": "pt", "portugais": "pt",
        "dutch": "nl", "nederlands": "nl", "neerlandais": "nl",
    ]

    /// The code of a language: its primary subtag in lower case for a BCP 47 tag
    /// (`fr-FR` and `FR` give `fr`), or the code of a name (`Français`, `French`
    /// give `fr`); nil when the text is neither.
    ///
    /// - Complexity: O(length of the text).
    public static func code(_ text: String) -> String? {
        if let code = names[foldedName(text)] { return code }
        let subtags = text.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let primary = subtags.first, (2...3).contains(primary.count),
              primary.allSatisfy({ $0.isASCII && $0.isLetter }),
              subtags.dropFirst().allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return nil }
        return primary.lowercased()
    }
}
