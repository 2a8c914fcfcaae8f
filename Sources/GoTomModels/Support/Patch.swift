/// A field of a partial-update payload: left out, explicitly `null`, or set to a value.
///
/// goTom's update endpoints change only the keys that are present in the body, and for several fields
/// an explicit `null` is a request of its own (for example, a `null` agency resets the commissions).
/// `Optional` cannot tell "not sent" from "sent as null", so update payloads use this type instead.
/// Models code it with the `decode(_:forKey:)` and `encode(_:forKey:)` overloads on the keyed containers;
/// `.absent` writes no key at all.
public enum Patch<Wrapped> {
    /// The key is not sent; the server keeps its current value.
    case absent
    /// The key is sent with an explicit JSON `null`.
    case null
    /// The key is sent with this value.
    case value(Wrapped)

    /// Creates a patch that sends the optional's value, or an explicit `null` when it is `nil`.
    ///
    /// - Parameter optional: The value to send; `nil` becomes `.null`, never `.absent`.
    public init(_ optional: Wrapped?) {
        if let optional {
            self = .value(optional)
        } else {
            self = .null
        }
    }

    /// Whether the key is left out of the payload.
    public var isAbsent: Bool {
        if case .absent = self { return true }
        return false
    }

    /// The value to send, or `nil` for `.absent` and `.null`.
    public var value: Wrapped? {
        if case .value(let wrapped) = self { return wrapped }
        return nil
    }

    /// Transforms the wrapped value and keeps `.absent` and `.null` as they are.
    ///
    /// - Parameter transform: The function applied to a present value.
    /// - Returns: A patch with the transformed value.
    /// - Throws: Whatever `transform` throws.
    public func map<NewValue, Failure: Error>(
        _ transform: (Wrapped) throws(Failure) -> NewValue
    ) throws(Failure) -> Patch<NewValue> {
        switch self {
        case .absent: return .absent
        case .null: return .null
        case .value(let wrapped): return .value(try transform(wrapped))
        }
    }
}

extension Patch: Sendable where Wrapped: Sendable {}
extension Patch: Equatable where Wrapped: Equatable {}
extension Patch: Hashable where Wrapped: Hashable {}
