// swift-tools-version: 6.0
import PackageDescription

// Layers (see README, "Design notes"): CairnWords <- CairnCore <- CairnStore; CairnCore <- CairnReports; TermUI, CairnReports <- CairnApp;
// CursesTerminal is the only user of CNcurses; CairnRuntime runs the loop over any TermUI.Terminal;
// the `cairn` executable wires them together.
// A release binary carries the Swift runtime and Foundation rather than binding twenty shared
// libraries' symbols at every start, a third of a small command's time; it also runs where
// Swift is not installed. Linked by lld: the GNU linkers warn of a `mktemp` in Foundation's
// own archive. Compiled so too, as the static Foundation's modules name the archives it needs.
let releaseLinking: [LinkerSetting] = [.unsafeFlags(["-static-stdlib", "-use-ld=lld"], .when(configuration: .release))]
let releaseCompiling: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]

let package = Package(
    name: "Cairn",
    products: [
        .executable(name: "cairn", targets: ["cairn"]),
        .executable(name: "cairn-bench", targets: ["cairn-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // SHA-256 for the journals' hash chains (BoringSSL's, fast; Foundation has none on Linux).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Only the tests use it: another reader of CSV reads Cairn's exports back.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // Only the tests use it: generators of random interleavings of edits and syncs, and their shrinking.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // No pkgConfig: SwiftPM refuses the -D flags ncursesw.pc gives (a warning on every build);
        // the shim header defines them itself and the module map links ncursesw.
        .systemLibrary(
            name: "CNcurses",
            path: "Sources/CNcurses",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(name: "CairnCore", dependencies: ["CairnWords"]),
        // The words Cairn shows, in each language: gettext catalogues read in Swift, so that a
        // language works whether or not the machine has its locale.
        .target(name: "CairnWords", resources: [.copy("../../Resources/po")]),
        .target(
            name: "CairnStore",
            dependencies: ["CairnCore", "CairnWords", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("../../Resources/examples"), .copy("../../Resources/phase-words.txt"), .copy("../../Resources/inspiration")]
        ),
        // One report model, drawn as Markdown and as HTML; the domain only, so a screen can show it too.
        .target(name: "CairnReports", dependencies: ["CairnCore", "CairnWords"]),
        .target(name: "TermUI"),
        .target(name: "CairnApp", dependencies: ["CairnCore", "TermUI", "CairnReports", "CairnWords"]),
        .target(name: "CTerminalSignals"),
        // One call to glibc's allocator (mallopt), which Swift's Glibc module does not show.
        .target(name: "CMemory"),
        .target(name: "CursesTerminal", dependencies: ["TermUI", "CNcurses", "CTerminalSignals"]),
        // The run loop, its one effect interpreter and the background jobs, over a terminal protocol.
        .target(name: "CairnRuntime", dependencies: ["CairnCore", "CairnStore", "CairnReports", "TermUI", "CairnApp", "CairnWords"]),
        .executableTarget(
            name: "cairn",
            dependencies: [
                "CairnCore", "CairnStore", "CairnReports", "TermUI", "CairnApp", "CairnRuntime", "CursesTerminal", "CMemory", "CairnWords",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: releaseCompiling,
            linkerSettings: releaseLinking
        ),
        .executableTarget(
            name: "cairn-bench",
            dependencies: ["CairnCore", "CairnStore", "TermUI", "CairnApp", "CairnWords"],
            swiftSettings: releaseCompiling,
            linkerSettings: releaseLinking
        ),
        .testTarget(name: "CairnCoreTests", dependencies: ["CairnCore", "CairnWords"]),
        .testTarget(name: "CairnWordsTests", dependencies: ["CairnWords"]),
        .testTarget(
            name: "CairnStoreTests",
            dependencies: [
                "CairnCore", "CairnStore", "CairnWords", .product(name: "CSV", package: "CSV.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]),
        .testTarget(name: "CairnReportsTests", dependencies: ["CairnCore", "CairnStore", "CairnReports", "CairnWords"]),
        .testTarget(name: "TermUITests", dependencies: ["TermUI"]),
        // The store too: the first frame is drawn from a snapshot's bytes as a start reads them.
        .testTarget(
            name: "CairnAppTests", dependencies: ["CairnCore", "CairnStore", "TermUI", "CairnApp", "CairnReports", "CairnWords"],
            exclude: ["__Snapshots__"]),
        // The run loop over a TestTerminal and a temporary store on disk: keys to frames and journal.
        .testTarget(
            name: "CairnRuntimeTests", dependencies: ["CairnCore", "CairnStore", "TermUI", "CairnApp", "CairnRuntime", "CairnWords"]),
        // Depends on the executables so that `swift test` builds them; the tests drive them in tmux.
        .testTarget(name: "EndToEndTests", dependencies: ["cairn", "cairn-bench", "CairnCore", "CairnStore"]),
    ]
)
