import AlimPipeline
import ArgumentParser
import Foundation

/// `alim init`: prepares a workdir (0700), its secret key (0600) and a commented alim.toml.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Prépare le dossier de travail, la clé secrète et un alim.toml commenté.",
        discussion: "Exemple :\n  alim init --workdir /srv/alim/work --config /etc/alim/alim.toml")

    @OptionGroup var common: WorkdirOptions

    @Option(name: .long, help: "Où écrire la configuration par défaut (laissée intacte si elle existe).")
    var config: String?

    func run() throws {
        do {
            for path in try Operations.initialize(workdir: common.workdirURL, configFile: config) { print("Prêt : \(path)") }
        } catch {
            throw Exit.fail(error)
        }
    }
}
