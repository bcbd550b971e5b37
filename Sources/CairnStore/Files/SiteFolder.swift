import CairnWords
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The folder `cairn publish` writes a site into. It is the publisher's own: made when
/// missing, and marked by a small manifest naming the files publish wrote, so that a second
/// publish replaces them and removes those no longer made (a cluster deleted since), and so
/// that a folder holding anything else is refused rather than mixed into or emptied.
public enum SiteFolder {
    /// The manifest's name: hidden, so that a reader of the folder sees only the pages.
    public static let manifest = ".cairn-site"
    /// The manifest's first line, which tells it from a file of the same name publish did not write.
    static let marker = "# written by cairn publish: the files of this site, one a line"

    /// Writes `files` into `folder`, each whole or not at all (a temporary file renamed into
    /// place), then removes the files an earlier publish made that are not among them. Files
    /// in the folder that no publish made are left alone.
    ///
    /// - Parameter files: plain file names (no folder, no dot first) and their bytes.
    /// - Throws: a one-line `StoreError` when the folder is a link, not a folder, holds files
    ///   no publish made, or cannot be written; nothing is removed then.
    public static func publish(_ files: [(name: String, data: Data)], to folder: URL, access: StoreAccess) throws(StoreError) {
        for file in files where !isPlainName(file.name) {
            throw StoreError(Words.say("“{name}” is not a plain file name; nothing was written", context: "store", ["name": file.name]))
        }
        let earlier = try claim(folder, access: access)
        let names = Set(files.map(\.name))
        // The manifest names every file that may be there while they are written: a publish cut
        // short leaves none that the next one would not recognise as its own.
        try writeManifest(earlier.union(names), in: folder, access: access)
        // Each page whole (renamed into place), flushed together at the end: one flush a file
        // was nearly all of a national store's publish (6,000 files) on a busy disk.
        for file in files {
            try StoreFiles.write(file.data, to: folder.appendingPathComponent(file.name), mode: access.fileMode, flushed: false, store: nil)
        }
        flush()
        for gone in earlier.subtracting(names) {
            let path = folder.appendingPathComponent(gone).path
            if unlink(path) != 0, errno != ENOENT {
                throw StoreError.posix {
                    Words.say("cannot remove the old page {path}: {reason}", context: "store", ["path": path, "reason": $0])
                }
            }
        }
        try writeManifest(names, in: folder, access: access)
    }

    /// Makes `folder` when it is missing, or checks that it is publish's own (empty, or with
    /// publish's manifest), and returns the names its manifest lists.
    static func claim(_ folder: URL, access: StoreAccess) throws(StoreError) -> Set<String> {
        let path = folder.path
        var info = stat()
        guard lstat(path, &info) == 0 else {
            guard errno == ENOENT else {
                throw StoreError.posix { Words.say("cannot read {path}: {reason}", context: "store", ["path": path, "reason": $0]) }
            }
            try StoreFiles.createFolder(folder, mode: access.folderMode, store: nil)
            return []
        }
        switch info.st_mode & S_IFMT {
        case S_IFLNK:
            throw StoreError(
                Words.say(
                    "{path} is a symbolic link: give the folder itself, or a new folder's path; nothing was written", context: "store",
                    ["path": path]))
        case S_IFDIR: break
        default:
            throw StoreError(
                Words.say(
                    "{path} is a file, not a folder: give a new or empty folder's path; nothing was written", context: "store",
                    ["path": path]))

        }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw StoreError.posix { Words.say("cannot read the folder {path}: {reason}", context: "store", ["path": path, "reason": $0]) }
        }
        if entries.isEmpty { return [] }
        guard let listed = readManifest(in: folder) else {
            throw StoreError(
                Words.say(
                    "{path} already holds files that cairn publish did not write: give a new or empty folder, or one publish wrote before; nothing was written",
                    context: "store",
                    ["path": path])

            )
        }
        return listed
    }

    /// The names the manifest lists, or nil when there is no manifest of publish's (none, a
    /// link, or a file that does not start with the marker). Names that are not plain are
    /// dropped: whatever the file says, nothing outside the folder is ever removed.
    static func readManifest(in folder: URL) -> Set<String>? {
        let fd = open(folder.appendingPathComponent(manifest).path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size < 16 << 20 else { return nil }
        guard let bytes = try? FileHandle(fileDescriptor: fd, closeOnDealloc: false).readToEnd() ?? Data() else { return nil }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        guard lines.first == marker else { return nil }
        return Set(lines.dropFirst().filter(isPlainName))
    }

    /// Flushes what was written to the disk. Glibc's `syncfs`, which would flush the folder's
    /// file system alone, is not visible from Swift; `sync` flushes every one, once.
    static func flush() {
        sync()
    }

    static func writeManifest(_ names: Set<String>, in folder: URL, access: StoreAccess) throws(StoreError) {
        let text = ([marker] + names.sorted()).joined(separator: "\n") + "\n"
        try StoreFiles.write(Data(text.utf8), to: folder.appendingPathComponent(manifest), mode: access.fileMode, store: nil)
    }

    /// A name for a file right in the folder: not empty, no slash, no dot first (so neither
    /// `.` nor `..` nor the manifest), no control character.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.unicodeScalars.contains { $0 == "/" || $0.value < 0x20 || $0.value == 0x7F }
    }
}
