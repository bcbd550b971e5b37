import Foundation

/// Who is making changes and from where: recorded in every journal event.
public struct Identity: Sendable, Equatable {
    public var user: String
    public var host: String

    public init(user: String, host: String) {
        self.user = user
        self.host = host
    }

    /// The login name of the effective user (as `id -un` says) and this machine's host name.
    /// An account without a passwd entry (a container's uid, a deleted user) is `uid:NNNN`:
    /// never an environment variable, which anyone can set to anything.
    public static func current() -> Identity {
        let uid = geteuid()
        var user = "uid:\(uid)"
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name, name.pointee != 0 {
            user = String(cString: name)
        }
        var buffer = [CChar](repeating: 0, count: 256)
        let host =
            gethostname(&buffer, buffer.count) == 0
            ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "localhost"
        return Identity(user: user, host: host.isEmpty ? "localhost" : host)
    }

    /// The host name made safe as a file name.
    public var fileSafeHost: String {
        String(host.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" })
    }
}
