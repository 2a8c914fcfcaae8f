// A small integration: read customers from a CRM export (CSV) and upsert each into goTom with the SDK.
//
//   swift run customer-csv-import Examples/CustomerCSVImport/customers.csv
//
// Connection settings are resolved as `gotom` resolves them (GoTomSettings): GOTOM_BASE_URL, GOTOM_USER,
// GOTOM_SECRET and optionally GOTOM_CACERT, e.g. the lines `gotom sandbox --tls` prints, else a profile of
// ~/.config/gotom/config (GOTOM_PROFILE), where customer.user/customer.secret may name the CRM-sync user.
// CSV columns: externalCrmId,firm,language,street,zip,city (header row first).
import Foundation
import GoTomAPI
import GoTomModels

guard CommandLine.arguments.count == 2 else {
    print("usage: customer-csv-import FILE.csv  (with GOTOM_BASE_URL, GOTOM_USER, GOTOM_SECRET set, or a profile)")
    exit(64)
}
let configuration: GoTomClient.Configuration
do {
    configuration = try GoTomSettings.resolve().configuration()
} catch let error as GoTomError {
    print("customer-csv-import: \(error.detail ?? error.shortDescription)")
    exit(64)
}

/// Splits one CSV line into fields; double quotes may enclose a field, `""` is a literal quote.
func fields(of line: Substring) -> [String] {
    var result: [String] = []
    var field = ""
    var quoted = false
    var iterator = line.makeIterator()
    while let character = iterator.next() {
        switch (character, quoted) {
        case ("\"", true):
            if let next = iterator.next() {
                if next == "\"" {
                    field.append("\"")
                } else {
                    quoted = false
                    if next == "," {
                        result.append(field)
                        field = ""
                    } else {
                        field.append(next)
                    }
                }
            } else {
                quoted = false
            }
        case ("\"", false) where field.isEmpty: quoted = true
        case (",", false):
            result.append(field)
            field = ""
        default: field.append(character)
        }
    }
    result.append(field)
    return result
}

let client = try GoTomClient(configuration: configuration)
let lines = try String(contentsOfFile: CommandLine.arguments[1], encoding: .utf8)
    .split(whereSeparator: \.isNewline).dropFirst()
var failures = 0
for line in lines where !line.isEmpty {
    let row = fields(of: line)
    guard row.count >= 6 else {
        print("skipped (needs 6 columns): \(line)")
        failures += 1
        continue
    }
    let customer = CustomerWrite(
        externalCrmId: row[0], firm: row[1], status: .active, statusEc: .customer,
        language: CustomerLanguage(rawValue: row[2]),
        mainAddress: CustomerWrite.MainAddress(externalCrmId: "\(row[0])-A1"),
        addresses: [
            CustomerWrite.Address(
                externalCrmId: "\(row[0])-A1", title: "Hauptadresse", firm: row[1], zip: row[4], place: row[5],
                country: "CH", street: row[3])
        ])
    do {
        let answer = try await client.customers.upsert(customer)
        print("upserted \(row[0]) \(row[1]) (job \(answer.jobId.map(String.init) ?? "-"))")
    } catch let error as GoTomError where error == .constraintViolations {
        failures += 1
        print(
            "rejected \(row[0]): "
                + error.violations.map { "\($0.propertyPath): \($0.message)" }.joined(separator: "; "))
    } catch let error as GoTomError {
        failures += 1
        print("failed \(row[0]): \(error.shortDescription)")
    } catch {
        failures += 1
        print("failed \(row[0]): \(error)")
    }
}
try await client.shutdown()
print("\(lines.count - failures) of \(lines.count) customers synced")
exit(failures == 0 ? 0 : 1)
