extension PastSession {
    /// The groups of a solved session, as a past session dated `date`, with the
    /// participants who could take part but were left out as `unmatched` (the
    /// `fairness` extension reads them; pending, paused and members outside the
    /// audience are not listed).
    ///
    /// - Complexity: O(compiling the session) + O(participants).
    public init(date: String?, output: Output, session: Session) {
        let placed = Set(output.groups.flatMap(\.members))
        self.init(date: date, groups: output.groups.map(\.members),
                  unmatched: Problem(session).participantIDs.filter { !placed.contains($0) })
    }
}
