import XCTest
@testable import AlimAccounts
