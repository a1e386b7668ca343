import AlimAccounts
import AlimCore
import AlimPipeline
import ArgumentParser
import Foundation

/// `alim renew`: new activation codes for chosen accounts (lost sheet, expired code).
struct RenewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renew",
        abstract: "Demande de nouveaux codes d'activation (par identifiant, classe ou école) ; émis au prochain run.",
        discussion: """
        Exemples :
          alim renew --workdir /srv/alim/work --login marie.martin
          alim renew --workdir /srv/alim/work --uai 0611234A --class CM1
        """)

    @OptionGroup var common: WorkdirOptions
    @Option(name: .long, help: "Identifiant du compte.") var login: String?
    @Option(name: .long, help: "École (UAI).") var uai: UAI?
    @Option(name: .long, help: "Classe (avec --uai).") var `class`: String?
    @Option(name: .long, help: "Configuration alim.toml.") var config: String?
    @Option(name: .long, help: "Date (AAAA-MM-JJ), aujourd'hui sinon.") var date: RunDate?

    func validate() throws {
        let count = [login != nil, uai != nil].filter { $0 }.count
        guard count == 1 else { throw ValidationError("Indiquez --login, ou --uai (avec --class éventuellement).") }
        if `class` != nil && uai == nil { throw ValidationError("--class demande --uai.") }
    }

    func run() throws {
        let selector: RenewSelector
        if let login { selector = .login(login) }
        else if let uai, let c = `class` { selector = .className(uai: uai, className: c) }
        else { selector = .school(uai!) }
        do {
            let n = try Operations.renew(selector, workdir: common.workdirURL, configFile: config, date: date ?? RunDate.today())
            print("\(n) compte(s) recevront un nouveau code au prochain run.")
        } catch {
            throw Exit.fail(error)
        }
    }
}
