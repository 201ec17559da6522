// swift-tools-version:6.0
import PackageDescription

// A program that embeds MarketLink the way any other package would: through a dependency on
// the package (here its path, one folder up) and only its public API. CI builds and runs it
// (.ci/run) and checks what it prints against the fixtures' own closes and the README.
let package = Package(
    name: "MarketLinkExamples",
    dependencies: [.package(name: "MarketLink", path: "..")],
    targets: [
        // "MarketLink" names the library product of the package above, whatever its folder is called.
        .executableTarget(name: "djia-move", dependencies: [.product(name: "MarketLink", package: "MarketLink")])
    ]
)
