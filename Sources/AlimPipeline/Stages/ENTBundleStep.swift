import AlimAccounts
import AlimCore
import Foundation
import Logging

/// The accounts stage's last step: the import bundles for One under `ent/`, rewritten whole on every
/// run (a rerun never leaves last night's zip of a school held tonight), and their French log lines.
enum ENTBundleStep {
    static func run(_ artifact: AccountsArtifact, identity: IdentityArtifact, _ ctx: StageContext) throws {
        let folder = ctx.file(ArtifactName.entFolder)
        try? FileManager.default.removeItem(at: folder)
        let outcome = try ENTBundle.write(artifact, identity: identity, config: ctx.config, date: ctx.date, to: folder)
        let logger = Logger(label: "alim.accounts")
        for line in outcome.warnings { logger.warning("\(line)") }
        logger.info("\(outcome.summary)", metadata: ["written": "\(outcome.written.count)",
                                                    "withheld": "\(outcome.withheld.count)"])
    }
}
