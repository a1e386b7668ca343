import AlimCore
import AlimPipeline
import ArgumentParser
import Foundation

/// `alim stage`: reruns one stage of a run, e.g. after fixing a setting or deciding a duplicate.
struct StageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stage",
        abstract: "Relance une étape d'un run à partir de la sortie de l'étape précédente.",
        discussion: """
        Exemple (après une décision de doublon) :
          alim stage match --run 2026-09-01-001 --workdir /srv/alim/work --through-end
        Étapes : ingest, normalize, match, accounts, sheets, report. Les étapes suivantes sont marquées
        périmées, sauf avec --through-end qui les relance aussi.
        """)

    @Argument(help: "Étape : ingest, normalize, match, accounts, sheets ou report.")
    var name: StageName

    @Option(name: .customLong("run"), help: "Identifiant du run (voir « alim runs »).")
    var runId: String

    @OptionGroup var common: WorkdirOptions

    @Flag(name: .long, help: "Relance aussi toutes les étapes suivantes.")
    var throughEnd = false

    func run() throws {
        LogSetup.bootstrap(format: common.logFormat, verbose: common.verbose)
        do {
            let result = try Pipeline.rerun(name, runId: runId, workdir: common.workdirURL, throughEnd: throughEnd,
                                            observer: ConsoleObserver(format: common.logFormat))
            print("Run \(result.runId), étape \(name.rawValue) : \(result.exitStatus.french)")
            if result.exitStatus != .success { throw Exit.code(result.exitStatus) }
        } catch let code as ExitCode {
            throw code
        } catch {
            throw Exit.fail(error)
        }
    }
}

extension StageName: ExpressibleByArgument {}
