/// What a user did with an item. Explicit ratings carry a value; the other kinds are implicit feedback.
public enum InteractionKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// An explicit rating on the data set's ``RatingScale``.
    case rating
    /// A thumbs-up.
    case like
    /// A thumbs-down.
    case dislike
    /// The user watched the item.
    case watched
    /// The user was shown the item and passed on it.
    case skipped
}
