/// A parsed JSON document, kept close to the text: objects keep their key order
/// (and duplicate keys, so validation can report them), numbers keep whether they
/// were written as integers.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    /// The value under `key` in an object (the first one when a key repeats).
    ///
    /// - Complexity: O(number of keys); session objects are small.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        for member in members where member.key == key { return member.value }
        return nil
    }

    /// A short name of the value's JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// One key and value of a JSON object.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue
    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// A JSON number: its value as a `Double`, and as an exact integer when it was
/// written without fraction or exponent and fits in 64 bits.
public struct JSONNumber: Sendable, Equatable {
    public var double: Double
    public var integer: Int64?
    /// The exact value of an integer above `Int64.max` that fits in 64 bits unsigned.
    public var unsigned: UInt64?
    public init(double: Double, integer: Int64?, unsigned: UInt64? = nil) {
        self.double = double
        self.integer = integer
        self.unsigned = unsigned
    }
    public init(_ value: Int) {
        self.double = Double(value)
        self.integer = Int64(value)
    }
    public init(_ value: Double) {
        self.double = value
        self.integer = nil
    }
}
