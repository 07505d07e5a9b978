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
        private var first: [Int32] = []
        private var second: [Int32] = []
        /// Position of the past session, or -1 for an exclusion.
        private var session: [Int32] = []

        init(count: Int, sessionPenalties: [Double], sessionForbids: [Bool]) {
            self.count = count
            self.sessionPenalties = sessionPenalties
            self.sessionForbids = sessionForbids
        }

        mutating func reserve(_ pairs: Int) {
            first.reserveCapacity(pairs)
            second.reserveCapacity(pairs)
            session.reserveCapacity(pairs)
        }

        /// Participants a and b (a != b) met in past session `position`.
        mutating func meeting(_ a: Int32, _ b: Int32, session position: Int) {
            first.append(a)
            second.append(b)
            session.append(Int32(position))
        }

        /// Participants a and b (a != b) must never share a group.
        mutating func exclusion(_ a: Int32, _ b: Int32) {
            first.append(a)
            second.append(b)
            session.append(-1)
        }

        /// - Complexity: O(e + Σ_rows r log r) for e entries, r the row lengths.
        func build() -> PairLinks {
            var offsets = [Int32](repeating: 0, count: count + 1)
            for e in first.indices {
                offsets[Int(first[e]) + 1] += 1
                offsets[Int(second[e]) + 1] += 1
            }
            for i in 0..<count { offsets[i + 1] += offsets[i] }
            // Each entry in both rows, as partner << 32 | (session + 1), so that a
            // row sorts by partner, then session (exclusions first).
            var keys = [UInt64](repeating: 0, count: Int(offsets[count]))
            var fill = offsets
            for e in first.indices {
                let a = Int(first[e]), b = Int(second[e])
                let code = UInt64(UInt32(session[e] + 1))
                keys[Int(fill[a])] = UInt64(UInt32(b)) << 32 | code
                fill[a] += 1
                keys[Int(fill[b])] = UInt64(UInt32(a)) << 32 | code
                fill[b] += 1
            }
            // Rows sorted and merged in parallel, over ranges of about equal size.
            let parts = keys.isEmpty ? 1 : 4
            var bounds = [0]
            for p in 1..<parts {
                let target = Int32(keys.count * p / parts)
                var lo = bounds.last!, hi = count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if offsets[mid] < target { lo = mid + 1 } else { hi = mid }
                }
                bounds.append(lo)
            }
            bounds.append(count)
            let rows = keys.withUnsafeMutableBufferPointer { all in
                // Each part sorts its own rows of `keys`.
                let shared = SharedBuffer(pointer: all)
                return Parallel.map(parts) { [bounds, offsets] p in
                    merge(rows: bounds[p]..<bounds[p + 1], keys: shared.pointer, offsets: offsets)
                }
            }
            var rowOffsets = [Int32](repeating: 0, count: count + 1)
            var partners: [Int32] = [], penalties: [Double] = [], flags: [UInt8] = [], meetings: [Int32] = []
            for (p, part) in rows.enumerated() {
                let base = Int32(partners.count)
                for (r, end) in part.ends.enumerated() { rowOffsets[bounds[p] + r + 1] = base + end }
                partners += part.partners
                penalties += part.penalties
                flags += part.flags
                meetings += part.meetings
            }
            return PairLinks(offsets: rowOffsets, partners: partners, penalties: penalties, flags: flags, meetingCounts: meetings)
        }

        /// Rows `rows`, each sorted then merged: one entry per partner, with the
        /// penalties of its past sessions (each once) summed in session order.
        private func merge(rows: Range<Int>, keys all: UnsafeMutableBufferPointer<UInt64>, offsets: [Int32])
            -> (ends: [Int32], partners: [Int32], penalties: [Double], flags: [UInt8], meetings: [Int32]) {
            var ends: [Int32] = [], partners: [Int32] = [], penalties: [Double] = [], flags: [UInt8] = [], meetings: [Int32] = []
            let size = Int(offsets[rows.upperBound] - offsets[rows.lowerBound])
            ends.reserveCapacity(rows.count)
            partners.reserveCapacity(size)
            penalties.reserveCapacity(size)
            flags.reserveCapacity(size)
            meetings.reserveCapacity(size)
            for i in rows {
                var row = UnsafeMutableBufferPointer(rebasing: all[Int(offsets[i])..<Int(offsets[i + 1])])
                row.sort()
                var k = 0
                while k < row.count {
                    let partner = Int32(truncatingIfNeeded: row[k] >> 32)
                    var penalty = 0.0, flag: UInt8 = 0, met: Int32 = 0
                    var previous: UInt64? = nil
                    while k < row.count, Int32(truncatingIfNeeded: row[k] >> 32) == partner {
                        if row[k] != previous {
                            previous = row[k]
                            let position = Int(row[k] & 0xFFFF_FFFF) - 1
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
                    partners.append(partner)
                    penalties.append(penalty)
                    flags.append(flag)
                    meetings.append(met)
                }
                ends.append(Int32(partners.count))
            }
            return (ends, partners, penalties, flags, meetings)
        }
    }
}
