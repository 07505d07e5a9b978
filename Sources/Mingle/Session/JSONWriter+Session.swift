/// Writing the parts of a session that more than one file holds: members,
/// a program's audience, past sessions.
extension JSONWriter {
    /// Writes a member as docs/format.md (the session) has it (categories sorted by name), then
    /// the extension fields `groups`, `guest`, `language`, `pausedUntil`,
    /// `invitedAt` and `remindedAt` when they are set.
    ///
    /// - Complexity: O(size of the member + c log c) for c categories.
    mutating func member(_ m: Member) {
        beginObject()
        key("id"); string(m.id)
        if let v = m.firstName { key("firstName"); string(v) }
        if let v = m.lastName { key("lastName"); string(v) }
        if let v = m.email { key("email"); string(v) }
        key("status"); string(m.status.rawValue)
        key("categories"); beginObject()
        for name in m.categories.keys.sorted() {
            key(name)
            categoryValue(m.categories[name]!)
        }
        endObject()
        if !m.groups.isEmpty { key("groups"); inlineStrings(m.groups) }
        if m.guest { key("guest"); bool(true) }
        if let v = m.language { key("language"); string(v) }
        if let v = m.pausedUntil { key("pausedUntil"); string(v) }
        if let v = m.invitedAt { key("invitedAt"); string(v) }
        if let v = m.remindedAt { key("remindedAt"); string(v) }
        endObject()
    }

    /// Writes a category value; whole numbers are written as integers.
    mutating func categoryValue(_ value: CategoryValue) {
        switch value {
        case .string(let s): string(s)
        case .number(let x): if x.rounded() == x && abs(x) < 1e15 { integer(Int(x)) } else { number(x) }
        case .bool(let b): bool(b)
        case .strings(let ss): inlineStrings(ss)
        }
    }

    /// A session part's file, `{"version": 1, "<key>": [items]}`, ending with a newline.
    ///
    /// - Complexity: O(size of the items).
    static func partFile<Item>(_ key: String, _ items: [Item], _ write: (inout JSONWriter, Item) -> Void) -> [UInt8] {
        var w = JSONWriter(indent: 1)
        w.beginObject()
        w.key("version"); w.integer(1)
        w.key(key); w.beginArray()
        for item in items { write(&w, item) }
        w.endArray()
        w.endObject()
        return w.bytes + [0x0A]
    }

    /// Writes a past session: its date when it has one, and its groups.
    mutating func pastSession(_ past: PastSession) {
        beginObject()
        if let d = past.date { key("date"); string(d) }
        key("groups"); beginArray()
        for g in past.groups { inlineStrings(g) }
        endArray()
        if !past.unmatched.isEmpty { key("unmatched"); inlineStrings(past.unmatched) }
        endObject()
    }

    /// Writes a program's audience (only the conditions that are set).
    mutating func audience(_ a: Audience) {
        beginObject()
        if !a.categories.isEmpty {
            key("categories"); beginArray()
            for c in a.categories {
                beginObject()
                key("category"); string(c.category)
                if let values = c.allowed { key("in"); categoryValues(values) }
                if let values = c.excluded { key("notIn"); categoryValues(values) }
                endObject()
            }
            endArray()
        }
        if let g = a.groups {
            key("groups"); beginObject()
            if let names = g.allowed { key("in"); inlineStrings(names) }
            if let names = g.excluded { key("notIn"); inlineStrings(names) }
            endObject()
        }
        if !a.guests { key("guests"); bool(false) }
        endObject()
    }

    private mutating func categoryValues(_ values: [CategoryValue]) {
        beginArray()
        for v in values { categoryValue(v) }
        endArray()
    }
}
