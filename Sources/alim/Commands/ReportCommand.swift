import AlimPipeline
import ArgumentParser
import Foundation

/// `alim report`: a run's summary on the terminal, and its report.html regenerated.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Affiche le résumé d'un run et régénère son rapport HTML.",
        discussion: "Exemple :\n  alim report --workdir /srv/alim/work --run 2026-09-01-001")

    @OptionGroup var common: WorkdirOptions
    @Option(name: .customLong("run"), help: "Run (le dernier sinon).") var runId: String?

    func run() throws {
        do {
            let (text, html) = try Operations.report(workdir: common.workdirURL, runId: runId)
            _ = html
            print(text)
        } catch {
            throw Exit.fail(error)
        }
    }
}
