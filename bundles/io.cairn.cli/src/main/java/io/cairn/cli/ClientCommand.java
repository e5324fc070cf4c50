package io.cairn.cli;

import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.HelpRequested;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.cli.http.AgentAddress;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.TlsConnections;
import io.cairn.cli.http.TokenSource;
import java.net.URI;
import java.util.List;

/**
 * Base of the commands that talk to an agent over HTTP: adds Consul's common HTTP and TLS flags ({@link
 * TlsConnections}, used when the address is {@code https://}) and the ACL token flags of {@link TokenSource},
 * parses the command line and prints the usage on {@code -h} (exit 0) or on a bad flag (exit 1).
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
    TokenSource.declare(flags);
    flags.value("datacenter", "<name>", "Name of the datacenter to query. Defaults to the agent's.");
    TlsConnections.declare(flags);
    try {
      ParsedFlags parsed = flags.parse(args);
      URI address = AgentAddress.resolve(parsed.string("http-addr", null), console.env());
      ApiClient api = new ApiClient(address,
          TokenSource.resolve(parsed, console.env()),
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
    } catch (TokenSource.TokenFileException e) {
      console.err().println(e.getMessage());
      return 1;
    }
  }
}
