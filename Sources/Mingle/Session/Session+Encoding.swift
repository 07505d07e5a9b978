extension Session {
    /// The session as JSON text in the format of docs/format.md (the session) (keys in spec
    /// order, categories sorted by name), ending with a newline.
    ///
    /// - Parameter indent: spaces per level; 0 writes one line (JSON Lines).
    public func jsonBytes(indent: Int = 1) -> [UInt8] {
        var w = JSONWriter(indent: indent)
        w.beginObject()
        w.key("version"); w.integer(version)
        if let date { w.key("date"); w.string(date) }
        w.key("program"); w.beginObject()
        if let id = program.id { w.key("id"); w.string(id) }
        w.key("groupSize"); w.integer(program.groupSize)
        w.key("remainder"); w.string(program.remainder.rawValue)
        w.key("rules"); w.beginArray()
        for rule in program.rules {
            w.beginObject()
            w.key("category"); w.string(rule.category)
            w.key("kind"); w.string(rule.kind.name)
            if case .within(let d) = rule.kind { w.key("distance"); w.number(d) }
            if rule.required { w.key("required"); w.bool(true) } else { w.key("weight"); w.number(rule.weight) }
            w.endObject()
        }
        w.endArray()
        w.key("repeats"); w.beginObject()
        w.key("forbidWithin"); w.integer(program.repeats.forbidWithin)
        w.key("penalty"); w.number(program.repeats.penalty)
        w.key("halfLife")
        if let h = program.repeats.halfLife { w.number(h) } else { w.null() }
        w.endObject()
        if let fairness = program.fairness {
            w.key("fairness"); w.beginObject()
            w.key("lookback"); w.integer(fairness.lookback)
            w.endObject()
        }
        if let audience = program.audience { w.key("audience"); w.audience(audience) }
        w.endObject()
        w.key("members"); w.beginArray()
        for m in members { w.member(m) }
        w.endArray()
        if let participants {
            w.key("participants"); w.inlineStrings(participants)
        }
        w.key("history"); w.beginArray()
        for h in history { w.pastSession(h) }
        w.endArray()
        w.key("exclusions"); w.beginArray()
        for e in exclusions {
            w.inlineStrings([e.first, e.second])
        }
        w.endArray()
        w.key("options"); w.beginObject()
        w.key("solver"); w.string(options.solver.rawValue)
        w.key("timeLimit"); w.number(options.timeLimit)
        w.key("seed"); w.integer(Int(truncatingIfNeeded: options.seed))
        w.endObject()
        w.endObject()
        var bytes = w.bytes
        bytes.append(0x0A)
        return bytes
    }
}
