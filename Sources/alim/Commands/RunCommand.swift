import AlimCore
import AlimPipeline
import ArgumentParser
import Foundation

/// `alim run`: the nightly import, every stage.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Exécute toutes les étapes sur la boîte de dépôt.",
        discussion: """
        Exemple :
          alim run --inbox /srv/alim/inbox --workdir /srv/alim/work --date 2026-09-01
        La boîte de dépôt contient un dossier par école (inbox/<UAI>/ ou inbox/<UAI>-libellé/) avec les
        exports ONDE ; les exports SIECLE et AAF peuvent être n'importe où.
        """)

    @Option(name: .long, help: "Boîte de dépôt : un dossier par école, plus les exports SIECLE/AAF.")
    var inbox: String

    @OptionGroup var common: WorkdirOptions

    @Option(name: .long, help: "Fichier de configuration alim.toml (défauts du département sinon).")
    var config: String?

    @Option(name: .long, help: "Date du run (AAAA-MM-JJ) ; aujourd'hui sinon. Mêmes entrées et même date ⇒ mêmes fichiers.")
    var date: RunDate?

    @Option(name: .long, help: "Accepte la suppression massive de comptes pour cette école (UAI). Répétable.")
    var allowMassRemoval: [UAI] = []

    func run() throws {
        LogSetup.bootstrap(format: common.logFormat, verbose: common.verbose)
        let options = RunOptions(inbox: URL(fileURLWithPath: inbox), workdir: common.workdirURL, configFile: config,
                                 date: date ?? RunDate.today(), allowMassRemoval: allowMassRemoval)
        do {
            let result = try Pipeline.run(options, observer: ConsoleObserver(format: common.logFormat))
            print(try result.summaryText ?? Operations.summaryText(workdir: common.workdirURL, runId: result.runId))
            if result.exitStatus != .success { throw Exit.code(result.exitStatus) }
        } catch let code as ExitCode {
            throw code
        } catch {
            throw Exit.fail(error)
        }
    }
}
