/// The sparse pair data of a problem: for each participant, the partners it met
/// before or is excluded from, sorted, with the summed decayed penalty, whether
/// the pair is forbidden, and how many past sessions they met in.
///
/// Compressed sparse rows: `offsets[i]..<offsets[i+1]` index the arrays of i.
struct PairLinks: Sendable {
    let offsets: [Int32]
    let partners: [Int32]
    let penalties: [Double]
    /// Bit 0: excluded; bit 1: met within `forbidWithin`.
    let flags: [UInt8]
    let meetingCounts: [Int32]

    static let excludedFlag: UInt8 = 1
    static let recentFlag: UInt8 = 2

    struct Link {
        var penalty: Double
        var forbidden: Bool
    }

    /// Builds the rows from a list of directed-or-not entries; each undirected pair
    /// is stored in both rows.
    ///
    /// - Complexity: O(e log e) for e entries.
    init(count: Int, entries: [LinkEntry]) {
        var all: [LinkEntry] = []
        all.reserveCapacity(entries.count * 2)
        for e in entries where e.a != e.b {
            all.append(e)
            all.append(LinkEntry(a: e.b, b: e.a, penalty: e.penalty, flags: e.flags, meetings: e.meetings))
        }
        all.sort { ($0.a, $0.b) < ($1.a, $1.b) }
        var offsets = [Int32](repeating: 0, count: count + 1)
        var partners: [Int32] = [], penalties: [Double] = [], flags: [UInt8] = [], meetings: [Int32] = []
        var k = 0
        for i in 0..<count {
            while k < all.count && Int(all[k].a) == i {
                let b = all[k].b
                var penalty = 0.0, flag: UInt8 = 0, met: Int32 = 0
                while k < all.count && Int(all[k].a) == i && all[k].b == b {
                    penalty += all[k].penalty
                    flag |= all[k].flags
                    met += all[k].meetings
                    k += 1
                }
                partners.append(b)
                penalties.append(penalty)
                flags.append(flag)
                meetings.append(met)
            }
            offsets[i + 1] = Int32(partners.count)
        }
        self.offsets = offsets
        self.partners = partners
        self.penalties = penalties
        self.flags = flags
        self.meetingCounts = meetings
    }

    /// The position of j in i's row, if linked.
    @inline(__always)
    func find(_ i: Int, _ j: Int) -> Int? {
        var lo = Int(offsets[i]), hi = Int(offsets[i + 1])
        let target = Int32(truncatingIfNeeded: j)
        while lo < hi {
            let mid = (lo + hi) >> 1
            let p = partners[mid]
            if p == target { return mid }
            if p < target { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    func link(_ i: Int, _ j: Int) -> Link? {
        guard let k = find(i, j) else { return nil }
        return Link(penalty: penalties[k], forbidden: flags[k] != 0)
    }

    func penalty(_ i: Int, _ j: Int) -> Double {
        guard let k = find(i, j) else { return 0 }
        return penalties[k]
    }

    func isForbidden(_ i: Int, _ j: Int) -> Bool {
        guard let k = find(i, j) else { return false }
        return flags[k] != 0
    }

    func flags(_ i: Int, _ j: Int) -> UInt8 {
        guard let k = find(i, j) else { return 0 }
        return flags[k]
    }

    func meetings(_ i: Int, _ j: Int) -> Int {
        guard let k = find(i, j) else { return 0 }
        return Int(meetingCounts[k])
    }

    /// The linked partners of i.
    func partners(of i: Int) -> ArraySlice<Int32> {
        partners[Int(offsets[i])..<Int(offsets[i + 1])]
    }
}

/// One contribution to a pair's link: a past meeting or an exclusion.
struct LinkEntry: Sendable {
    var a: Int32
    var b: Int32
    var penalty: Double
    var flags: UInt8
    var meetings: Int32
}
