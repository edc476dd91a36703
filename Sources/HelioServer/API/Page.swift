/// A page of history: the rows and the offset of the next page (`null` on the last).
struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
    var nextOffset: Int?

    enum CodingKeys: String, CodingKey { case items, nextOffset = "next_offset" }

    init(items: [Item], query: TimeRangeQuery) {
        self.items = items
        nextOffset = items.count == query.limit ? query.offset + query.limit : nil
    }
}
