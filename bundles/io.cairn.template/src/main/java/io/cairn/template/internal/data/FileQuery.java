package io.cairn.template.internal.data;

import java.nio.file.Path;

/** A local file read by {@code file}. */
public record FileQuery(Path path) implements FileDependency {

    @Override
    public String describe() {
        return "file(" + path + ")";
    }
}
