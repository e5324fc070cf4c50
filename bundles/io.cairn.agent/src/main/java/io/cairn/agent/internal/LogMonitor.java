package io.cairn.agent.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ops4j.pax.logging.spi.PaxAppender;
import org.ops4j.pax.logging.spi.PaxLoggingEvent;

import io.cairn.go.lang.GoJsonString;
import io.cairn.http.api.StreamSink;

/**
 * The agent's log for {@code /v1/agent/monitor}: a Pax Logging appender (registered as a {@link PaxAppender}
 * service, which Karaf's {@code PaxOsgi} appender feeds every event) that hands each line at or above a
 * client's level to that client's {@link StreamSink}, formatted as Consul's hclog writes it, in text
 * ({@code 2025-05-06T10:00:00.123Z [INFO]  logger: message}) or JSON ({@code ?logjson}). A client whose queue
 * was full is told how many lines it missed with the next line that fits. Lines below the agent's own log level
 * are never produced, so they cannot be monitored either.
 */
final class LogMonitor implements PaxAppender {
    /** The service property Pax Logging names appenders by, and this appender's name. */
    static final String APPENDER_NAME_PROPERTY = "org.ops4j.pax.logging.appender.name";
    static final String APPENDER_NAME = "CairnMonitor";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xx");

    /** Consul's log levels, least severe first. */
    enum Level {
        TRACE, DEBUG, INFO, WARN, ERROR;

        /** A level as Consul's {@code ?loglevel=} names it (any case); {@code warning} is {@code warn}. */
        static Optional<Level> parse(String name) {
            String upper = name.trim().toUpperCase(Locale.ROOT);
            if (upper.equals("WARNING")) {
                return Optional.of(WARN);
            }
            for (Level level : values()) {
                if (level.name().equals(upper)) {
                    return Optional.of(level);
                }
            }
            return Optional.empty();
        }

        /** A Pax Logging level ({@code FATAL} counts as error). */
        static Level ofEvent(String name) {
            return name.equalsIgnoreCase("FATAL") ? ERROR : parse(name).orElse(INFO);
        }

        /** hclog's bracket, padded to the width of the longest: {@code [INFO] }, {@code [ERROR]}. */
        String bracket() {
            return String.format("%-7s", "[" + name() + "]");
        }
    }

    /**
     * One client: its sink, its least level, its format, the dropped lines it has been told of, and the notices
     * of dropped lines that were dropped themselves (the sink counts them among its drops).
     */
    private static final class Subscriber {
        final StreamSink sink;
        final Level level;
        final boolean json;
        long reportedDrops;
        long droppedNotices;

        Subscriber(StreamSink sink, Level level, boolean json) {
            this.sink = sink;
            this.level = level;
            this.json = json;
        }

        synchronized void deliver(Instant time, ZoneId zone, Level level, String logger, String message) {
            long missed = sink.dropped() - droppedNotices - reportedDrops;
            if (missed > 0) {
                String notice = "Monitor dropped " + missed + " logs during monitor request";
                if (sink.offer(line(json, time, zone, Level.WARN, "agent", notice))) {
                    reportedDrops += missed;
                } else {
                    droppedNotices++;
                }
            }
            sink.offer(line(json, time, zone, level, logger, message));
        }
    }

    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ZoneId zone;

    /** @param zone the time zone of the lines' timestamps (the agent's) */
    LogMonitor(ZoneId zone) {
        this.zone = zone;
    }

    /** Sends {@code sink} every line at or above {@code level} until it closes. */
    void subscribe(StreamSink sink, Level level, boolean json) {
        Subscriber subscriber = new Subscriber(sink, level, json);
        subscribers.add(subscriber);
        sink.onClose(() -> subscribers.remove(subscriber));
    }

    /** Ends every client's stream: the agent is stopping. */
    void close() {
        subscribers.forEach(subscriber -> subscriber.sink.close());
    }

    /** How many clients are monitoring now. */
    int subscribers() {
        return subscribers.size();
    }

    /** Called by Pax Logging for every event; must not log itself. */
    @Override
    public void doAppend(PaxLoggingEvent event) {
        if (subscribers.isEmpty()) {
            return;
        }
        String message = event.getRenderedMessage();
        String[] thrown = event.getThrowableStrRep();
        if (thrown != null && thrown.length > 0) {
            message = message + "\n" + String.join("\n", thrown);
        }
        append(Instant.ofEpochMilli(event.getTimeStamp()), Level.ofEvent(event.getLevel().toString()),
                event.getLoggerName(), message);
    }

    /** Hands one log line to every client whose level it reaches. */
    void append(Instant time, Level level, String logger, String message) {
        for (Subscriber subscriber : subscribers) {
            if (level.compareTo(subscriber.level) >= 0) {
                subscriber.deliver(time, zone, level, logger, message);
            }
        }
    }

    /** One line as hclog writes it, newline included. */
    static byte[] line(boolean json, Instant time, ZoneId zone, Level level, String logger, String message) {
        String timestamp = timestamp(time, zone);
        String text = json
                ? "{\"@level\":" + GoJsonString.quote(level.name().toLowerCase(Locale.ROOT)) + ",\"@message\":"
                        + GoJsonString.quote(message) + ",\"@module\":" + GoJsonString.quote(logger)
                        + ",\"@timestamp\":" + GoJsonString.quote(timestamp) + "}"
                : timestamp + " " + level.bracket() + " " + logger + ": " + message;
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Go's {@code 2006-01-02T15:04:05.000Z0700}: {@code Z} in UTC, else the offset as {@code +0200}. */
    static String timestamp(Instant time, ZoneId zone) {
        var local = time.atZone(zone);
        ZoneOffset offset = local.getOffset();
        return TIME.format(local) + (offset.getTotalSeconds() == 0 ? "Z" : OFFSET.format(local));
    }
}
