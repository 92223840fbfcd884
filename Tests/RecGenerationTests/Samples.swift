import RecCore
@testable import RecGeneration

/// Catalogue facts of a few films, as TMDB describes them, for the generator tests.
enum Samples {
    static let alien = PitchFacts(
        item: "1214", title: "Alien", year: 1979, genres: ["Horror", "Sci-Fi"],
        tagline: "In space no one can hear you scream.",
        overview: "During its return to the earth, commercial spaceship Nostromo intercepts a distress signal from a "
            + "distant planet. When a three-member team of the crew discovers a chamber containing thousands of eggs on "
            + "the planet, a creature inside one of the eggs attacks an explorer. The entire crew is unaware of the "
            + "impending nightmare set to descend upon them when the alien parasite planted inside its unfortunate host is "
            + "birthed.",
        keywords: ["space", "alien", "spaceship"])

    static let toyStory = PitchFacts(
        item: "1", title: "Toy Story", year: 1995, genres: ["Animation", "Children's", "Comedy"],
        overview: "Led by Woody, Andy's toys live happily in his room until Andy's birthday brings Buzz Lightyear onto "
            + "the scene. Afraid of losing his place in Andy's heart, Woody plots against Buzz. But when circumstances "
            + "separate Buzz and Woody from their owner, the duo eventually learns to put aside their differences.",
        keywords: ["jealousy", "toy", "friendship"])

    /// A catalogue entry without descriptive text, as the MovieTweetings demo data has them.
    static let bare = PitchFacts(item: "0110912", title: "Pulp Fiction", year: 1994, genres: ["Crime", "Drama"])

    static let spaceFan = InterestSummary(themes: ["Sci-Fi", "Thriller", "space"], mood: "a tense night with monsters")
    static let familyFan = InterestSummary(themes: ["Comedy", "Animation"], mood: "something about friendship")
}
