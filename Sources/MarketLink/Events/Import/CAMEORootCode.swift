// MARK: - CAMEO root codes

/// The 20 root codes of CAMEO's event ontology, with their names and quad classes.
///
/// Source: Schrodt, P. A. (2012), *CAMEO: Conflict and Mediation Event Observations Event and
/// Actor Codebook*, version 1.1b3 (the version GDELT codes with), chapter "CAMEO Event Codes": the
/// names of the root codes 01 MAKE PUBLIC STATEMENT … 20 USE UNCONVENTIONAL MASS VIOLENCE, written
/// here in sentence case. The quad classes group the roots as GDELT's `QuadClass` does: 01–05 verbal
/// cooperation, 06–08 material cooperation, 09–13 verbal conflict, 14–20 material conflict.
/// (`fixtures/events/cameo-root-codes.tsv` holds the same table, and a test compares them.)
public enum CAMEORootCode {
    /// The names of roots 01 to 20, in order.
    static let names = [
        "Make public statement", "Appeal", "Express intent to cooperate", "Consult", "Engage in diplomatic cooperation",
        "Engage in material cooperation", "Provide aid", "Yield", "Investigate", "Demand", "Disapprove", "Reject", "Threaten",
        "Protest", "Exhibit force posture", "Reduce relations", "Coerce", "Assault", "Fight", "Use unconventional mass violence",
    ]

    /// The names of the four quad classes, 1 to 4.
    public static let quadClassNames = ["Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"]

    /// The name of root `code` (`"04"` → "Consult"); nil unless `code` is `01` … `20`.
    public static func name(_ code: String) -> String? {
        number(code).map { names[$0 - 1] }
    }

    /// The quad class (1–4) of root `code`; nil unless `code` is `01` … `20`.
    public static func quadClass(_ code: String) -> Int? {
        number(code).map { quadClass(ofRoot: $0) }
    }

    /// The quad class (1–4) of root number 1 … 20.
    static func quadClass(ofRoot root: Int) -> Int {
        root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4
    }

    /// 1 … 20 for a two-digit root code `01` … `20`.
    static func number(_ code: String) -> Int? {
        let digits = Array(code.utf8)
        guard digits.count == 2, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let value = Int(digits[0] - 48) * 10 + Int(digits[1] - 48)
        return (1...20).contains(value) ? value : nil
    }
}
