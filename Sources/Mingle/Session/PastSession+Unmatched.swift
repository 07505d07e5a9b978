extension PastSession {
    /// The groups of a solved session, as a past session dated `date`, with the
    /// participants who could take part but were left out as `unmatched` (the
    /// `fairness` extension reads them), read from the output's typed causes:
    /// pending, paused and members outside the audience are not listed. An
    /// entry without a typed cause (an output read back from JSON) is listed.
    ///
    /// - Complexity: O(groups' members + unmatched).
    public init(date: String?, output: Output) {
        self.init(date: date, groups: output.groups.map(\.members),
                  unmatched: output.unmatched.filter { $0.cause?.couldTakePart ?? true }.map(\.member))
    }
}
