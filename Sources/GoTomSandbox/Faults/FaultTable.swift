import NIOConcurrencyHelpers

/// The fault rules in force, shared by the request path and the control plane.
public final class FaultTable: Sendable {
    private struct Rules {
        var rules: [FaultRule] = []
        var lastId = 0
    }

    private let box = NIOLockedValueBox(Rules())

    /// Creates a table with rules.
    ///
    /// - Parameter rules: The start-up rules.
    public init(_ rules: [FaultRule] = []) {
        for rule in rules { _ = add(rule) }
    }

    /// The rules in force, in the order they are tried.
    public var rules: [FaultRule] { box.withLockedValue { $0.rules } }

    /// Adds a rule and gives it an id.
    ///
    /// - Parameter rule: The rule.
    /// - Returns: The rule with its id.
    @discardableResult
    public func add(_ rule: FaultRule) -> FaultRule {
        box.withLockedValue { table in
            table.lastId += 1
            var rule = rule
            rule.id = table.lastId
            table.rules.append(rule)
            return rule
        }
    }

    /// Removes one rule.
    ///
    /// - Parameter id: The rule's id.
    /// - Returns: Whether there was such a rule.
    @discardableResult
    public func remove(id: Int) -> Bool {
        box.withLockedValue { table in
            let before = table.rules.count
            table.rules.removeAll { $0.id == id }
            return table.rules.count != before
        }
    }

    /// Replaces every rule (ids keep increasing).
    ///
    /// - Parameter rules: The new rules.
    public func replace(with rules: [FaultRule]) {
        box.withLockedValue { table in
            table.rules = []
            for rule in rules {
                table.lastId += 1
                var rule = rule
                rule.id = table.lastId
                table.rules.append(rule)
            }
        }
    }

    /// The first rule that fires for a request, counting it down; `nil` when none does.
    func fire(method: String, path: String) -> FaultRule? {
        box.withLockedValue { table in
            for index in table.rules.indices {
                let rule = table.rules[index]
                guard rule.matches(method: method, path: path) else { continue }
                if let probability = rule.probability, Double.random(in: 0..<1) >= probability { continue }
                if let times = rule.times {
                    if times <= 1 {
                        table.rules.remove(at: index)
                    } else {
                        table.rules[index].times = times - 1
                    }
                }
                return rule
            }
            return nil
        }
    }
}
