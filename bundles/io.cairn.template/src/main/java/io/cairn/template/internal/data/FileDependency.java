package io.cairn.template.internal.data;

import java.nio.file.Path;

/**
 * A local file that a template reads with {@code file}: the runner supplies its content (a {@link String},
 * decoded as UTF-8) as the value and re-renders the template when the file changes. A file that cannot be read
 * is an error the runner reports; the template waits until the file can be read.
 */
public interface FileDependency extends Dependency {

    /** The file, as the template named it (trimmed). */
    Path path();
}
