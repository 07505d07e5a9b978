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
        .executableTarget(
            name: "mingle",
            dependencies: [
                "Mingle",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MingleGLPKTests", dependencies: ["MingleGLPK"]),
        .testTarget(name: "MingleTests", dependencies: ["Mingle"], exclude: ["Fixtures"]),
        .testTarget(name: "CLITests", dependencies: ["Mingle", "mingle"]),
    ]
)
