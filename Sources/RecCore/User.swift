/// A user and the coarse demographics some data sets carry (MovieLens `u.user`).
///
/// Nothing here identifies a person outside the data set; zip codes and social-network ids are never stored.
public struct User: Sendable, Hashable, Codable, Identifiable {
    /// The user's id in the source.
    public var id: UserID
    /// Age in years (MovieLens 1M: the lower bound of an age band).
    public var age: Int?
    /// As the source codes it, e.g. `"M"`, `"F"`.
    public var gender: String?
    /// As the source names it, e.g. `"technician"`.
    public var occupation: String?

    /// Creates a user.
    public init(id: UserID, age: Int? = nil, gender: String? = nil, occupation: String? = nil) {
        self.id = id
        self.age = age
        self.gender = gender
        self.occupation = occupation
    }
}
