package io.cairn.cli.agent;

import io.cairn.cli.Command;
import io.cairn.cli.Console;
import io.cairn.cli.flags.HelpRequested;
import io.cairn.cli.flags.UsageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Java half of {@code bin/cairn agent}: checks the flags and config files ({@link AgentConfig}), resolves the
 * settings and prints the launch plan ({@link AgentPlan#render}) on stdout, console banner included. The script then starts Karaf with it. Any problem is
 * reported on stderr with exit code 1 before anything starts. A new data dir gets the installation's
 * {@link KarafSeed} ({@code bin/cairn} names the installation in the {@code cairn.home} system property).
 */
public final class AgentCommand implements Command {
  private final HostInfo host;
  private final Optional<KarafSeed> seed;

  public AgentCommand() {
    this(HostInfo.system(), Optional.ofNullable(System.getProperty("cairn.home")).map(Path::of).map(KarafSeed::new));
  }

  AgentCommand(HostInfo host, Optional<KarafSeed> seed) {
    this.host = host;
    this.seed = seed;
  }

  @Override
  public String synopsis() {
    return "Runs a Cairn agent";
  }

  @Override
  public int run(List<String> args, Console console) {
    try {
      AgentRequest request = AgentRequest.parse(args);
      AgentPlan plan = AgentConfig.plan(request.dev(), request.sources(), request.flags(), host);
      ListenCheck.verify(plan, host);
      DataDir.Prepared dir = DataDir.prepare(plan.dataDir());
      AgentSecrets.write(dir.path(), plan.secrets());
      seed(AgentPlan.karafData(dir.path()), console);
      console.out().print(plan.render(dir.path(), dir.nodeId(), dir.temporary()));
      console.out().flush();
      return 0;
    } catch (HelpRequested e) {
      console.err().print(usage());
      return 0;
    } catch (UsageException e) {
      console.err().println("==> " + e.getMessage() + "\n");
      console.err().print(usage());
      return 1;
    } catch (ConfigException e) {
      console.err().println("==> " + e.getMessage());
      return 1;
    }
  }

  /** The seed only saves time: an agent whose data dir could not be seeded provisions Karaf itself. */
  private void seed(Path karafData, Console console) {
    if (seed.isPresent()) {
      try {
        seed.get().seed(karafData);
      } catch (IOException e) {
        console.err().println("==> Karaf will provision " + karafData + " itself; copying "
            + seed.get().dir() + " failed: " + e);
      }
    }
  }

  private static String usage() {
    return "Usage: cairn agent [options]\n\n"
        + "  Starts a Cairn agent in the foreground (Ctrl-C stops it). Settings come from JSON and HCL files given\n"
        + "  with -config-file/-config-dir (Consul key names), from flags, which win over files, and from -hcl\n"
        + "  fragments, which win over flags.\n\n"
        + "Options:\n\n" + AgentRequest.flagSet().describe();
  }
}
