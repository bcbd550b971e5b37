import ArgumentParser
import CairnCore
import CairnReports
import CairnStore
import CairnWords
import Foundation

struct PublishCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "publish",
            abstract: Words.say(
                "Write a static site of the store into a folder, for people who never open a terminal.", context: "command"),
            discussion: Words.say(
                "index.html lists the clusters (and the groupings with their members); each cluster has a page with its plan, a chart of each goal with its numbers, its checkpoints, its health over time and its calendar (.ics) beside it; each grouping a page with its roll-up. One file a page, styles inline, no script, no network, relative links: it reads from a USB stick or as e-mail attachments and prints on A4. The folder is made when missing; one that holds files publish did not write is refused; publishing again replaces the site and removes the pages of clusters that are gone. The pages speak the language of --lang.",
                context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Words.say("The folder to write the site into.", context: "option"), valueName: "dir")) var dir: String

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
        let pages = Words.count("{count} page", "{count} pages", site.pages.count, context: "cli")
        let calendars = Words.count("{count} calendar", "{count} calendars", site.calendars.count, context: "cli")
        print(
            Words.say(
                "published {pages} and {calendars} to {folder}", context: "cli",
                ["pages": pages, "calendars": calendars, "folder": folder.path]))
    }
}
