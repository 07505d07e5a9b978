/// `Codable` for JSON values, so that the library's types can be `Codable`
/// through the one reader and writer the CLI uses: a type encodes the
/// `JSONValue` of its CLI text and decodes through its validating reader.
extension JSONValue: Codable {
    /// Any key of a JSON object.
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            // A decoder's keys come in no defined order: sort them so decoding is deterministic.
            self = .object(try object.allKeys.sorted { $0.stringValue < $1.stringValue }.map {
                JSONMember(key: $0.stringValue, value: try object.decode(JSONValue.self, forKey: $0))
            })
        } else if var array = try? decoder.unkeyedContainer() {
            var values: [JSONValue] = []
            while !array.isAtEnd { values.append(try array.decode(JSONValue.self)) }
            self = .array(values)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                self = .null
            } else if let b = try? single.decode(Bool.self) {
                self = .bool(b)
            } else if let i = try? single.decode(Int64.self) {
                self = .number(JSONNumber(double: Double(i), integer: i))
            } else if let u = try? single.decode(UInt64.self) {
                self = .number(JSONNumber(double: Double(u), integer: nil, unsigned: u))
            } else if let d = try? single.decode(Double.self) {
                self = .number(JSONNumber(d))
            } else {
                self = .string(try single.decode(String.self))
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let members):
            var container = encoder.container(keyedBy: Key.self)
            for m in members { try container.encode(m.value, forKey: Key(stringValue: m.key)) }
        case .array(let values):
            var container = encoder.unkeyedContainer()
            for v in values { try container.encode(v) }
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .bool(let b):
            var single = encoder.singleValueContainer()
            try single.encode(b)
        case .string(let s):
            var single = encoder.singleValueContainer()
            try single.encode(s)
        case .number(let n):
            var single = encoder.singleValueContainer()
            if let i = n.integer { try single.encode(i) } else if let u = n.unsigned { try single.encode(u) } else { try single.encode(n.double) }
        }
    }
}
