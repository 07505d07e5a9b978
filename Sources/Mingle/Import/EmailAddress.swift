/// Email addresses as member platforms check them on import: one `@`, a local
/// part of the characters an address allows, a domain of dotted labels ending
/// in a top-level domain of letters; no spaces, and no links where the bare
/// address belongs.
enum EmailAddress {
    /// What is wrong with `text` and what would be right, or nil when it is a
    /// valid address. `text` is already trimmed.
    ///
    /// - Complexity: O(length of the text).
    static func problem(_ text: String) -> String? {
        let lower = text.lowercased()
        if lower.hasPrefix("mailto:") {
            return "\"\(text)\" is a mailto: link; write the bare address \(text.dropFirst(7))"
        }
        if lower.hasPrefix("=hyperlink(") {
            return "\"\(text)\" is a spreadsheet HYPERLINK formula; write the bare address"
        }
        if lower.contains("http://") || lower.contains("https://") || lower.hasPrefix("www.") || lower.contains("href=") {
            return "\"\(text)\" is a web link, not an email address"
        }
        if let open = text.firstIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            return "\"\(text)\" holds a name and an address; write the bare address \(text[text.index(after: open)..<close])"
        }
        if text.contains(where: { $0.isWhitespace }) {
            return "\"\(text)\" has a space or a line break; an address has none, such as ada.lovelace@example.org"
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return parts.count == 1 ? "\"\(text)\" has no @; an address looks like name@example.org"
                : "\"\(text)\" has \(parts.count - 1) @ signs; an address has exactly one"
        }
        let (local, domain) = (parts[0], parts[1])
        if local.isEmpty { return "\"\(text)\" has nothing before the @" }
        if domain.isEmpty { return "\"\(text)\" has no domain after the @ (such as example.org)" }
        if let bad = local.first(where: { !isLocalCharacter($0) }) {
            return "\"\(text)\": the character \"\(bad)\" is not allowed before the @"
        }
        if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") {
            return "\"\(text)\": the part before the @ may not start or end with a dot, or have two dots in a row"
        }
        return domainProblem(String(domain)).map { "\"\(text)\": \($0)" }
    }

    private static func isLocalCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || "!#$%&'*+/=?^_`{|}~.-".contains(c)
    }

    private static func domainProblem(_ domain: String) -> String? {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return "the domain \"\(domain)\" has no dot; a domain looks like example.org" }
        for label in labels {
            if label.isEmpty { return "the domain \"\(domain)\" has an empty part (two dots in a row, or a dot at an end)" }
            if let bad = label.first(where: { !($0.isLetter || $0.isNumber || $0 == "-") }) {
                return "the character \"\(bad)\" is not allowed in the domain \"\(domain)\""
            }
            if label.hasPrefix("-") || label.hasSuffix("-") { return "a part of the domain \"\(domain)\" starts or ends with a hyphen" }
        }
        let top = labels.last!
        if top.count < 2 || !top.allSatisfy(\.isLetter) {
            return "the domain \"\(domain)\" does not end with a top-level domain such as .org or .fr"
        }
        return nil
    }

    /// The domain of a valid address, in lower case.
    static func domain(of address: String) -> String {
        String(address.split(separator: "@").last ?? "").lowercased()
    }
}
