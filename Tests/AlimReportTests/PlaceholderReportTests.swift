import XCTest
@testable import AlimReport
