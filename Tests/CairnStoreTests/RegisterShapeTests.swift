import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// Registers in the shapes they come in: yes/no phase columns, a code and a name for one thing,
/// each country's phase words, schools that share a name, clusters named but not numbered.
@Suite struct RegisterShapeTests {
    func plan(_ text: String, world: World = World(), _ configure: (inout ImportOptions) -> Void = { _ in }) throws -> (
        World, [Change], ImportSummary
    ) {
        var options = ImportOptions()
        configure(&options)
        let (changes, summary) = try RegisterImport.plan(try RegisterTable.read(Data(text.utf8)), options: options, world: world)
        var w = world
        w.apply(changes)
        return (w, changes, summary)
    }

    func school(_ w: World, _ name: String) throws -> School { try #require(w.schools.values.first { $0.name == name }) }

    @Test func yes_no_phase_columns_are_guessed_from_their_headers_and_shown() throws {
        let (w, _, summary) = try plan(
            """
            Código;Nome;Concelho;Pré-escolar;1.º ciclo;2.º ciclo;3.º ciclo;Secundário
            170100;Escola Básica de A-da-Gorda;Óbidos;Não;Sim;Não;Não;Não
            170200;Escola Básica e Secundária Josefa de Óbidos;Óbidos;não;não;SIM;sim;sim
            170300;Jardim de Infância de Óbidos;Óbidos;sim;;;;

            """)
        #expect(try school(w, "Escola Básica de A-da-Gorda").phases == [.primary])
        #expect(try school(w, "Escola Básica e Secundária Josefa de Óbidos").phases == [.primary, .lowerSecondary, .upperSecondary])
        #expect(try school(w, "Jardim de Infância de Óbidos").phases == [.earlyChildhood])
        let line = try #require(summary.report.first { $0.hasPrefix("phase columns: ") })
        #expect(line.contains("early-childhood ← “Pré-escolar” (yes on 1, guessed)"), "\(line)")
        #expect(line.contains("upper-secondary ← “Secundário” (yes on 1, guessed)"), "\(line)")
        #expect(summary.mapping.contains { $0.field == "municipality" && $0.column == "Concelho" })
    }

    @Test func a_phase_column_can_be_named_and_a_cell_that_is_not_yes_or_no_is_said() throws {
        let text = """
            URN,Name,Offers nursery,Sixth form
            100001,Hill Top Primary,x,
            100002,Riverside Academy,,1
            100003,Oak Lane School,maybe,0

            """
        let (w, _, summary) = try plan(text) {
            $0.phaseColumns = ["Offers nursery=early-childhood", "4=upper-secondary"]
        }
        #expect(try school(w, "Hill Top Primary").phases == [.earlyChildhood])
        #expect(try school(w, "Riverside Academy").phases == [.upperSecondary])
        #expect(try school(w, "Oak Lane School").phases.isEmpty)
        #expect(summary.report.contains("yes/no column “Offers nursery” holds “maybe” on 1 row: read as no"), "\(summary.report)")
        #expect(throws: StoreError.self) { try plan(text) { $0.phaseColumns = ["Boarding=special"] } }
        #expect(throws: StoreError.self) { try plan(text) { $0.phaseColumns = ["Sixth form=sixth-form"] } }
    }

    @Test func with_a_code_and_a_name_column_for_one_thing_the_guess_takes_the_name() throws {
        let (w, _, summary) = try plan(
            """
            school_id,school_name,municipality_id,municipality_name,region_code,region_name
            PT-1,Escola Básica Cesário Verde,1106,Lisboa,PT17,Área Metropolitana de Lisboa

            """)
        #expect(try school(w, "Escola Básica Cesário Verde").municipality == "Lisboa")
        #expect(summary.mapping.contains { $0.field == "municipality" && $0.column == "municipality_name" })
        #expect(summary.mapping.contains { $0.field == "region" && $0.column == "region_name" })
        #expect(summary.mapping.contains { $0.field == "officialId" && $0.column == "school_id" })
        let (polish, _, _) = try plan("kod_rspo;nazwa;gmina_kod;gmina_nazwa\n12345;Szkoła Podstawowa nr 3;1061011;Łódź\n")
        #expect(try school(polish, "Szkoła Podstawowa nr 3").municipality == "Łódź")
    }

    static let words: [(String, [Phase])] = [
        ("JI", [.earlyChildhood]), ("EB1", [.primary]), ("EB 2,3", [.primary, .lowerSecondary]), ("ES", [.upperSecondary]),
        ("kleuter", [.earlyChildhood]), ("Lager", [.primary]), ("secundair", [.lowerSecondary, .upperSecondary]),
        ("Nursery", [.earlyChildhood]), ("Middle deemed primary", [.primary, .lowerSecondary]),
        ("All-through", [.primary, .lowerSecondary, .upperSecondary]), ("16 plus", [.upperSecondary]),
        ("Early Learning and Childcare", [.earlyChildhood]), ("Przedszkole", [.earlyChildhood]),
        ("Szkoła podstawowa", [.primary, .lowerSecondary]), ("liceum", [.upperSecondary]), ("Technikum", [.upperSecondary, .vocational]),
        ("Contributing", [.primary]),
    ]

    @Test func each_countrys_phase_words_are_known() throws {
        let rows = Self.words.enumerated().map { i, w in "\(i + 1),School \(i + 1),\"\(w.0)\"" }
        let (w, _, summary) = try plan("id,name,type\n" + rows.joined(separator: "\n") + "\n")
        #expect(summary.unknownPhaseWords.isEmpty, "\(summary.unknownPhaseWords)")
        for (i, word) in Self.words.enumerated() {
            #expect(try school(w, "School \(i + 1)").phases == word.1, "\(word.0)")
        }
    }

    @Test func a_phase_words_file_adds_words_and_a_bad_line_is_named() throws {
        let file = "# our own\nEscola Artística = upper-secondary, vocational\n\nEB = primary\n"
        let (w, _, _) = try plan("id,name,type\n1,António Arroio,Escola Artística\n2,EB de Tavira,EB\n") {
            $0.phaseWordFiles = [("ours.txt", file)]
        }
        #expect(try school(w, "António Arroio").phases == [.upperSecondary, .vocational])
        #expect(try school(w, "EB de Tavira").phases == [.primary], "a word of the file replaces Cairn's")
        #expect {
            try plan("id,name\n1,x\n") { $0.phaseWordFiles = [("ours.txt", "JI = early-childhood\nEB1 primary\n")] }
        } throws: { ($0 as? StoreError)?.message.contains("ours.txt line 2") == true }
    }

    @Test func a_phase_words_file_saved_on_windows_is_read() throws {
        let bytes = Data([0xEF, 0xBB, 0xBF]) + Data("# ours\r\nEscola Artística = upper-secondary, vocational\r\n".utf8)
        let words = try PhaseTable.parse(try RegisterText.decode(bytes).text, named: "ours.txt")
        #expect(words[PhaseTable.key("escola artistica")] == [.upperSecondary, .vocational])
        let latin1 = try RegisterText.decode(
            Data([0x41, 0x72, 0x74, 0xED, 0x73, 0x74, 0x69, 0x63, 0x61, 0x3D, 0x6F, 0x74, 0x68, 0x65, 0x72]))
        #expect(try PhaseTable.parse(latin1.text, named: "w.txt")[PhaseTable.key("Artística")] == [.other])
    }

    @Test func rows_without_an_id_that_share_a_name_are_two_schools_and_said_to_be_possible_duplicates() throws {
        let text = """
            Nome,Concelho,Telefone
            Escola Básica Cesário Verde,Lisboa,211 000 001
            Escola Básica Cesário Verde,Loures,219 000 002
            Escola Básica de Tavira,Tavira,281 000 003
            ESCOLA BASICA DE TAVIRA,Tavira,281 000 004

            """
        let (w, _, summary) = try plan(text)
        #expect(w.schools.count == 4)
        #expect(summary.added == 4)
        #expect(summary.possibleDuplicates.map(\.line) == [3, 5])
        #expect(
            summary.report.contains(
                "possible duplicate, line 3: “Escola Básica Cesário Verde” (Loures) has the name of line 2 (Lisboa); both kept"))
        // The same file again changes nothing: each row finds its own record.
        let (_, again, second) = try plan(text, world: w)
        #expect(again.isEmpty, "\(again)")
        #expect(second.unchanged == 4)
        // A row matches a record here only by name and municipality together.
        let (third, _, s3) = try plan(
            "Nome,Concelho,Telefone\nescola basica cesario verde,LISBOA,211 999 999\nEscola Básica Cesário Verde,Sintra,\n", world: w)
        #expect(s3.updated == 1 && s3.added == 1)
        #expect(third.schools.values.filter { Text.folded($0.name) == Text.folded("Escola Básica Cesário Verde") }.count == 3)
        #expect(s3.possibleDuplicates.map(\.line) == [3])
        let (_, _, s4) = try plan("Nome,Concelho\nEscola Básica de Tavira,Faro\n", world: w)
        let note = try #require(s4.report.first { $0.hasPrefix("possible duplicate, line 2: “Escola Básica de Tavira” (Faro) is new; “") })
        #expect(note.hasSuffix("” in Tavira is already here"), "\(s4.report)")
    }

    @Test func agencies_that_share_a_name_are_two_and_a_second_import_matches_them() throws {
        let text = "name,sector\nCentro de Saúde,health\nCentro de Saúde,health\nCâmara Municipal de Óbidos,local-authority\n"
        let (w, _, summary) = try plan(text) { $0.kind = .agency }
        #expect(w.agencies.count == 3 && summary.possibleDuplicates.count == 1)
        let (_, again, _) = try plan(text, world: w) { $0.kind = .agency }
        #expect(again.isEmpty)
    }

    /// Each text field a column fills goes through the kind's description: an agency's phone
    /// is kept as a school's is.
    @Test func an_agencys_contact_e_mail_and_phone_columns_are_imported() throws {
        let text = "name,sector,contact,e-mail,telephone\nCentro de Saúde de Óbidos,health,Ana Łódź,a@cs.pt,262 959 000\n"
        let (w, _, _) = try plan(text) { $0.kind = .agency }
        let agency = try #require(w.agencies.values.first)
        #expect(agency.contactPerson == "Ana Łódź" && agency.email == "a@cs.pt" && agency.phone == "262 959 000")
    }

    @Test func clusters_given_by_a_name_column_alone_are_matched_by_that_name_next_time() throws {
        let first = """
            Código,Escola,Agrupamento
            1,Escola Básica de A-da-Gorda,Agrupamento de Escolas Josefa de Óbidos
            2,Escola Básica do Furadouro,Agrupamento de Escolas Josefa de Óbidos
            3,Escola Secundária de Peniche,Agrupamento de Escolas de Peniche

            """
        let (w, _, summary) = try plan(first) { $0.clusterBy = "Agrupamento" }
        #expect(summary.clustersAdded == 2 && summary.clustersByName)
        let obidos = try #require(w.clusters.values.first { $0.name == "Agrupamento de Escolas Josefa de Óbidos" })
        #expect(obidos.officialId == nil)
        #expect(w.members(of: obidos.id).count == 2)
        let second = "Código,Escola,Agrupamento\n4,Jardim de Infância de Óbidos,AGRUPAMENTO DE ESCOLAS JOSEFA DE OBIDOS\n"
        let (after, _, s2) = try plan(second, world: w) { $0.clusterBy = "Agrupamento" }
        #expect(s2.clustersAdded == 0 && s2.membershipsAdded == 1)
        #expect(after.members(of: obidos.id).count == 3)
    }

    @Test func one_word_cluster_names_given_as_names_by_the_import_screen_stay_names() throws {
        let (w, _, _) = try plan("Escola,Rede\nEscola A,Bałuty\nEscola B,Widzew\n") {
            $0.clusterBy = "2"
            $0.clusterByName = true
        }
        #expect(Set(w.clusters.values.map(\.name)) == ["Bałuty", "Widzew"])
        #expect(w.clusters.values.allSatisfy { $0.officialId == nil })
    }
}
