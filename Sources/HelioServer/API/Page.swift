/// A page of history: the rows and the offset of the next page (`null` on the last).
struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
    var nextOffset: Int?

    enum CodingKeys: String, CodingKey { case items, nextOffset = "next_offset" }

    /// `next_offset` is always present: `null` on the last page.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextOffset, forKey: .nextOffset)
    }

    init(items: [Item], query: TimeRangeQuery) {
        self.init(items: items, limit: query.limit, offset: query.offset)
    }

    /// A page of at most `limit` items from `offset`: a full page has a next one.
    init(items: [Item], limit: Int, offset: Int) {
        self.items = items
        nextOffset = items.count == limit ? offset + limit : nil
    }
}
