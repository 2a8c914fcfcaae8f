import Foundation
import GoTomModels

/// How the columns of a CSV file become a `CustomerWrite`: by header name, in any order.
///
/// Empty cells leave the field out. Columns whose name starts with `_` are ignored (handy for notes); any other
/// unknown column stops the sync before anything is sent, so that a typo cannot silently drop data.
package struct CSVCustomerMapping {
    /// The documented columns, for `--help` and error messages: name, target, note.
    package static let columns: [(name: String, field: String, note: String)] = [
        ("externalCrmId", "externalCrmId", "required"),
        ("firm", "firm", "required"),
        ("language", "language", "required: de, en, fr, it"),
        ("status", "status", "1/active (default) or 0/inactive"),
        ("statusEc", "statusEc", "1/customer (default), 2/intermediator, 3/agency, 5/publisher"),
        ("externalId", "externalId", ""),
        ("mwst", "mwst", ""),
        ("note", "note", ""),
        ("searchstring", "searchstring", ""),
        ("vatType", "vatType", "0, 2, 3 or 7"),
        ("pipelineStatus", "pipelineStatus.externalCrmId", ""),
        ("industry", "industry.externalCrmId", ""),
        ("tags", "tags[].externalCrmId", "separated by ';'"),
        ("bankName", "bankName", ""),
        ("bankIBANNumber", "bankIBANNumber", ""),
        ("bankAccountNumber", "bankAccountNumber", ""),
        ("bankClearingNumber", "bankClearingNumber", ""),
        (
            "addressExternalCrmId", "mainAddress.externalCrmId, addresses[0].externalCrmId",
            "default: <externalCrmId>-main"
        ),
        ("addressTitle", "addresses[0].title", "default: firm"),
        ("street", "addresses[0].street", ""),
        ("number", "addresses[0].number", ""),
        ("zip", "addresses[0].zip", "required with an address"),
        ("city", "addresses[0].place", "required with an address"),
        ("country", "addresses[0].country", "required with an address, e.g. CH"),
        ("department", "addresses[0].department", ""),
        ("addresstext", "addresses[0].addresstext", ""),
        ("contactExternalCrmId", "contacts[0].externalCrmId", "default: <externalCrmId>-contact"),
        ("gender", "contacts[0].peopleGender", "M, F or D; required with a contact"),
        ("firstname", "contacts[0].peopleName", "required with a contact"),
        ("lastname", "contacts[0].peopleLastname", "required with a contact"),
        ("email", "contacts[0].peopleEmail", ""),
        ("phone", "contacts[0].peoplePhone", ""),
        ("mobile", "contacts[0].peopleNatel", ""),
    ]

    static let required = ["externalCrmId", "firm", "language"]
    static let addressColumns = [
        "street", "number", "zip", "city", "country", "addressTitle", "department", "addresstext",
    ]
    static let contactColumns = ["contactExternalCrmId", "gender", "firstname", "lastname", "email", "phone", "mobile"]

    /// A row that does not fit the mapping; the message names the column.
    package struct Problem: Error {
        package var message: String
    }

    /// The header row as read.
    package let header: [String]
    private let index: [String: Int]

    /// Checks the header row.
    ///
    /// - Throws: ``SyncError/invalidHeader`` for an unknown, duplicate or missing required column.
    package init(header: [String]) throws(SyncError) {
        self.header = header.map { $0.trimmingCharacters(in: .whitespaces) }
        let known = Set(Self.columns.map(\.name))
        var index: [String: Int] = [:]
        for (position, name) in self.header.enumerated() {
            if name.hasPrefix("_") { continue }
            guard known.contains(name) else {
                throw SyncError.invalidHeader(
                    "CSV column '\(name)' (column \(position + 1)) is not in the mapping; rename it, prefix it with '_' "
                        + "to ignore it (see the column mapping)")
            }
            guard index[name] == nil else { throw SyncError.invalidHeader("CSV column '\(name)' appears twice") }
            index[name] = position
        }
        for name in Self.required where index[name] == nil {
            throw SyncError.invalidHeader("the CSV header lacks the required column '\(name)'")
        }
        self.index = index
    }

    /// The externalCrmId cell of a row, or `""`.
    package func crmId(in cells: [String]) -> String { value("externalCrmId", cells) ?? "" }

    /// Builds the customer of one row.
    ///
    /// - Throws: ``Problem`` naming the column.
    package func customer(from cells: [String]) throws(Problem) -> CustomerWrite {
        guard cells.count == header.count else {
            throw Problem(message: "the row has \(cells.count) cells, the header \(header.count)")
        }
        func required(_ column: String, _ context: String = "") throws(Problem) -> String {
            guard let text = value(column, cells) else {
                throw Problem(message: "column '\(column)' is empty\(context)")
            }
            return text
        }
        let crmId = try required("externalCrmId")
        let firm = try required("firm")
        let status = try enumValue("status", cells, names: CustomerNames.statuses.map { ($0, $1.rawValue) }, default: 1)
        let statusEc = try enumValue(
            "statusEc", cells, names: CustomerNames.types.map { ($0, $1.rawValue) }, default: 1)
        var customer = CustomerWrite(
            externalCrmId: crmId, firm: firm, status: CustomerStatus(rawValue: status),
            statusEc: CustomerType(rawValue: statusEc), language: CustomerLanguage(rawValue: try required("language")),
            mainAddress: CustomerWrite.MainAddress(
                externalCrmId: value("addressExternalCrmId", cells) ?? "\(crmId)-main")
        )
        customer.externalId = value("externalId", cells)
        customer.mwst = value("mwst", cells)
        customer.note = value("note", cells)
        customer.searchstring = value("searchstring", cells)
        customer.bankName = value("bankName", cells)
        customer.bankIBANNumber = value("bankIBANNumber", cells)
        customer.bankAccountNumber = value("bankAccountNumber", cells)
        customer.bankClearingNumber = value("bankClearingNumber", cells)
        if let text = value("vatType", cells) {
            guard let number = Int(text) else { throw Problem(message: "column 'vatType': '\(text)' is not a number") }
            customer.vatType = VatType(rawValue: number)
        }
        if let id = value("pipelineStatus", cells) { customer.pipelineStatus = .value(.init(externalCrmId: id)) }
        if let id = value("industry", cells) { customer.industry = CustomerWrite.Industry(externalCrmId: id) }
        if let text = value("tags", cells) {
            customer.tags = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.map { CustomerWrite.Tag(externalCrmId: $0) }
        }
        let hasAddress = Self.addressColumns.contains { value($0, cells) != nil }
        if hasAddress {
            let context = " but the row has an address"
            customer.addresses = [
                CustomerWrite.Address(
                    externalCrmId: customer.mainAddress.externalCrmId, title: value("addressTitle", cells) ?? firm,
                    firm: firm, zip: try required("zip", context), place: try required("city", context),
                    country: try required("country", context), department: value("department", cells),
                    street: value("street", cells), number: value("number", cells),
                    addresstext: value("addresstext", cells))
            ]
        } else if value("addressExternalCrmId", cells) == nil {
            throw Problem(
                message: "the row has no address: fill zip, city and country, or name an existing "
                    + "address in column 'addressExternalCrmId'")
        }
        if Self.contactColumns.contains(where: { value($0, cells) != nil }) {
            let context = " but the row has a contact"
            customer.contacts = [
                CustomerWrite.Contact(
                    externalCrmId: value("contactExternalCrmId", cells) ?? "\(crmId)-contact",
                    peopleGender: ContactGender(rawValue: try required("gender", context).uppercased()),
                    peopleLastname: try required("lastname", context), peopleName: try required("firstname", context),
                    peoplePhone: value("phone", cells), peopleNatel: value("mobile", cells),
                    peopleEmail: value("email", cells))
            ]
        }
        return customer
    }

    private func value(_ column: String, _ cells: [String]) -> String? {
        guard let position = index[column], position < cells.count else { return nil }
        let text = cells[position].trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    private func enumValue(_ column: String, _ cells: [String], names: [(String, Int)], default fallback: Int)
        throws(Problem) -> Int
    {
        guard let text = value(column, cells) else { return fallback }
        if let number = Int(text) { return number }
        if let number = names.first(where: { $0.0 == text.lowercased() })?.1 { return number }
        throw Problem(
            message: "column '\(column)': '\(text)' is not a number or one of "
                + names.map(\.0).sorted().joined(separator: ", "))
    }
}
