package io.cairn.cli.template;

import io.cairn.cli.Command;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.HelpRequested;
import io.cairn.cli.flags.UsageException;
import io.cairn.template.internal.config.ConfigException;
import io.cairn.template.internal.config.TemplateSettings;
import io.cairn.template.internal.exec.ChildLauncher;
import io.cairn.template.internal.exec.ChildSupervisor;
import io.cairn.template.internal.exec.ExecSpec;
import io.cairn.template.internal.exec.Session;
import io.cairn.template.internal.exec.SignalSender;
import io.cairn.template.internal.runner.CommandRunner;
import io.cairn.template.internal.runner.GoTemplateCompiler;
import io.cairn.template.internal.runner.HttpQueryClient;
import io.cairn.template.internal.runner.ProcessCommandRunner;
import io.cairn.template.internal.runner.Runner;
import io.cairn.template.internal.runner.RunnerLog;
import io.cairn.template.internal.runner.TemplateOutput;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code cairn template}: consul-template on Cairn. Renders templates from the agent's KV and catalog data with
 * blocking queries, writes the files atomically when they change and runs their commands, once ({@code -once})
 * or until stopped; with {@code -exec} it supervises a child that reads the files.
 */
public final class TemplateCommand implements Command {
  private final SignalSource signals;

  public TemplateCommand() {
    this(SignalSource.process());
  }

  TemplateCommand(SignalSource signals) {
    this.signals = signals;
  }

  @Override
  public String synopsis() {
    return "Renders templates from KV and catalog data (consul-template)";
  }

  @Override
  public int run(List<String> args, Console console) {
    FlagSet flagSet = TemplateFlags.declare();
    try {
      TemplateFlags flags;
      try {
        var parsed = flagSet.parse(args);
        if (!parsed.positional().isEmpty()) {
          throw new UsageException("unexpected argument \"" + parsed.positional().get(0) + "\"");
        }
        flags = new TemplateFlags(parsed, console.env());
      } catch (HelpRequested e) {
        console.err().print(usage(flagSet));
        return 0;
      }
      RunnerLog log = log(console, flags.verbose());
      // Read up front so that usage and config mistakes are reported before anything starts; the first runner
      // uses these settings, each SIGHUP reads them again.
      TemplateSettings first = flags.settings(log::warn);
      flags.address(first);
      AtomicReference<TemplateSettings> unused = new AtomicReference<>(first);
      ExecSpec exec = first.execSpec();
      ChildSupervisor child = exec == null ? null
          : new ChildSupervisor(exec, ChildLauncher.processes(), SignalSender.kill());
      Session session = new Session(listener -> {
        TemplateSettings settings = unused.getAndSet(null);
        if (settings == null) {
          settings = flags.settings(log::warn);
        }
        TemplateOutput output = flags.dry() ? TemplateOutput.dry(console.out()) : TemplateOutput.files();
        CommandRunner commands = flags.dry() ? (argv, timeout) -> { } : new ProcessCommandRunner(log, true);
        URI address = flags.address(settings);
        return new Runner(settings.runnerConfig(flags.once()), new GoTemplateCompiler(Map.of(), console.env()),
            new HttpQueryClient(address, flags.token(settings), flags.tls(address, settings, log::warn)), output,
            commands, log, listener, Clock.systemUTC());
      }, child, log);
      signals.install(session::signal);
      return session.run();
    } catch (UsageException e) {
      console.err().println(e.getMessage() + "\n");
      console.err().print(usage(flagSet));
      return 1;
    } catch (ConfigException e) {
      console.err().println(e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private static RunnerLog log(Console console, boolean verbose) {
    return new RunnerLog() {
      @Override
      public void info(String message) {
        if (verbose) {
          console.err().println("[INFO] " + message);
        }
      }

      @Override
      public void warn(String message) {
        console.err().println("[WARN] " + message);
      }

      @Override
      public void error(String message) {
        console.err().println("[ERR] " + message);
      }
    };
  }

  private static String usage(FlagSet flags) {
    return "Usage: cairn template [options]\n\n"
        + "  Renders templates written for consul-template (Go text/template with its functions: service, key,\n"
        + "  ls, tree, nodes, services, ...) from the agent's data, and re-renders them when the data changes.\n"
        + "  Each file is replaced atomically and only when its content changed; its command then runs once.\n\n"
        + "    cairn template -template nginx.tpl:nginx.cfg -once\n"
        + "    cairn template -template 'nginx.tpl:nginx.cfg:service nginx reload'\n"
        + "    cairn template -template nginx.tpl:nginx.cfg -exec 'nginx -c nginx.cfg'\n\n"
        + "  Config files (-config) are consul-template's settings written as JSON; HCL is not supported.\n"
        + "  SIGHUP re-reads the config and templates (with -exec it goes to the child); SIGINT/SIGTERM stop.\n\n"
        + "Options:\n\n" + flags.describe();
  }
}
