package io.cairn.cli.monitor;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.cli.http.AgentAddress;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.release.Release;
import io.cairn.go.lang.GoUrl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code cairn monitor}: streams the agent's log lines at {@code -log-level} and above ({@code -log-json} for
 * JSON) from {@code /v1/agent/monitor} until interrupted (Ctrl-C) or until the agent ends the stream, which
 * Consul reports as the remote side having exited (exit 1).
 */
public final class Monitor extends ClientCommand {
  static final String REMOTE_ENDED = "Remote side ended the monitor! This usually means that the\n"
      + "  remote side has exited or crashed.";

  @Override
  public String synopsis() {
    return "Stream logs from a Cairn agent";
  }

  @Override
  protected String usage() {
    return "Usage: cairn monitor [options]\n\n  Shows recent log messages of a Cairn agent, and attaches to the agent,"
        + "\n  outputting log messages as they occur in real time. Stops on Ctrl-C.";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.value("log-level", "<level>", "Log level of the agent (trace, debug, info, warn, error); defaults to "
        + "info.");
    flags.bool("log-json", "Output logs in JSON format.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) throws UsageException {
    URI base = AgentAddress.resolve(flags.string("http-addr", null), console.env());
    String query = "?loglevel=" + GoUrl.queryEscape(flags.string("log-level", "info"))
        + (flags.bool("log-json") ? "&logjson=" : "");
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    api.tls().ifPresent(builder::sslContext);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v1/agent/monitor" + query))
        .header("User-Agent", "cairn/" + Release.VERSION).GET();
    if (!api.token().isEmpty()) {
      request.header("X-Consul-Token", api.token());
    }
    HttpResponse<InputStream> response;
    try {
      response = builder.build().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      console.err().println("Error starting monitor: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      if (response.statusCode() != 200) {
        console.err().println("Error starting monitor: Unexpected response code: " + response.statusCode() + " ("
            + String.join("\n", lines.lines().toList()) + ")");
        return 1;
      }
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        console.out().println(line);
        console.out().flush();
      }
    } catch (IOException e) {
      // the agent went away mid-stream: reported below, as an end of the stream is
    }
    console.out().println(REMOTE_ENDED);
    return 1;
  }
}
