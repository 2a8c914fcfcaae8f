// swift-tools-version:6.0
// A minimal reproduction of a Swift compiler crash that GoTomError works around; see README.md beside this file.
import PackageDescription

let package = Package(
    name: "TypedThrowsCatchCrash",
    targets: [
        .target(name: "ThrowingLibrary"),
        .executableTarget(name: "Catcher", dependencies: ["ThrowingLibrary"]),
    ],
    swiftLanguageModes: [.v6]
)
