// swift-tools-version:6.0
// The fuzz harness of Mingle: a libFuzzer target over every reader (session,
// parts, history, program, output, members CSV) and `solve`. A package of its
// own, so that `-sanitize=fuzzer` never touches the main build. Run it with
// `scripts/fuzz` (README, "Fuzzing").
import PackageDescription

let package = Package(
    name: "MingleFuzz",
    dependencies: [.package(name: "Mingle", path: "..")],
    targets: [
        // -parse-as-library: no `main` of Swift's own; libFuzzer brings it.
        .executableTarget(name: "MingleFuzz", dependencies: [.product(name: "Mingle", package: "Mingle")],
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ]
)
