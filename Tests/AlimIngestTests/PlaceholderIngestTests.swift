import XCTest
@testable import AlimIngest
