/// `Codable` for a session, through the CLI's reader and writer: encoding
/// gives the JSON of `jsonBytes()` (docs/format.md (the session)), decoding validates as
/// `Session.decode` does and throws its `SessionError` (every issue with its
/// JSON path) for an invalid session.
extension Session: Codable {
    public init(from decoder: any Decoder) throws {
        self = try Session.decode(try JSONValue(from: decoder)).session
    }

    public func encode(to encoder: any Encoder) throws {
        try JSONValue.parse(jsonBytes(indent: 0)).encode(to: encoder)
    }
}
