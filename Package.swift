// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Mingle",
    products: [
        .library(name: "Mingle", targets: ["Mingle"]),
        .executable(name: "mingle", targets: ["mingle"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // The HTTP service (`mingle serve`) only; the Mingle library depends on none of these.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // C libraries from Debian, each wrapped in a system-library target.
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK"),
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS"),
        // The only Swift target that imports CGLPK: a thin, typed wrapper.
        .target(name: "MingleGLPK", dependencies: ["CGLPK"]),
        // The library backends import.
        .target(name: "Mingle", dependencies: [
            "MingleGLPK", "CBLAS",
            .product(name: "SwiftCSV", package: "SwiftCSV"),
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // `mingle serve`: the HTTP service over the library.
        .target(name: "MingleServer", dependencies: [
            "Mingle",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ], resources: [.embedInCode("openapi.yaml")]),  // a link to docs/openapi.yaml, served as is
        .executableTarget(
            name: "mingle",
            dependencies: [
                "Mingle", "MingleServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MingleGLPKTests", dependencies: ["MingleGLPK"]),
        .testTarget(name: "MingleTests", dependencies: ["Mingle"], exclude: ["Fixtures"]),
        .testTarget(name: "CLITests", dependencies: ["Mingle", "mingle"]),
        .testTarget(name: "MingleServerTests", dependencies: [
            "MingleServer",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
    ]
)
