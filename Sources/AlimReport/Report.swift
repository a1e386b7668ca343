import AlimCore
import Foundation

/// The report stage: summary.json and report.html.
public enum Report {
}
