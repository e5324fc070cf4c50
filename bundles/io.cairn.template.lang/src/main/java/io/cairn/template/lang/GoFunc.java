package io.cairn.template.lang;

import java.util.List;

/**
 * A function callable from templates by name (Go's FuncMap entry). It receives the evaluated arguments in the
 * {@linkplain Template value model} and returns one value in that model; when the pipeline feeds it, the piped
 * value is the last argument. Throwing stands for Go's second, error result: execution stops with
 * {@code error calling NAME: <exception message>} located at the call. Implementations must be safe to call from
 * several executions at once.
 */
@FunctionalInterface
public interface GoFunc {
    /**
     * @param args the arguments, possibly empty; a nil or missing value is {@code null}
     * @return the result, {@code null} for nil
     * @throws Exception to fail the execution with this exception's message
     */
    Object call(List<Object> args) throws Exception;
}
