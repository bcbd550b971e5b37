import Synchronization

/// A `.po` file's bytes with where each entry starts, found by a hash of its key's bytes (the
/// context, a 0x04 byte, the English text: gettext's own joining): no text is made until a
/// message is asked for. Every line is checked when the file is read, so a broken catalogue
/// is refused whole, with its line, as before.
final class CatalogueIndex: Sendable {
    let bytes: [UInt8]
    /// Each entry's offset by its key's hash; `others` holds the rare second entry whose key
    /// hashes the same.
    private let starts: [UInt64: Int]
    private let others: [UInt64: [Int]]
    private let header: Int?
    /// Messages already made, by their key's hash, with the key they were made for.
    private let made = Mutex<[UInt64: (key: Catalogue.Key, forms: [String]?)]>([:])
    private let whole = Mutex<[Catalogue.Key: [String]]?>(nil)

    init(_ bytes: [UInt8]) throws(Catalogue.Problem) {
        self.bytes = bytes
        var scan = CatalogueScan()
        try scan.read(bytes)
        starts = scan.starts
        others = scan.others
        header = scan.header
    }

    var count: Int { starts.count + others.values.reduce(0) { $0 + $1.count } }

    /// The header's plural rule, nil when it names none.
    func pluralRule() throws(Catalogue.Problem) -> PluralRule? {
        guard let header, let text = (try? CatalogueEntry(bytes, at: header))?.forms.first else { return nil }
        var rule: PluralRule?
        for line in text.split(separator: "\n") where line.hasPrefix("Plural-Forms:") {
            guard let read = PluralRule(header: String(line.dropFirst("Plural-Forms:".count))) else {
                throw Catalogue.Problem(line: 1, reason: "the header's Plural-Forms cannot be read")
            }
            rule = read
        }
        return rule
    }

    func forms(_ id: String, context: String?) -> [String]? {
        var hash = KeyHash()
        if let context {
            hash.add(context)
            hash.add(0x04)
        }
        hash.add(id)
        guard let first = starts[hash.value] else { return nil }
        let key = Catalogue.Key(id, context: context)
        if let known = made.withLock({ $0[hash.value] }), known.key == key { return known.forms }
        for start in [first] + (others[hash.value] ?? []) {
            guard let entry = try? CatalogueEntry(bytes, at: start), entry.id == id, entry.context == context else { continue }
            let forms = entry.shown
            made.withLock { $0[hash.value] = (key, forms) }
            return forms
        }
        return nil
    }

    /// Every entry's translation, by its key: made once, when first asked for (only the tests,
    /// which ask for it often, and a program never).
    func all() -> [Catalogue.Key: [String]] {
        whole.withLock { whole in
            if let whole { return whole }
            var all: [Catalogue.Key: [String]] = [:]
            for start in Array(starts.values) + others.values.joined() {
                guard let entry = try? CatalogueEntry(bytes, at: start), let id = entry.id, let forms = entry.shown else { continue }
                all[Catalogue.Key(id, context: entry.context)] = forms
            }
            whole = all
            return all
        }
    }
}

/// A key's hash, taken eight bytes at a time and the same however the bytes come: one by
/// one from a string with escapes, in runs from the lines a long key is split over, or whole
/// from a key asked for. A catalogue's keys are a third of its bytes, and all are hashed
/// when it is read.
struct KeyHash {
    private var state: UInt64 = 0x243f_6a88_85a3_08d3
    private var pending: UInt64 = 0
    private var pendingCount = 0
    private var length = 0

    mutating func add(_ byte: UInt8) {
        pending |= UInt64(byte) << UInt64(pendingCount * 8)
        pendingCount += 1
        length += 1
        if pendingCount == 8 {
            mix(pending)
            pending = 0
            pendingCount = 0
        }
    }

    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        var i = 0
        while pendingCount != 0, i < bytes.count {
            add(bytes[i])
            i += 1
        }
        let raw = UnsafeRawBufferPointer(bytes)
        let whole = i
        while i + 8 <= bytes.count {
            mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            i += 8
        }
        length += i - whole
        while i < bytes.count {
            add(bytes[i])
            i += 1
        }
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add($0) }
    }

    private mutating func mix(_ word: UInt64) {
        state = (state ^ word) &* 0x9e37_79b9_7f4a_7c15
        state ^= state >> 31
    }

    var value: UInt64 {
        var copy = self
        copy.mix(pending)
        copy.mix(UInt64(length))
        return copy.state
    }
}
