/// One `.po` entry made into text: read from where its first keyword stands to the blank
/// line, comment or next entry that ends it. The file was checked when it was indexed.
struct CatalogueEntry {
    var context: String?
    var id: String?
    var plural: String?
    /// `msgstr`, or `msgstr[0]`, `msgstr[1]`…: a form missing between two is empty.
    var forms: [String] = []

    /// What shows: every form of a plural message, the one form of another; nil when a form
    /// is empty (untranslated), so that English shows.
    var shown: [String]? {
        let forms = plural == nil ? Array(forms.prefix(1)) : forms
        guard !forms.isEmpty, forms.allSatisfy({ !$0.isEmpty }) else { return nil }
        return forms
    }

    private enum Field {
        case context, id, plural
        case form(Int)
    }

    init(_ bytes: [UInt8], at offset: Int) throws(Catalogue.Problem) {
        var field: Field?
        var lineStart = offset
        while lineStart < bytes.count {
            var end = lineStart
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            defer { lineStart = end + 1 }
            let line = Catalogue.trimmed(bytes[lineStart..<end])
            guard let first = line.first, first != 0x23 else { return }  // a blank line or a comment
            if first == 0x22 {
                guard let field else { return }
                append(try Self.unquote(line, line: 0), to: field)
                continue
            }
            guard let space = line.firstIndex(of: 0x20) else { return }
            let keyword = line[..<space]
            let value = try Self.unquote(Catalogue.trimmed(line[(space + 1)...]), line: 0)
            if keyword.elementsEqual("msgctxt".utf8) {
                guard id == nil, context == nil else { return }
                field = .context
            } else if keyword.elementsEqual("msgid".utf8) {
                guard id == nil else { return }
                field = .id
            } else if keyword.elementsEqual("msgid_plural".utf8) {
                field = .plural
            } else if keyword.elementsEqual("msgstr".utf8) {
                field = .form(0)
            } else if let n = Self.formNumber(keyword) {
                field = .form(n)
            } else {
                return
            }
            append(value, to: field!)
        }
    }

    private mutating func append(_ text: String, to field: Field) {
        switch field {
        case .context: context = (context ?? "") + text
        case .id: id = (id ?? "") + text
        case .plural: plural = (plural ?? "") + text
        case .form(let n):
            while forms.count <= n { forms.append("") }
            forms[n] += text
        }
    }

    /// N of a `msgstr[N]` keyword, for N from 0 to 7; nil for any other word.
    static func formNumber<Bytes: RandomAccessCollection<UInt8>>(_ keyword: Bytes) -> Int? {
        guard keyword.count == 9, keyword.starts(with: "msgstr[".utf8), keyword.last == 0x5D else { return nil }
        let digit = keyword[keyword.index(keyword.startIndex, offsetBy: 7)]
        guard digit >= 0x30, digit <= 0x37 else { return nil }
        return Int(digit - 0x30)
    }

    /// The byte a backslash and `byte` stand for: `\n`, `\t`, `\"` and `\\` as C has them.
    static func escaped(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x6E: return 0x0A  // \n
        case 0x74: return 0x09  // \t
        case 0x22, 0x5C: return byte  // \" and \\
        default: return nil
        }
    }

    /// A quoted `.po` string's text.
    static func unquote(_ quoted: ArraySlice<UInt8>, line: Int) throws(Catalogue.Problem) -> String {
        guard quoted.count >= 2, quoted.first == 0x22, quoted.last == 0x22 else {
            throw Catalogue.Problem(line: line, reason: "a string must be in double quotes")
        }
        var out: [UInt8] = []
        out.reserveCapacity(quoted.count)
        var escaped = false
        for byte in quoted.dropFirst().dropLast() {
            if escaped {
                guard let meant = Self.escaped(byte) else {
                    throw Catalogue.Problem(line: line, reason: "a string holds an escape a catalogue may not use")
                }
                out.append(meant)
                escaped = false
            } else if byte == 0x5C {
                escaped = true
            } else {
                out.append(byte)
            }
        }
        guard !escaped else { throw Catalogue.Problem(line: line, reason: "a string ends in a lone backslash") }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Catalogue {
    /// A line without spaces, tabs and carriage returns at either end.
    static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let first = line.firstIndex(where: { !CatalogueScan.isBlank($0) }),
            let last = line.lastIndex(where: { !CatalogueScan.isBlank($0) })
        else { return [] }
        return line[first...last]
    }
}
