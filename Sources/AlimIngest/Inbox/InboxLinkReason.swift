#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The French reasons the inbox walk gives for an entry it does not read: links it refuses or
/// skips, and special files. Kept apart from the walk so the wording is reviewed in one place.
enum InboxLinkReason {
    static let outside = "Lien symbolique refusé : il pointe hors de la boîte de dépôt. Alim ne suit pas ces liens "
        + "et n'a pas ouvert sa cible ; déposez le fichier lui-même dans la boîte de dépôt."

    static let special = "Fichier refusé : ce n'est pas un fichier ordinaire (tube nommé, socket ou périphérique), "
        + "Alim ne l'a pas ouvert. Déposez à la place l'export lui-même."

    static let linkToSpecial = "Lien symbolique refusé : il pointe vers un fichier spécial (tube nommé, socket ou "
        + "périphérique), qu'Alim n'ouvre pas. Déposez à la place l'export lui-même."

    /// A link to a folder that contains it: following it would walk the same files forever.
    static func loop(_ folder: String) -> String {
        "Lien symbolique refusé : il pointe vers \(folderName(folder)), qui le contient ; le suivre ferait une boucle "
            + "sans fin, il n'a pas été suivi."
    }

    /// `realpath(3)` failed: a broken link, a cycle of links, or a target Alim may not reach.
    static func unresolved(_ error: Int32) -> String {
        switch error {
        case ELOOP:
            return "Lien symbolique refusé : il fait partie d'une boucle de liens qui ne mène à aucun fichier, "
                + "il n'a pas été suivi."
        case ENOENT, ENOTDIR:
            return "Lien symbolique refusé : sa cible n'existe pas (lien cassé)."
        case EACCES:
            return "Lien symbolique refusé : sa cible est dans un dossier qu'Alim n'a pas le droit de parcourir."
        default:
            return "Lien symbolique refusé : sa cible ne peut pas être déterminée, il n'a pas été suivi."
        }
    }

    /// A link to a file already read under another name in the inbox.
    static func fileAlreadyRead(_ kept: String) -> String {
        "Lien symbolique ignoré : il mène au même fichier que « \(kept) », déjà lu ; "
            + "ses personnes ne sont pas importées deux fois."
    }

    /// A link to a folder whose files are read anyway through its own path.
    static func folderAlreadyWalked(_ folder: String) -> String {
        "Lien symbolique ignoré : il mène au dossier « \(folder) », dont les fichiers sont déjà lus ; "
            + "ils ne sont pas importés deux fois."
    }

    private static func folderName(_ relative: String) -> String {
        relative.isEmpty ? "la boîte de dépôt elle-même" : "le dossier « \(relative) »"
    }
}
