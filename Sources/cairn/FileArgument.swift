import CairnStore
import Foundation

/// A file named on the command line, read whole; when it cannot be, an error that says why.
enum FileArgument {
    static func read(_ path: String) throws -> Data {
        do { return try RegisterFile.read(path) } catch { throw CLIError(error.message) }
    }
}
