/// `Codable` for an output, through the CLI's writer and reader: encoding
/// gives the JSON of `jsonBytes()` (docs/format.md (the output), seconds rounded to the
/// millisecond as the CLI writes them), decoding reads what `Output.decode`
/// reads plus the warnings.
extension Output: Codable {
    public init(from decoder: any Decoder) throws {
        let json = try JSONValue(from: decoder)
        self = try Output.decode(json)
        if case .array(let notes)? = json["warnings"] {
            warnings = notes.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try JSONValue.parse(jsonBytes(indent: 0)).encode(to: encoder)
    }
}
