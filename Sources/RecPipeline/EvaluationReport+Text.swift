import RecEvaluation

extension EvaluationReport {
    /// The report as a table of folds with a mean row.
    public var text: String {
        let rows = folds.map { fold in
            [fold.fold, TextTable.fixed(fold.rmse, digits: 4), TextTable.fixed(fold.mae, digits: 4),
             TextTable.seconds(fold.fitSeconds), TextTable.seconds(fold.predictSeconds)]
        } + [["mean", TextTable.fixed(rmse, digits: 4), TextTable.fixed(mae, digits: 4),
              TextTable.seconds(fitSeconds), TextTable.seconds(predictSeconds)]]
        let memory = peakRSSMiB.map { ", peak RSS \(TextTable.fixed($0, digits: 1)) MiB" } ?? ""
        return "\(algorithm) on \(dataset) (\(split))\(memory)\n"
            + TextTable(header: ["fold", "rmse", "mae", "fit", "predict"], rows: rows).text
    }
}
