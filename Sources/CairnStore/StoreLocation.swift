import Foundation

/// Where the store lives: `--store DIR`, else `$CAIRN_STORE`, else `$XDG_DATA_HOME/cairn`,
/// else `~/.local/share/cairn`.
public enum StoreLocation {
    public static func resolve(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let flag, !flag.isEmpty { return URL(fileURLWithPath: flag) }
        if let path = environment["CAIRN_STORE"], !path.isEmpty { return URL(fileURLWithPath: path) }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("cairn")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/cairn")
    }
}
