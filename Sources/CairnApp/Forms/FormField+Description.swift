import CairnCore
import CairnWords

/// A form built from a kind's one description (`RecordFields`): each field as the description
/// labels and asks for it, filled from the record; what is typed is set back through it too.
extension FormField {
    static func describing(_ field: RecordFields.Field, of record: Record) -> FormField {
        let value = field.text(of: record)
        switch field.input {
        case .line: return FormField(field.name, field.label, text: value, hint: field.hint)
        case .longText: return .longText(field.name, field.label, text: value)
        case .choice(let options):
            return .choice(field.name, field.label, options: options, selected: value, labels: field.optionLabels)
        case .multi(let options):
            return .multi(
                field.name, field.label, options: options, chosen: Set(value.split(separator: ",").map(String.init)),
                labels: field.optionLabels)
        case .flag: return .flag(field.name, field.label, on: value == "yes")
        }
    }
}

extension RecordForms {
    /// The fields a person edits on a kind of record, as its description lists them.
    static func described(_ record: Record) -> [FormField] {
        RecordFields.fields(of: record.kind).map { FormField.describing($0, of: record) }
    }
}

extension FormSubmission {
    /// `record` with every described field set from what the form holds; a value that cannot
    /// be read (a day mistyped) goes to `issues`, named by its field.
    static func described(_ record: Record, from form: FormState, today: Day, issues: inout [FieldIssue]) -> Record {
        var r = record
        for field in RecordFields.fields(of: record.kind) where form.field(field.name) != nil {
            do {
                try field.set(form.value(field.name), on: &r, today: today)
            } catch {
                issues.append(FieldIssue(field.name, error.message))
            }
        }
        return r
    }
}
