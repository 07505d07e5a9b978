/// An open-addressing hash table from member id to an index (the member's,
/// then the participant's), for the tens
/// of millions of id lookups that compiling a large history needs.
///
/// Swift's `Dictionary<String, Int>` costs about three cache misses per lookup
/// (control bits, keys, values) plus SipHash; here the first 16 bytes of an id,
/// its length and its value share one slot, so an id of up to 16 bytes is found
/// with one miss and no string comparison.
///
/// - Complexity: O(1) expected per lookup; 32 bytes per slot, at most half full.
struct MemberIDTable: Sendable {
    private struct Slot {
        var head: UInt64
        var tail: UInt64
        /// UTF-8 length of the id; -1 for an empty slot.
        var length: Int32
        var value: Int32
        /// Index of the id in `ids`.
        var position: Int32
    }

    private var slots: [Slot]
    private let mask: Int
    /// The ids by value, to compare ids longer than 16 bytes.
    private let ids: [String]

    /// Indexes `ids`; a repeated id keeps its first index.
    init(_ ids: [String]) {
        var capacity = 16
        while capacity < 2 * ids.count { capacity <<= 1 }
        mask = capacity - 1
        self.ids = ids
        slots = [Slot](repeating: Slot(head: 0, tail: 0, length: -1, value: 0, position: 0), count: capacity)
        for (i, id) in ids.enumerated() {
            let key = MemberIDTable.key(id)
            var s = key.hash & mask
            while slots[s].length >= 0 {
                if matches(slots[s], key, id) { break }
                s = (s + 1) & mask
            }
            if slots[s].length < 0 { slots[s] = Slot(head: key.head, tail: key.tail, length: key.length, value: Int32(i), position: Int32(i)) }
        }
    }

    /// Replaces every value v by `transform(v)` (in slot order, one pass).
    mutating func mapValues(_ transform: (Int32) -> Int32) {
        for s in slots.indices where slots[s].length >= 0 { slots[s].value = transform(slots[s].value) }
    }

    /// The value of `id`, nil when it is not there.
    func index(of id: String) -> Int? {
        let key = MemberIDTable.key(id)
        var s = key.hash & mask
        while slots[s].length >= 0 {
            if matches(slots[s], key, id) { return Int(slots[s].value) }
            s = (s + 1) & mask
        }
        return nil
    }

    /// The values of `ids` in order, -1 for an id not there, appended to `values`.
    ///
    /// At scale the table is far larger than the caches and a lookup at a time
    /// is a cache (and TLB) miss each. So the keys of the batch are computed
    /// first, bucketed by the region of the table their home slot falls in
    /// (counting sort; regions of 64 slots, 2 KiB), and probed region after
    /// region, in nearly ascending order through the table (on 100,000 members
    /// in triples with 26 past sessions, resolving the history took about 60%
    /// of the processor time it took with `index(of:)` one id at a time, by
    /// `perf` samples).
    ///
    /// - Complexity: O(ids + table size / 64) expected.
    func appendIndices(of ids: [String], to values: inout [Int32]) {
        let start = values.count
        values.append(contentsOf: repeatElement(-1, count: ids.count))
        guard !ids.isEmpty else { return }
        let keys = ids.map(MemberIDTable.key)
        let shift = 6
        var ends = [Int](repeating: 0, count: (mask >> shift) + 2)
        for key in keys { ends[((key.hash & mask) >> shift) + 1] += 1 }
        for r in 1..<ends.count { ends[r] += ends[r - 1] }
        var byRegion = keys, positions = [Int32](repeating: 0, count: keys.count)
        for (n, key) in keys.enumerated() {
            let r = (key.hash & mask) >> shift
            byRegion[ends[r]] = key
            positions[ends[r]] = Int32(n)
            ends[r] += 1
        }
        slots.withUnsafeBufferPointer { slots in
            values.withUnsafeMutableBufferPointer { values in
                for (e, key) in byRegion.enumerated() {
                    let n = Int(positions[e])
                    var s = key.hash & mask
                    while slots[s].length >= 0 {
                        if slots[s].head == key.head, slots[s].tail == key.tail, slots[s].length == key.length,
                           key.length <= 16 || self.ids[Int(slots[s].position)] == ids[n] {
                            values[start + n] = slots[s].value
                            break
                        }
                        s = (s + 1) & mask
                    }
                }
            }
        }
    }

    private func matches(_ slot: Slot, _ key: (head: UInt64, tail: UInt64, length: Int32, hash: Int), _ id: String) -> Bool {
        guard slot.head == key.head, slot.tail == key.tail, slot.length == key.length else { return false }
        return key.length <= 16 || ids[Int(slot.position)] == id
    }

    /// The first 16 bytes as two words, the length, and a hash of every byte.
    private static func key(_ id: String) -> (head: UInt64, tail: UInt64, length: Int32, hash: Int) {
        var id = id
        return id.withUTF8 { bytes in
            var head: UInt64 = 0, tail: UInt64 = 0
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
            for (i, byte) in bytes.enumerated() {
                if i < 8 {
                    head |= UInt64(byte) << (8 * UInt64(i))
                } else if i < 16 {
                    tail |= UInt64(byte) << (8 * UInt64(i - 8))
                } else {
                    hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                }
            }
            // SplitMix64's finalizer over the words.
            var z = hash ^ head ^ (tail &* 0xBF58_476D_1CE4_E5B9)
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return (head, tail, Int32(clamping: bytes.count), Int(truncatingIfNeeded: z))
        }
    }
}
