package io.cairn.cli.kv;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.DataSource;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code cairn kv put}: writes one value, optionally check-and-set, with flags, or taking a lock. */
public final class KvPut extends ClientCommand {

  @Override
  public String synopsis() {
    return "Sets or updates data in the KV store";
  }

  @Override
  protected String usage() {
    return "Usage: cairn kv put [options] KEY [DATA]\n\n"
        + "  Writes DATA to KEY. DATA may be @path to read a file, or - to read stdin; without DATA the value\n"
        + "  is empty.";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.bool("acquire", "Obtain a lock on the key with the session given by -session.");
    flags.bool("base64", "Treat the data as base 64 encoded.");
    flags.bool("cas", "Perform a check-and-set operation; requires -modify-index.");
    flags.value("flags", "<uint>", "Unsigned integer value to assign to this KV pair.");
    flags.value("modify-index", "<uint>", "Index the key must have for -cas to write.");
    flags.bool("release", "Release the lock on the key held by the session given by -session.");
    flags.value("session", "<string>", "Session for -acquire and -release.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) throws UsageException {
    long flagsValue = flags.unsigned("flags", 0);
    long modifyIndex = flags.unsigned("modify-index", 0);
    List<String> args = flags.positional();
    if (args.isEmpty()) {
      console.err().println("Error! Missing KEY argument");
      return 1;
    }
    if (args.size() > 2) {
      console.err().println("Error! Too many arguments (expected 1 or 2, got " + args.size() + ")");
      return 1;
    }
    String key = args.get(0);
    byte[] data;
    try {
      data = args.size() == 2 ? DataSource.read(args.get(1), console.in()) : new byte[0];
    } catch (DataSource.DataSourceException e) {
      console.err().println("Error! " + e.getMessage());
      return 1;
    }
    if (flags.bool("base64")) {
      try {
        data = Base64.getDecoder().decode(new String(data, StandardCharsets.US_ASCII).trim());
      } catch (IllegalArgumentException e) {
        console.err().println("Error! Cannot base 64 decode data: " + e.getMessage());
        return 1;
      }
    }
    boolean acquire = flags.bool("acquire");
    boolean release = flags.bool("release");
    String session = flags.string("session", "");
    if ((acquire || release) && session.isEmpty()) {
      console.err().println("Error! Missing -session (required with -acquire and -release)");
      return 1;
    }
    boolean cas = flags.bool("cas");
    if (cas && modifyIndex == 0) {
      console.err().println("Must specify -modify-index with -cas!");
      return 1;
    }
    Map<String, String> query = new HashMap<>();
    if (flagsValue != 0) {
      query.put("flags", Long.toUnsignedString(flagsValue));
    }
    String done = "Success! Data written to: " + key;
    String refused = "Error! Did not write to " + key + ": CAS failed";
    if (cas) {
      query.put("cas", Long.toUnsignedString(modifyIndex));
    } else if (acquire) {
      query.put("acquire", session);
      done = "Success! Lock acquired on: " + key;
      refused = "Error! Did not acquire lock";
    } else if (release) {
      query.put("release", session);
      done = "Success! Lock released on: " + key;
      refused = "Error! Did not release lock";
    }
    try {
      String answer = api.send("PUT", "/v1/kv/" + key, query, data, 200).text();
      // Consul's client looks for "true" only when the write was conditional; a plain put always succeeds.
      if ((cas || acquire || release) && !answer.contains("true")) {
        console.err().println(refused);
        return 1;
      }
    } catch (ApiException e) {
      // Consul's release error names the key instead of the error; kept so scripts see the same text.
      String reason = release && !cas ? key : e.getMessage();
      console.err().println((cas ? "Error! Did not write to " + key + ": " : "Error! Failed writing data: ")
          + reason);
      return 1;
    }
    console.out().println(done);
    return 0;
  }
}
