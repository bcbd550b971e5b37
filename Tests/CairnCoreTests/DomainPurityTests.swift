import Foundation
import Testing

/// The domain is values and rules: it imports Foundation, and CairnWords for the words it shows,
/// only, and holds no lock, thread or unsafe memory. Those belong to the layers that read and write files and share work between
/// cores (the store's snapshot), where a reader of the domain never meets them.
@Suite struct DomainPurityTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/CairnCore")

    @Test func the_domain_imports_foundation_and_its_words_only_and_holds_no_lock_thread_or_unsafe_memory() throws {
        let walk = try #require(FileManager.default.enumerator(atPath: Self.sources.path))
        let files = walk.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 40, "the domain's sources are found")
        let forbidden = [
            "import Synchronization", "import Dispatch", "DispatchQueue", "NSLock", "Mutex", "Atomic", "Unsafe", "unsafe",
            "@unchecked", "Thread",
        ]
        for file in files {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            for word in forbidden { #expect(!text.contains(word), "CairnCore/\(file) holds “\(word)”") }
            let imports = text.split(separator: "\n").filter { $0.hasPrefix("import ") || $0.hasPrefix("@preconcurrency import ") }
            #expect(
                imports.allSatisfy { $0.hasSuffix("import Foundation") || $0.hasSuffix("import CairnWords") },
                "CairnCore/\(file) imports \(imports)")
        }
    }
}
