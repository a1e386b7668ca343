import AlimCore
import Foundation
import TOMLKit

/// Reads `alim.toml`. No file means this département's defaults; a file that does not parse, an unknown
/// key or a value of the wrong type is a configuration error (exit 64) naming the key and its line,
/// never silently ignored.
public enum ConfigLoader {
    /// Loads the configuration at `path`, or the defaults when `path` is nil.
    public static func load(_ path: String?) throws -> AlimConfig {
        guard let path else { return .default }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw PipelineError.usage("Fichier de configuration illisible : \(path)")
        }
        do {
            return try TOMLDecoder().decode(AlimConfig.self, from: text)
        } catch let problem as ConfigProblem {
            // An unknown key, a value of the wrong type or outside its list: named with its line.
            let line = TOMLKeyLocator.line(of: problem.path, in: text)
            throw PipelineError.usage(problem.sentence(location: line.map { "\(path), ligne \($0)" } ?? path))
        } catch let error as TOMLParseError {
            throw PipelineError.usage("Configuration \(path) invalide, ligne \(error.source.begin.line), colonne \(error.source.begin.column) : \(error.description)")
        } catch {
            throw PipelineError.usage("Configuration \(path) illisible : le fichier n'a pas la forme attendue (sections [policy], [accounts], [sheets], [identity], [limits], [schools]).")
        }
    }

    /// The commented default configuration `alim init` writes.
    public static let defaultFile = """
    # alim.toml — configuration d'Alim. Every key is optional: a missing key takes the default shown.
    # An unknown key or a value of the wrong type stops Alim (exit 64) with the key and its line.

    [policy]
    # Authentication per platform and profile: "local" (One login + activation code) or "educonnect".
    # In this département no primary school federates: One accounts are always local.
    primary_pupil_auth = "local"
    primary_guardian_auth = "local"
    college_pupil_auth = "educonnect"
    college_guardian_auth = "educonnect"
    create_college_accounts = true

    [accounts]
    code_validity_days = 90      # activation code lifetime
    grace_days = 30              # a left account is kept this long before deactivation
    mass_removal_ratio = 0.10    # hold a school that would lose more than this share…
    mass_removal_minimum = 5     # …and at least this many accounts in one night
    login_part_max = 20          # longest first-name / last-name part of a login
    directory_includes_codes = false
    ent_tenant_prefix = "ALIM-"  # externalId of an account in the ENT's import bundle = this + the account id
    # Whose login and activation code the sheets carry:
    #   "ent"  the ENT's own (One generates them): read from its exports dropped in the inbox (the users
    #          export, activation_de_comptes.csv); an account the ENT has not created yet waits, an
    #          account already activated gets no new sheet (its renewal code is asked in the ENT);
    #   "alim" Alim issues them (code_validity_days), for a platform that accepts imported codes.
    credentials = "ent"

    [sheets]
    pupil_levels = ["CM1", "CM2"]
    ce2_schools = []             # UAIs that also want CE2 pupil sheets
    # templates_dir = "/etc/alim/templates"   # overrides the shipped French templates
    email_from = "ne-pas-repondre@ent.example.fr"
    login_url = "https://oneconnect.edifice.io"
    include_rules_clause = true

    [identity]
    merge_threshold = 12.0       # match weight at or above which records merge automatically
    review_threshold = 6.0       # at or above (below merge): sent to the director's review list

    [limits]
    max_file_bytes = 536870912
    max_line_bytes = 65536
    max_fields_per_row = 200
    max_records_per_file = 1000000
    max_unzipped_bytes = 1073741824

    [schools]
    # "0611234A" = "École élémentaire Jules Ferry"

    """
}
