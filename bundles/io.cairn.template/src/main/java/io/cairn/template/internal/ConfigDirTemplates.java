package io.cairn.template.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.agent.definitions.ConfigFileTree;
import io.cairn.template.internal.config.ConfigException;
import io.cairn.template.internal.config.ConfigFileReader;
import io.cairn.template.internal.config.SslSettings;
import io.cairn.template.internal.runner.RunnerLog;
import io.cairn.template.internal.runner.TemplateSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code template} stanzas of the agent's config files: {@code "template": [{"source": ..., "destination":
 * ..., "command": ...}]} (or one object) in any {@code *.json} or {@code *.hcl} of a config dir, or in a config
 * file (in HCL, {@code template { ... }} blocks, each one template: {@link ConfigFileTree}). Relative
 * paths are relative to the file's directory. A file with a broken stanza is reported and skipped; the others
 * still render. The files may also say how the templates reach the agent's API, with consul-template's
 * {@code "consul": {"ssl": {...}}} block (a later file replaces what an earlier one set).
 * <p>
 * The files are read again periodically ({@link #changed}), so an edited stanza takes effect without restarting
 * the agent, whether or not the agent is told to reload; a problem is reported once, not at every reading.
 */
final class ConfigDirTemplates {
    private final List<Path> dirs;
    private final List<Path> files;
    private Stanzas last;
    private List<String> lastProblems = List.of();

    /** What the files say: the templates, and the TLS to the agent ({@link SslSettings#NONE} when not set). */
    record Stanzas(List<TemplateSpec> templates, SslSettings ssl) {}

    ConfigDirTemplates(List<Path> dirs, List<Path> files) {
        this.dirs = List.copyOf(dirs);
        this.files = List.copyOf(files);
    }

    /**
     * Reads the stanzas; returns them if they differ from the previous reading (always on the first), and logs
     * the problems found if they differ from the previous reading's.
     */
    synchronized Optional<Stanzas> changed(RunnerLog log) {
        List<String> problems = new ArrayList<>();
        Stanzas stanzas = read(problems);
        if (!problems.equals(lastProblems)) {
            problems.forEach(log::warn);
            lastProblems = problems;
        }
        if (stanzas.equals(last)) {
            return Optional.empty();
        }
        last = stanzas;
        return Optional.of(stanzas);
    }

    private Stanzas read(List<String> problems) {
        List<Path> all = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> entries = Files.list(dir)) {
                entries.filter(ConfigFileTree::isConfigFile).filter(Files::isRegularFile)
                        .sorted().forEach(all::add);
            } catch (IOException e) {
                problems.add("config dir " + dir + ": cannot list it (" + e.getMessage() + ")");
            }
        }
        all.addAll(files);
        List<TemplateSpec> templates = new ArrayList<>();
        SslSettings ssl = SslSettings.NONE;
        for (Path file : all) {
            try {
                JsonNode root = ConfigFileTree.read(file);
                Path dir = file.toAbsolutePath().getParent();
                JsonNode stanza = root == null ? null : root.get("template");
                if (stanza != null && !stanza.isNull()) {
                    String where = "config file " + file + ", field \"template\"";
                    templates.addAll(ConfigFileReader.templates(stanza, where, dir));
                }
                JsonNode sslBlock = root == null ? null : root.path("consul").get("ssl");
                if (sslBlock != null) {
                    ssl = ssl.overriddenBy(ConfigFileReader.ssl(sslBlock, "config file " + file
                            + ", field \"consul\".ssl", dir));
                }
            } catch (IOException e) {
                problems.add("config file " + file + ": cannot read its templates (" + e.getMessage() + ")");
            } catch (ConfigException e) {
                problems.add(e.getMessage());
            }
        }
        return new Stanzas(templates, ssl);
    }
}
