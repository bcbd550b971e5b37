import ArgumentParser
import CairnCore
import CairnReports
import CairnStore
import Foundation

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Write a static site of the store into a folder, for people who never open a terminal.",
        discussion: """
            index.html lists the clusters (and the groupings with their members); each cluster \
            has a page with its plan, a chart of each goal with its numbers, its checkpoints, \
            its health over time and its calendar (.ics) beside it; each grouping a page with \
            its roll-up. One file a page, styles inline, no script, no network, relative \
            links: it reads from a USB stick or as e-mail attachments and prints on A4. The \
            folder is made when missing; one that holds files publish did not write is \
            refused; publishing again replaces the site and removes the pages of clusters \
            that are gone.
            """)
    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp("The folder to write the site into.", valueName: "dir")) var dir: String

    func run() throws {
        let store = try options.open()
        let w = store.world
        let today = Day.today()
        let made = Date()
        let site = Site.make(world: w, today: today, made: made)
        let items = CalendarExport.itemsByCluster(w, today: today)
        var files = site.pages.map { (name: $0.file, data: Data($0.html.utf8)) }
        for calendar in site.calendars {
            let name = "Cairn: \(w.clusters[calendar.cluster]?.name ?? calendar.cluster)"
            let data = CalendarExport.data(items[calendar.cluster] ?? [], name: name, todo: false, stamp: made)
            files.append((name: calendar.file, data: data))
        }
        let folder = URL(fileURLWithPath: dir).standardizedFileURL
        do {
            try SiteFolder.publish(files, to: folder, access: store.access)
        } catch {
            throw CLIError(error.message)
        }
        print(
            "published \(Text.counted(site.pages.count, "page")) and \(Text.counted(site.calendars.count, "calendar")) to \(folder.path)"
        )
    }
}
