// MARK: - Results, read from their stored rows

extension EventStudyResults {
    /// The number of series (results per event).
    var seriesCount: Int { series.count }

    /// The stored row of event `event` in series `s` (indexes in range), read in place: no dates,
    /// returns or arrays are made and the series is not copied. For what reads every result but
    /// needs only its status and CAR (a report's counts, distributions and largest CARs); make the
    /// `EventStudyResult` (`result(event:series:)`) only for the results shown.
    func storedRow(event: Int, series s: Int) -> StudyRow { store.row(event: event, series: s) }
}

extension StudyRow {
    /// Whether the result made from this row has status `ok` (`StudyStatus.isOK`): only the code
    /// `.ok` becomes `.computed(.ok)`.
    var isOK: Bool { code == .ok }
}
