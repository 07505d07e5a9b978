/// Who a program is for (an extension of the spec, as RandomCoffee and
/// Teams-based tools have it): conditions on category values, on the groups a
/// member belongs to, and whether guests take part. A participant outside the
/// audience takes no part and is reported unmatched with the condition that
/// failed.
///
/// Every condition must hold. Values compare as in the rules of docs/format.md (the session):
/// a category value is a set (a scalar is a one-element set) and `"3"` is not `3`.
public struct Audience: Sendable, Equatable {
    /// Conditions on category values, in program order.
    public var categories: [CategoryCondition]
    /// A condition on the member's `groups`, if any.
    public var groups: GroupCondition?
    /// Whether members with `guest: true` take part.
    public var guests: Bool

    public init(categories: [CategoryCondition] = [], groups: GroupCondition? = nil, guests: Bool = true) {
        self.categories = categories
        self.groups = groups
        self.guests = guests
    }

    /// A condition on one category: its value must share an element with `allowed`
    /// (when given; a member lacking the category fails) and none with `excluded`
    /// (when given; a member lacking the category passes).
    public struct CategoryCondition: Sendable, Equatable {
        public var category: String
        public var allowed: [CategoryValue]?
        public var excluded: [CategoryValue]?

        public init(category: String, allowed: [CategoryValue]? = nil, excluded: [CategoryValue]? = nil) {
            self.category = category
            self.allowed = allowed
            self.excluded = excluded
        }
    }

    /// A condition on a member's groups: at least one in `allowed` (when given),
    /// none in `excluded` (when given).
    public struct GroupCondition: Sendable, Equatable {
        public var allowed: [String]?
        public var excluded: [String]?

        public init(allowed: [String]? = nil, excluded: [String]? = nil) {
            self.allowed = allowed
            self.excluded = excluded
        }
    }

    /// Why a member is outside the audience, or nil when they are in it. Guests
    /// are checked first, then groups, then the category conditions in order.
    ///
    /// - Complexity: O(conditions × values of the member and of the lists).
    public func mismatch(for member: Member) -> AudienceMismatch? {
        if !guests && member.guest { return .guest }
        if let groups {
            if let allowed = groups.allowed, !member.groups.contains(where: allowed.contains) {
                return .notInGroups(allowed: allowed)
            }
            if let excluded = groups.excluded, let hit = member.groups.first(where: excluded.contains) {
                return .inExcludedGroup(hit)
            }
        }
        for condition in categories {
            let value = member.categories[condition.category]
            let atoms = value.map(Atom.set(of:)) ?? []
            if let allowed = condition.allowed {
                let allowedAtoms = Set(allowed.flatMap(Atom.set(of:)))
                if !atoms.contains(where: allowedAtoms.contains) {
                    return .categoryNotAllowed(category: condition.category, value: value, allowed: allowed)
                }
            }
            if let excluded = condition.excluded {
                let excludedAtoms = Set(excluded.flatMap(Atom.set(of:)))
                if atoms.contains(where: excludedAtoms.contains) {
                    return .categoryExcluded(category: condition.category, value: value!, excluded: excluded)
                }
            }
        }
        return nil
    }
}

/// The audience condition a member fails.
public enum AudienceMismatch: Sendable, Equatable, CustomStringConvertible {
    /// The member is a guest and the program excludes guests.
    case guest
    /// The member belongs to none of the allowed groups.
    case notInGroups(allowed: [String])
    /// The member belongs to an excluded group.
    case inExcludedGroup(String)
    /// The member's value (nil: lacking) shares nothing with the allowed values.
    case categoryNotAllowed(category: String, value: CategoryValue?, allowed: [CategoryValue])
    /// The member's value shares an element with the excluded values.
    case categoryExcluded(category: String, value: CategoryValue, excluded: [CategoryValue])

    /// The reason as `Output.unmatched` gives it.
    public var description: String {
        let prefix = "outside the program's audience: "
        switch self {
        case .guest:
            return prefix + "guests take no part in this program"
        case .notInGroups(let allowed):
            return prefix + "in none of the groups \(allowed.map(quoted).joined(separator: ", "))"
        case .inExcludedGroup(let group):
            return prefix + "in the group \(quoted(group)), which is excluded"
        case .categoryNotAllowed(let category, nil, let allowed):
            return prefix + "no \(category) value; the audience takes \(category) in \(allowed.map(\.displayText).joined(separator: ", "))"
        case .categoryNotAllowed(let category, let value?, let allowed):
            return prefix + "\(category) is \(value.displayText); the audience takes \(category) in \(allowed.map(\.displayText).joined(separator: ", "))"
        case .categoryExcluded(let category, let value, _):
            return prefix + "\(category) \(value.displayText) is excluded"
        }
    }
}

private func quoted(_ text: String) -> String { "\"" + text + "\"" }

extension CategoryValue {
    /// The value as JSON-like text for messages: `"Paris"`, `3`, `true`, `["a", "b"]`.
    var displayText: String {
        switch self {
        case .string(let s): return quoted(s)
        case .number(let x): return x.rounded() == x && abs(x) < 1e15 ? String(Int(x)) : JSONWriter.format(x)
        case .bool(let b): return String(b)
        case .strings(let ss): return "[" + ss.map(quoted).joined(separator: ", ") + "]"
        }
    }
}
