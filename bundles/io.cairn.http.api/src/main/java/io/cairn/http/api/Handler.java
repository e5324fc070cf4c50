package io.cairn.http.api;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Serves one request. May complete later (no thread is held while the stage is pending). Throw or complete
 * exceptionally with {@link HttpException} for a 4xx/5xx with a plain-text message; any other failure becomes
 * a 500 whose body is the exception's message.
 */
@ConsumerType
@FunctionalInterface
public interface Handler {
    CompletionStage<Response> handle(Request request);
}
