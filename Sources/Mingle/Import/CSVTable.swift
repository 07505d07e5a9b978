import Foundation
import SwiftCSV

/// A CSV file read into records, each with the line it starts on, so that
/// problems can be reported by line even when quoted values hold line breaks.
/// Parsing is SwiftCSV's; this type adds UTF-8 checking, the byte-order mark,
/// delimiter detection and line numbers.
struct CSVTable {
    /// One record: its fields and the (1-based) line it starts on.
    struct Record {
        var line: Int
        var fields: [String]
    }

    var delimiter: Character
    /// The first record (line 1).
    var header: [String]
    /// The records after the header.
    var records: [Record]

    /// The delimiters detected, in order of preference on a tie.
    static let detectable: [Character] = [";", ",", "\t"]

    /// Reads UTF-8 CSV text, with or without a byte-order mark.
    ///
    /// - Parameter delimiter: nil to detect it from the header line.
    /// - Throws: `ImportIssue` (line and what is wrong) when the text is not
    ///   UTF-8 or its quotes are malformed.
    /// - Complexity: O(size of the text).
    static func read(_ bytes: [UInt8], delimiter: Character?) throws(ImportIssue) -> CSVTable {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let text = try decodeUTF8(body)
        let delimiter = delimiter ?? detectDelimiter(in: text)
        var rows: [Record] = []
        var nextLine = 1
        do {
            let csv = try CSV<Enumerated>(string: text, delimiter: CSVDelimiter(unicodeScalarLiteral: delimiter), loadColumns: false, rowLimit: 0)
            try csv.enumerateAsArray(startAt: 0, rowLimit: nil) { fields in
                rows.append(Record(line: nextLine, fields: fields))
                nextLine += 1 + fields.reduce(0) { $0 + $1.reduce(0) { $0 + ($1.isNewline ? 1 : 0) } }
            }
        } catch {
            throw ImportIssue(.error, line: nextLine, "a double quote (\") inside a value that is not quoted, or text after a closing quote: "
                + "put the whole value in double quotes and double the quotes inside, as in \"Jean \"\"JJ\"\" Dupont\"")
        }
        // SwiftCSV reads an unclosed quote to the end of the file without complaint.
        if text.utf8.lazy.filter({ $0 == UInt8(ascii: "\"") }).count % 2 == 1, let last = rows.last {
            throw ImportIssue(.error, line: last.line, "a quoted value on this line is never closed, so the rest of the file was read as one value; add the closing double quote")
        }
        guard let first = rows.first else { return CSVTable(delimiter: delimiter, header: [], records: []) }
        return CSVTable(delimiter: delimiter, header: first.fields, records: Array(rows.dropFirst()))
    }

    /// The text, or the line of the first byte that is not UTF-8.
    static func decodeUTF8(_ bytes: ArraySlice<UInt8>) throws(ImportIssue) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.first == 0x0A { line += 1 }
            case .error:
                throw ImportIssue(.error, line: line, "the file is not UTF-8 (a byte on this line is not valid UTF-8, as in files saved as Latin-1 or Windows-1252): "
                    + "export it again as \"CSV UTF-8\"")
            case .emptyInput:
                return String(decoding: bytes, as: UTF8.self)
            }
        }
    }

    /// The delimiter that occurs most often outside quotes on the header line
    /// (`;` then `,` then tab on a tie); a comma when there is none.
    ///
    /// - Complexity: O(length of the header line).
    static func detectDelimiter(in text: String) -> Character {
        var counts = [Int](repeating: 0, count: detectable.count)
        var quoted = false
        for c in text {
            if c == "\"" { quoted.toggle() }
            if quoted { continue }
            if c.isNewline { break }
            if let i = detectable.firstIndex(of: c) { counts[i] += 1 }
        }
        guard let best = counts.max(), best > 0 else { return "," }
        return detectable[counts.firstIndex(of: best)!]
    }
}
