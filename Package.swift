// swift-tools-version:6.0
import PackageDescription

// MarketLink has no package dependencies: only the toolchain's Foundation, Dispatch,
// XCTest and Swift Testing. Keep it that way.
let package = Package(
    name: "MarketLink",
    products: [
        .library(name: "MarketLink", targets: ["MarketLink"]),
        .executable(name: "mlink", targets: ["mlink"]),
    ],
    targets: [
        .target(name: "MarketLink"),
        .executableTarget(name: "mlink", dependencies: ["MarketLink"]),
        .testTarget(
            name: "MarketLinkTests",
            dependencies: ["MarketLink", "mlink"],
            // Hand derivations and golden files live beside the tests that use them.
            exclude: [
                "Charts/Derivations", "Charts/Golden", "Events/Derivations", "Report/Derivations", "Report/Golden", "Statistics/Derivations", "Study/Derivations",
            ]
        ),
    ]
)
