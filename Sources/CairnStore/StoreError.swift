/// A failure of the store itself (the disk, a permission), phrased for the person who must act on it.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// Why, without what was being done: for a caller that says what in its own words.
    var reason: String?
    public init(_ message: String) { self.message = message }
    init(_ message: String, reason: String) {
        self.message = message
        self.reason = reason
    }
    public var description: String { message }

    /// The failed call's `errno` said by the system, in the sentence `say` makes of it (a
    /// whole sentence, so that each language orders it its own way).
    static func posix(_ say: (_ reason: String) -> String) -> StoreError {
        StoreError(say(String(cString: strerror(errno))))
    }
}

#if canImport(Glibc)
    import Glibc
#endif
