import Foundation
import Logging
import RecPipeline
import RecStore
import ServiceLifecycle

/// Trains a new model in the background when the ``ModelRegistry`` asks (after N events, an admin's
/// `POST /v1/train`, or at start when none is stored) or on a schedule, and swaps it in.
///
/// One training runs at a time; requests that arrive meanwhile collapse into one more run. A failed
/// training is logged and leaves the model in use serving. With ``followSeconds`` > 0 it also checks the
/// store at that interval for a model another replica trained, and swaps it in.
struct RetrainingService: Service {
    let store: any Store
    let registry: ModelRegistry
    let algorithm: TopNAlgorithm
    let intervalSeconds: Double
    /// Seconds between checks for a model trained by another replica; 0 never checks.
    var followSeconds: Double = 0
    let logger: Logger

    func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            if intervalSeconds > 0 {
                group.addTask {
                    while !Task.isCancelled {
                        try await Task.sleep(for: .seconds(intervalSeconds))
                        if await registry.eventsSinceTraining > 0 { await registry.requestTraining() }
                    }
                }
            }
            if followSeconds > 0 {
                group.addTask {
                    while !Task.isCancelled {
                        try await Task.sleep(for: .seconds(followSeconds))
                        await follow()
                    }
                }
            }
            group.addTask {
                if await registry.model == nil { await registry.requestTraining() }
                for await _ in registry.trainingRequests.cancelOnGracefulShutdown() {
                    await retrain()
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Installs the store's newest model if it differs from the one in use (another replica trained it);
    /// logs instead of throwing, so serving goes on.
    func follow() async {
        do {
            let current = await registry.model?.name
            guard let (model, record) = try await TopNTraining.latestModel(in: store, unless: current) else { return }
            await registry.install(try ServingModel(model, record: record), eventsDuringTraining: 0,
                                   inputs: try await ServingInputs.load(from: store))
            logger.info("installed a model trained elsewhere", metadata: ["model": "\(record.name) v\(record.version)"])
        } catch {
            logger.error("reading the stored model failed; the previous model keeps serving", metadata: ["error": "\(error)"])
        }
    }

    /// Trains, stores and installs one model; logs instead of throwing, so serving goes on.
    func retrain() async {
        let eventsBefore = await registry.eventsSinceTraining
        do {
            // Replicas sharing a PostgreSQL database train one at a time; the others follow its model.
            guard let summary = try await store.withExclusiveLock("topn-training", {
                try await TopNTraining.train(algorithm, store: store)
            }) else {
                logger.info("another replica is training; keeping the model in use")
                return
            }
            guard let (model, record) = try await TopNTraining.latestModel(in: store) else { return }
            await registry.install(try ServingModel(model, record: record), eventsDuringTraining: eventsBefore,
                                   inputs: try await ServingInputs.load(from: store))
            logger.info("trained a new model", metadata: [
                "model": "\(record.name) v\(summary.version)", "positives": "\(summary.positiveCount)",
                "fit_seconds": "\(summary.fitSeconds)"])
        } catch {
            logger.error("training failed; the previous model keeps serving", metadata: ["error": "\(error)"])
        }
    }
}
