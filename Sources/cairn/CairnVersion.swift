/// What `cairn --version` prints.
///
/// The build records no git revision (SwiftPM passes none to the compiler), so the line names
/// only the release; a revision it could not vouch for is not printed.
enum CairnVersion {
    static let number = "0.1.0"
    static let line = "cairn \(number)"

    /// `--version` and `-V` alone, answered without the argument parser, as quickly as a script
    /// that checks what is installed expects.
    static func isRequest(_ args: [String]) -> Bool {
        args == ["--version"] || args == ["-V"]
    }
}
