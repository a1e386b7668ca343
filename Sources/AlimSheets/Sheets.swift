import AlimCore
import Foundation

/// The sheets stage: per-school bundles of connection sheets.
public enum Sheets {
}
