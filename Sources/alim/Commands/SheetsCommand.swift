import AlimCore
import AlimPipeline
import AlimSheets
import ArgumentParser
import Foundation

/// `alim sheets`: prints sheets again without changing any code.
struct SheetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheets",
        abstract: "Réimprime des fiches de connexion sans changer aucun code.",
        discussion: """
        Exemple (toute la classe de CM1, y compris les fiches déjà remises) :
          alim sheets --workdir /srv/alim/work --uai 0611234A --class CM1 --all
        """)

    @OptionGroup var common: WorkdirOptions
    @Option(name: .long, help: "École (UAI).") var uai: UAI
    @Option(name: .long, help: "Classe.") var `class`: String?
    @Flag(name: .long, help: "Toutes les fiches, pas seulement les nouveaux codes.") var all = false
    @Option(name: .customLong("run"), help: "Run (le dernier sinon).") var runId: String?

    func run() throws {
        do {
            let (folder, artifact) = try Operations.reprint(SheetSelection(uai: uai, className: `class`, all: all),
                                                            workdir: common.workdirURL, runId: runId)
            let made = artifact.bundles.reduce(0) { $0 + $1.printed + $1.emailed }
            print("\(made) fiche(s) dans \(folder.path)")
        } catch {
            throw Exit.fail(error)
        }
    }
}
