package io.cairn.agent.definitions;

/**
 * A definition that cannot be used. The message is {@code <file>: <field>: <problem>}, without the parts that do
 * not apply: {@code services.json: service.check.interval: invalid duration "10x"} for a config file,
 * {@code Check.Interval: invalid duration "10x"} for an API body, {@code Missing service name}.
 */
public final class DefinitionException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final String field;
    private final String problem;

    /**
     * @param file    the config file, or {@code ""} for an API body
     * @param field   the path of the field as written ({@code services[1].checks[0].ttl}), or {@code ""}
     * @param problem what is wrong and, where it helps, what is accepted
     */
    public DefinitionException(String file, String field, String problem) {
        super(message(file, field, problem));
        this.file = file;
        this.field = field;
        this.problem = problem;
    }

    private static String message(String file, String field, String problem) {
        StringBuilder message = new StringBuilder();
        if (!file.isEmpty()) {
            message.append(file).append(": ");
        }
        if (!field.isEmpty()) {
            message.append(field).append(": ");
        }
        return message.append(problem).toString();
    }

    /** The config file, or {@code ""} for an API body. */
    public String file() {
        return file;
    }

    /** The path of the offending field as written, or {@code ""} when the problem concerns the whole object. */
    public String field() {
        return field;
    }

    /** The problem alone, without file and field. */
    public String problem() {
        return problem;
    }
}
