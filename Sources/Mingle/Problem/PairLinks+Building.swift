extension PairLinks {
    /// Collects past meetings and exclusions, then builds the rows in linear
    /// time: counting sort by row, then a sort of each (short) row.
    ///
    /// A pair that met several times in one past session counts once for it;
    /// its penalties are summed in session order, oldest first.
    struct Builder {
        let count: Int
        /// Penalty of one meeting in each past session, by position (oldest first).
        let sessionPenalties: [Double]
        /// Whether a meeting in each past session forbids the pair.
        let sessionForbids: [Bool]
        /// The pairs that met in each past session, by position.
        private var sessions: [[(Int32, Int32)]] = []
        private var exclusions: [(Int32, Int32)] = []

        init(count: Int, sessionPenalties: [Double], sessionForbids: [Bool]) {
            self.count = count
            self.sessionPenalties = sessionPenalties
            self.sessionForbids = sessionForbids
            sessions = Array(repeating: [], count: sessionPenalties.count)
        }

        /// The pairs (a, b), a != b, that met in past session `position`.
        mutating func meetings(_ pairs: [(Int32, Int32)], session position: Int) {
            if sessions[position].isEmpty { sessions[position] = pairs } else { sessions[position] += pairs }
        }

        /// Participants a and b (a != b) must never share a group.
        mutating func exclusion(_ a: Int32, _ b: Int32) {
            exclusions.append((a, b))
        }

        /// Each pair with its code: session position + 1, 0 for an exclusion.
        private func forEachPair(_ body: (Int32, Int32, UInt64) -> Void) {
            for (position, pairs) in sessions.enumerated() {
                let code = UInt64(position + 1)
                for (a, b) in pairs { body(a, b, code) }
            }
            for (a, b) in exclusions { body(a, b, 0) }
        }

        /// Rows in parallel over ranges of about equal size: each part places
        /// the entries of its rows (reading every pair), sorts each row and
        /// counts its partners; then, once the rows' offsets are known, each
        /// part merges its rows into their final place.
        ///
        /// - Complexity: O(e + Σ_rows r log r) for e entries, r the row lengths.
        func build() -> PairLinks {
            var offsets = [Int32](repeating: 0, count: count + 1)
            forEachPair { a, b, _ in
                offsets[Int(a) + 1] += 1
                offsets[Int(b) + 1] += 1
            }
            for i in 0..<count { offsets[i + 1] += offsets[i] }
            let total = Int(offsets[count])
            let parts = total == 0 ? 1 : 4
            var bounds = [0]
            for p in 1..<parts {
                let target = Int32(total * p / parts)
                var lo = bounds.last!, hi = count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if offsets[mid] < target { lo = mid + 1 } else { hi = mid }
                }
                bounds.append(lo)
            }
            bounds.append(count)
            // Each entry in both rows, as partner << 32 | code, so that a row
            // sorts by partner, then session (exclusions first). Every element
            // is written by the part owning its row.
            var keys = [UInt64](unsafeUninitializedCapacity: total) { _, initialized in initialized = total }
            var rowOffsets = [Int32](repeating: 0, count: count + 1)
            keys.withUnsafeMutableBufferPointer { all in
                rowOffsets.withUnsafeMutableBufferPointer { rowOffsets in
                    let keys = SharedBuffer(pointer: all), partnerCounts = SharedBuffer(pointer: rowOffsets)
                    _ = Parallel.map(parts) { [bounds, offsets] p in
                        sortRows(bounds[p]..<bounds[p + 1], keys: keys.pointer, offsets: offsets, partnerCounts: partnerCounts.pointer)
                    }
                }
            }
            for i in 0..<count { rowOffsets[i + 1] += rowOffsets[i] }
            let size = Int(rowOffsets[count])
            var partners = [Int32](unsafeUninitializedCapacity: size) { _, initialized in initialized = size }
            var penalties = [Double](unsafeUninitializedCapacity: size) { _, initialized in initialized = size }
            var flags = [UInt8](unsafeUninitializedCapacity: size) { _, initialized in initialized = size }
            var meetings = [Int32](unsafeUninitializedCapacity: size) { _, initialized in initialized = size }
            keys.withUnsafeMutableBufferPointer { keys in
                partners.withUnsafeMutableBufferPointer { partners in
                    penalties.withUnsafeMutableBufferPointer { penalties in
                        flags.withUnsafeMutableBufferPointer { flags in
                            meetings.withUnsafeMutableBufferPointer { meetings in
                                let out = SharedBuffer(pointer: (keys, partners, penalties, flags, meetings))
                                _ = Parallel.map(parts) { [bounds, offsets, rowOffsets] p in
                                    merge(rows: bounds[p]..<bounds[p + 1], keys: out.pointer.0, offsets: offsets,
                                          into: (out.pointer.1, out.pointer.2, out.pointer.3, out.pointer.4), at: rowOffsets)
                                }
                            }
                        }
                    }
                }
            }
            return PairLinks(offsets: rowOffsets, partners: partners, penalties: penalties, flags: flags, meetingCounts: meetings)
        }

        /// Places the entries of rows `rows` in `keys`, sorts each row, and
        /// writes its number of distinct partners at `partnerCounts[i + 1]`.
        private func sortRows(_ rows: Range<Int>, keys all: UnsafeMutableBufferPointer<UInt64>, offsets: [Int32],
                              partnerCounts: UnsafeMutableBufferPointer<Int32>) {
            var fill = Array(offsets[rows.lowerBound..<rows.upperBound])
            let low = rows.lowerBound
            forEachPair { a, b, code in
                if rows.contains(Int(a)) {
                    all[Int(fill[Int(a) - low])] = UInt64(UInt32(b)) << 32 | code
                    fill[Int(a) - low] += 1
                }
                if rows.contains(Int(b)) {
                    all[Int(fill[Int(b) - low])] = UInt64(UInt32(a)) << 32 | code
                    fill[Int(b) - low] += 1
                }
            }
            for i in rows {
                var row = UnsafeMutableBufferPointer(rebasing: all[Int(offsets[i])..<Int(offsets[i + 1])])
                row.sort()
                var distinct: Int32 = 0
                for k in row.indices where k == 0 || row[k] >> 32 != row[k - 1] >> 32 { distinct += 1 }
                partnerCounts[i + 1] = distinct
            }
        }

        /// Rows `rows`, sorted, merged into the arrays from `rowOffsets`: one
        /// entry per partner, with the penalties of its past sessions (each
        /// once) summed in session order.
        private func merge(rows: Range<Int>, keys all: UnsafeMutableBufferPointer<UInt64>, offsets: [Int32],
                           into out: (partners: UnsafeMutableBufferPointer<Int32>, penalties: UnsafeMutableBufferPointer<Double>,
                                      flags: UnsafeMutableBufferPointer<UInt8>, meetings: UnsafeMutableBufferPointer<Int32>),
                           at rowOffsets: [Int32]) {
            for i in rows {
                var e = Int(rowOffsets[i])
                var k = Int(offsets[i])
                let end = Int(offsets[i + 1])
                while k < end {
                    let partner = Int32(truncatingIfNeeded: all[k] >> 32)
                    var penalty = 0.0, flag: UInt8 = 0, met: Int32 = 0
                    var previous: UInt64? = nil
                    while k < end, Int32(truncatingIfNeeded: all[k] >> 32) == partner {
                        if all[k] != previous {
                            previous = all[k]
                            let position = Int(all[k] & 0xFFFF_FFFF) - 1
                            if position < 0 {
                                flag |= PairLinks.excludedFlag
                            } else {
                                penalty += sessionPenalties[position]
                                if sessionForbids[position] { flag |= PairLinks.recentFlag }
                                met += 1
                            }
                        }
                        k += 1
                    }
                    out.partners[e] = partner
                    out.penalties[e] = penalty
                    out.flags[e] = flag
                    out.meetings[e] = met
                    e += 1
                }
            }
        }
    }
}
