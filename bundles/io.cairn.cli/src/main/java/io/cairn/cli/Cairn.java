package io.cairn.cli;

import io.cairn.cli.acl.AclBootstrap;
import io.cairn.cli.acl.AclDelete;
import io.cairn.cli.acl.AclList;
import io.cairn.cli.acl.AclRead;
import io.cairn.cli.acl.PolicyCreate;
import io.cairn.cli.acl.PolicyUpdate;
import io.cairn.cli.acl.RoleCreate;
import io.cairn.cli.acl.RoleUpdate;
import io.cairn.cli.acl.TokenClone;
import io.cairn.cli.acl.TokenCreate;
import io.cairn.cli.acl.TokenUpdate;
import io.cairn.cli.agent.AgentCommand;
import io.cairn.cli.catalog.CatalogDatacenters;
import io.cairn.cli.catalog.CatalogNodes;
import io.cairn.cli.catalog.CatalogServices;
import io.cairn.cli.event.Event;
import io.cairn.cli.exec.Exec;
import io.cairn.cli.forceleave.ForceLeave;
import io.cairn.cli.info.Info;
import io.cairn.cli.join.Join;
import io.cairn.cli.keygen.Keygen;
import io.cairn.cli.keyring.Keyring;
import io.cairn.cli.kv.KvDelete;
import io.cairn.cli.kv.KvExport;
import io.cairn.cli.kv.KvGet;
import io.cairn.cli.kv.KvImport;
import io.cairn.cli.kv.KvPut;
import io.cairn.cli.leave.Leave;
import io.cairn.cli.lock.Lock;
import io.cairn.cli.maint.Maint;
import io.cairn.cli.members.Members;
import io.cairn.cli.monitor.Monitor;
import io.cairn.cli.operator.OperatorCommands;
import io.cairn.cli.reload.Reload;
import io.cairn.cli.replicate.Replicate;
import io.cairn.cli.rtt.Rtt;
import io.cairn.cli.services.ServicesDeregister;
import io.cairn.cli.snapshot.SnapshotCommands;
import io.cairn.cli.services.ServicesRegister;
import io.cairn.cli.template.TemplateCommand;
import io.cairn.cli.tls.TlsCaCreate;
import io.cairn.cli.tls.TlsCertCreate;
import io.cairn.cli.validate.Validate;
import io.cairn.cli.watch.Watch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code bin/cairn} for everything but running Karaf: the Consul-style client commands and the
 * {@code agent} launch plan. Runs on the plain class path, without OSGi, and must start fast.
 */
public final class Cairn {
  private Cairn() {}

  public static void main(String[] args) {
    Console console = new Console(System.in, System.out, System.err, System.getenv());
    int code = run(List.of(args), console);
    System.out.flush();
    System.exit(code);
  }

  /** Runs one command line; {@code -v}, {@code -version} and {@code --version} act like {@code version}. */
  static int run(List<String> args, Console console) {
    if (!args.isEmpty() && List.of("-v", "-version", "--version").contains(args.get(0))) {
      return new VersionCommand().run(args.subList(1, args.size()), console);
    }
    return commands().run(args, console);
  }

  /** The whole command tree. */
  static Command commands() {
    Map<String, Command> kv = new LinkedHashMap<>();
    kv.put("delete", new KvDelete());
    kv.put("export", new KvExport());
    kv.put("get", new KvGet());
    kv.put("import", new KvImport());
    kv.put("put", new KvPut());
    Map<String, Command> catalog = new LinkedHashMap<>();
    catalog.put("datacenters", new CatalogDatacenters());
    catalog.put("nodes", new CatalogNodes());
    catalog.put("services", new CatalogServices());
    Map<String, Command> services = new LinkedHashMap<>();
    services.put("deregister", new ServicesDeregister());
    services.put("register", new ServicesRegister());
    Map<String, Command> tls = new LinkedHashMap<>();
    tls.put("ca", new CommandGroup("cairn tls ca", "Helpers for CAs", Map.of("create", new TlsCaCreate())));
    tls.put("cert", new CommandGroup("cairn tls cert", "Helpers for certificates",
        Map.of("create", new TlsCertCreate())));
    Map<String, Command> top = new LinkedHashMap<>();
    top.put("acl", new CommandGroup("cairn acl", "Interact with Cairn's ACLs", acl()));
    top.put("agent", new AgentCommand());
    top.put("catalog", new CommandGroup("cairn catalog", "Interact with the catalog", catalog));
    top.put("event", new Event());
    top.put("exec", new Exec());
    top.put("force-leave", new ForceLeave());
    top.put("info", new Info());
    top.put("join", new Join());
    top.put("keygen", new Keygen());
    top.put("keyring", new Keyring());
    top.put("kv", new CommandGroup("cairn kv", "Interact with the key-value store", kv));
    top.put("leave", new Leave());
    top.put("lock", new Lock());
    top.put("maint", new Maint());
    top.put("members", new Members());
    top.put("monitor", new Monitor());
    top.put("operator", OperatorCommands.group());
    top.put("reload", new Reload());
    top.put("replicate", new Replicate());
    top.put("rtt", new Rtt());
    top.put("services", new CommandGroup("cairn services", "Interact with services", services));
    top.put("snapshot", SnapshotCommands.group());
    top.put("template", new TemplateCommand());
    top.put("tls", new CommandGroup("cairn tls", "Builtin helpers for creating CAs and certificates", tls));
    top.put("validate", new Validate());
    top.put("version", new VersionCommand());
    top.put("watch", new Watch());
    return new CommandGroup("cairn", "Consul-compatible service discovery and KV store", top);
  }

  /** {@code cairn acl}: bootstrap, and the tokens, policies and roles subcommands. */
  private static Map<String, Command> acl() {
    Map<String, Command> policy = new LinkedHashMap<>();
    policy.put("create", new PolicyCreate());
    policy.put("list", AclList.policies());
    policy.put("read", AclRead.policy());
    policy.put("update", new PolicyUpdate());
    policy.put("delete", AclDelete.policy());
    Map<String, Command> token = new LinkedHashMap<>();
    token.put("create", new TokenCreate());
    token.put("list", AclList.tokens());
    token.put("read", AclRead.token());
    token.put("update", new TokenUpdate());
    token.put("delete", AclDelete.token());
    token.put("clone", new TokenClone());
    Map<String, Command> role = new LinkedHashMap<>();
    role.put("create", new RoleCreate());
    role.put("list", AclList.roles());
    role.put("read", AclRead.role());
    role.put("update", new RoleUpdate());
    role.put("delete", AclDelete.role());
    Map<String, Command> acl = new LinkedHashMap<>();
    acl.put("bootstrap", new AclBootstrap());
    acl.put("policy", new CommandGroup("cairn acl policy", "Manage Cairn's ACL policies", policy));
    acl.put("role", new CommandGroup("cairn acl role", "Manage Cairn's ACL roles", role));
    acl.put("token", new CommandGroup("cairn acl token", "Manage Cairn's ACL tokens", token));
    return acl;
  }
}
