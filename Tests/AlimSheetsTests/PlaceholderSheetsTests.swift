import XCTest
@testable import AlimSheets
