import Metrics
import Prometheus

/// Marquee's Prometheus metrics: the process-wide registry behind swift-metrics, plus the model gauges.
///
/// swift-metrics can be bootstrapped once per process, so the registry is created on first use and
/// shared by every application the process builds (tests build several).
enum ServerMetrics {
    /// The registry `/metrics` renders; bootstraps swift-metrics on first use.
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// Sets the model gauges: `marquee_model_version` and `marquee_model_training_seconds`.
    static func recordModel(_ model: ServingModel) {
        _ = registry
        Gauge(label: "marquee_model_version").record(model.version)
        Gauge(label: "marquee_model_training_seconds").record(model.fitSeconds)
    }

    /// The registry's metrics in the Prometheus text format.
    static func exposition() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
