/**
 * The contract between Cairn's HTTP server and the subsystems that serve the {@code /v1} API.
 * <p>
 * A subsystem registers an {@link io.cairn.http.api.HttpEndpoints} service whose
 * {@link io.cairn.http.api.HttpEndpoints#routes routes} method is its route table: one readable page of its
 * API. The server does everything that is the same for every endpoint once: method checks (405 with
 * {@code Allow}), plain-text errors, JSON decoding with case-insensitive field names, {@code ?pretty}, gzip,
 * consistency modes, {@code ?filter=} over the elements of an answer, refusing a {@code ?dc=} for another
 * datacenter, {@code X-Consul-*} headers, blocking queries held without a thread each (and given up as soon as
 * their client hangs up), and the limits that keep one client from taking the agent down: a largest body per route,
 * a time limit for receiving a request, and a limit on concurrent connections per client address.
 * <p>
 * A {@link io.cairn.http.api.Response#stream streamed} response (the agent's log for {@code /v1/agent/monitor})
 * is sent chunk by chunk while its client stays, through a bounded queue per client
 * ({@link io.cairn.http.api.StreamSink}).
 * <p>
 * {@link io.cairn.http.api.QueryParameters} is the one reading of a request's query parameters, shared by the
 * server's requests and the fake requests of endpoint tests; {@link io.cairn.http.api.ElementFilter} is the one
 * {@code ?filter=} over an answer's elements, shared by the server and the route table of endpoint tests.
 * <p>
 * A {@link io.cairn.http.api.FallbackHandler} service serves the {@code /v1} paths no route serves (a client
 * agent forwards them to the servers).
 */
@Export
@Version("1.11.0")
package io.cairn.http.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
