extension Output.Stats {
    /// Equal counts and `timeLimitReached`; `seconds` is ignored, so two runs of the same session and
    /// seed compare equal as outputs however long each took.
    public static func == (a: Output.Stats, b: Output.Stats) -> Bool {
        a.participants == b.participants && a.placed == b.placed
            && a.oversizedGroups == b.oversizedGroups && a.repeats == b.repeats
            && a.timeLimitReached == b.timeLimitReached
    }
}
