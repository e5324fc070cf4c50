package io.cairn.agent.definitions;

/**
 * Where in which document a value sits, for error messages; also whether the document is a config file (unknown
 * keys are errors, as in Consul's config loader) or an API body (unknown keys are ignored, as Go's JSON decoder
 * does).
 */
record Where(String file, String path, boolean configFile) {

    static Where apiBody() {
        return new Where("", "", false);
    }

    static Where configFile(String file) {
        return new Where(file, "", true);
    }

    /** The field {@code key} (as written) of the object here. */
    Where field(String key) {
        return new Where(file, path.isEmpty() ? key : path + "." + key, configFile);
    }

    /** Element {@code index} of the array here. */
    Where element(int index) {
        return new Where(file, path + "[" + index + "]", configFile);
    }

    /** A problem with the value here. */
    DefinitionException fail(String problem) {
        return new DefinitionException(file, path, problem);
    }

    /**
     * A required field {@code key} is missing from the object here. A config file's message names the field;
     * an API body's is Consul's bare text ({@code Missing service name}), which clients know.
     */
    DefinitionException missing(String key, String problem) {
        return configFile ? field(key).fail(problem) : new DefinitionException(file, "", problem);
    }
}
