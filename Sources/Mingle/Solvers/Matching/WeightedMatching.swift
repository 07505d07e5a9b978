// WeightedMatching.swift
//
// Maximum-weight matching in general (non-bipartite) graphs: Edmonds' primal-dual
// blossom algorithm in Galil's O(n^3) formulation.

/// Maximum-weight matching on a general undirected graph with integer weights.
///
/// ## Problem and LP
///
/// For a graph G = (V, E) with weights w_e (any `Int64`, zero and negative allowed)
/// Edmonds' matching polytope gives the linear programme
///
///     maximise    Σ_e w_e x_e
///     subject to  x_e >= 0                          for every edge e
///                 x(δ(v)) <= 1                       for every vertex v
///                 x(E[B]) <= (|B| - 1) / 2           for every odd set B ⊆ V, |B| >= 3
///
/// whose optimum is attained at (the incidence vector of) a matching. Its dual is
///
///     minimise    Σ_v y_v + Σ_B z_B (|B| - 1) / 2
///     subject to  y_u + y_v + Σ_{B ∋ u,v} z_B >= w_uv   for every edge uv
///                 y >= 0, z >= 0.
///
/// A matching M and a dual solution (y, z) are both optimal exactly when complementary
/// slackness holds: every matched edge is tight, every vertex with y_v > 0 is matched and
/// every set with z_B > 0 is *full* (contains (|B| - 1) / 2 matched edges).
///
/// ## Algorithm
///
/// Edmonds' primal-dual method, in the O(n^3) organisation of Galil (Z. Galil, "Efficient
/// algorithms for finding maximum matching in graphs", ACM Computing Surveys 18(1), 1986)
/// as popularised by Joris van Rantwijk's `mwmatching`: an alternating forest rooted at all
/// exposed vertices is grown along tight edges, odd cycles are shrunk into blossoms (vertex
/// ids `0..<n`, blossom ids `n..<2n`), and when no tight edge is usable the duals are changed
/// by the largest step that keeps them feasible. Least-slack edges are kept per vertex and per
/// outer blossom, so each dual step costs O(n).
///
/// This implementation was written from the description of the method. Some engineering
/// changes make it much faster on dense graphs without changing the worst case:
///   * after an augmentation only the two alternating trees involved are dissolved; every
///     other tree (and its least-slack bookkeeping) is kept instead of restarting a stage,
///     and records that pointed into the dissolved trees are recomputed lazily, just before
///     the next dual step;
///   * least-slack records store time-invariant keys, so slacks are compared without touching
///     the edge arrays; adjacency is held in CSR form (one slot per edge direction, with the
///     neighbour, weight and reverse slot stored contiguously);
///   * adjacency walks start at a pseudo-random (deterministic) offset, so that ties between
///     equal weights do not make every vertex point at the same few least-slack partners.
///
/// Complexity: O(n·m + n^3) = O(n^3) time (m <= n^2), O(n + m) memory. Random dense graphs
/// (and graphs shaped like pairing scores) need far less than the worst case: most
/// augmentations touch only small trees. Adversarial weight patterns in which every
/// augmentation dissolves trees spanning most of the graph (e.g. w(i, j) = i + j on a complete
/// graph) do approach the cubic bound.
///
/// ## Modes
///
/// * `solve(maximumCardinality: false)`: maximum weight; edges of weight <= 0 are never
///   chosen (they are ignored by the solver, and trivially satisfy the certificate).
/// * `solve(maximumCardinality: true)`: among matchings of maximum cardinality, one of
///   maximum weight; every edge, negative ones included, may be used. This is exact and
///   needs no "big constant" added to the weights.
///
/// ## Duals and units
///
/// Internally and in `Result`, duals are *doubled* so that they stay integral: a vertex
/// dual is reported as `vertexDual[v] = 2·y_v` and a blossom dual as `2·z_B`. The edge
/// condition therefore reads `vertexDual[u] + vertexDual[v] + Σ_{B ∋ u,v} dual_B >= 2·w_uv`.
///
/// Weights must be small enough that no dual can overflow: keep `vertexCount · |w| <= 2^58`
/// for every edge (negative ones included). `init` enforces the slightly looser
/// `vertexCount · |w| <= 2^59` with a precondition; within it every intermediate value stays
/// below about 8 · vertexCount · max|w| <= 2^62.
struct WeightedMatching: Sendable {

    /// An undirected edge `u – v` with an integer weight.
    struct Edge: Sendable, Hashable {
        var u: Int32
        var v: Int32
        var weight: Int64

        init(u: Int32, v: Int32, weight: Int64) {
            self.u = u
            self.v = v
            self.weight = weight
        }
    }

    /// The matching found, together with the optimality certificate.
    struct Result: Sendable {
        /// `mate[v]` is the vertex matched to `v`, or -1 when `v` is exposed.
        var mate: [Int32]
        /// Total weight of the matched edges.
        var weight: Int64
        /// Number of matched edges.
        var cardinality: Int
        /// Final vertex duals, doubled: `vertexDual[v] = 2·y_v`. In maximum-cardinality mode
        /// these may be negative; they are then feasible after adding the same constant
        /// `max(0, -min vertexDual)` to every vertex (see `verifyOptimality`).
        var vertexDual: [Int64]
        /// Every blossom (outermost or nested) with positive dual, as its vertex set and its
        /// doubled dual `2·z_B`. The family is laminar.
        var blossoms: [(members: [Int32], dual: Int64)]
        /// Maximum-cardinality mode only: a Tutte–Berge barrier A (the inner vertices of the
        /// final, stuck alternating forest). `odd(G - A) - |A| >= #exposed vertices` proves
        /// that no larger matching exists. Empty in plain mode, or when nothing is exposed.
        var tutteBergeBarrier: [Int32]
        /// Result of `verifyOptimality` on this result (false when stopped).
        var isVerified: Bool
        /// `solve`'s `stop` ended it early: `mate` is a valid matching, nothing more.
        var wasStopped = false
    }

    /// Number of vertices.
    let vertexCount: Int
    /// CSR adjacency: the slots of vertex v are `adjacencyStart[v] ..< adjacencyStart[v + 1]`;
    /// the slots with positive weight come first and end at `positiveEnd[v]`.
    let adjacencyStart: [Int]
    let positiveEnd: [Int]
    /// Per slot: the neighbour, the edge weight, and the slot of the same edge seen from the
    /// neighbour.
    let slotNeighbour: [Int32]
    let slotWeight: [Int64]
    let slotReverse: [Int32]

    /// Number of distinct edges after merging parallel edges and dropping self-loops.
    var edgeCount: Int { slotNeighbour.count / 2 }

    /// Builds the graph. Endpoints must lie in `0 ..< vertexCount`. Self-loops (which no
    /// matching can use) are ignored; of parallel edges only the heaviest is kept.
    init(vertexCount: Int, edges: [Edge]) {
        precondition(vertexCount >= 0 && vertexCount < Int(Int32.max) / 2, "vertexCount out of range")
        let n = vertexCount
        self.vertexCount = n

        // 1. Bucket the edges by their smaller endpoint.
        var bucketStart = [Int](repeating: 0, count: n + 1)
        for e in edges {
            let a = Int(e.u), b = Int(e.v)
            precondition(a >= 0 && a < n && b >= 0 && b < n, "edge endpoint out of range")
            if a != b { bucketStart[min(a, b) + 1] += 1 }
        }
        for v in 0..<n { bucketStart[v + 1] += bucketStart[v] }
        let raw = bucketStart[n]
        var bucketOther = [Int32](repeating: 0, count: raw)
        var bucketWeight = [Int64](repeating: 0, count: raw)
        var fill = bucketStart
        for e in edges where e.u != e.v {
            let a = Int(min(e.u, e.v))
            let p = fill[a]
            fill[a] = p + 1
            bucketOther[p] = max(e.u, e.v)
            bucketWeight[p] = e.weight
        }
        fill = []

        // 2. Merge parallel edges in place (keep the heaviest) and count degrees.
        var bucketEnd = [Int](repeating: 0, count: n)
        var seenAt = [Int](repeating: -1, count: n)     // position of edge (a, b) for the current a
        var seenOwner = [Int32](repeating: -1, count: n)
        var degree = [Int](repeating: 0, count: n)
        var positiveDegree = [Int](repeating: 0, count: n)
        let weightLimit = (Int64(1) << 59) / Int64(max(n, 1))
        for a in 0..<n {
            var write = bucketStart[a]
            for p in bucketStart[a]..<bucketStart[a + 1] {
                let b = Int(bucketOther[p])
                let w = bucketWeight[p]
                precondition(w <= weightLimit && w >= -weightLimit,
                             "edge weight too large: need vertexCount * |weight| <= 2^59")
                if seenOwner[b] == Int32(a) {
                    let q = seenAt[b]
                    if w > bucketWeight[q] { bucketWeight[q] = w }
                } else {
                    seenOwner[b] = Int32(a)
                    seenAt[b] = write
                    bucketOther[write] = Int32(b)
                    bucketWeight[write] = w
                    write += 1
                }
            }
            bucketEnd[a] = write
        }
        seenAt = []
        seenOwner = []
        for a in 0..<n {
            for q in bucketStart[a]..<bucketEnd[a] {
                let b = Int(bucketOther[q])
                degree[a] += 1
                degree[b] += 1
                if bucketWeight[q] > 0 {
                    positiveDegree[a] += 1
                    positiveDegree[b] += 1
                }
            }
        }

        // 3. CSR with positive-weight slots first.
        var start = [Int](repeating: 0, count: n + 1)
        for v in 0..<n { start[v + 1] = start[v] + degree[v] }
        var posEnd = [Int](repeating: 0, count: n)
        var posCursor = [Int](repeating: 0, count: n)
        var otherCursor = [Int](repeating: 0, count: n)
        for v in 0..<n {
            posEnd[v] = start[v] + positiveDegree[v]
            posCursor[v] = start[v]
            otherCursor[v] = posEnd[v]
        }
        let slots = start[n]
        precondition(slots < Int(Int32.max), "too many edges")
        var nbr = [Int32](repeating: 0, count: slots)
        var wgt = [Int64](repeating: 0, count: slots)
        var rev = [Int32](repeating: 0, count: slots)
        for a in 0..<n {
            for q in bucketStart[a]..<bucketEnd[a] {
                let b = Int(bucketOther[q]), w = bucketWeight[q]
                let sa: Int, sb: Int
                if w > 0 {
                    sa = posCursor[a]; posCursor[a] = sa + 1
                    sb = posCursor[b]; posCursor[b] = sb + 1
                } else {
                    sa = otherCursor[a]; otherCursor[a] = sa + 1
                    sb = otherCursor[b]; otherCursor[b] = sb + 1
                }
                nbr[sa] = Int32(b); wgt[sa] = w; rev[sa] = Int32(sb)
                nbr[sb] = Int32(a); wgt[sb] = w; rev[sb] = Int32(sa)
            }
        }
        adjacencyStart = start
        positiveEnd = posEnd
        slotNeighbour = nbr
        slotWeight = wgt
        slotReverse = rev
    }

    /// Computes a maximum-weight matching, or, with `maximumCardinality`, a maximum-weight
    /// matching among those of maximum cardinality. The returned certificate is checked by
    /// `verifyOptimality`, whose verdict is stored in `Result.isVerified`.
    ///
    /// - Parameter stop: asked between dual steps (every few of them; each is O(n)): when it
    ///   returns true the algorithm ends early with the matching it has, which is valid but
    ///   neither maximum nor certified (`Result.wasStopped`, `isVerified` false). For a time
    ///   limit or a cancellation: the O(n³) worst case cannot otherwise be interrupted.
    func solve(maximumCardinality: Bool, stop: (() -> Bool)? = nil) -> Result {
        // Active slots of v: adjacencyStart[v] ..< end[v] (plain mode: positive weights only).
        let end = maximumCardinality ? Array(adjacencyStart.dropFirst()) : positiveEnd
        var engine = BlossomEngine(
            vertexCount: vertexCount, maximumCardinality: maximumCardinality,
            start: adjacencyStart, end: end,
            nbr: slotNeighbour, wgt: slotWeight, rev: slotReverse)
        let finished = engine.run(stop: stop)
        var result = engine.makeResult()
        result.wasStopped = !finished
        result.isVerified = finished && verifyOptimality(of: result, maximumCardinality: maximumCardinality)
        return result
    }

    /// Checks the optimality certificate in `result` against this graph (all edges,
    /// whatever their sign), in O(n + m·d) time where d is the blossom nesting depth.
    ///
    /// Checked (van Rantwijk's `verifyOptimum` conditions plus a cardinality witness):
    ///  1. `mate` is a matching of edges of the graph; `weight` and `cardinality` match it.
    ///  2. Vertex duals are >= 0 (plain mode). In maximum-cardinality mode the duals are
    ///     shifted by `c = max(0, -min vertexDual)`.
    ///  3. Every exposed vertex has (shifted) dual 0.
    ///  4. Blossoms have odd size >= 3, dual >= 0, form a laminar family, and every blossom
    ///     with positive dual is full ((|B| - 1) / 2 matched edges inside).
    ///  5. Every edge has slack `vertexDual[u] + vertexDual[v] + Σ_{B ∋ u,v} dual_B - 2w >= 0`,
    ///     and every matched edge has slack 0.
    ///  6. Maximum-cardinality mode: removing `tutteBergeBarrier` (A) leaves at least
    ///     `|A| + #exposed` components of odd size.
    ///
    /// What it proves: 1–5 are feasibility plus complementary slackness for the LP above, so in
    /// plain mode the matching has maximum weight among all matchings. In maximum-cardinality
    /// mode 1–5 show that the matching maximises `w(M') + c·|M'|` over all matchings M' (the
    /// shifted duals are an optimal dual for the weights `w + c`), hence it has maximum weight
    /// among matchings of its own cardinality; 6 is the Tutte–Berge bound
    /// `ν(G) <= (n - odd(G - A) + |A|) / 2`, proving that this cardinality is maximum.
    func verifyOptimality(of result: Result, maximumCardinality: Bool) -> Bool {
        let n = vertexCount
        let mate = result.mate
        let dual = result.vertexDual
        guard mate.count == n, dual.count == n else { return false }

        // 1. Matching structure.
        var cardinality = 0
        for v in 0..<n {
            let m = Int(mate[v])
            if m < 0 { continue }
            guard m < n, m != v, Int(mate[m]) == v else { return false }
            if v < m { cardinality += 1 }
        }
        guard cardinality == result.cardinality else { return false }

        // 2./3. Vertex duals.
        var minDual = Int64.max
        for d in dual where d < minDual { minDual = d }
        let offset: Int64
        if maximumCardinality {
            offset = n > 0 ? max(0, -minDual) : 0
        } else {
            if n > 0 && minDual < 0 { return false }
            offset = 0
        }
        for v in 0..<n where mate[v] < 0 {
            if dual[v] + offset != 0 { return false }
        }

        // 4. Blossoms: laminar family, built into a tree, largest first.
        let blossoms = result.blossoms
        let k = blossoms.count
        let order = (0..<k).sorted { blossoms[$0].members.count > blossoms[$1].members.count }
        var innermost = [Int32](repeating: -1, count: n)
        var blossomParent = [Int32](repeating: -1, count: k)
        var dualSum = [Int64](repeating: 0, count: k)
        var seen = [Int32](repeating: -1, count: n)
        for bi in order {
            let members = blossoms[bi].members
            let z = blossoms[bi].dual
            guard z >= 0, members.count >= 3, members.count % 2 == 1 else { return false }
            let first = Int(members[0])
            guard first >= 0 && first < n else { return false }
            let enclosing = innermost[first]
            for x in members {
                let xi = Int(x)
                guard xi >= 0 && xi < n, seen[xi] != Int32(bi), innermost[xi] == enclosing else { return false }
                seen[xi] = Int32(bi)
            }
            var matchedInside = 0
            for x in members {
                let xi = Int(x)
                innermost[xi] = Int32(bi)
                let m = Int(mate[xi])
                if m >= 0 && seen[m] == Int32(bi) { matchedInside += 1 }
            }
            if z > 0 && matchedInside != members.count - 1 { return false }
            blossomParent[bi] = enclosing
            dualSum[bi] = z + (enclosing >= 0 ? dualSum[Int(enclosing)] : 0)
        }

        // 5. Edge slacks.
        var ancestorMark = [Int32](repeating: -1, count: k)
        var weight: Int64 = 0
        var matchedEdges = 0
        for u in 0..<n {
            var b = Int(innermost[u])
            while b >= 0 {
                ancestorMark[b] = Int32(u)
                b = Int(blossomParent[b])
            }
            let mu = Int(mate[u])
            for s in adjacencyStart[u]..<adjacencyStart[u + 1] {
                let v = Int(slotNeighbour[s])
                if v < u { continue }
                var c = Int(innermost[v])
                while c >= 0 && ancestorMark[c] != Int32(u) { c = Int(blossomParent[c]) }
                let common: Int64 = c >= 0 ? dualSum[c] : 0
                let w = slotWeight[s]
                let slack = dual[u] + dual[v] + common - 2 * w
                if slack < 0 { return false }
                if mu == v {
                    if slack != 0 { return false }
                    weight += w
                    matchedEdges += 1
                }
            }
        }
        guard matchedEdges == cardinality, weight == result.weight else { return false }

        // 6. Tutte–Berge witness for maximum cardinality.
        if maximumCardinality {
            let exposed = n - 2 * cardinality
            if exposed > 0 {
                var removed = [Bool](repeating: false, count: n)
                for a in result.tutteBergeBarrier {
                    let ai = Int(a)
                    guard ai >= 0 && ai < n, !removed[ai] else { return false }
                    removed[ai] = true
                }
                var visited = removed
                var stack = [Int]()
                var oddComponents = 0
                for r in 0..<n where !visited[r] {
                    visited[r] = true
                    stack.append(r)
                    var size = 0
                    while let x = stack.popLast() {
                        size += 1
                        for s in adjacencyStart[x]..<adjacencyStart[x + 1] {
                            let y = Int(slotNeighbour[s])
                            if !visited[y] {
                                visited[y] = true
                                stack.append(y)
                            }
                        }
                    }
                    if size % 2 == 1 { oddComponents += 1 }
                }
                if oddComponents - result.tutteBergeBarrier.count < exposed { return false }
            }
        }
        return true
    }
}

// MARK: - Solver state

private let labelFree: Int8 = 0
private let labelOuter: Int8 = 1   // "S": even distance from a root
private let labelInner: Int8 = 2   // "T": odd distance from a root

/// An entry of an outer blossom's least-slack list: a slot `slot` leaving vertex `x` (inside
/// the blossom) towards another outer vertex. Slacks are recomputed from the current duals.
private struct SlackListEntry {
    var slot: Int32
    var x: Int32
}

/// The mutable state of one solve.
///
/// Terminology: a *slot* is one direction of an edge (`nbr[slot]` is the far end, `rev[slot]`
/// the opposite direction, owned by the far end); a *top* is an outermost blossom (a vertex
/// id for a trivial one). Labels, `labelEnd` and `rootOf` refer to tops.
///
/// Key invariants between dual steps (with `shift` the sum of all dual steps so far):
///  * every outer vertex x keeps `dual[x] + shift` constant while it stays outer, so edge keys
///    below stay comparable without recomputing slacks;
///  * for every non-outer vertex w that is not stale, `bestEdge[w]` is a slot of w towards an
///    outer vertex x of least slack, with key `dual[x] + shift - 2·w(e)` (slack = key - shift
///    + dual[w]);
///  * for every outer top b that is not stale, `bestEdge[b]` is a slot from b to another outer
///    top, with key `slack + 2·shift`; the minimum over outer tops is the least slack of any
///    edge joining two different outer tops. Every such edge is recorded (in `bestEdge` and,
///    for non-trivial tops, in `lists[b]`) on the side that was scanned last.
///  * stale records (after trees were dissolved by an augmentation) are recomputed before the
///    next dual step.
///
/// All state is held in flat arrays indexed by vertex id (0 ..< n) or blossom id (n ..< 2n),
/// allocated once per solve; the CSR arrays are shared (not copied) with `WeightedMatching`.
private struct BlossomEngine {
    let n: Int
    let maximumCardinality: Bool
    let adjStart: [Int]
    let adjEnd: [Int]
    let nbr: [Int32]
    let wgt: [Int64]
    let rev: [Int32]

    var mate: [Int32]            // per vertex: slot of the matched edge, or -1
    var inBlossom: [Int32]       // per vertex: its top
    var stale: [UInt8]           // per vertex/blossom: least-slack record must be recomputed
    var label: [Int8]            // per top
    var labelEnd: [Int32]        // per top: slot (owned inside the top) it was labelled through
    var rootOf: [Int32]          // per labelled top: the exposed vertex at the root of its tree
    var parent: [Int32]          // per vertex/blossom: enclosing blossom or -1
    var base: [Int32]            // per vertex/blossom: base vertex (-1 for unused blossom ids)
    var dual: [Int64]            // vertex duals (doubled, 2·y_v) and blossom duals z_B
    var bestEdge: [Int32]        // least-slack slot, see invariants above
    var bestKey: [Int64]
    var listCompacted: [Int]     // per blossom: list length after the last compaction
    var bestToIndex: [Int32]     // scratch per top, all -1 between uses
    var mark: [UInt32]           // scratch per top, compared with `stamp`

    var children: [[Int32]]      // per blossom: sub-blossoms around the cycle, base first
    var links: [[Int32]]         // links[b][i]: slot from children[i] to children[i+1 mod L]
    var lists: [[SlackListEntry]]
    var unusedBlossoms: [Int32]
    var queue: [Int32] = []
    var queueHead = 0
    var staleList: [Int32] = []
    var shift: Int64 = 0
    var freeCount = 0
    var stamp: UInt32 = 0
    var pending: [SlackListEntry] = []
    var barrier: [Int32] = []
    var rotationState: UInt64 = 0x2545_F491_4F6C_DD1D

    init(vertexCount n: Int, maximumCardinality: Bool, start: [Int], end: [Int],
         nbr: [Int32], wgt: [Int64], rev: [Int32]) {
        self.n = n
        self.maximumCardinality = maximumCardinality
        adjStart = start
        adjEnd = end
        self.nbr = nbr
        self.wgt = wgt
        self.rev = rev

        var maxWeight: Int64 = 0
        for v in 0..<n {
            for s in start[v]..<end[v] where wgt[s] > maxWeight { maxWeight = wgt[s] }
        }
        let identity = (0..<n).map { Int32($0) }
        mate = [Int32](repeating: -1, count: n)
        inBlossom = identity
        stale = [UInt8](repeating: 0, count: 2 * n)
        label = [Int8](repeating: labelFree, count: 2 * n)
        labelEnd = [Int32](repeating: -1, count: 2 * n)
        rootOf = [Int32](repeating: -1, count: 2 * n)
        parent = [Int32](repeating: -1, count: 2 * n)
        base = identity + [Int32](repeating: -1, count: n)
        dual = [Int64](repeating: maxWeight, count: n) + [Int64](repeating: 0, count: n)
        bestEdge = [Int32](repeating: -1, count: 2 * n)
        bestKey = [Int64](repeating: .max, count: 2 * n)
        listCompacted = [Int](repeating: 0, count: 2 * n)
        bestToIndex = [Int32](repeating: -1, count: 2 * n)
        mark = [UInt32](repeating: 0, count: 2 * n)
        children = [[Int32]](repeating: [], count: 2 * n)
        links = [[Int32]](repeating: [], count: 2 * n)
        lists = [[SlackListEntry]](repeating: [], count: 2 * n)
        unusedBlossoms = (n..<(2 * n)).reversed().map { Int32($0) }
    }

    @inline(__always) func top(_ v: Int) -> Int { Int(inBlossom[v]) }
    @inline(__always) func owner(_ slot: Int) -> Int { Int(nbr[Int(rev[slot])]) }

    mutating func nextStamp() -> UInt32 {
        stamp &+= 1
        if stamp == 0 {
            for i in 0..<mark.count { mark[i] = 0 }
            stamp = 1
        }
        return stamp
    }

    /// A pseudo-random number in 0 ..< bound (bound > 0), from a deterministic generator.
    /// Adjacency walks start at such an offset (and wrap around) so that, among equally good
    /// least-slack edges, different vertices record different ones; with many equal weights
    /// this keeps the repair work after an augmentation small.
    mutating func nextRotation(_ bound: Int) -> Int {
        rotationState &+= 0x9E37_79B9_7F4A_7C15
        var z = rotationState
        z = (z ^ (z >> 31)) &* 0xBF58_476D_1CE4_E5B9
        z ^= z >> 29
        return Int(z % UInt64(bound))
    }

    func leaves(_ b: Int) -> [Int32] {
        if b < n { return [Int32(b)] }
        var out = [Int32]()
        var stack = [Int32(b)]
        while let x = stack.popLast() {
            if Int(x) < n { out.append(x) } else { stack.append(contentsOf: children[Int(x)]) }
        }
        return out
    }

    // MARK: Main loop

    /// Runs to the optimum (true), or until `stop` says so (false), asked every
    /// 16 dual steps; the matching (`mate`) is valid after every step.
    mutating func run(stop: (() -> Bool)? = nil) -> Bool {
        for v in 0..<n {
            label[v] = labelOuter
            labelEnd[v] = -1
            rootOf[v] = Int32(v)
            queue.append(Int32(v))
        }
        freeCount = n
        var steps = 0
        while true {
            if let stop, steps & 15 == 0, stop() { return false }
            steps &+= 1
            drainQueue()
            if freeCount == 0 { break }
            refreshStale()

            var delta = Int64.max
            var kind = 0
            var arg = -1
            if !maximumCardinality {
                for v in 0..<n where dual[v] < delta { delta = dual[v] }
                kind = 1
            }
            let twoShift = 2 * shift
            for v in 0..<n {
                let bv = top(v)
                let l = label[bv]
                if l == labelFree {
                    if bestEdge[v] >= 0 {
                        let d = bestKey[v] - shift + dual[v]
                        if d < delta { delta = d; kind = 2; arg = v }
                    }
                } else if l == labelOuter && bv == v && bestEdge[v] >= 0 {
                    let slack = bestKey[v] - twoShift
                    assert(slack >= 0 && slack % 2 == 0)
                    let d = slack / 2
                    if d < delta { delta = d; kind = 3; arg = v }
                }
            }
            for b in n..<(2 * n) where base[b] >= 0 && parent[b] < 0 {
                let l = label[b]
                if l == labelOuter {
                    if bestEdge[b] >= 0 {
                        let slack = bestKey[b] - twoShift
                        assert(slack >= 0 && slack % 2 == 0)
                        let d = slack / 2
                        if d < delta { delta = d; kind = 3; arg = b }
                    }
                } else if l == labelInner && dual[b] < delta {
                    delta = dual[b]; kind = 4; arg = b
                }
            }

            if kind == 0 {
                // Maximum-cardinality mode and the forest is stuck: no augmenting path exists.
                // A last dual step brings the exposed vertices (which hold the least vertex
                // dual) to zero where possible, and the inner vertices form a Tutte–Berge
                // barrier.
                var m = Int64.max
                for v in 0..<n where dual[v] < m { m = dual[v] }
                applyDelta(max(0, m))
                for v in 0..<n where label[top(v)] == labelInner { barrier.append(Int32(v)) }
                break
            }
            assert(delta >= 0)
            applyDelta(delta)
            if kind == 1 { break }
            switch kind {
            case 2:
                let s = Int(bestEdge[arg])
                handleTightEdge(from: Int(nbr[s]), slot: Int(rev[s]))
            case 3:
                let s = Int(bestEdge[arg])
                handleTightEdge(from: owner(s), slot: s)
            default:
                expandInnerBlossom(arg)
            }
        }
        return true
    }

    mutating func applyDelta(_ delta: Int64) {
        if delta == 0 { return }
        for v in 0..<n {
            let l = label[top(v)]
            if l == labelOuter { dual[v] -= delta } else if l == labelInner { dual[v] += delta }
        }
        for b in n..<(2 * n) where base[b] >= 0 && parent[b] < 0 {
            let l = label[b]
            if l == labelOuter { dual[b] += delta } else if l == labelInner { dual[b] -= delta }
        }
        shift += delta
    }

    mutating func drainQueue() {
        while queueHead < queue.count {
            let v = Int(queue[queueHead])
            queueHead += 1
            if label[top(v)] == labelOuter { scanVertex(v) }
        }
        queue.removeAll(keepingCapacity: true)
        queueHead = 0
    }

    // MARK: Scanning

    /// Scans all edges of the outer vertex v (from a pseudo-random starting slot, wrapping
    /// around): records least-slack information and acts on tight edges.
    mutating func scanVertex(_ v: Int) {
        let first = adjStart[v], end = adjEnd[v]
        if first == end { return }
        let middle = first + nextRotation(end - first)
        for pass in 0..<2 {
            var s = pass == 0 ? middle : first
            let hi = pass == 0 ? end : middle
            while s < hi {
                let event = scanRange(v, from: s, to: hi)
                if event == hi { break }
                handleTightEdge(from: v, slot: event)
                if label[top(v)] != labelOuter { return }   // v's tree was dissolved by an augmentation
                s = event + 1
            }
        }
    }

    /// The hot loop. Returns the first slot whose edge is tight and usable (towards an outer
    /// vertex of another top, or towards an unlabelled top), or `to` if there is none.
    mutating func scanRange(_ v: Int, from: Int, to: Int) -> Int {
        let bv = top(v)
        let dv = dual[v]
        let keyBase = dv + shift
        let twoShift = 2 * shift
        var best = bestKey[bv]
        var bestSlot = bestEdge[bv]
        let nontrivial = bv >= n
        let v32 = Int32(v)
        var s = from
        var event = to
        while s < to {
            let w = Int(nbr[s])
            let bw = Int(inBlossom[w])
            if bw != bv {
                let w2 = 2 * wgt[s]
                let lw = label[bw]
                if lw == labelOuter {
                    let slack = dv + dual[w] - w2
                    if slack <= 0 { event = s; break }
                    let key = slack + twoShift
                    if key < best { best = key; bestSlot = Int32(s) }
                    if nontrivial { pending.append(SlackListEntry(slot: Int32(s), x: v32)) }
                } else {
                    let key = keyBase - w2
                    if key < bestKey[w] {
                        bestKey[w] = key
                        bestEdge[w] = rev[s]
                    }
                    if lw == labelFree && key - shift + dual[w] <= 0 { event = s; break }
                }
            }
            s += 1
        }
        bestKey[bv] = best
        bestEdge[bv] = bestSlot
        if nontrivial && !pending.isEmpty {
            lists[bv].append(contentsOf: pending)
            pending.removeAll(keepingCapacity: true)
            if lists[bv].count > 2 * listCompacted[bv] + 64 { compactList(bv) }
        }
        return event
    }

    /// Reacts to a tight edge from outer vertex v through `slot`.
    mutating func handleTightEdge(from v: Int, slot: Int) {
        let w = Int(nbr[slot])
        let bv = top(v), bw = top(w)
        if bv == bw { return }
        switch label[bw] {
        case labelOuter:
            if rootOf[bv] != rootOf[bw] {
                augment(from: v, slot: slot)
            } else {
                addBlossom(base: findCommonBase(v, w), from: v, slot: slot)
            }
        case labelFree:
            assignLabel(w, labelInner, Int(rev[slot]))
        default:
            break
        }
    }

    /// Labels the top containing w through slot p (a slot of a vertex of that top, or -1 for
    /// a root). An inner label immediately makes the partner of the base outer.
    mutating func assignLabel(_ w0: Int, _ t0: Int8, _ p0: Int) {
        var w = w0, t = t0, p = p0
        while true {
            let b = top(w)
            assert(label[b] == labelFree)
            label[b] = t
            labelEnd[b] = Int32(p)
            rootOf[b] = p < 0 ? Int32(w) : rootOf[top(Int(nbr[p]))]
            if t == labelOuter {
                bestEdge[b] = -1
                bestKey[b] = .max
                if b >= n {
                    lists[b].removeAll(keepingCapacity: true)
                    listCompacted[b] = 0
                    queue.append(contentsOf: leaves(b))
                } else {
                    stale[b] = 0      // a fresh outer vertex needs no vertex-level record
                    queue.append(Int32(b))
                }
                return
            }
            let ms = Int(mate[Int(base[b])])
            assert(ms >= 0)
            w = Int(nbr[ms])
            t = labelOuter
            p = Int(rev[ms])
        }
    }

    /// Walks up from two outer vertices of the same tree, alternately, and returns the base
    /// of their nearest common outer top.
    mutating func findCommonBase(_ v: Int, _ w: Int) -> Int {
        let st = nextStamp()
        var a = v, b = w
        while true {
            if a >= 0 {
                let ba = top(a)
                if mark[ba] == st { return Int(base[ba]) }
                mark[ba] = st
                let le = Int(labelEnd[ba])
                if le < 0 {
                    a = -1
                } else {
                    let bt = top(Int(nbr[le]))
                    a = Int(nbr[Int(labelEnd[bt])])
                }
            }
            if b >= 0 { swap(&a, &b) }
        }
    }

    // MARK: Blossoms

    /// Shrinks the odd cycle closed by the tight edge `slot` (v – w) into a new outer blossom
    /// with the given base vertex.
    mutating func addBlossom(base baseVertex: Int, from v: Int, slot: Int) {
        let w = Int(nbr[slot])
        let bb = top(baseVertex)
        var bv = top(v)
        var bw = top(w)
        let b = Int(unusedBlossoms.removeLast())
        base[b] = Int32(baseVertex)
        parent[b] = -1
        parent[bb] = Int32(b)

        var vSide = [Int32](), vEnds = [Int32]()
        while bv != bb {
            parent[bv] = Int32(b)
            vSide.append(Int32(bv))
            vEnds.append(labelEnd[bv])
            bv = top(Int(nbr[Int(labelEnd[bv])]))
        }
        var ch: [Int32] = [Int32(bb)]
        var ln: [Int32] = []
        for i in stride(from: vSide.count - 1, through: 0, by: -1) {
            ln.append(rev[Int(vEnds[i])])
            ch.append(vSide[i])
        }
        ln.append(Int32(slot))
        while bw != bb {
            parent[bw] = Int32(b)
            ch.append(Int32(bw))
            ln.append(labelEnd[bw])
            bw = top(Int(nbr[Int(labelEnd[bw])]))
        }
        assert(ch.count % 2 == 1 && ch.count >= 3 && ln.count == ch.count)

        let wasOuter = ch.map { label[Int($0)] == labelOuter }
        label[b] = labelOuter
        labelEnd[b] = labelEnd[bb]
        rootOf[b] = rootOf[bb]
        dual[b] = 0
        stale[b] = 0
        children[b] = ch
        links[b] = ln
        for (i, c) in ch.enumerated() {
            for leaf in leaves(Int(c)) {
                inBlossom[Int(leaf)] = Int32(b)
                if !wasOuter[i] { queue.append(leaf) }   // former inner vertices become outer
            }
        }

        // Least-slack list of the new blossom: merge the lists of outer sub-blossoms and the
        // full adjacency of trivial outer sub-blossoms. Former inner vertices are queued and
        // will add their edges when scanned.
        var out = [SlackListEntry]()
        var keys = [Int64]()
        let twoShift = 2 * shift
        for (i, c32) in ch.enumerated() where wasOuter[i] {
            let c = Int(c32)
            if c >= n {
                for e in lists[c] {
                    considerListEntry(e, into: &out, keys: &keys, blossom: b, twoShift: twoShift)
                }
                lists[c] = []
                listCompacted[c] = 0
            } else {
                let c32 = Int32(c)
                for s in adjStart[c]..<adjEnd[c] {
                    let by = top(Int(nbr[s]))
                    if by != b && label[by] == labelOuter {
                        considerListEntry(SlackListEntry(slot: Int32(s), x: c32),
                                          into: &out, keys: &keys, blossom: b, twoShift: twoShift)
                    }
                }
            }
        }
        var best = Int64.max, bestSlot: Int32 = -1
        for (i, e) in out.enumerated() {
            bestToIndex[top(Int(nbr[Int(e.slot)]))] = -1
            if keys[i] < best { best = keys[i]; bestSlot = e.slot }
        }
        lists[b] = out
        listCompacted[b] = out.count
        bestEdge[b] = bestSlot
        bestKey[b] = best
    }

    /// Per-neighbour-top minimum merge of one least-slack candidate (uses `bestToIndex`).
    @inline(__always)
    mutating func considerListEntry(_ e: SlackListEntry, into out: inout [SlackListEntry],
                           keys: inout [Int64], blossom b: Int, twoShift: Int64) {
        let s = Int(e.slot)
        let y = Int(nbr[s])
        let by = top(y)
        if by == b || label[by] != labelOuter { return }
        let key = dual[Int(e.x)] + dual[y] - 2 * wgt[s] + twoShift
        let idx = Int(bestToIndex[by])
        if idx < 0 {
            bestToIndex[by] = Int32(out.count)
            out.append(e)
            keys.append(key)
        } else if key < keys[idx] {
            out[idx] = e
            keys[idx] = key
        }
    }

    /// Drops stale entries of an outer blossom's list, keeps one least-slack entry per
    /// neighbouring outer top, and recomputes `bestEdge[b]`.
    mutating func compactList(_ b: Int) {
        var out = [SlackListEntry]()
        var keys = [Int64]()
        let twoShift = 2 * shift
        let old = lists[b]
        lists[b] = []
        for e in old {
            considerListEntry(e, into: &out, keys: &keys, blossom: b, twoShift: twoShift)
        }
        var best = Int64.max, bestSlot: Int32 = -1
        for (i, e) in out.enumerated() {
            bestToIndex[top(Int(nbr[Int(e.slot)]))] = -1
            if keys[i] < best { best = keys[i]; bestSlot = e.slot }
        }
        lists[b] = out
        listCompacted[b] = out.count
        bestEdge[b] = bestSlot
        bestKey[b] = best
    }

    /// Makes vertex v the base of blossom b, re-matching the edges inside b (and recursively
    /// inside its sub-blossoms) along the even alternating path from v's sub-blossom to the
    /// old base.
    mutating func augmentBlossom(_ b0: Int, _ v0: Int) {
        var work: [(Int, Int)] = [(b0, v0)]
        while let (b, v) = work.popLast() {
            var t = v
            while Int(parent[t]) != b { t = Int(parent[t]) }
            if t >= n { work.append((t, v)) }
            var ch = children[b]
            var ln = links[b]
            let count = ch.count
            let i = ch.firstIndex(of: Int32(t))!
            var j = (i & 1) == 1 ? i + 1 : i - 2
            let step = (i & 1) == 1 ? 2 : -2
            while j >= 0 && j < count {
                let s = Int(ln[j])
                let a = owner(s)
                let c = Int(nbr[s])
                let childA = Int(ch[j])
                let childC = Int(ch[(j + 1) % count])
                if childA >= n { work.append((childA, a)) }
                if childC >= n { work.append((childC, c)) }
                mate[a] = Int32(s)
                mate[c] = rev[s]
                j += step
            }
            if i > 0 {
                ch = Array(ch[i...] + ch[..<i])
                ln = Array(ln[i...] + ln[..<i])
            }
            children[b] = ch
            links[b] = ln
            base[b] = Int32(v)
        }
    }

    /// Expands an inner blossom whose dual reached zero, relabelling its sub-blossoms so that
    /// the alternating tree stays consistent.
    mutating func expandInnerBlossom(_ b: Int) {
        let ch = children[b]
        let ln = links[b]
        let count = ch.count
        for c32 in ch {
            let c = Int(c32)
            parent[c] = -1
            label[c] = labelFree
            labelEnd[c] = -1
            if c < n {
                inBlossom[c] = c32
            } else {
                for leaf in leaves(c) { inBlossom[Int(leaf)] = c32 }
                bestEdge[c] = -1
                bestKey[c] = .max
                lists[c] = []
                listCompacted[c] = 0
            }
        }
        let entrySlot = Int(labelEnd[b])
        let entry = top(owner(entrySlot))
        let j = ch.firstIndex(of: Int32(entry))!
        var onPath = [Bool](repeating: false, count: count)
        var p = entrySlot
        if (j & 1) == 1 {
            var k = j
            while k < count {
                onPath[k] = true
                onPath[k + 1] = true
                assignLabel(owner(p), labelInner, p)
                p = Int(rev[Int(ln[k + 1])])
                k += 2
            }
        } else {
            var k = j
            while k > 0 {
                onPath[k] = true
                onPath[k - 1] = true
                assignLabel(owner(p), labelInner, p)
                p = Int(ln[k - 2])
                k -= 2
            }
        }
        onPath[0] = true
        let c0 = Int(ch[0])
        label[c0] = labelInner
        labelEnd[c0] = Int32(p)
        rootOf[c0] = rootOf[b]

        // Sub-blossoms off the path: inner if some vertex has a tight edge to an outer vertex.
        for i in 0..<count where !onPath[i] {
            let c = Int(ch[i])
            if label[c] != labelFree { continue }
            for leaf32 in leaves(c) {
                let leaf = Int(leaf32)
                if stale[leaf] != 0 {
                    stale[leaf] = 0
                    recomputeVertexBest(leaf)
                }
                let s = Int(bestEdge[leaf])
                if s >= 0 && label[top(Int(nbr[s]))] == labelOuter
                    && bestKey[leaf] - shift + dual[leaf] <= 0 {
                    assignLabel(leaf, labelInner, s)
                    break
                }
            }
        }
        recycleBlossom(b)
    }

    mutating func recycleBlossom(_ b: Int) {
        base[b] = -1
        parent[b] = -1
        children[b] = []
        links[b] = []
        lists[b] = []
        listCompacted[b] = 0
        label[b] = labelFree
        labelEnd[b] = -1
        bestEdge[b] = -1
        bestKey[b] = .max
        dual[b] = 0
        stale[b] = 0
        unusedBlossoms.append(Int32(b))
    }

    // MARK: Augmentation

    /// Augments along the path root(v) … v – w … root(w) and dissolves the two trees.
    mutating func augment(from v: Int, slot: Int) {
        let w = Int(nbr[slot])
        let r1 = rootOf[top(v)], r2 = rootOf[top(w)]
        for side in 0..<2 {
            var x = side == 0 ? v : w
            var p = side == 0 ? slot : Int(rev[slot])
            while true {
                let bx = top(x)
                if bx >= n { augmentBlossom(bx, x) }
                mate[x] = Int32(p)
                let le = Int(labelEnd[bx])
                if le < 0 { break }
                let bt = top(Int(nbr[le]))
                let l2 = Int(labelEnd[bt])
                let j = owner(l2)
                if bt >= n { augmentBlossom(bt, j) }
                mate[j] = Int32(l2)
                x = Int(nbr[l2])
                p = Int(rev[l2])
            }
        }
        freeCount -= 2
        dissolveTrees(r1, r2)
    }

    /// Removes the labels of the two trees rooted at r1 and r2 and expands their outer
    /// blossoms with zero dual. Least-slack records that may refer to the dissolved trees are
    /// marked stale and recomputed before the next dual step (`refreshStale`).
    mutating func dissolveTrees(_ r1: Int32, _ r2: Int32) {
        let st = nextStamp()
        var tops = [Int]()
        for v in 0..<n {
            let b = top(v)
            if label[b] != labelFree && (rootOf[b] == r1 || rootOf[b] == r2) && mark[b] != st {
                mark[b] = st
                tops.append(b)
            }
        }
        for b in tops {
            let wasOuter = label[b] == labelOuter
            label[b] = labelFree
            labelEnd[b] = -1
            if b >= n {
                bestEdge[b] = -1
                bestKey[b] = .max
                lists[b] = []
                listCompacted[b] = 0
                stale[b] = 0
            }
            if wasOuter {
                // Former outer vertices hold no vertex-level least-slack edge.
                for leaf in leaves(b) { markStale(Int(leaf)) }
                if b >= n && dual[b] == 0 { expandFreeBlossom(b) }
            }
        }
        // Non-outer vertices and outer tops whose least-slack edge led into a dissolved tree.
        for v in 0..<n where stale[v] == 0 {
            let s = Int(bestEdge[v])
            if s < 0 || label[top(Int(nbr[s]))] == labelOuter { continue }
            let bv = top(v)
            if label[bv] != labelOuter || bv == v { markStale(v) }
        }
        for b in n..<(2 * n) where base[b] >= 0 && parent[b] < 0 && label[b] == labelOuter && stale[b] == 0 {
            let s = Int(bestEdge[b])
            if s >= 0 && label[top(Int(nbr[s]))] != labelOuter { markStale(b) }
        }
    }

    @inline(__always) mutating func markStale(_ x: Int) {
        if stale[x] == 0 {
            stale[x] = 1
            staleList.append(Int32(x))
        }
    }

    /// Recomputes the stale least-slack records needed for the next dual step: those of
    /// unlabelled vertices and of outer tops. Inner vertices stay stale (their record is only
    /// needed once they become unlabelled, or when their blossom is expanded); vertices inside
    /// outer blossoms need no vertex-level record.
    mutating func refreshStale() {
        if staleList.isEmpty { return }
        var keep = 0
        for idx in 0..<staleList.count {
            let x = Int(staleList[idx])
            if stale[x] == 0 { continue }
            if x >= n {
                stale[x] = 0
                if base[x] >= 0 && parent[x] < 0 && label[x] == labelOuter { compactList(x) }
                continue
            }
            let bx = top(x)
            let l = label[bx]
            if l == labelInner {
                staleList[keep] = Int32(x)
                keep += 1
                continue
            }
            stale[x] = 0
            if l == labelFree {
                recomputeVertexBest(x)
            } else if bx == x {
                recomputeTrivialOuterBest(x)
            }
        }
        staleList.removeLast(staleList.count - keep)
    }

    /// Expands an unlabelled blossom with zero dual (and nested ones with zero dual).
    mutating func expandFreeBlossom(_ b0: Int) {
        var work = [b0]
        while let b = work.popLast() {
            for c32 in children[b] {
                let c = Int(c32)
                parent[c] = -1
                label[c] = labelFree
                labelEnd[c] = -1
                if c < n {
                    inBlossom[c] = c32
                } else if dual[c] == 0 {
                    work.append(c)
                } else {
                    for leaf in leaves(c) { inBlossom[Int(leaf)] = c32 }
                    bestEdge[c] = -1
                    bestKey[c] = .max
                    lists[c] = []
                    listCompacted[c] = 0
                    stale[c] = 0
                }
            }
            recycleBlossom(b)
        }
    }

    /// Least-slack edge from the non-outer vertex w to any outer vertex, by a full scan.
    mutating func recomputeVertexBest(_ w: Int) {
        var best = Int64.max
        var bestSlot: Int32 = -1
        let sh = shift
        let first = adjStart[w], end = adjEnd[w]
        if first < end {
            let middle = first + nextRotation(end - first)
            for pass in 0..<2 {
                let lo = pass == 0 ? middle : first
                let hi = pass == 0 ? end : middle
                for s in lo..<hi {
                    let x = Int(nbr[s])
                    if label[Int(inBlossom[x])] == labelOuter {
                        let key = dual[x] + sh - 2 * wgt[s]
                        if key < best { best = key; bestSlot = Int32(s) }
                    }
                }
            }
        }
        bestEdge[w] = bestSlot
        bestKey[w] = best
    }

    /// Least-slack edge from the trivial outer top v to another outer top, by a full scan.
    mutating func recomputeTrivialOuterBest(_ v: Int) {
        var best = Int64.max
        var bestSlot: Int32 = -1
        let base2 = dual[v] + 2 * shift
        let first = adjStart[v], end = adjEnd[v]
        if first < end {
            let middle = first + nextRotation(end - first)
            for pass in 0..<2 {
                let lo = pass == 0 ? middle : first
                let hi = pass == 0 ? end : middle
                for s in lo..<hi {
                    let y = Int(nbr[s])
                    let by = Int(inBlossom[y])
                    if by != v && label[by] == labelOuter {
                        let key = base2 + dual[y] - 2 * wgt[s]
                        if key < best { best = key; bestSlot = Int32(s) }
                    }
                }
            }
        }
        bestEdge[v] = bestSlot
        bestKey[v] = best
    }

    // MARK: Result

    func makeResult() -> WeightedMatching.Result {
        var partner = [Int32](repeating: -1, count: n)
        var weight: Int64 = 0
        var cardinality = 0
        for v in 0..<n {
            let s = Int(mate[v])
            if s < 0 { continue }
            let u = Int(nbr[s])
            partner[v] = Int32(u)
            if v < u {
                weight += wgt[s]
                cardinality += 1
            }
        }
        var blossoms = [(members: [Int32], dual: Int64)]()
        for b in n..<(2 * n) where base[b] >= 0 && dual[b] > 0 {
            blossoms.append((members: leaves(b).sorted(), dual: 2 * dual[b]))
        }
        return WeightedMatching.Result(
            mate: partner,
            weight: weight,
            cardinality: cardinality,
            vertexDual: Array(dual[0..<n]),
            blossoms: blossoms,
            tutteBergeBarrier: barrier.sorted(),
            isVerified: false)
    }
}
