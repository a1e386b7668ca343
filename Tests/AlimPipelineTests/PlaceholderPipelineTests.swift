import XCTest
@testable import AlimPipeline
