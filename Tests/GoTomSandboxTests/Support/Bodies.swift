/// Request bodies used across the tests, built on the demo data (customer CRM-1001, platform 1, …).
enum Bodies {
    static func campaign(
        _ externalId: String, customer: String = #"{"entityExternalCrmId":"CRM-1001"}"#, extra: String = ""
    ) -> String {
        #"{"externalId":"\#(externalId)","name":"Frühling 2025","status":"booking","bookingDate":"2025-03-01","customer":\#(customer)\#(extra)}"#
    }

    /// A valid flight-create body; `set` replaces or adds members (values are raw JSON).
    static func flight(_ externalId: String, _ set: KeyValuePairs<String, String> = [:]) -> String {
        var members: [(String, String)] = [
            ("externalId", "\"\(externalId)\""), ("adServerId", "\"gam\""),
            ("runtime", #"{"start":{"date":"2025-03-01","time":"00:00"},"end":{"date":"2025-03-31"}}"#),
            ("tarifId", "1"), ("mediaId", "20"), ("platformId", "1"), ("channelId", "10"), ("advertisingId", "30"),
            ("priceTypeId", "1"), ("units", "100000"), ("bruttoPriceUnit", "45"),
        ]
        for (key, value) in set {
            if let index = members.firstIndex(where: { $0.0 == key }) {
                members[index].1 = value
            } else {
                members.append((key, value))
            }
        }
        return "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}
