import Foundation
import Mustache

/// The texts of a bundle, parsed once per run: shipped French defaults, each replaceable by a file of
/// the same name in the département's `sheets.templates_dir`, so wording changes need no rebuild.
///
/// French typography is applied to the template text once, here, so every sheet gets it for free and
/// person data substituted later is never altered.
public struct TemplateSet: Sendable {
    /// The template files a bundle uses, by role.
    public enum Name: String, CaseIterable, Sendable {
        case guardianSheet = "fiche-responsable"
        case pupilSheet = "fiche-eleve"
        case charter = "charte"
        case authorization = "autorisation"
        case rulesClause = "clause-reglement-interieur"
        case emailSubject = "courriel-objet"
        case emailBody = "courriel-corps"

        /// The file name in `Templates/` or in the override folder.
        public var fileName: String { rawValue + ".mustache" }
    }

    private let templates: [Name: MustacheTemplate]
    /// Where each template was read from (override path or shipped), for the operator's checks.
    public let sources: [Name: String]

    /// Loads every template, an override folder taking precedence file by file.
    /// Throws a French message naming the file when one does not parse.
    public init(overrideDirectory: String? = nil) throws {
        var templates: [Name: MustacheTemplate] = [:]
        var sources: [Name: String] = [:]
        for name in Name.allCases {
            let (text, source) = try Self.read(name, overrideDirectory: overrideDirectory)
            do {
                // TEXT: person data is escaped by the caller for its medium (pango markup or plain text).
                templates[name] = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + FrenchTypography.apply(text))
            } catch {
                throw TemplateError.invalid(source, String(describing: error))
            }
            sources[name] = source
        }
        self.templates = templates
        self.sources = sources
    }

    /// Renders one template with a context built of dictionaries, arrays, strings and booleans.
    public func render(_ name: Name, _ context: [String: Any]) -> String {
        templates[name]!.render(context)
    }

    private static func read(_ name: Name, overrideDirectory: String?) throws -> (String, String) {
        if let dir = overrideDirectory {
            let url = URL(fileURLWithPath: dir).appendingPathComponent(name.fileName)
            if FileManager.default.fileExists(atPath: url.path) {
                guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
                    throw TemplateError.unreadable(url.path)
                }
                return (text, url.path)
            }
        }
        guard let url = Bundle.module.url(forResource: name.rawValue, withExtension: "mustache", subdirectory: "Templates"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw TemplateError.missing(name.fileName)
        }
        return (text, "Templates/" + name.fileName)
    }
}

/// Why the templates could not be loaded: a configuration problem the operator fixes.
public enum TemplateError: Error, CustomStringConvertible, Equatable {
    case unreadable(String)
    case missing(String)
    case invalid(String, String)

    public var description: String {
        switch self {
        case let .unreadable(path): return "Modèle illisible (UTF-8 attendu) : \(path)"
        case let .missing(file): return "Modèle introuvable dans le paquet : \(file)"
        case let .invalid(path, why): return "Modèle Mustache invalide : \(path) (\(why))"
        }
    }
}
