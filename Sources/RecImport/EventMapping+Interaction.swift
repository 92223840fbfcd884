import RecCore

extension EventMapping {
    /// Builds the interaction of one event row from its field texts (`nil` or empty when absent), following
    /// the rules on ``EventMapping``.
    func interaction(
        user: String?, item: String?, rating: String?, timestamp: String?, kind: String?, at context: RowContext
    ) throws(RowError) -> Interaction {
        let userID = try context.id(user ?? "", field: self.user)
        let itemID = try context.id(item ?? "", field: self.item)
        let ratingText = rating.flatMap { $0.isEmpty ? nil : $0 }
        let eventKind: InteractionKind
        if let kind, !kind.isEmpty {
            guard let known = InteractionKind(rawValue: kind) else {
                let names = InteractionKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw context.error(self.kind, expected: "one of \(names)", found: kind)
            }
            eventKind = known
        } else {
            eventKind = ratingText == nil ? unratedKind : .rating
        }
        var value: Float?
        if eventKind == .rating {
            value = try context.rating(ratingText ?? "", field: self.rating, scale: scale)
        } else if let ratingText {
            value = try context.number(ratingText, field: self.rating)
        }
        var seconds: Int64?
        if let timestamp, !timestamp.isEmpty {
            seconds = try context.timestamp(timestamp, field: self.timestamp)
        }
        return Interaction(user: UserID(userID), item: ItemID(itemID), kind: eventKind, value: value, timestamp: seconds)
    }
}
