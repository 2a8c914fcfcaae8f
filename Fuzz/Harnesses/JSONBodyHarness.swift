import Foundation
import GoTomModels
import GoTomSandbox

/// Properties of the sandbox's body checks for every write operation (see ``FuzzHarness/jsonBody``).
enum JSONBodyHarness {
    private static let operations = WriteBody.allCases

    static func check(_ bytes: [UInt8]) throws(PropertyViolation) {
        guard let selector = bytes.first else { return }
        let operation = operations[Int(selector) % operations.count]
        let body = Data(bytes.dropFirst())
        let verdict = operation.check(body)
        let text = quoted(String(decoding: body, as: UTF8.self))
        switch verdict {
        case .rejected(let status):
            guard status == 400 else {
                throw PropertyViolation("\(operation) answered \(status) to \(text)")
            }
        case .accepted:
            // The body as a JSON tree written out again (as a client library would send it) is accepted as well.
            guard let tree = try? JSONDecoder().decode(JSONValue.self, from: body),
                let rewritten = try? JSONEncoder().encode(tree)
            else {
                throw PropertyViolation(
                    "\(operation) accepted a body that is not a JSON tree: "
                        + quoted(String(decoding: body, as: UTF8.self)))
            }
            let again = operation.check(rewritten)
            guard again == .accepted else {
                throw PropertyViolation(
                    "\(operation) accepted \(quoted(String(decoding: body, as: UTF8.self))) but "
                        + "answered \(again) to it rewritten as \(quoted(String(decoding: rewritten, as: UTF8.self)))")
            }
        }
    }
}
