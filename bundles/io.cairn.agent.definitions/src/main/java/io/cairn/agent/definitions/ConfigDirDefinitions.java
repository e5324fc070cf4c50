package io.cairn.agent.definitions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.cairn.hcl.lang.HclException;

/**
 * The service and check definitions of config dirs and files, read the way Consul reads {@code -config-dir}
 * and {@code -config-file}: a dir contributes its {@code *.json} and {@code *.hcl} files (not its subdirectories)
 * in lexical order of their names; other files in a dir are skipped. A {@code *.hcl} file is HCL
 * ({@link HclConfig}), any other file JSON. Every error names the file and the field (an HCL syntax error its line
 * and column).
 */
public final class ConfigDirDefinitions {

    private ConfigDirDefinitions() {
    }

    /** The definitions of every {@code *.json} and {@code *.hcl} file in {@code dir}. */
    public static Definitions load(Path dir) throws DefinitionException {
        return load(List.of(dir), List.of());
    }

    /** The definitions of one config file: HCL for a {@code *.hcl} file, JSON whatever the other's extension. */
    public static Definitions loadFile(Path file) throws DefinitionException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DefinitionException(file.toString(), "", "cannot read the file: " + e);
        }
        if (!HclConfig.isHcl(file)) {
            return DefinitionParser.configFile(file.toString(), text);
        }
        Map<String, Object> tree;
        try {
            tree = HclConfig.read(text);
        } catch (HclException e) {
            throw new DefinitionException(file.toString(), "", "invalid HCL: " + e.getMessage());
        }
        return DefinitionParser.hclConfigFile(file.toString(), tree);
    }

    /** The definitions of the dirs (each as {@link #load(Path)}) and then of the files, in the order given. */
    public static Definitions load(List<Path> dirs, List<Path> files) throws DefinitionException {
        Definitions all = Definitions.NONE;
        for (Path dir : dirs) {
            for (Path file : configFiles(dir)) {
                all = all.plus(loadFile(file));
            }
        }
        for (Path file : files) {
            all = all.plus(loadFile(file));
        }
        return all;
    }

    private static List<Path> configFiles(Path dir) throws DefinitionException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(ConfigFileTree::isConfigFile)
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new DefinitionException(dir.toString(), "", "cannot read the config dir: " + e);
        }
    }
}
