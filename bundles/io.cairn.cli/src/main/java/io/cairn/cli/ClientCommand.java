package io.cairn.cli;

import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.HelpRequested;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.cli.http.AgentAddress;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.TlsConnections;
import java.net.URI;
import java.util.List;

/**
 * Base of the commands that talk to an agent over HTTP: adds Consul's common HTTP and TLS flags ({@link
 * TlsConnections}, used when the address is {@code https://}), parses the command line
 * and prints the usage on {@code -h} (exit 0) or on a bad flag (exit 1).
 */
public abstract class ClientCommand implements Command {

  /** Usage text: synopsis line and description, without the flag list. */
  protected abstract String usage();

  /** Declares the command's own flags. */
  protected abstract void declare(FlagSet flags);

  /**
   * Runs the parsed command. Argument problems are reported by returning 1 after printing to stderr, or by
   * throwing {@link UsageException} to have the usage printed too.
   */
  protected abstract int execute(ParsedFlags flags, ApiClient api, Console console) throws UsageException;

  @Override
  public final int run(List<String> args, Console console) {
    FlagSet flags = new FlagSet();
    declare(flags);
    flags.value("http-addr", "<address>", "The address of the Cairn agent, e.g. 127.0.0.1:8500 or "
        + "http://127.0.0.1:8500. Defaults to CAIRN_HTTP_ADDR, then CONSUL_HTTP_ADDR, then 127.0.0.1:8500.");
    flags.value("token", "<value>", "ACL token to use in the request. Defaults to CAIRN_HTTP_TOKEN, then "
        + "CONSUL_HTTP_TOKEN.");
    flags.value("datacenter", "<name>", "Name of the datacenter to query. Defaults to the agent's.");
    TlsConnections.declare(flags);
    try {
      ParsedFlags parsed = flags.parse(args);
      URI address = AgentAddress.resolve(parsed.string("http-addr", null), console.env());
      ApiClient api = new ApiClient(address,
          parsed.last("token").orElseGet(() -> firstEnv(console, "CAIRN_HTTP_TOKEN", "CONSUL_HTTP_TOKEN")),
          parsed.string("datacenter", ""),
          "https".equals(address.getScheme()) ? TlsConnections.resolve(parsed, console.env()) : null);
      return execute(parsed, api, console);
    } catch (HelpRequested e) {
      console.err().print(usage() + "\n\nOptions:\n\n" + flags.describe());
      return 0;
    } catch (UsageException e) {
      console.err().println(e.getMessage());
      console.err().print("\n" + usage() + "\n\nOptions:\n\n" + flags.describe());
      return 1;
    }
  }

  private static String firstEnv(Console console, String... names) {
    for (String name : names) {
      String value = console.env().get(name);
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return "";
  }
}
