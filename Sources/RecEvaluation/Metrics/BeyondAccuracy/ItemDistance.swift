import RecCore

/// A dissimilarity between two items, for ``intraListDiversity(_:k:distance:)``: genre sets today
/// (``GenreJaccardDistance``), embedding cosine later.
public protocol ItemDistance: Sendable {
    /// How unlike `a` and `b` are, from 0 (alike) to 1 (nothing in common), or `nil` when unknown
    /// (e.g. an item without metadata); unknown pairs are left out of diversity means.
    func distance(_ a: ItemID, _ b: ItemID) -> Double?
}
