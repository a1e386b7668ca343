import XCTest
@testable import AlimIdentity
