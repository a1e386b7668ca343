import XCTest
@testable import AlimCore
