import Glibc

/// A catalogue's bytes read straight from the resources SwiftPM puts beside the executable,
/// without Foundation's `Bundle`: made cold at a session's start, a bundle cost several times
/// the reading of the catalogue itself, on the thread beside the one drawing the first frame.
enum CatalogueFile {
    static let resources = "Cairn_CairnWords.resources"

    /// The `.po` file of `code` beside the running executable, or nil when it is not there.
    static func bytes(_ code: String) -> [UInt8]? {
        guard let folder = executableFolder() else { return nil }
        return read(folder + "/" + resources + "/po/" + code + ".po")
    }

    static func executableFolder() -> String? {
        var path = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &path, path.count - 1)
        guard n > 0 else { return nil }
        let full = String(decoding: path[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = full.lastIndex(of: "/") else { return nil }
        return String(full[..<slash])
    }

    /// A whole regular file's bytes; nil when it cannot be opened or read whole.
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let got = Glibc.read(fd, buffer.baseAddress! + count, size - count)
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { break }
                count += got
            }
            complete = count == size
        }
        return complete ? bytes : nil
    }
}
