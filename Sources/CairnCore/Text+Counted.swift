extension Text {
    /// A count and its noun, agreeing: "1 cluster", "2 clusters", "0 agencies".
    ///
    /// - Parameter plural: the noun for any count but one, when adding an s is wrong.
    public static func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
    }
}
