extension SpecReference {
    /// Why member `id` is outside the program's audience (the extension README
    /// documents), or nil when they are in it or there is no audience. Read
    /// directly from the definition, sharing no code with `Audience.mismatch`.
    ///
    /// - Complexity: O(audience conditions × values).
    public func whyOutsideAudience(_ id: String) -> String? {
        guard let audience = session.program.audience, let member = members[id] else { return nil }
        if member.guest && !audience.guests { return "a guest, and guests are excluded" }
        let groups = Set(member.groups)
        if let allowed = audience.groups?.allowed, groups.isDisjoint(with: allowed) { return "in none of the allowed groups" }
        if let excluded = audience.groups?.excluded, !groups.isDisjoint(with: excluded) { return "in an excluded group" }
        for condition in audience.categories {
            let have = member.categories[condition.category].map { SpecReference.elements(of: $0) } ?? []
            if let allowed = condition.allowed, have.isDisjoint(with: allowed.flatMap { SpecReference.elements(of: $0) }) {
                return "\(condition.category) not in the allowed values"
            }
            if let excluded = condition.excluded, !have.isDisjoint(with: excluded.flatMap { SpecReference.elements(of: $0) }) {
                return "\(condition.category) in the excluded values"
            }
        }
        return nil
    }

    /// A category value as a set of tagged texts: a scalar is a one-element set,
    /// and "3" (a string) differs from 3 (a number).
    static func elements(of value: CategoryValue) -> Set<String> {
        switch value {
        case .string(let s): return ["s:" + s]
        case .number(let x): return ["n:\(x == 0 ? 0 : x)"]
        case .bool(let b): return ["b:\(b)"]
        case .strings(let ss): return Set(ss.map { "s:" + $0 })
        }
    }
}
