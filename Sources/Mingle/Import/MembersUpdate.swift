/// Merges a new HR export into an existing members file, as platforms that
/// refresh members from the HR system every day do (`mingle import --update`).
///
/// Members are matched by id (the lower-cased email when the export has no id
/// column), then by lower-cased email. For a member in both, what the export
/// carries (names, email, its category columns, and language, groups, guest
/// when it has those columns) replaces the old values; everything else
/// (`status`, `pausedUntil`, `invitedAt`, `remindedAt`, categories the export
/// has no column for) is kept. The status is Mingle's once a member is in the
/// file (invitations, pauses change it): an export's status column is not read
/// on an update. Members only in the export are added with `newStatus`; members
/// missing from it leave, or stay with status `left` when `keepLeavers`. A
/// member of status `left` whom a later export lists again comes back with
/// `newStatus`.
///
/// The merged list keeps the old members' order, leavers kept in place, and
/// adds the new ones at the end in export order, so that a diff of the file
/// shows what changed.
public struct MembersUpdate: Sendable {
    /// The status of members new in the export.
    public var newStatus: MemberStatus
    /// Keep members missing from the export, with status `left`.
    public var keepLeavers: Bool
    /// Keep members missing from the export unchanged: the export skipped
    /// invalid rows, which may be theirs.
    public var holdLeavers: Bool

    public init(newStatus: MemberStatus = .active, keepLeavers: Bool = false, holdLeavers: Bool = false) {
        self.newStatus = newStatus
        self.keepLeavers = keepLeavers
        self.holdLeavers = holdLeavers
    }

    /// One member whose values changed, and which (`firstName`, `status`,
    /// `categories.department`...).
    public struct Change: Sendable, Equatable {
        public var id: String
        public var fields: [String]
    }

    /// The merged members and what changed, each list in file order.
    public struct Result: Sendable, Equatable {
        public var members: [Member]
        public var added: [String] = []
        public var updated: [Change] = []
        /// Missing from the export: removed, or kept with status `left`.
        public var left: [String] = []
        /// Members of status `left` listed again by the export.
        public var returned: [String] = []
        /// Missing from the export but kept unchanged (`holdLeavers`).
        public var held: [String] = []

        /// `{"added": [...], "updated": [{"id", "fields"}], "left": [...], "returned": [...], "held": [...], "leaversKept": bool}`.
        public func jsonBytes(leaversKept: Bool) -> [UInt8] {
            var w = JSONWriter(indent: 1)
            w.beginObject()
            w.key("added"); w.inlineStrings(added)
            w.key("updated"); w.beginArray()
            for change in updated {
                w.beginObject()
                w.key("id"); w.string(change.id)
                w.key("fields"); w.inlineStrings(change.fields)
                w.endObject()
            }
            w.endArray()
            w.key("left"); w.inlineStrings(left)
            w.key("returned"); w.inlineStrings(returned)
            w.key("held"); w.inlineStrings(held)
            w.key("leaversKept"); w.bool(leaversKept)
            w.endObject()
            return w.bytes + [0x0A]
        }
    }

    /// Merges `export` (what `MemberImport.read` gave) into `existing`.
    ///
    /// - Complexity: O((existing + imported) × categories).
    public func merge(_ existing: [Member], with export: MemberImportResult) -> Result {
        var byID: [String: Int] = [:], byEmail: [String: Int] = [:]
        for (i, m) in existing.enumerated() {
            if byID[m.id] == nil { byID[m.id] = i }
            if let e = m.email?.lowercased(), byEmail[e] == nil { byEmail[e] = i }
        }
        var merged = existing
        var matched = [Bool](repeating: false, count: existing.count)
        var result = Result(members: [])
        var added: [Member] = []
        for incoming in export.members {
            guard let i = byID[incoming.id] ?? incoming.email.flatMap({ byEmail[$0.lowercased()] }), !matched[i] else {
                var member = incoming
                member.status = newStatus
                added.append(member)
                result.added.append(member.id)
                continue
            }
            matched[i] = true
            let old = existing[i]
            var member = update(old, with: incoming, carried: export.carried)
            if old.status == .left {
                member.status = newStatus
                result.returned.append(member.id)
            }
            let fields = Self.changedFields(old, member)
            if !fields.isEmpty { result.updated.append(Change(id: member.id, fields: fields)) }
            merged[i] = member
        }
        var kept: [Member] = []
        for (i, member) in merged.enumerated() {
            if matched[i] {
                kept.append(member)
            } else if member.status == .left {
                kept.append(member) // left before: stays as it is
            } else if holdLeavers {
                result.held.append(member.id)
                kept.append(member)
            } else {
                result.left.append(member.id)
                if keepLeavers {
                    var leaver = member
                    leaver.status = .left
                    kept.append(leaver)
                }
            }
        }
        result.members = kept + added
        return result
    }

    /// The old member with what the export carries.
    private func update(_ old: Member, with incoming: Member, carried: MemberImportResult.Carried) -> Member {
        var member = old
        member.firstName = incoming.firstName
        member.lastName = incoming.lastName
        member.email = incoming.email
        for name in carried.categories {
            member.categories[name] = incoming.categories[name]
        }
        if carried.language { member.language = incoming.language }
        if carried.groups { member.groups = incoming.groups }
        if carried.guest { member.guest = incoming.guest }
        return member
    }

    /// The fields that differ between two versions of a member, in a fixed order.
    static func changedFields(_ a: Member, _ b: Member) -> [String] {
        var fields: [String] = []
        if a.firstName != b.firstName { fields.append("firstName") }
        if a.lastName != b.lastName { fields.append("lastName") }
        if a.email != b.email { fields.append("email") }
        if a.status != b.status { fields.append("status") }
        for name in Set(a.categories.keys).union(b.categories.keys).sorted() where a.categories[name] != b.categories[name] {
            fields.append("categories." + name)
        }
        if a.groups != b.groups { fields.append("groups") }
        if a.guest != b.guest { fields.append("guest") }
        if a.language != b.language { fields.append("language") }
        return fields
    }
}
