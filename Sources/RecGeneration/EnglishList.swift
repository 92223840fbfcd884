/// Names joined as an English list, for sentences built from evidence: "A", "A and B", "A, B and C".
public enum EnglishList {
    /// `names` joined with commas and a final "and"; empty for no names.
    /// - Complexity: O(total length).
    public static func joined(_ names: [String]) -> String {
        guard let last = names.last else { return "" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
    }
}
