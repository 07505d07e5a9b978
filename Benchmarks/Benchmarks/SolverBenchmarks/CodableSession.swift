/// A `Codable` mirror of SPEC section 1, for measuring Foundation's
/// `JSONDecoder` against Mingle's decoding (it validates nothing).
struct CodableSession: Decodable {
    struct Program: Decodable {
        struct Rule: Decodable {
            var category: String
            var kind: String
            var required: Bool?
            var weight: Double?
            var distance: Double?
        }

        struct Repeats: Decodable {
            var forbidWithin: Int?
            var penalty: Double?
            var halfLife: Double?
        }

        var id: String?
        var groupSize: Int?
        var remainder: String?
        var rules: [Rule]?
        var repeats: Repeats?
    }

    enum Value: Decodable {
        case string(String), number(Double), bool(Bool), strings([String])

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) {
                self = .string(s)
            } else if let b = try? c.decode(Bool.self) {
                self = .bool(b)
            } else if let d = try? c.decode(Double.self) {
                self = .number(d)
            } else {
                self = .strings(try c.decode([String].self))
            }
        }
    }

    struct Member: Decodable {
        var id: String
        var firstName: String?
        var lastName: String?
        var email: String?
        var status: String?
        var categories: [String: Value]?
    }

    struct Past: Decodable {
        var date: String?
        var groups: [[String]]
    }

    struct Options: Decodable {
        var solver: String?
        var timeLimit: Double?
        var seed: UInt64?
    }

    var version: Int?
    var program: Program?
    var members: [Member]
    var participants: [String]?
    var history: [Past]?
    var exclusions: [[String]]?
    var options: Options?
}
