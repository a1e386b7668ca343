import Foundation

/// The pipeline's stages, in order. Each reads the persisted artifact of the one before it.
public enum StageName: String, Codable, Sendable, CaseIterable, Comparable {
    case ingest, normalize, match, accounts, sheets, report

    private var order: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: StageName, b: StageName) -> Bool { a.order < b.order }

    /// The stages from this one to the end.
    var throughEnd: [StageName] { Self.allCases.filter { $0 >= self } }
}
