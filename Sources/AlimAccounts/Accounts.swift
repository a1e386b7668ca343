import AlimCore
import Foundation

/// The accounts stage: platform policy, logins, activation codes and the persistent state.
public struct AccountsStage {
    public init() {}
}
