package io.cairn.cli.exec;

import io.cairn.go.lang.GoJsonString;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The JSON documents of a remote execution, as {@code consul exec} writes them: the job spec stored at
 * {@code <prefix>/<session>/job} ({@code Command} for a shell line, {@code Args} for a direct command,
 * {@code Script} (base64) for a script read from stdin, {@code Wait} in nanoseconds) and the {@code _rexec}
 * event's payload ({@code Prefix}, {@code Session}).
 */
final class ExecJob {

  private ExecJob() {}

  static byte[] spec(String command, List<String> args, byte[] script, Duration wait) {
    StringBuilder out = new StringBuilder("{");
    if (!command.isEmpty()) {
      out.append("\"Command\":").append(GoJsonString.quote(command)).append(',');
    }
    if (!args.isEmpty()) {
      out.append("\"Args\":[");
      for (int i = 0; i < args.size(); i++) {
        out.append(i == 0 ? "" : ",").append(GoJsonString.quote(args.get(i)));
      }
      out.append("],");
    }
    if (script.length > 0) {
      out.append("\"Script\":\"").append(Base64.getEncoder().encodeToString(script)).append("\",");
    }
    out.append("\"Wait\":").append(wait.toNanos()).append('}');
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] event(String prefix, String session) {
    return ("{\"Prefix\":" + GoJsonString.quote(prefix) + ",\"Session\":" + GoJsonString.quote(session) + "}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
