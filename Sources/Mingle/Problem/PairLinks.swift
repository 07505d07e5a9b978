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

    init(offsets: [Int32], partners: [Int32], penalties: [Double], flags: [UInt8], meetingCounts: [Int32]) {
        self.offsets = offsets
        self.partners = partners
        self.penalties = penalties
        self.flags = flags
        self.meetingCounts = meetingCounts
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
