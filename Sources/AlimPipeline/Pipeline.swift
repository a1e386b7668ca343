import AlimCore
import Foundation

/// Runs the stages over a run directory.
public enum Pipeline {
}
