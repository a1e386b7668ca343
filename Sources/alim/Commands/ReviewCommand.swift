import AlimCore
import AlimPipeline
import ArgumentParser
import Foundation

/// `alim review`: the director's duplicate decisions.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Liste les doublons à décider et enregistre les décisions.",
        discussion: """
        Exemple :
          alim review list --workdir /srv/alim/work
          alim review decide 3f9a0c12d4e5 distinct --workdir /srv/alim/work
        Une décision s'applique à tous les runs suivants ; la paire n'est plus jamais proposée.
        """,
        subcommands: [List.self, Decide.self])

    /// `alim review list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Affiche les paires à décider du dernier run.",
            discussion: "Exemple :\n  alim review list --workdir /srv/alim/work")
        @OptionGroup var common: WorkdirOptions
        @Option(name: .customLong("run"), help: "Run (le dernier sinon).") var runId: String?

        func run() throws {
            let pairs = try Operations.reviewPairs(workdir: common.workdirURL, runId: runId)
            if pairs.isEmpty { print("Aucun doublon à décider."); return }
            for p in pairs {
                print("\(p.id)  score \(String(format: "%.1f", p.score))  \(p.a)  ↔  \(p.b)")
                print("    " + p.reasons.joined(separator: " ; "))
            }
        }
    }

    /// `alim review decide PAIR merge|distinct`.
    struct Decide: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Enregistre la décision du directeur sur une paire : merge (même personne) ou distinct.",
            discussion: "Exemple :\n  alim review decide 3f9a0c12d4e5 merge --workdir /srv/alim/work")
        @Argument(help: "Identifiant de la paire (colonne « paire » de review.csv).") var pair: String
        @Argument(help: "merge ou distinct.") var verdict: PairDecision.Verdict
        @OptionGroup var common: WorkdirOptions
        @Option(name: .customLong("run"), help: "Run (le dernier sinon).") var runId: String?

        func run() throws {
            do {
                let d = try Operations.decide(pairId: pair, verdict: verdict, workdir: common.workdirURL, runId: runId)
                print("Décision enregistrée : \(d.pairId) → \(d.verdict.rawValue). Elle s'appliquera au prochain run " +
                      "(ou tout de suite : alim stage match --run <id> --workdir \(common.workdir) --through-end).")
            } catch {
                throw Exit.fail(error)
            }
        }
    }
}

extension PairDecision.Verdict: ExpressibleByArgument {}
