/// Lets buffers that are only read (or written in disjoint parts) cross into concurrent work.
struct UncheckedSendable<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
