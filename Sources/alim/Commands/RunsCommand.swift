import AlimCore
import AlimPipeline
import ArgumentParser
import Foundation

/// `alim runs`: the runs of a workdir, stage by stage.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "Liste les runs avec l'état de chaque étape.",
        discussion: "Exemple :\n  alim runs --workdir /srv/alim/work")

    @OptionGroup var common: WorkdirOptions

    func run() throws {
        let runs = Pipeline.runs(workdir: common.workdirURL)
        if runs.isEmpty { print("Aucun run dans \(common.workdir)."); return }
        for record in runs {
            let stages = record.stages.map { "\($0.stage.rawValue)=\($0.status.rawValue)" }.joined(separator: " ")
            let exit = record.exitStatus.map { "sortie \($0.rawValue)" } ?? "en cours ou interrompu"
            print("\(record.runId)  \(record.date)  \(exit)  \(stages)")
        }
    }
}
