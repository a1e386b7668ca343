import AlimCore

/// An account tonight's inputs call for, before it is matched to the state (no id, no login yet).
struct PlannedAccount: Sendable, Equatable {
    var clusterId: PersonID
    var platform: Platform
    var profile: Profile
    var auth: Auth
    var lastName: String
    var firstName: String
    var birthDate: String?
    var uais: [UAI]
    var classes: [String]
    var level: SchoolLevel?
    var email: String?
    /// Guardians: the clusters of their legal children that have a pupil account on this platform.
    var childClusters: [PersonID]
    var hasCollegeChild: Bool
    var records: [RecordRef]
}

/// One human of tonight's identity artifact that gets at least one account.
struct PlannedPerson: Sendable, Equatable {
    var clusterId: PersonID
    var kind: RecordKind
    /// Keys that do not depend on other persons (`ine:`, `ext:`, `nb:`, `cluster:`).
    var keys: [String]
    /// Guardians: folded `last|first` names, for the `nc:` keys built once children are matched.
    var nameKeys: [String]
    /// Guardians: every legal child cluster (any platform).
    var childClusters: [PersonID]
    var accounts: [PlannedAccount]
}

/// The platform whose accounts a record of this stage gives.
func platform(of stage: SchoolStage) -> Platform { stage == .primary ? .one : .college }
