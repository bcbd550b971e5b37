import CairnCore

/// The tables that are one kind of record each, a column a field, read through the kind's
/// description: the id first, then a code someone else gives it, then the fields in a form's
/// order.
extension CSVExport {
    static func records<R: DescribedRecord>(_ list: [R]) -> [[String]] {
        var header = Cells(header: true)
        var blank = R.blank
        blank.visitFields(&header)
        var rows = [header.cells]
        rows.reserveCapacity(list.count + 1)
        let width = header.cells.count
        for record in list {
            var cells = Cells(header: false)
            cells.cells.reserveCapacity(width)
            var r = record
            r.visitFields(&cells)
            rows.append(cells.cells)
        }
        return rows
    }

    /// A record's cells as text; a list of words is separated by spaces, as a spreadsheet's
    /// filter splits it.
    private struct Cells: UniformFieldVisitor {
        /// The keys rather than the values: the header row.
        let header: Bool
        var cells: [String] = []
        /// Where the first cell after the id and the codes goes.
        var codes = 0

        mutating func field<V: FieldType>(_ key: String, _ value: inout V, _ traits: FieldTraits) {
            put(header ? key : value.fieldText, traits)
        }

        mutating func words<W: Vocabulary>(_ key: String, _ value: inout [W], _ traits: FieldTraits) {
            put(header ? key : value.map { $0.rawValue }.joined(separator: " "), traits)
        }

        private mutating func put(_ cell: String, _ traits: FieldTraits) {
            if traits.contains(.identity) || traits.contains(.code) {
                cells.insert(cell, at: codes)
                codes += 1
            } else {
                cells.append(cell)
            }
        }
    }
}
