import Foundation

/// A matching session, as defined by docs/format.md (the session): the program and its rules,
/// the members, who takes part, the history of past sessions, exclusions and
/// solver options. Obtain one with `Session.decode(_:file:)`, which validates it.
public struct Session: Sendable, Equatable {
    public var version: Int
    public var program: Program
    public var members: [Member]
    /// Ids of the members who take part; `nil` means every `active` member.
    public var participants: [String]?
    public var history: [PastSession]
    public var exclusions: [Exclusion]
    public var options: SolveOptions
    /// The day of this session, `YYYY-MM-DD` (an extension of the spec): members
    /// with a later `pausedUntil` take no part. `mingle solve --date` sets it.
    public var date: String?

    public init(
        program: Program = Program(),
        members: [Member] = [],
        participants: [String]? = nil,
        history: [PastSession] = [],
        exclusions: [Exclusion] = [],
        options: SolveOptions = SolveOptions(),
        date: String? = nil
    ) {
        self.version = 1
        self.program = program
        self.members = members
        self.participants = participants
        self.history = history
        self.exclusions = exclusions
        self.options = options
        self.date = date
    }
}

/// A matching program: how groups are formed and scored.
public struct Program: Sendable, Equatable {
    public var id: String?
    /// k, the size of a group (2...64).
    public var groupSize: Int
    public var remainder: RemainderPolicy
    public var rules: [Rule]
    public var repeats: RepeatPolicy
    /// Priority for members who were unlucky lately (an extension of the spec); nil: off.
    public var fairness: FairnessPolicy?
    /// Who may take part (an extension of the spec); nil admits every participant.
    public var audience: Audience?

    public init(
        id: String? = nil, groupSize: Int = 2, remainder: RemainderPolicy = .merge,
        rules: [Rule] = [], repeats: RepeatPolicy = RepeatPolicy(), fairness: FairnessPolicy? = nil,
        audience: Audience? = nil
    ) {
        self.id = id
        self.groupSize = groupSize
        self.remainder = remainder
        self.rules = rules
        self.repeats = repeats
        self.fairness = fairness
        self.audience = audience
    }

    /// The group sizes docs/format.md (the session) allows.
    public static let groupSizes: ClosedRange<Int> = 2...64
}

/// What happens to participants that do not fill a last group of k.
public enum RemainderPolicy: String, Sendable, Equatable, CaseIterable {
    /// Groups have k or k+1 members.
    case merge
    /// Groups have exactly k members.
    case leaveOut
}

/// A rule over one category of the two members of a pair.
public struct Rule: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Both have the category and the values are equal (arrays compared as sets).
        case same
        /// Both have the category and the values are not equal.
        case different
        /// Both values are numbers at most `distance` apart.
        case within(distance: Double)
        /// Both have the category and the values share an element.
        case overlap

        public var name: String {
            switch self {
            case .same: return "same"
            case .different: return "different"
            case .within: return "within"
            case .overlap: return "overlap"
            }
        }
    }

    public var category: String
    public var kind: Kind
    /// A required rule must hold for every pair in a group and adds no weight.
    public var required: Bool
    /// Added to a pair's weight when a soft rule holds (may be negative).
    public var weight: Double

    public init(category: String, kind: Kind, required: Bool = false, weight: Double = 1) {
        self.category = category
        self.kind = kind
        self.required = required
        self.weight = required ? 0 : weight
    }
}

/// How past meetings count: forbidden when recent, penalised with decay after.
public struct RepeatPolicy: Sendable, Equatable {
    /// Members who met at an age <= this may not share a group.
    public var forbidWithin: Int
    /// Subtracted from a pair's weight per past meeting (decayed by age).
    public var penalty: Double
    /// Age in sessions over which the penalty halves; `nil` means no decay.
    public var halfLife: Double?

    public init(forbidWithin: Int = 0, penalty: Double = 10, halfLife: Double? = 8) {
        self.forbidWithin = forbidWithin
        self.penalty = penalty
        self.halfLife = halfLife
    }

    /// The penalty for one meeting at age `age` (1 = most recent session):
    /// `penalty * 0.5 ^ ((age - 1) / halfLife)`, or `penalty` without decay.
    public func penalty(atAge age: Int) -> Double {
        guard let halfLife else { return penalty }
        return penalty * pow(0.5, Double(age - 1) / halfLife)
    }
}

/// A member of the program.
public struct Member: Sendable, Hashable, Identifiable {
    public var id: String
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var status: MemberStatus
    public var categories: [String: CategoryValue]
    /// Groups the member belongs to, such as teams (an extension of the spec, for audiences).
    public var groups: [String]
    /// A guest rather than a member of the organisation (an extension of the spec, for audiences).
    public var guest: Bool
    /// The language of the member's messages, such as "fr" (an extension of the spec).
    public var language: String?
    /// The first day the member takes part again, `YYYY-MM-DD` (an extension of
    /// the spec): before it, the member takes no part.
    public var pausedUntil: String?
    /// When the member was invited, `YYYY-MM-DD` (an extension of the spec, kept by `mingle invitations`).
    public var invitedAt: String?
    /// When the member was last reminded of their invitation, `YYYY-MM-DD` (an extension of the spec).
    public var remindedAt: String?

    public init(
        id: String, firstName: String? = nil, lastName: String? = nil, email: String? = nil,
        status: MemberStatus = .active, categories: [String: CategoryValue] = [:],
        groups: [String] = [], guest: Bool = false, language: String? = nil,
        pausedUntil: String? = nil, invitedAt: String? = nil, remindedAt: String? = nil
    ) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.status = status
        self.categories = categories
        self.groups = groups
        self.guest = guest
        self.language = language
        self.pausedUntil = pausedUntil
        self.invitedAt = invitedAt
        self.remindedAt = remindedAt
    }
}

/// Whether a member takes part: only `active` members do. `expired` (an
/// invitation not answered in time) and `left` (no longer in the HR export,
/// kept by `mingle import --update --keep-leavers`) are extensions of the spec.
public enum MemberStatus: String, Sendable, Equatable, CaseIterable {
    case active, pending, paused, expired, left
}

/// A category value: a string, a number, a boolean or an array of strings.
public enum CategoryValue: Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case strings([String])
}

/// One past session: its groups, and optionally its ISO-8601 date.
public struct PastSession: Sendable, Equatable {
    public var date: String?
    public var groups: [[String]]
    /// Participants left out of every group (an extension of the spec, read by `fairness`).
    public var unmatched: [String]
    public init(date: String? = nil, groups: [[String]], unmatched: [String] = []) {
        self.date = date
        self.groups = groups
        self.unmatched = unmatched
    }

    /// History in age order, oldest first: by date when every session has one
    /// (same dates keep array order), else array order; the last is age 1.
    ///
    /// - Complexity: O(h log h) for h past sessions.
    public static func inAgeOrder(_ history: [PastSession]) -> [PastSession] {
        guard !history.isEmpty, history.allSatisfy({ $0.date != nil }) else { return history }
        let keyed = history.enumerated().map { (key: ISODate.sortKey($0.element.date!) ?? $0.element.date!, index: $0.offset, session: $0.element) }
        return keyed.sorted { ($0.key, $0.index) < ($1.key, $1.index) }.map(\.session)
    }
}

/// Two members who must never share a group.
public struct Exclusion: Sendable, Equatable {
    public var first: String
    public var second: String
    public init(_ first: String, _ second: String) {
        self.first = first
        self.second = second
    }
}

/// Which solver to run.
public enum SolverChoice: String, Sendable, Equatable, CaseIterable {
    case auto, exact, heuristic
}

/// Solver options: which solver, how long it may take, and the seed.
public struct SolveOptions: Sendable, Equatable {
    public var solver: SolverChoice
    /// Seconds the solver may use (> 0).
    public var timeLimit: Double
    /// The same input and seed give the same output.
    public var seed: UInt64

    public init(solver: SolverChoice = .auto, timeLimit: Double = 10, seed: UInt64 = 0) {
        self.solver = solver
        self.timeLimit = timeLimit
        self.seed = seed
    }
}
