import ArgumentParser

/// `alim`: the nightly import of school exports into ENT accounts and connection sheets.
@main
struct Alim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alim",
        abstract: "Importe les exports des écoles (ONDE, SIECLE, AAF), résout les doublons, décide les comptes et prépare les fiches de connexion.",
        discussion: """
        Exemple (import de la nuit, depuis cron) :
          alim run --inbox /srv/alim/inbox --workdir /srv/alim/work --config /etc/alim/alim.toml

        Codes de sortie : 0 succès ; 64 usage ou configuration ; 65 un fichier inutilisable (le reste importé) ;
        66 garde-fou des suppressions massives ; 75 un autre import tient le verrou ; 1 erreur interne.
        """,
        subcommands: [RunCommand.self, StageCommand.self, RunsCommand.self, InitCommand.self, ReviewCommand.self,
                      RenewCommand.self, SheetsCommand.self, ReportCommand.self]
    )
}
