@testable import TrailheadCore

extension YAMLDocument {
    /// The value of a mapping's key spelled `name`, if it has one: how tests look into a document.
    func value(of mapping: Value, at name: String) -> Value? {
        entries(of: mapping).first { scalar($0.key, is: name) }?.value
    }
}
