package io.cairn.metrics.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;

/**
 * Renders meters in the shape of Consul's {@code GET /v1/agent/metrics} JSON:
 * {@code {Timestamp, Gauges[{Name,Value,Labels}], Points[], Counters[...], Samples[...]}}, where counters and
 * samples carry {@code Name, Count, Rate, Sum, Min, Max, Mean, Stddev, Labels}.
 * <p>
 * Consul reports the last ten-second interval; these values are cumulative since the agent started, and
 * {@code Rate} is per second over that time. Durations are in milliseconds, as in Consul. Micrometer keeps no
 * minimum or deviation, so {@code Min} and {@code Stddev} are 0; {@code Max} is the largest value of the
 * last few minutes. Gauges without a value (NaN) are left out, since JSON cannot carry NaN.
 */
final class ConsulJson {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ConsulJson() {
    }

    /**
     * @param meters        the meters to render
     * @param now           the time of the snapshot
     * @param uptimeSeconds how long the meters have been counting, for {@code Rate}
     */
    static Map<String, Object> render(Iterable<Meter> meters, Instant now, double uptimeSeconds) {
        List<Map<String, Object>> gauges = new ArrayList<>();
        List<Map<String, Object>> counters = new ArrayList<>();
        List<Map<String, Object>> samples = new ArrayList<>();
        double seconds = Math.max(uptimeSeconds, 1);
        for (Meter meter : meters) {
            String name = meter.getId().getName();
            Map<String, String> labels = labels(meter);
            meter.use(
                    gauge -> addGauge(gauges, name, gauge.value(), labels),
                    counter -> counters.add(aggregate(name, (long) counter.count(), counter.count(), 0, seconds, labels)),
                    timer -> samples.add(timer(name, timer, seconds, labels)),
                    summary -> samples.add(aggregate(name, summary.count(), summary.totalAmount(), summary.max(),
                            seconds, labels)),
                    longTask -> samples.add(aggregate(name, longTask.activeTasks(),
                            longTask.duration(TimeUnit.MILLISECONDS), longTask.max(TimeUnit.MILLISECONDS), seconds,
                            labels)),
                    timeGauge -> addGauge(gauges, name, timeGauge.value(TimeUnit.MILLISECONDS), labels),
                    functionCounter -> counters.add(aggregate(name, (long) functionCounter.count(),
                            functionCounter.count(), 0, seconds, labels)),
                    functionTimer -> samples.add(aggregate(name, (long) functionTimer.count(),
                            functionTimer.totalTime(TimeUnit.MILLISECONDS), 0, seconds, labels)),
                    other -> { });
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Timestamp", TIMESTAMP.format(now));
        body.put("Gauges", gauges);
        body.put("Points", List.of());
        body.put("Counters", counters);
        body.put("Samples", samples);
        return body;
    }

    private static void addGauge(List<Map<String, Object>> gauges, String name, double value,
            Map<String, String> labels) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return;
        }
        Map<String, Object> gauge = new LinkedHashMap<>();
        gauge.put("Name", name);
        gauge.put("Value", value);
        gauge.put("Labels", labels);
        gauges.add(gauge);
    }

    private static Map<String, Object> timer(String name, Timer timer, double seconds, Map<String, String> labels) {
        return aggregate(name, timer.count(), timer.totalTime(TimeUnit.MILLISECONDS), timer.max(TimeUnit.MILLISECONDS),
                seconds, labels);
    }

    private static Map<String, Object> aggregate(String name, long count, double sum, double max, double seconds,
            Map<String, String> labels) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Name", name);
        out.put("Count", count);
        out.put("Rate", finite(sum / seconds));
        out.put("Sum", finite(sum));
        out.put("Min", 0.0);
        out.put("Max", finite(max));
        out.put("Mean", count == 0 ? 0.0 : finite(sum / count));
        out.put("Stddev", 0.0);
        out.put("Labels", labels);
        return out;
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0.0;
    }

    private static Map<String, String> labels(Meter meter) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Tag tag : meter.getId().getTagsAsIterable()) {
            labels.put(tag.getKey(), tag.getValue());
        }
        return labels;
    }
}
