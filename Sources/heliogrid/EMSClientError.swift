/// An EMS API answer that was not a success: its status and message.
struct EMSClientError: Error, CustomStringConvertible {
    var status: Int
    var message: String

    var description: String { "EMS answered \(status): \(message)" }
}
