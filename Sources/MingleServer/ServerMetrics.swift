import Prometheus

/// What `/metrics` reports, in Prometheus text: requests by route and status,
/// solve seconds, solves in flight and requests queued.
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let solveSeconds: ValueHistogram
    let inFlight: Gauge
    let queued: Gauge

    init() {
        solveSeconds = registry.makeValueHistogram(
            name: "mingle_solve_seconds", buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
            help: "Seconds per solve, from its start on a solve slot to its output")
        inFlight = registry.makeGauge(name: "mingle_solves_in_flight", help: "Solves running now")
        queued = registry.makeGauge(name: "mingle_requests_queued", help: "Requests waiting for a solve slot")
    }

    func request(route: String, status: Int) {
        registry.makeCounter(name: "mingle_http_requests_total", labels: [("route", route), ("status", String(status))],
                             help: "HTTP requests by route and status").increment()
    }

    func record(_ gate: SolveGate) {
        let load = gate.load
        inFlight.set(Double(load.running))
        queued.set(Double(load.waiting))
    }

    /// The Prometheus text exposition.
    func text() -> [UInt8] { registry.emitToBuffer() }
}
