// swift-tools-version:6.1
import PackageDescription

// Benchmarks live in their own package so that the main package and CI never
// build the benchmark framework. Run from this folder:
//   swift package benchmark                      (ordo-one/benchmark: time, memory)
//   swift run -c release ScaleBenchmark --mingle ../.build/release/mingle   (not a benchmark-plugin target)
//                                                (issue 4: 10k to 1M participants end to end)
let package = Package(
    name: "MingleBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Mingle", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "SolverBenchmarks",
            dependencies: [
                .product(name: "Mingle", package: "Mingle"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/SolverBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ScaleBenchmark",
            dependencies: [.product(name: "Mingle", package: "Mingle")],
            path: "Sources/ScaleBenchmark"
        ),
    ]
)
