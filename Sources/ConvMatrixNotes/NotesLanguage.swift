/// The language of a document's prose. Mathematics and symbols are the same in both; only the
/// sentences change (the course material this tool serves is written in Spanish and English).
public enum NotesLanguage: String, Hashable, Sendable, CaseIterable {
    /// English.
    case en
    /// Spanish.
    case es

    /// The sentence `phrase` says in this language.
    public func text(_ phrase: DerivationPhrase) -> String {
        switch self {
        case .en: phrase.english
        case .es: phrase.spanish
        }
    }
}
